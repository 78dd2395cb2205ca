import { deepStrictEqual, strictEqual, throws } from 'node:assert';
import { PanPassage, PanScores, panMeasures, unionLength } from '../../src/core/eval/panMeasures';

/** A passage of pair `pair` covering [suspStart, suspEnd) in the suspicious document and [srcStart, srcEnd) in the source. */
function passage(suspStart: number, suspEnd: number, srcStart: number, srcEnd: number, pair = 'p1'): PanPassage {
	return { pair, susp: { start: suspStart, end: suspEnd }, src: { start: srcStart, end: srcEnd } };
}

/** The figures rounded to 12 decimals, so sums of fractions compare with values worked out by hand. */
function rounded(scores: PanScores): PanScores {
	const round = (x: number) => Math.round(x * 1e12) / 1e12;
	return {
		...scores,
		precision: round(scores.precision),
		recall: round(scores.recall),
		granularity: round(scores.granularity),
		plagdet: round(scores.plagdet),
		microPrecision: round(scores.microPrecision),
		microRecall: round(scores.microRecall),
	};
}

function scores(precision: number, recall: number, granularity: number, plagdet: number, micro: [number, number], counts: [number, number, number]): PanScores {
	return rounded({
		precision, recall, granularity, plagdet, microPrecision: micro[0], microRecall: micro[1],
		cases: counts[0], detections: counts[1], detectedCases: counts[2],
	});
}

const NOTHING_FOUND = scores(0, 0, 1, 0, [0, 0], [1, 1, 0]);

