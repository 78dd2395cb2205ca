// One scaling measurement in a fresh process, so that the peak memory of one size owes nothing to
// another: node --expose-gc --import tsx bench/alignWorker.ts <articles>. Prints one JSON line.
import { DEFAULT_ALIGN_OPTIONS, alignArticles } from '../src/core/align';
import { splitSentences } from '../src/core/segment';
import { DEFAULT_BUILD, buildArticles, countWords, loadPanDocuments, splitIntoPieces } from './corpusBuilder';

/** Parallel-passage detection alone: people extraction is a separate feature, timed on its own. */
const PASSAGES_ONLY = { ...DEFAULT_ALIGN_OPTIONS, people: false };

/** What one worker reports for one size. */
export interface ScalingResult {
	articles: number;
	words: number;
	sentences: number;
	groups: number;
	/** Members of the largest group: one huge group means passages chained across the whole set. */
	largestGroup: number;
	unaligned: number;
	/** Building the synthetic set, not part of the engine's time. */
	buildMs: number;
	alignMs: number;
	/** RSS just before the timed run: node, tsx, the engine's data and the texts. */
	rssBeforeMb: number;
	/** Peak RSS of the whole process, from getrusage. */
	peakRssMb: number;
}

const MB = 1024 * 1024;

function main(): void {
	const size = Number(process.argv[2]);
	if (!Number.isInteger(size) || size < 2) {
		throw new Error(`usage: alignWorker.ts <articles>, got ${process.argv[2]}`);
	}
	const buildStart = performance.now();
	const pieces = splitIntoPieces(loadPanDocuments(), DEFAULT_BUILD.targetWords);
	const articles = buildArticles(pieces, size);
	const buildMs = performance.now() - buildStart;

	// The warm-up loads lazily read data (WordNet, aliases) and lets the JIT compile the hot paths,
	// on a different small set so that nothing of the measured run is cached.
	alignArticles(buildArticles(pieces, 20, { ...DEFAULT_BUILD, seed: DEFAULT_BUILD.seed + 1 }), PASSAGES_ONLY);
	globalThis.gc?.();

	const rssBefore = process.memoryUsage().rss;
	const start = performance.now();
	const comparison = alignArticles(articles, PASSAGES_ONLY);
	const alignMs = performance.now() - start;
	const peakRss = process.resourceUsage().maxRSS * 1024;

	const result: ScalingResult = {
		articles: articles.length,
		words: countWords(articles),
		sentences: articles.reduce((total, article) => total + splitSentences(article.body).length, 0),
		groups: comparison.groups.length,
		largestGroup: comparison.groups.reduce((most, group) => Math.max(most, group.members.length), 0),
		unaligned: comparison.unaligned.length,
		buildMs,
		alignMs,
		rssBeforeMb: rssBefore / MB,
		peakRssMb: peakRss / MB,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();
