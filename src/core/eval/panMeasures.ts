/**
 * The PAN plagiarism-detection measures of Potthast, Stein, Barrón-Cedeño & Rosso, "An Evaluation
 * Framework for Plagiarism Detection" (COLING 2010), as computed by PAN's reference script
 * (pan09-plagiarism-detection-performance-measures.py, v1.3), which the PAN text alignment tasks use.
 *
 * A case (gold passage) and a detection are both a pair of character ranges, one in the suspicious
 * document and one in the source document. Its characters are the union of the two ranges, kept
 * apart by document, so |s| = |s.susp| + |s.src|. A detection r detects a case s when they overlap in
 * BOTH documents; then s ⊓ r = s ∩ r, otherwise ∅.
 *
 *   prec_macro = 1/|R| Σ_r |⊔_s (s ⊓ r)| / |r|        rec_macro = 1/|S| Σ_s |⊔_r (s ⊓ r)| / |s|
 *   prec_micro = |⊔ (s ⊓ r)| / |⊔ r|                 rec_micro = |⊔ (s ⊓ r)| / |⊔ s|
 *   gran = 1/|S_R| Σ_{s ∈ S_R} |R_s|                  plagdet = F1(prec_macro, rec_macro) / log2(1 + gran)
 *
 * Edge cases follow the reference script, so figures compare with published ones:
 * - no cases and no detections: precision = recall = 1 (macro and micro), granularity 1, plagdet 1;
 * - cases but no detections, or detections but no cases: precision = recall = 0, plagdet 0
 *   (so a negative pair is perfect only when nothing is detected; callers report the detection count);
 * - no detected case: granularity 1 (it is a mean over detected cases; 1 is its floor);
 * - precision = recall = 0: plagdet 0 (F1 would divide by zero).
 * One deliberate difference: the script keys characters by document name, we key them by `pair`, so
 * ranges of different pairs never overlap even when two pairs share a suspicious document. The
 * script gets the same for macro figures (it also compares source names); only micro figures could
 * differ, and only where detections of two pairs overlap in their shared suspicious document.
 */

/** A half-open range [start, end) of UTF-16 offsets into one document. */
export interface CharRange {
	start: number;
	end: number;
}

/** A reused passage, gold case or detection: a range in the suspicious document and one in the source. */
export interface PanPassage {
	/** Id of the document pair; ranges of different pairs never match, so corpora can be pooled. */
	pair: string;
	susp: CharRange;
	src: CharRange;
}

/** PAN measures of a set of detections against a set of cases. */
export interface PanScores {
	/** Macro precision: mean over detections of the share of its characters inside cases it detects. */
	precision: number;
	/** Macro recall: mean over cases of the share of its characters inside detections of it. */
	recall: number;
	/** Mean number of detections per detected case; 1 is ideal. */
	granularity: number;
	/** F1 of macro precision and recall, divided by log2(1 + granularity). */
	plagdet: number;
	/** Micro precision: characters of true detections over characters of all detections, pooled. */
	microPrecision: number;
	/** Micro recall: characters of true detections over characters of all cases, pooled. */
	microRecall: number;
	/** Cases scored (passages covering no character are left out). */
	cases: number;
	/** Detections scored (passages covering no character are left out). */
	detections: number;
	/** Cases detected by at least one detection. */
	detectedCases: number;
}

/**
 * Scores `detections` against `cases` with the PAN measures. Both lists may span many document
 * pairs (pooled as in PAN's corpus-level figures). Passages covering no character at all are left
 * out: they detect nothing and claim nothing, and the reference script would divide by zero on them.
 * @throws RangeError on a range with a negative start or an end before its start
 */
