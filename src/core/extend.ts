import { Weights } from './features';
import { Match, matchUnits } from './match';
import { PreparedText, unitsOfRange } from './prepare';
import { withinChain } from './chain';
import { Seed } from './retrieve';

/** A passage of text A (sentences a[0]..a[1]) that corresponds to one of text B (b[0]..b[1]). */
export interface PassagePair {
	a: [number, number];
	b: [number, number];
	match: Match;
	seeds: Seed[];
	/**
	 * `reuse`: the passages share their content (copied, edited or paraphrased text);
	 * `topic`: two single sentences that make the same point with little shared wording.
	 */
	tier: 'reuse' | 'topic';
}

/** Tuning of seed extension; one setting for news and for the PAN evaluation. */
export interface ExtensionOptions {
	/** Largest gap, in sentences, between seeds merged into one passage. */
	maxGap: number;
	/** Minimum similarity of a merged passage pair; below it the gap shrinks and merging is retried. */
	passageScore: number;
	/** Minimum similarity of a passage pair made of one seed: a lone similar sentence is weaker evidence. */
	loneSeedScore: number;
	/** ...unless what it shares weighs at least this much (several rare words, names, numbers). */
	loneSeedEvidence: number;
	/** Seeds from this similarity up are merged into reuse passages; weaker ones can only be topic pairs. */
	reuseScore: number;
	/** Minimum shared weight of a topic pair. */
	topicEvidence: number;
}

export const DEFAULT_EXTENSION: ExtensionOptions = { maxGap: 4, passageScore: 0.35, loneSeedScore: 0.7, loneSeedEvidence: 20, reuseScore: 0.4, topicEvidence: 10 };

/**
 * Merges the seeds of one pair of texts into passage pairs: seeds close together in both texts
 * form one passage (split alternately by position in A and in B until stable, and cut down to the
 * stretch an ordered chain of its seeds spans), kept if the merged passages still match well;
 * overlapping results keep the better one, then grow by weaker seeds right at their edges.
 */
export function extendSeeds(seeds: readonly Seed[], textA: PreparedText, textB: PreparedText, weights: Weights, options: ExtensionOptions = DEFAULT_EXTENSION): PassagePair[] {
	const pairs: PassagePair[] = [];
	const pending: { seeds: Seed[]; gap: number }[] = [{ seeds: bestSeeds(seeds.filter(seed => seed.match.score >= options.reuseScore)), gap: options.maxGap }];
	while (pending.length > 0) {
		const { seeds: group, gap } = pending.pop()!;
		for (const cluster of clusterSeeds(group, gap)) {
			const kept = withinChain(cluster, options.maxGap);
			if (kept.length < cluster.length) {
				// Seeds outside the ordered chain's stretch (a repeated line matching lines all over
				// the other text) go; what is left may fall apart at the gaps they bridged.
				pending.push({ seeds: kept, gap });
				continue;
			}
			const pair = toPassagePair(cluster, textA, textB, weights);
			if (pair.match.score >= options.passageScore || cluster.length === 1) {
				pairs.push(pair);
			} else if (gap > 0) {
				pending.push({ seeds: cluster, gap: gap - 1 });
			} else {
				pending.push(...cluster.map(seed => ({ seeds: [seed], gap: 0 })));
			}
		}
	}
	// A lone sentence pair needs a high score or much shared weight, and never less than a topic pair.
	const isStrong = (pair: PassagePair) => pair.seeds.length > 1
		|| ((pair.match.score >= options.loneSeedScore || pair.match.evidence >= options.loneSeedEvidence) && pair.match.evidence >= options.topicEvidence);
	const reuse = joinNeighbours(absorbEdges(removeOverlaps(pairs.filter(isStrong)), seeds, textA, textB, weights), textA, textB, weights);
	// Whatever is left (weak seeds, lone seeds without enough evidence) may still be a topic pair.
	const topics = seeds
		.filter(seed => seed.match.evidence >= options.topicEvidence)
		.map(seed => ({ ...toPassagePair([seed], textA, textB, weights), tier: 'topic' as const }))
		.filter(topic => !reuse.some(pair => overlaps(topic.a, pair.a) || overlaps(topic.b, pair.b)));
	return [...reuse, ...removeOverlaps(topics)].sort((x, y) => x.a[0] - y.a[0]);
}

/** Characters that may separate two passage pairs, in both texts, for them to become one: a sentence or two. */
const NEIGHBOUR_GAP = 300;

/**
 * Joins passage pairs that follow each other in both texts with at most {@link NEIGHBOUR_GAP}
 * characters between them: one reused passage with an edited sentence in it is one passage, not
 * two. (Characters, not sentences: one text's sentence is often several short lines of the other.)
 */
function joinNeighbours(pairs: PassagePair[], textA: PreparedText, textB: PreparedText, weights: Weights): PassagePair[] {
	const sorted = pairs.slice().sort((x, y) => x.a[0] - y.a[0]);
	const joined: PassagePair[] = [];
	const gap = (text: PreparedText, before: [number, number], after: [number, number]) =>
		(after[0] > before[1] ? text.sentences[after[0]].start - text.sentences[before[1]].end : -1);
	for (const pair of sorted) {
		const last = joined[joined.length - 1];
		const gapA = last ? gap(textA, last.a, pair.a) : -1;
		const gapB = last ? gap(textB, last.b, pair.b) : -1;
		if (gapA >= 0 && gapA <= NEIGHBOUR_GAP && gapB >= 0 && gapB <= NEIGHBOUR_GAP) {
			joined[joined.length - 1] = toPassagePair([...last.seeds, ...pair.seeds], textA, textB, weights);
		} else {
			joined.push(pair);
		}
	}
	return joined;
}

