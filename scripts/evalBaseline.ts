/**
 * BASELINE FOR COMPARISON — NOT THE PARALLAX ENGINE. `npm run eval -- --detector baseline` scores
 * this trivial detector so the engine's figures have a floor to be read against: passages that share
 * exact 8-word shingles (case-insensitive, punctuation ignored), with nearby shared shingles merged
 * into one passage. It knows nothing of paraphrase, so obfuscated reuse is mostly out of its reach.
 */

/** Same shape as the engine's `alignPair` result: a range in `a` (suspicious), one in `b` (source), a score. */
export interface BaselineAlignment {
	a: { start: number; end: number };
	b: { start: number; end: number };
	score: number;
}

/** Words per shingle: long enough that shared shingles are rare between unrelated texts. */
const SHINGLE = 8;
/** Shared shingles at most this many words apart (in both texts) join one passage. */
const MAX_GAP = 20;
/** A shingle found more often than this in `b` is boilerplate, not evidence of reuse. */
const MAX_OCCURRENCES = 5;

interface Word {
	start: number;
	end: number;
	text: string;
}

interface Cluster {
	aFirst: number;
	aLast: number;
	bFirst: number;
	bLast: number;
	seeds: number;
}

/** Passages of `a` and `b` that share exact word 8-grams. Baseline only; see the module comment. */
export function baselineAlignPair(a: string, b: string): BaselineAlignment[] {
	const aWords = words(a);
	const bWords = words(b);
	const bShingles = new Map<string, number[]>();
	for (let j = 0; j + SHINGLE <= bWords.length; j++) {
		const key = shingle(bWords, j);
		const positions = bShingles.get(key);
		if (positions) {
			positions.push(j);
		} else {
			bShingles.set(key, [j]);
		}
	}
	const clusters: Cluster[] = [];
	for (let i = 0; i + SHINGLE <= aWords.length; i++) {
		const positions = bShingles.get(shingle(aWords, i));
		if (!positions || positions.length > MAX_OCCURRENCES) {
			continue;
		}
		for (const j of positions) {
			// Seeds come in order of i, so a seed can only extend a cluster that ended recently in `a`.
			const near = clusters.find((c) => i - c.aLast <= MAX_GAP && j >= c.bFirst - MAX_GAP && j - c.bLast <= MAX_GAP);
			if (near) {
				near.aLast = i;
				near.bFirst = Math.min(near.bFirst, j);
				near.bLast = Math.max(near.bLast, j);
				near.seeds++;
			} else {
				clusters.push({ aFirst: i, aLast: i, bFirst: j, bLast: j, seeds: 1 });
			}
		}
	}
	return clusters.map((c) => ({
		a: { start: aWords[c.aFirst].start, end: aWords[c.aLast + SHINGLE - 1].end },
		b: { start: bWords[c.bFirst].start, end: bWords[c.bLast + SHINGLE - 1].end },
		score: Math.min(1, c.seeds / (c.aLast - c.aFirst + 1)),
	}));
}

function words(text: string): Word[] {
	return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0].toLowerCase() }));
}

function shingle(list: readonly Word[], from: number): string {
	return list.slice(from, from + SHINGLE).map((w) => w.text).join(' ');
}
