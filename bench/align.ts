// Benchmark of the alignment engine (issue 3), a report rather than a timed test:
//   (a) the three seed articles, warm, against one diffWords(FT body, CNN body) from `diff`;
//   (b) scaling over synthetic sets built from the PAN development documents, one fresh process per size;
//   (c) a wire story: 100 articles mixing the seed articles' paragraphs, aligned and turned into the view model.
// Run: node --import tsx bench/align.ts [--sizes 100,300,1000] [--quick] [--json]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { diffWords } from 'diff';
import { AlignInput, DEFAULT_ALIGN_OPTIONS, alignArticles } from '../src/core/align';
import { parseArticle } from '../src/core/article';
import { buildViewModel } from '../src/core/viewModel';
import { wireStory } from '../test/unit/wireStory';
import type { ScalingResult } from './alignWorker';

/** Parallel-passage detection alone: people extraction is a separate feature, timed on its own. */
const PASSAGES_ONLY = { ...DEFAULT_ALIGN_OPTIONS, people: false };

const SEED_DIR = join(__dirname, '../corpus/putin-kim-pact-2024');
const WORKER = join(__dirname, 'alignWorker.ts');

/** Targets of issue 3. */
const TARGET = { seedsMs: 20, seedsSpeedup: 15, largeMs: 5000, largeSize: 1000, growthPerTenfold: 12 };

/** Result of part (a). */
interface SeedResult {
	alignRuns: number;
	alignMedianMs: number;
	alignMinMs: number;
	diffRuns: number;
	diffMedianMs: number;
	/** diffWords time over alignArticles time: how many times faster the engine is. */
	speedup: number;
	groups: number;
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((x, y) => x - y);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeRuns(runs: number, work: () => unknown): number[] {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		work();
		times.push(performance.now() - start);
	}
	return times;
}

function loadSeeds(): AlignInput[] {
	return readdirSync(SEED_DIR).filter(name => name.endsWith('.md')).sort().map(name => {
		const { meta, body } = parseArticle(readFileSync(join(SEED_DIR, name), 'utf8'));
		return { id: meta.id, path: name, title: meta.title, outlet: meta.outlet, body };
	});
}

function benchSeeds(alignRuns: number, diffRuns: number): SeedResult {
	const seeds = loadSeeds();
	const ft = seeds.find(article => article.outlet === 'Geopolist');
	const cnn = seeds.find(article => article.outlet === 'CNN Brasil');
	if (!ft || !cnn || seeds.length !== 3) {
		throw new Error(`expected three seed articles with Geopolist and CNN Brasil in ${SEED_DIR}`);
	}
	// Three warm-up runs load WordNet and the alias table and let the JIT settle: the target is warm.
	timeRuns(3, () => alignArticles(seeds, PASSAGES_ONLY));
	const alignTimes = timeRuns(alignRuns, () => alignArticles(seeds, PASSAGES_ONLY));
	// diffWords is warmed once too, so that neither side pays for compilation.
	timeRuns(1, () => diffWords(ft.body, cnn.body));
	const diffTimes = timeRuns(diffRuns, () => diffWords(ft.body, cnn.body));
	const alignMedianMs = median(alignTimes);
	const diffMedianMs = median(diffTimes);
	return {
		alignRuns, alignMedianMs, alignMinMs: Math.min(...alignTimes), diffRuns, diffMedianMs,
		speedup: diffMedianMs / alignMedianMs, groups: alignArticles(seeds, PASSAGES_ONLY).groups.length,
	};
}

/** Result of part (c). */
interface WireResult {
	articles: number;
	paragraphs: number;
	alignMs: number;
	viewModelMs: number;
	groups: number;
	largestGroup: number;
	/** Most source paragraphs any one group member spans: 1 when groups follow the shared paragraphs. */
	widestMember: number;
}

function benchWire(count: number): WireResult {
	const story = wireStory(count);
	const start = performance.now();
	const comparison = alignArticles(story.articles, PASSAGES_ONLY);
	const alignMs = performance.now() - start;
	const modelStart = performance.now();
	buildViewModel(comparison);
	const viewModelMs = performance.now() - modelStart;
	const articleIndex = new Map(story.articles.map((article, index) => [article.id, index]));
	let widestMember = 0;
	for (const group of comparison.groups) {
		for (const member of group.members) {
			const index = articleIndex.get(member.article)!;
			const passage = comparison.articles[index].passages.find(candidate => candidate.id === member.passage)!;
			const spanned = story.paragraphs[index].filter(paragraph => passage.start < paragraph.end && paragraph.start < passage.end).length;
			widestMember = Math.max(widestMember, spanned);
		}
	}
	return {
		articles: count, paragraphs: story.sources.length, alignMs, viewModelMs, groups: comparison.groups.length,
		largestGroup: comparison.groups.reduce((most, group) => Math.max(most, group.members.length), 0), widestMember,
	};
}

function benchSize(size: number): ScalingResult {
	// A fresh node per size: peak RSS is per process, and a size must not inherit another's heap.
	const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', WORKER, String(size)], {
		encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 * 1024,
	});
	return JSON.parse(output.trim().split('\n').pop() ?? '') as ScalingResult;
}

/** Time growth between the smallest and largest sizes, judged against the 10× → ≤ 12× target. */
interface Growth {
	from: number;
	to: number;
	sizeFactor: number;
	timeFactor: number;
	/** Exponent k of time ∝ articlesᵏ between the two sizes (1 = linear). */
	exponent: number;
	/** The time factor the target allows for this size factor, the same exponent as 12× for 10×. */
	allowedFactor: number;
}