/** How far from a passage's edge a weaker seed may lie and still join it. */
const EDGE_REACH = 1;

/**
 * Grows each passage pair by the weaker seeds right at its edges, in both texts: reused text often
 * starts or ends inside a sentence that says something else too, and such a sentence pair scores
 * low though it continues the passage. Where grown pairs would overlap, the first keeps its extent.
 */
function absorbEdges(pairs: PassagePair[], seeds: readonly Seed[], textA: PreparedText, textB: PreparedText, weights: Weights): PassagePair[] {
	const inPairs = new Set(pairs.flatMap(pair => pair.seeds));
	const spare = seeds.filter(seed => !inPairs.has(seed));
	if (spare.length === 0) {
		return pairs;
	}
	const grown: PassagePair[] = [];
	pairs.forEach((pair, index) => {
		const others = [...grown, ...pairs.slice(index + 1)];
		const absorbed = pair.seeds.slice();
		let [a, b] = [pair.a, pair.b];
		for (let changed = true; changed;) {
			changed = false;
			for (const seed of spare) {
				const near = seed.a >= a[0] - EDGE_REACH && seed.a <= a[1] + EDGE_REACH && seed.b >= b[0] - EDGE_REACH && seed.b <= b[1] + EDGE_REACH;
				const outside = seed.a < a[0] || seed.a > a[1] || seed.b < b[0] || seed.b > b[1];
				if (!near || !outside) {
					continue;
				}
				const nextA: [number, number] = [Math.min(a[0], seed.a), Math.max(a[1], seed.a)];
				const nextB: [number, number] = [Math.min(b[0], seed.b), Math.max(b[1], seed.b)];
				if (others.some(other => overlaps(nextA, other.a) || overlaps(nextB, other.b))) {
					continue;
				}
				[a, b] = [nextA, nextB];
				absorbed.push(seed);
				changed = true;
			}
		}
		grown.push(absorbed.length === pair.seeds.length ? pair : toPassagePair(absorbed, textA, textB, weights));
	});
	return grown;
}

/**
 * Keeps, for each sentence, only its best seeds: a sentence that resembles several others
 * (a repeated line, boilerplate) would otherwise stretch passages over unrelated text.
 */
function bestSeeds(seeds: readonly Seed[]): Seed[] {
	const bestA = new Map<number, number>();
	const bestB = new Map<number, number>();
	for (const seed of seeds) {
		bestA.set(seed.a, Math.max(bestA.get(seed.a) ?? 0, seed.match.score));
		bestB.set(seed.b, Math.max(bestB.get(seed.b) ?? 0, seed.match.score));
	}
	return seeds.filter(seed => seed.match.score >= bestA.get(seed.a)! || seed.match.score >= bestB.get(seed.b)!);
}

/** Splits seeds into groups whose positions are within `gap` sentences, in A and in B. */
function clusterSeeds(seeds: readonly Seed[], gap: number): Seed[][] {
	let clusters = [seeds.slice()];
	for (let changed = true; changed;) {
		changed = false;
		const next: Seed[][] = [];
		for (const side of ['a', 'b'] as const) {
			next.length = 0;
			for (const cluster of clusters) {
				const parts = splitByGap(cluster, seed => seed[side], gap);
				changed ||= parts.length > 1;
				next.push(...parts);
			}
			clusters = next.slice();
		}
	}
	return clusters;
}

function splitByGap(seeds: Seed[], position: (seed: Seed) => number, gap: number): Seed[][] {
	const sorted = seeds.slice().sort((x, y) => position(x) - position(y));
	const parts: Seed[][] = [];
	let current: Seed[] = [];
	for (const seed of sorted) {
		if (current.length > 0 && position(seed) - position(current[current.length - 1]) > gap + 1) {
			parts.push(current);
			current = [];
		}
		current.push(seed);
	}
	if (current.length > 0) {
		parts.push(current);
	}
	return parts;
}

function toPassagePair(seeds: Seed[], textA: PreparedText, textB: PreparedText, weights: Weights): PassagePair {
	const a: [number, number] = [Math.min(...seeds.map(seed => seed.a)), Math.max(...seeds.map(seed => seed.a))];
	const b: [number, number] = [Math.min(...seeds.map(seed => seed.b)), Math.max(...seeds.map(seed => seed.b))];
	const match = seeds.length === 1 ? seeds[0].match : matchUnits(unitsOfRange(textA, a[0], a[1]), unitsOfRange(textB, b[0], b[1]), weights);
	return { a, b, match, seeds, tier: 'reuse' };
}

/** Keeps the best-scoring pairs (weighted by size) such that no two overlap in A or in B. */
function removeOverlaps(pairs: PassagePair[]): PassagePair[] {
	const size = (pair: PassagePair) => pair.a[1] - pair.a[0] + pair.b[1] - pair.b[0] + 2;
	const ranked = pairs.slice().sort((x, y) => y.match.score * Math.sqrt(size(y)) - x.match.score * Math.sqrt(size(x)));
	const kept: PassagePair[] = [];
	for (const pair of ranked) {
		const clashes = kept.some(other => overlaps(pair.a, other.a) || overlaps(pair.b, other.b));
		if (!clashes) {
			kept.push(pair);
		}
	}
	return kept.sort((x, y) => x.a[0] - y.a[0]);
}

function overlaps(x: [number, number], y: [number, number]): boolean {
	return x[0] <= y[1] && y[0] <= x[1];
}
