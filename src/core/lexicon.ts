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

/** Synset ids as small integers, numbered as first seen: WordNet's synsets are finite, so this stays bounded. */
const synsetNumbers = new Map<string, number>();
const idCache = new Map<string, Int32Array>();
const NO_IDS = new Int32Array(0);

/** The synsets of {@link synsetsOf} as small integers, for fast intersection and indexing by array. */
export function synsetIdsOf(stem: string): Int32Array {
	let ids = idCache.get(stem);
	if (!ids) {
		const synsets = synsetsOf(stem);
		ids = synsets.length === 0 ? NO_IDS : Int32Array.from(synsets, synset => {
			let id = synsetNumbers.get(synset);
			if (id === undefined) {
				synsetNumbers.set(synset, (id = synsetNumbers.size));
			}
			return id;
		});
		idCache.set(stem, ids);
	}
	return ids;
}

/** How many synset ids {@link synsetIdsOf} has handed out: every id is below this. */
export function synsetIdCount(): number {
	return synsetNumbers.size;
}

/** True when two different stems share a WordNet synset ("declin" and "refus"). */
export function areSynonyms(stemA: string, stemB: string): boolean {
	if (stemA === stemB) {
		return false;
	}
	const other = synsetsOf(stemB);
	return other.length > 0 && synsetsOf(stemA).some(id => other.includes(id));
}