function growthOf(results: readonly ScalingResult[]): Growth | undefined {
	if (results.length < 2) {
		return undefined;
	}
	const first = results[0];
	const last = results[results.length - 1];
	const sizeFactor = last.articles / first.articles;
	const timeFactor = last.alignMs / first.alignMs;
	const allowedExponent = Math.log(TARGET.growthPerTenfold) / Math.log(10);
	return {
		from: first.articles, to: last.articles, sizeFactor, timeFactor,
		exponent: Math.log(timeFactor) / Math.log(sizeFactor), allowedFactor: sizeFactor ** allowedExponent,
	};
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const ms = (value: number) => `${value.toFixed(1)} ms`;

function pad(cells: readonly string[], widths: readonly number[]): string {
	return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
}

function printTable(seeds: SeedResult, scaling: readonly ScalingResult[], growth: Growth | undefined, wire: WireResult): void {
	console.log('(a) three seed articles, warm');
	console.log(`  alignArticles(3 seeds)        median ${ms(seeds.alignMedianMs)} (min ${ms(seeds.alignMinMs)}, ${seeds.alignRuns} runs), ${seeds.groups} groups`);
	console.log(`  diffWords(FT body, CNN body)  median ${ms(seeds.diffMedianMs)} (${seeds.diffRuns} runs)`);
	console.log(`  ratio: alignArticles is ${seeds.speedup.toFixed(1)}× faster than one diffWords`);
	console.log(`  targets: ≤ ${TARGET.seedsMs} ms ${verdict(seeds.alignMedianMs <= TARGET.seedsMs)}; ≥ ${TARGET.seedsSpeedup}× ${verdict(seeds.speedup >= TARGET.seedsSpeedup)}`);
	printScaling(scaling, growth);
	console.log('');
	console.log(`(c) wire story: ${wire.articles} articles mixing ${wire.paragraphs} seed paragraphs`);
	console.log(`  alignArticles ${ms(wire.alignMs)}, view model ${ms(wire.viewModelMs)}; ${wire.groups} groups, largest ${wire.largestGroup} members, widest member spans ${wire.widestMember} source paragraph(s)`);
}

function printScaling(scaling: readonly ScalingResult[], growth: Growth | undefined): void {
	if (scaling.length === 0) {
		return;
	}
	console.log('');
	console.log('(b) scaling, synthetic sets from the PAN dev documents, one process per size');
	const headers = ['articles', 'words', 'sentences', 'groups', 'largest', 'unaligned', 'align', 'ms/article', 'RSS before', 'peak RSS', 'build'];
	const rows = scaling.map(result => [
		String(result.articles), String(result.words), String(result.sentences), String(result.groups), String(result.largestGroup), String(result.unaligned),
		ms(result.alignMs), (result.alignMs / result.articles).toFixed(2), `${result.rssBeforeMb.toFixed(0)} MB`,
		`${result.peakRssMb.toFixed(0)} MB`, ms(result.buildMs),
	]);
	const widths = headers.map((header, index) => Math.max(header.length, ...rows.map(row => row[index].length)));
	console.log(`  ${pad(headers, widths)}`);
	for (const row of rows) {
		console.log(`  ${pad(row, widths)}`);
	}
	for (let i = 1; i < scaling.length; i++) {
		const previous = scaling[i - 1];
		const current = scaling[i];
		console.log(`  ${previous.articles} → ${current.articles}: ${(current.articles / previous.articles).toFixed(1)}× articles, ${(current.alignMs / previous.alignMs).toFixed(2)}× time`);
	}
	if (growth) {
		console.log(`  growth ${growth.from} → ${growth.to}: ${growth.sizeFactor.toFixed(1)}× articles, ${growth.timeFactor.toFixed(2)}× time (time ∝ n^${growth.exponent.toFixed(2)}); `
			+ `target ≤ ${growth.allowedFactor.toFixed(2)}× ${verdict(growth.timeFactor <= growth.allowedFactor)}`);
	}
	const large = scaling.find(result => result.articles === TARGET.largeSize);
	if (large) {
		console.log(`  target: ${TARGET.largeSize} articles ≤ ${TARGET.largeMs / 1000} s ${verdict(large.alignMs <= TARGET.largeMs)}`);
	}
}

function main(): void {
	const { values } = parseArgs({
		options: { sizes: { type: 'string' }, quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
	});
	// --quick keeps the check under a minute: fewer runs and no 1,000-article set.
	const sizes = (values.sizes ?? (values.quick ? '100,300' : '100,300,1000')).split(',').map(Number);
	if (sizes.some(size => !Number.isInteger(size) || size < 2)) {
		throw new Error(`--sizes wants whole numbers ≥ 2, got ${values.sizes}`);
	}
	sizes.sort((x, y) => x - y);
	const progress = (message: string) => process.stderr.write(`${message}\n`);

	progress('(a) seed articles…');
	const seeds = benchSeeds(values.quick ? 10 : 20, values.quick ? 3 : 5);
	const scaling: ScalingResult[] = [];
	for (const size of sizes) {
		progress(`(b) ${size} articles…`);
		scaling.push(benchSize(size));
	}
	progress('(c) wire story…');
	const wire = benchWire(100);
	const growth = growthOf(scaling);
	if (values.json) {
		console.log(JSON.stringify({ node: process.version, targets: TARGET, seeds, scaling, growth, wire }, undefined, '\t'));
	} else {
		printTable(seeds, scaling, growth, wire);
	}
}

main();
