import { Comparison, passageKey } from './comparison';
import { AliasGroup, defaultAliasTable } from './entities';
import { Weights, beginAlignment } from './features';
import { DEFAULT_EXTENSION, ExtensionOptions, PassagePair, extendSeeds } from './extend';
import { buildComparison } from './groups';
import { UserLink, applyUserLinks } from './userLinks';
import { collectPeople } from './people';
import { PreparedText, prepareText, weightsOf } from './prepare';
import { trimToShared } from './trim';
import { DEFAULT_RETRIEVAL, RetrievalOptions, Seed, findSeeds } from './retrieve';

/** A text offered for alignment. */
export interface AlignInput {
	id: string;
	path: string;
	title: string;
	outlet: string;
	body: string;
}

/** Engine settings: one set for every use (news, the PAN evaluation, benchmarks). */
export interface AlignOptions {
	retrieval: RetrievalOptions;
	extension: ExtensionOptions;
	/** Entity aliases added to the bundled ones (the `parallax.aliases` setting). */
	aliases: AliasGroup[];
	/** Find the people quoted in each article (the `people` field). */
	people: boolean;
	/** The user's links and "not parallel" marks, which override the machine's pairs. */
	userLinks?: UserLink[];
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = { retrieval: DEFAULT_RETRIEVAL, extension: DEFAULT_EXTENSION, aliases: [], people: true };

/** Character ranges of two texts that correspond. */
export interface AlignedRanges {
	a: { start: number; end: number };
	b: { start: number; end: number };
	score: number;
}

/** Passage pairs of every pair of texts that share any, with the prepared texts they index into. */
export interface PairwiseAlignment {
	texts: PreparedText[];
	weights: Weights;
	/** Passage pairs by `textA < textB`. */
	pairs: { textA: number; textB: number; passages: PassagePair[] }[];
}

/**
 * Aligns every pair of texts at once: one inverted index finds similar sentences across all texts,
 * then each pair of texts with seeds has them merged into passage pairs.
 */
export function alignAll(bodies: readonly string[], options: AlignOptions = DEFAULT_ALIGN_OPTIONS): PairwiseAlignment {
	const aliases = defaultAliasTable(options.aliases);
	beginAlignment();
	const texts = bodies.map(body => prepareText(body, aliases));
	const weights = weightsOf(texts);
	const byPair = new Map<number, Seed[]>();
	for (const seed of findSeeds(texts, weights, options.retrieval)) {
		const key = seed.textA * texts.length + seed.textB;
		const list = byPair.get(key);
		if (list) {
			list.push(seed);
		} else {
			byPair.set(key, [seed]);
		}
	}
	const pairs = [...byPair.values()].map(seeds => {
		const { textA, textB } = seeds[0];
		return { textA, textB, passages: extendSeeds(seeds, texts[textA], texts[textB], weights, options.extension) };
	});
	return { texts, weights, pairs };
}

/** The corresponding passages of two texts as character ranges (the PAN text-alignment task). */
export function alignPair(a: string, b: string, options: AlignOptions = DEFAULT_ALIGN_OPTIONS): AlignedRanges[] {
	const { texts, pairs } = alignAll([a, b], options);
	// Text reuse is what this task asks for; topic pairs (same point, other words) are left out.
	return pairs.flatMap(pair => pair.passages).filter(passage => passage.tier === 'reuse').map(passage => ({
		...trimToShared(a, sentenceRange(texts[0], passage.a), b, sentenceRange(texts[1], passage.b)),
		score: passage.match.score,
	}));
}

/** Character range of sentences `range[0]..range[1]` of a text. */
function sentenceRange(text: PreparedText, range: [number, number]): { start: number; end: number } {
	return { start: text.sentences[range[0]].start, end: text.sentences[range[1]].end };
}

/** Aligns articles into the comparison of DESIGN.md: N-way groups, "only in" passages, evidence. */
export function alignArticles(articles: readonly AlignInput[], options: AlignOptions = DEFAULT_ALIGN_OPTIONS): Comparison {
	const alignment = alignAll(articles.map(article => article.body), options);
	applyUserLinks(alignment, articles.map(article => article.id), options.userLinks ?? []);
	const comparison = buildComparison(articles, alignment);
	if (options.people) {
		comparison.people = collectPeople(comparison.articles.map((article, index) => ({ id: article.id, body: articles[index].body, passages: article.passages })));
		markSpeakerGroups(comparison);
	}
	return comparison;
}

/** From this score up a group is a near-copy, and `lexical` says more than `speaker`. */
const NEAR_COPY_SCORE = 0.8;

/**
 * A group whose passages quote or cite the same person in two or more articles is of kind
 * `speaker` ("FT vs CNN on Yun Sun": same person, different quotes), unless it is a near-copy.
 */
function markSpeakerGroups(comparison: Comparison): void {
	const speakersOf = new Map<string, Set<string>>();
	for (const person of comparison.people) {
		for (const mention of person.mentions) {
			const key = passageKey(mention);
			speakersOf.set(key, (speakersOf.get(key) ?? new Set()).add(person.name));
		}
	}
	for (const group of comparison.groups) {
		if (group.score >= NEAR_COPY_SCORE) {
			continue;
		}
		const articlesBySpeaker = new Map<string, Set<string>>();
		for (const member of group.members) {
			for (const name of speakersOf.get(passageKey(member)) ?? []) {
				articlesBySpeaker.set(name, (articlesBySpeaker.get(name) ?? new Set()).add(member.article));
			}
		}
		if ([...articlesBySpeaker.values()].some(articles => articles.size >= 2)) {
			group.kind = 'speaker';
		}
	}
}
