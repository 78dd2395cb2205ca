import { Match, Weights, matchUnits } from './features';
import { PreparedText, unitsOfRange } from './prepare';
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
 * form one passage (split alternately by position in A and in B until stable), kept if the merged
 * passages still match well; overlapping results keep the better one.
 */
export function extendSeeds(seeds: readonly Seed[], textA: PreparedText, textB: PreparedText, weights: Weights, options: ExtensionOptions = DEFAULT_EXTENSION): PassagePair[] {
	const pairs: PassagePair[] = [];
	const pending: { seeds: Seed[]; gap: number }[] = [{ seeds: bestSeeds(seeds.filter(seed => seed.match.score >= options.reuseScore)), gap: options.maxGap }];
	while (pending.length > 0) {
		const { seeds: group, gap } = pending.pop()!;
		for (const cluster of clusterSeeds(group, gap)) {
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
	const reuse = removeOverlaps(pairs.filter(isStrong));
	// Whatever is left (weak seeds, lone seeds without enough evidence) may still be a topic pair.
	const topics = seeds
		.filter(seed => seed.match.evidence >= options.topicEvidence)
		.map(seed => ({ ...toPassagePair([seed], textA, textB, weights), tier: 'topic' as const }))
		.filter(topic => !reuse.some(pair => overlaps(topic.a, pair.a) || overlaps(topic.b, pair.b)));
	return [...reuse, ...removeOverlaps(topics)].sort((x, y) => x.a[0] - y.a[0]);
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