export function panMeasures(cases: readonly PanPassage[], detections: readonly PanPassage[]): PanScores {
	const scoredCases = cases.filter(checkedNonEmpty);
	const scoredDetections = detections.filter(checkedNonEmpty);
	const caseCount = scoredCases.length;
	const detectionCount = scoredDetections.length;
	if (caseCount === 0 && detectionCount === 0) {
		return { precision: 1, recall: 1, granularity: 1, plagdet: 1, microPrecision: 1, microRecall: 1, cases: 0, detections: 0, detectedCases: 0 };
	}
	let recallSum = 0;
	let precisionSum = 0;
	let detectedCases = 0;
	let detectionsOfDetectedCases = 0;
	let caseChars = 0;
	let detectionChars = 0;
	let trueChars = 0;
	for (const { cases: pairCases, detections: pairDetections } of groupByPair(scoredCases, scoredDetections).values()) {
		// Cases per pair are few (PAN has at most a handful), so comparing every case with every detection stays cheap.
		const detectionsOf = pairCases.map((s) => pairDetections.filter((r) => detects(r, s)));
		const casesOf = pairDetections.map((r) => pairCases.filter((s) => detects(r, s)));
		pairCases.forEach((s, i) => {
			recallSum += coveredShare(s, detectionsOf[i]);
			if (detectionsOf[i].length > 0) {
				detectedCases++;
				detectionsOfDetectedCases += detectionsOf[i].length;
			}
		});
		pairDetections.forEach((r, j) => {
			precisionSum += coveredShare(r, casesOf[j]);
		});
		caseChars += passageUnionLength(pairCases);
		detectionChars += passageUnionLength(pairDetections);
		trueChars += passageUnionLength(pairCases.flatMap((s, i) => detectionsOf[i].map((r) => intersectPassages(s, r))));
	}
	const anyMissing = caseCount === 0 || detectionCount === 0;
	const precision = anyMissing ? 0 : precisionSum / detectionCount;
	const recall = anyMissing ? 0 : recallSum / caseCount;
	const granularity = detectedCases === 0 ? 1 : detectionsOfDetectedCases / detectedCases;
	return {
		precision,
		recall,
		granularity,
		plagdet: plagdetScore(precision, recall, granularity),
		microPrecision: anyMissing ? 0 : trueChars / detectionChars,
		microRecall: anyMissing ? 0 : trueChars / caseChars,
		cases: caseCount,
		detections: detectionCount,
		detectedCases,
	};
}

/** PAN's single ranking figure: F1 of precision and recall, discounted by log2(1 + granularity). */
export function plagdetScore(precision: number, recall: number, granularity: number): number {
	if (precision + recall === 0) {
		return 0;
	}
	return (2 * precision * recall) / (precision + recall) / Math.log2(1 + granularity);
}

/** Number of characters covered by `ranges`, each counted once: sort by start, then merge. */
export function unionLength(ranges: readonly CharRange[]): number {
	const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
	let total = 0;
	let runStart = 0;
	let runEnd = -1;
	for (const { start, end } of sorted) {
		if (start > runEnd) {
			total += Math.max(0, runEnd - runStart);
			runStart = start;
			runEnd = end;
		} else if (end > runEnd) {
			runEnd = end;
		}
	}
	return total + Math.max(0, runEnd - runStart);
}

function checkedNonEmpty(passage: PanPassage): boolean {
	for (const range of [passage.susp, passage.src]) {
		if (!(range.start >= 0 && range.end >= range.start)) {
			throw new RangeError(`invalid range [${range.start}, ${range.end}) in pair ${passage.pair}`);
		}
	}
	return length(passage.susp) + length(passage.src) > 0;
}

function groupByPair(cases: readonly PanPassage[], detections: readonly PanPassage[]): Map<string, { cases: PanPassage[]; detections: PanPassage[] }> {
	const groups = new Map<string, { cases: PanPassage[]; detections: PanPassage[] }>();
	const groupOf = (pair: string) => {
		let group = groups.get(pair);
		if (!group) {
			group = { cases: [], detections: [] };
			groups.set(pair, group);
		}
		return group;
	};
	cases.forEach((s) => groupOf(s.pair).cases.push(s));
	detections.forEach((r) => groupOf(r.pair).detections.push(r));
	return groups;
}

/** True when `r` detects `s`: same pair, and the ranges overlap in both documents. The relation is symmetric. */
function detects(r: PanPassage, s: PanPassage): boolean {
	return r.pair === s.pair && overlaps(r.susp, s.susp) && overlaps(r.src, s.src);
}

function overlaps(a: CharRange, b: CharRange): boolean {
	return a.start < b.end && b.start < a.end;
}

/** |⊔_o (p ∩ o)| / |p| over both documents; `others` are the passages that detect (or are detected by) p. */
function coveredShare(p: PanPassage, others: readonly PanPassage[]): number {
	const parts = others.map((o) => intersectPassages(p, o));
	return passageUnionLength(parts) / (length(p.susp) + length(p.src));
}

/** Characters covered by passages of one pair, suspicious and source documents counted apart. */
function passageUnionLength(passages: readonly PanPassage[]): number {
	return unionLength(passages.map((p) => p.susp)) + unionLength(passages.map((p) => p.src));
}

function intersectPassages(a: PanPassage, b: PanPassage): PanPassage {
	return { pair: a.pair, susp: intersect(a.susp, b.susp), src: intersect(a.src, b.src) };
}

function intersect(a: CharRange, b: CharRange): CharRange {
	const start = Math.max(a.start, b.start);
	return { start, end: Math.max(start, Math.min(a.end, b.end)) };
}

function length(range: CharRange): number {
	return range.end - range.start;
}
