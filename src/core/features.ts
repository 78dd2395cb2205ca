import { AliasTable } from './entities';
import { synsetIdsOf, synsetsOf } from './lexicon';
import { Token } from './normalize';

/** A unit of content Parallax compares: a word stem, a named entity or a number. */
export interface Unit {
	/** `w:stem`, `e:entity-id` or `n:value`. */
	key: string;
	/** The key as a small integer (see {@link keyId}), for indexing by array. */
	id: number;
	/** WordNet synsets of a word, to match synonyms; empty otherwise. */
	synsets: readonly string[];
	/** The same synsets as small integers (see `synsetIdsOf`). */
	synsetIds: Int32Array;
	/** The unit as written, for evidence. */
	surface: string;
}

/**
 * The content units of a run of tokens: entity names (longest alias first), numbers by value,
 * and the stems of the remaining non-stopwords. Each key appears once.
 */
export function contentUnits(tokens: readonly Token[], text: string, offset: number, aliases: AliasTable): Unit[] {
	const units: Unit[] = [];
	const generation = nextUnitGeneration();
	const add = (key: string, id: number, word: WordInfo | undefined, start: number, end: number) => {
		if (id >= unitStamp.length) {
			const grown = new Int32Array(Math.max(id + 1, 2 * unitStamp.length));
			grown.set(unitStamp);
			unitStamp = grown;
		}
		if (unitStamp[id] !== generation) {
			unitStamp[id] = generation;
			units.push({ key, id, synsets: word?.synsets ?? NO_SYNSETS, synsetIds: word?.synsetIds ?? NO_SYNSET_IDS, surface: text.slice(start - offset, end - offset) });
		}
	};
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index];
		const entity = aliases.matchAt(tokens, index);
		if (entity) {
			const key = `e:${entity.id}`;
			add(key, keyId(key), undefined, token.start, tokens[index + entity.length - 1].end);
			index += entity.length - 1;
		} else if (token.value !== undefined) {
			const key = `n:${token.value}`;
			add(key, keyId(key), undefined, token.start, token.end);
		} else if (!token.stop && token.stem.length > 1) {
			const word = wordOf(token.stem);
			add(word.key, word.id, word, token.start, token.end);
		}
	}
	return units;
}

/** Which key ids the bag being built already holds: valid where the stamp is the current generation. */
let unitStamp = new Int32Array(1024);
let unitGeneration = 0;

function nextUnitGeneration(): number {
	if (++unitGeneration === 0x7fffffff) {
		unitStamp.fill(0);
		unitGeneration = 1;
	}
	return unitGeneration;
}

const NO_SYNSETS: readonly string[] = [];
const NO_SYNSET_IDS = new Int32Array(0);

/**
 * Unit keys numbered as first seen, shared by every comparison: a key's id never changes, so units
 * of any two texts compare by id. The table grows with the vocabulary seen (stems, entities, numbers).
 */
const keyIds = new Map<string, number>();

/** The small integer that stands for a unit key. */
export function keyId(key: string): number {
	let id = keyIds.get(key);
	if (id === undefined) {
		keyIds.set(key, (id = keyIds.size));
	}
	return id;
}

/** How many key ids {@link keyId} has handed out: every id is below this. */
export function keyIdCount(): number {
	return keyIds.size;
}

/** Past this many keys (a long session over many corpora), ids start afresh with the next alignment. */
const KEY_ID_LIMIT = 1_000_000;

/**
 * Called before an alignment prepares its texts: units of earlier alignments are no longer in use
 * then, so an outgrown key table can be dropped. Units made before and after a reset do not compare.
 */
export function beginAlignment(): void {
	if (keyIds.size > KEY_ID_LIMIT) {
		keyIds.clear();
		words.clear();
	}
}

/** What a word unit needs of its stem, looked up once per stem: texts repeat their words. */
interface WordInfo {
	key: string;
	id: number;
	synsets: readonly string[];
	synsetIds: Int32Array;
}

const words = new Map<string, WordInfo>();
const WORD_CACHE_LIMIT = 200_000;

function wordOf(stem: string): WordInfo {
	let word = words.get(stem);
	if (!word) {
		if (words.size >= WORD_CACHE_LIMIT) {
			words.clear();
		}
		const key = `w:${stem}`;
		words.set(stem, (word = { key, id: keyId(key), synsets: synsetsOf(stem), synsetIds: synsetIdsOf(stem) }));
	}
	return word;
}

/** Sentence count below which weights are computed as if the texts had this many sentences. */
const MIN_SENTENCES = 100;

/** Inverse sentence frequency of every key over the sentences being compared. */
export class Weights {
	/** Sentences containing each key, by key id. */
	private _frequency = new Int32Array(1024);
	private _sentences = 0;
	/** Weight by key id, computed on first use; NaN where not yet computed. */
	private _weights = new Float64Array(0);

	/** Counts one sentence's units. */
	add(units: readonly Unit[]): void {
		this._sentences++;
		this._weights = new Float64Array(0);
		for (const unit of units) {
			if (unit.id >= this._frequency.length) {
				const grown = new Int32Array(Math.max(unit.id + 1, 2 * this._frequency.length));
				grown.set(this._frequency);
				this._frequency = grown;
			}
			this._frequency[unit.id]++;
		}
	}

	/** How many sentences contain the key. */
	frequency(key: string): number {
		return this._frequencyOf(keyId(key));
	}

	private _frequencyOf(id: number): number {
		return id < this._frequency.length ? this._frequency[id] : 0;
	}

	/**
	 * log(1 + N / df): rare words weigh more; a word in every sentence still counts a little. N is at
	 * least {@link MIN_SENTENCES}: in a handful of short articles every shared word is "common", and
	 * a verbatim shared sentence would weigh too little to count as evidence.
	 */
	of(key: string): number {
		return this.ofId(keyId(key));
	}

	/** {@link of} by key id. */
	ofId(id: number): number {
		if (id >= this._weights.length) {
			const grown = new Float64Array(Math.max(id + 1, keyIdCount())).fill(NaN);
			grown.set(this._weights);
			this._weights = grown;
		}
		let weight = this._weights[id];
		if (weight !== weight) {
			weight = Math.log(1 + Math.max(this._sentences, MIN_SENTENCES) / Math.max(1, this._frequencyOf(id)));
			this._weights[id] = weight;
		}
		return weight;
	}

	/** Summed weight of a bag of units. */
	total(units: readonly Unit[]): number {
		let total = 0;
		for (const unit of units) {
			total += this.ofId(unit.id);
		}
		return total;
	}
}