describe('panMeasures', () => {
	it('scores an exact detection 1 everywhere', () => {
		const detected = passage(0, 100, 200, 300);
		deepStrictEqual(panMeasures([detected], [detected]), scores(1, 1, 1, 1, [1, 1], [1, 1, 1]));
	});

	it('gives a case split in two halves full recall and precision but granularity 2', () => {
		// Each half lies inside the case (precision 1, 1); together they cover 100 + 100 of its 200 chars (recall 1).
		// plagdet = F1 / log2(1 + 2) = 1 / log2(3).
		const halves = [passage(0, 50, 200, 250), passage(50, 100, 250, 300)];
		deepStrictEqual(rounded(panMeasures([passage(0, 100, 200, 300)], halves)), scores(1, 1, 2, 1 / Math.log2(3), [1, 1], [1, 2, 1]));
	});

	it('does not count a detection that overlaps the case in the suspicious document only', () => {
		// Right suspicious range, wrong source range: s ⊓ r = ∅, so it neither detects nor is true.
		deepStrictEqual(panMeasures([passage(0, 100, 0, 100)], [passage(0, 100, 500, 600)]), NOTHING_FOUND);
	});

	it('does not count a detection that overlaps the case in the source document only', () => {
		deepStrictEqual(panMeasures([passage(0, 100, 0, 100)], [passage(500, 600, 0, 100)]), NOTHING_FOUND);
	});

	it('treats touching ranges as not overlapping', () => {
		// Ranges are half-open: [100, 200) starts where [0, 100) ends.
		deepStrictEqual(panMeasures([passage(0, 100, 0, 100)], [passage(100, 200, 50, 150)]), NOTHING_FOUND);
	});

	it('gives a half-covered case recall 0.5 and its detection precision 1', () => {
		// Covered: 50 suspicious + 50 source chars of 200. F1 = 2 · 1 · 0.5 / 1.5 = 2/3; granularity 1.
		deepStrictEqual(rounded(panMeasures([passage(0, 100, 0, 100)], [passage(0, 50, 0, 50)])), scores(1, 0.5, 1, 2 / 3, [1, 0.5], [1, 1, 1]));
	});

	it('counts the characters of one detection that spans two cases in its precision', () => {
		// Cases A = [0,100)/[0,100) and B = [200,300)/[400,500); the detection [0,300)/[0,500) has 300 + 500 = 800 chars,
		// of which A and B cover 200 + 200 = 400: precision 0.5. Both cases fully covered: recall 1.
		// Each case has one detection: granularity 1. F1 = 2 · 0.5 · 1 / 1.5 = 2/3.
		const cases = [passage(0, 100, 0, 100), passage(200, 300, 400, 500)];
		deepStrictEqual(rounded(panMeasures(cases, [passage(0, 300, 0, 500)])), scores(0.5, 1, 1, 2 / 3, [0.5, 1], [2, 1, 2]));
	});

	it('counts characters that two detections share only once', () => {
		// [0,60) and [40,100) in both documents cover the 200 chars of the case once: recall 1, not 1.2.
		const detections = [passage(0, 60, 0, 60), passage(40, 100, 40, 100)];
		deepStrictEqual(rounded(panMeasures([passage(0, 100, 0, 100)], detections)), scores(1, 1, 2, 1 / Math.log2(3), [1, 1], [1, 2, 1]));
	});

	it('lowers precision but not recall for a false positive beside a true detection', () => {
		// Precision = mean(1, 0) = 0.5; micro precision = 200 true chars / 400 detected chars.
		const detections = [passage(0, 100, 0, 100), passage(500, 600, 500, 600)];
		deepStrictEqual(rounded(panMeasures([passage(0, 100, 0, 100)], detections)), scores(0.5, 1, 1, 2 / 3, [0.5, 1], [1, 2, 1]));
	});

	it('scores false positives only as 0 with granularity 1', () => {
		// No case is detected, so granularity (a mean over detected cases) takes its floor, 1.
		deepStrictEqual(panMeasures([passage(0, 100, 0, 100)], [passage(500, 600, 500, 600)]), NOTHING_FOUND);
	});

	it('scores detections on a pair without cases as 0', () => {
		// As in PAN's script: no cases but some detections gives precision = recall = 0.
		deepStrictEqual(panMeasures([], [passage(0, 100, 0, 100)]), scores(0, 0, 1, 0, [0, 0], [0, 1, 0]));
	});

	it('scores no detections on a pair without cases as perfect', () => {
		deepStrictEqual(panMeasures([], []), scores(1, 1, 1, 1, [1, 1], [0, 0, 0]));
	});

	it('scores missed cases as 0', () => {
		deepStrictEqual(panMeasures([passage(0, 100, 0, 100)], []), scores(0, 0, 1, 0, [0, 0], [1, 0, 0]));
	});

	it('never matches ranges of different pairs when pairs are pooled', () => {
		// p1's case is found exactly; p2's identical ranges belong to other documents and stay unfound.
		// Macro recall = mean(1, 0) = 0.5; the one detection lies inside a case: precision 1.
		const cases = [passage(0, 100, 0, 100, 'p1'), passage(0, 100, 0, 100, 'p2')];
		deepStrictEqual(rounded(panMeasures(cases, [passage(0, 100, 0, 100, 'p1')])), scores(1, 0.5, 1, 2 / 3, [1, 0.5], [2, 1, 1]));
		deepStrictEqual(panMeasures([passage(0, 100, 0, 100, 'p1')], [passage(0, 100, 0, 100, 'p2')]), NOTHING_FOUND);
	});

	it('weighs cases equally in macro recall and characters equally in micro recall', () => {
		// A short case (10 + 10 chars) found, a long one (200 + 200 chars) missed:
		// macro recall = mean(1, 0) = 0.5, micro recall = 20 / 420 = 1/21.
		const cases = [passage(0, 10, 0, 10), passage(100, 300, 100, 300)];
		const result = rounded(panMeasures(cases, [passage(0, 10, 0, 10)]));
		strictEqual(result.recall, 0.5);
		strictEqual(result.microRecall, Math.round(1e12 / 21) / 1e12);
	});

	it('leaves out passages that cover no character', () => {
		const detected = passage(0, 100, 0, 100);
		deepStrictEqual(panMeasures([detected], [detected, passage(300, 300, 400, 400)]), scores(1, 1, 1, 1, [1, 1], [1, 1, 1]));
	});

	it('rejects a range that ends before it starts', () => {
		throws(() => panMeasures([passage(10, 5, 0, 100)], []), RangeError);
	});
});

describe('unionLength', () => {
	it('counts overlapping and nested ranges once and gaps not at all', () => {
		// [0,10) ∪ [5,15) ∪ [7,9) = [0,15): 15; [20,25): 5; the empty [30,30) adds nothing.
		const ranges = [{ start: 20, end: 25 }, { start: 5, end: 15 }, { start: 0, end: 10 }, { start: 7, end: 9 }, { start: 30, end: 30 }];
		strictEqual(unionLength(ranges), 20);
	});

	it('is 0 for no ranges', () => {
		strictEqual(unionLength([]), 0);
	});
});
