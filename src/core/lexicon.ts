import WORDNET_STEMS from './data/wordnet-stems.json';

/**
 * WordNet synonymy by Porter2 stem: two words are synonyms when their stems share a synset among
 * their most frequent senses (compiled by scripts/buildWordnet.mjs from WordNet 3.1).
 */
const table = WORDNET_STEMS as Record<string, string>;
const cache = new Map<string, readonly string[]>();
const NONE: readonly string[] = [];

/** Synset ids of a stem's frequent senses; empty for unknown words. */
export function synsetsOf(stem: string): readonly string[] {
	let synsets = cache.get(stem);
	if (!synsets) {
		const entry = table[stem];
		synsets = entry ? entry.split(' ') : NONE;
		cache.set(stem, synsets);
	}
	return synsets;
}

/** True when two different stems share a WordNet synset ("declin" and "refus"). */
export function areSynonyms(stemA: string, stemB: string): boolean {
	if (stemA === stemB) {
		return false;
	}
	const other = synsetsOf(stemB);
	return other.length > 0 && synsetsOf(stemA).some(id => other.includes(id));
}
