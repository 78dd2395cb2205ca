/**
 * `npm run eval`: scores a passage detector on a PAN text alignment corpus (issue 3) with PAN's
 * measures, per category and overall, and times it.
 *
 *   node --import tsx scripts/eval.ts [--data DIR] [--category NAME] [--limit N]
 *                                     [--detector engine|baseline] [--json]
 *
 * --data      corpus folder (default ../shared/data/pan13-dev, from the repository root)
 * --category  one category, e.g. no-obfuscation or 02-no-obfuscation (default all)
 * --limit     first N pairs of each category (default all)
 * --detector  engine: alignPair of src/core/align (default); baseline: scripts/evalBaseline.ts
 * --json      machine-readable output
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isParallaxError } from '../src/core/errors';
import { alignPair } from '../src/core/align';
import { listPanPairs, loadPanPair, PanPair } from '../src/core/eval/panCorpus';
import { PanPassage, PanScores, panMeasures } from '../src/core/eval/panMeasures';
import { baselineAlignPair } from './evalBaseline';

/** The engine's contract: passages of `a` (suspicious) and `b` (source) that say the same thing. */
type Detector = (a: string, b: string) => { a: { start: number; end: number }; b: { start: number; end: number }; score: number }[];

/** plagdet targets of issue 3; on negative pairs the target is no detection at all. */
const TARGETS: Record<string, number> = {
	'no-obfuscation': 0.95,
	'random-obfuscation': 0.88,
	'translation-obfuscation': 0.90,
	overall: 0.93,
};

interface Row extends PanScores {
	category: string;
	pairs: number;
	target: string;
	met: boolean;
}

/** A mistake in the command line or setup, shown without a stack trace. */
class UsageError extends Error {}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			data: { type: 'string', default: resolve('../shared/data/pan13-dev') },
			category: { type: 'string' },
			limit: { type: 'string' },
			detector: { type: 'string', default: 'engine' },
			json: { type: 'boolean', default: false },
		},
	});
	const data = resolve(values.data);
	if (!existsSync(data)) {
		throw new UsageError(`no corpus at ${data}; pass --data DIR`);
	}
	const limit = values.limit === undefined ? Infinity : Number(values.limit);
	if (!(limit >= 1)) {
		throw new UsageError(`--limit takes a positive number, not "${values.limit}"`);
	}
	const detector = loadDetector(values.detector);
	const pairs = selectPairs(listPanPairs(data), values.category, limit);

	let detectorMs = 0;
	const started = performance.now();
	const detectionsById = new Map<string, PanPassage[]>();
	for (const pair of pairs) {
		const { suspText, srcText } = loadPanPair(data, pair);
		const before = performance.now();
		let found: ReturnType<Detector>;
		try {
			found = detector(suspText, srcText);
		} catch (error) {
			throw new Error(`the detector failed on pair ${pair.id} (${pair.category})`, { cause: error });
		}
		detectorMs += performance.now() - before;
		detectionsById.set(pair.id, found.map((d) => ({ pair: pair.id, susp: d.a, src: d.b })));
	}
	const totalMs = performance.now() - started;

	const categories = [...new Set(pairs.map((p) => p.category))];
	// With one category, the pooled row would only repeat it.
	const rows = (categories.length > 1 ? [...categories, 'overall'] : categories).map((category) => {
		const members = category === 'overall' ? pairs : pairs.filter((p) => p.category === category);
		const scores = panMeasures(members.flatMap((p) => p.cases), members.flatMap((p) => detectionsById.get(p.id) ?? []));
		return row(category, members.length, scores);
	});
	const time = { totalMs, detectorMs, detectorMsPerPair: detectorMs / pairs.length };
	if (values.json) {
		console.log(JSON.stringify({ data, detector: values.detector, rows, time }, null, '\t'));
	} else {
		console.log(`PAN text alignment: ${data} — detector: ${values.detector === 'baseline' ? 'baseline (exact 8-word shingles, NOT the engine)' : 'engine (src/core/align)'}`);
		console.log(formatTable(rows));
		console.log(`time: ${(totalMs / 1000).toFixed(2)} s total with file reading; detector ${(detectorMs / 1000).toFixed(2)} s, ${time.detectorMsPerPair.toFixed(1)} ms per pair`);
	}
}

function loadDetector(name: string | undefined): Detector {
	if (name === 'baseline') {
		return baselineAlignPair;
	}
	if (name !== 'engine') {
		throw new UsageError(`--detector is engine or baseline, not "${name}"`);
	}
	return alignPair;
}

function selectPairs(pairs: PanPair[], category: string | undefined, limit: number): PanPair[] {
	const wanted = category?.replace(/^\d+-/, '');
	const selected = wanted === undefined ? pairs : pairs.filter((p) => p.category === wanted);
	if (selected.length === 0) {
		const names = [...new Set(pairs.map((p) => p.category))].join(', ');
		throw new UsageError(`no category "${category}"; the corpus has ${names}`);
	}
	const taken = new Map<string, number>();
	return selected.filter((p) => {
		const count = (taken.get(p.category) ?? 0) + 1;
		taken.set(p.category, count);
		return count <= limit;
	});
}

function row(category: string, pairs: number, scores: PanScores): Row {
	if (scores.cases === 0) {
		// Negative pairs: precision and recall are 0 or 1 by convention; the figure that counts is the detections.
		return { category, pairs, ...scores, target: 'no detection', met: scores.detections === 0 };
	}
	const target = TARGETS[category];
	return target === undefined
		? { category, pairs, ...scores, target: '', met: true }
		: { category, pairs, ...scores, target: `plagdet ≥ ${target.toFixed(2)}`, met: scores.plagdet >= target };
}

function formatTable(rows: readonly Row[]): string {
	const header = ['category', 'pairs', 'cases', 'dets', 'found', 'prec', 'rec', 'gran', 'plagdet', 'target'];
	const lines = rows.map((r) => {
		const figure = (x: number) => (r.cases === 0 ? '-' : x.toFixed(3));
		const target = r.target ? `${r.met ? '✓' : '✗'} ${r.target}` : '';
		return [r.category, r.pairs, r.cases, r.detections, r.detectedCases, figure(r.precision), figure(r.recall), figure(r.granularity), figure(r.plagdet), target].map(String);
	});
	const widths = header.map((_, column) => Math.max(...[header, ...lines].map((cells) => cells[column].length)));
	// Text columns are left-aligned, numbers right-aligned.
	const format = (cells: string[]) => cells.map((cell, column) => (column === 0 || column === cells.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
	return [header, ...lines].map(format).join('\n');
}

main().catch((error: unknown) => {
	if (error instanceof UsageError || isParallaxError(error)) {
		console.error(`eval: ${isParallaxError(error) ? error.describe() : error.message}`);
		process.exitCode = 2;
	} else {
		throw error;
	}
});
