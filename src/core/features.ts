import { AliasTable } from './entities';
import { synsetsOf } from './lexicon';
import { Token } from './normalize';

/** A unit of content Parallax compares: a word stem, a named entity or a number. */
export interface Unit {
	/** `w:stem`, `e:entity-id` or `n:value`. */
	key: string;
	/** WordNet synsets of a word, to match synonyms; empty otherwise. */
	synsets: readonly string[];
	/** The unit as written, for evidence. */
	surface: string;
}

/**
 * The content units of a run of tokens: entity names (longest alias first), numbers by value,
 * and the stems of the remaining non-stopwords. Each key appears once.
 */
export function contentUnits(tokens: readonly Token[], text: string, offset: number, aliases: AliasTable): Unit[] {
	const units = new Map<string, Unit>();
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index];
		const entity = aliases.matchAt(tokens, index);
		if (entity) {
			const last = tokens[index + entity.length - 1];
			addUnit(units, `e:${entity.id}`, [], text.slice(token.start - offset, last.end - offset));
			index += entity.length - 1;
		} else if (token.value !== undefined) {
			addUnit(units, `n:${token.value}`, [], text.slice(token.start - offset, token.end - offset));
		} else if (!token.stop && token.stem.length > 1) {
			addUnit(units, `w:${token.stem}`, synsetsOf(token.stem), text.slice(token.start - offset, token.end - offset));
		}
	}
	return [...units.values()];
}

function addUnit(units: Map<string, Unit>, key: string, synsets: readonly string[], surface: string): void {
	if (!units.has(key)) {
		units.set(key, { key, synsets, surface });
	}
}

/** Key sets of unit bags, kept while the bag lives: a sentence is compared with many others. */
const keySets = new WeakMap<readonly Unit[], Set<string>>();

function keySet(units: readonly Unit[]): Set<string> {
	let keys = keySets.get(units);
	if (!keys) {
		keys = new Set(units.map(unit => unit.key));
		keySets.set(units, keys);
	}
	return keys;
}

/** Weight of a synonym match relative to an exact one. */
export const SYNONYM_WEIGHT = 0.8;

/** Sentence count below which weights are computed as if the texts had this many sentences. */
const MIN_SENTENCES = 100;

/** Inverse sentence frequency of every key over the sentences being compared. */
export class Weights {
	private readonly _frequency = new Map<string, number>();
	private _sentences = 0;

	/** Counts one sentence's units. */
	add(units: readonly Unit[]): void {
		this._weights.clear();
		this._sentences++;
		for (const unit of units) {
			this._frequency.set(unit.key, (this._frequency.get(unit.key) ?? 0) + 1);
		}
	}

	/** How many sentences contain the key. */
	frequency(key: string): number {
		return this._frequency.get(key) ?? 0;
	}

	private readonly _weights = new Map<string, number>();

	/**
	 * log(1 + N / df): rare words weigh more; a word in every sentence still counts a little. N is at
	 * least {@link MIN_SENTENCES}: in a handful of short articles every shared word is "common", and
	 * a verbatim shared sentence would weigh too little to count as evidence.
	 */
	of(key: string): number {
		let weight = this._weights.get(key);
		if (weight === undefined) {
			weight = Math.log(1 + Math.max(this._sentences, MIN_SENTENCES) / Math.max(1, this.frequency(key)));
			this._weights.set(key, weight);
		}
		return weight;
	}

	/** Summed weight of a bag of units. */
	total(units: readonly Unit[]): number {
		let total = 0;
		for (const unit of units) {
			total += this.of(unit.key);
		}
		return total;
	}
}

/** How well two bags of units match, 0..1, with what matched. */
export interface Match {
	score: number;
	/** Summed weight of what matched (first side): evidence that does not shrink with sentence length. */
	evidence: number;
	/** Keys present on both sides. */
	shared: Unit[];
	/** Word pairs that match through a shared WordNet synset, `[a, b]`. */
	synonyms: [Unit, Unit][];
}

/**
 * Weighted Dice similarity of two unit bags: exact keys count fully, WordNet synonyms count
 * {@link SYNONYM_WEIGHT}; each side's matched weight over both sides' total weight.
 */
export function matchUnits(a: readonly Unit[], b: readonly Unit[], weights: Weights): Match {
	const keysB = keySet(b);
	const keysA = keySet(a);
	let total = 0;
	let matched = 0;
	let evidence = 0;
	const shared: Unit[] = [];
	const synonyms: [Unit, Unit][] = [];
	// Each unmatched word of B can pair with one word of A, found through its synsets.
	const bySynset = new Map<string, Unit>();
	for (const unit of b) {
		if (!keysA.has(unit.key)) {
			for (const synset of unit.synsets) {
				if (!bySynset.has(synset)) {
					bySynset.set(synset, unit);
				}
			}
		}
	}
	const paired = new Set<Unit>();
	for (const unit of a) {
		const weight = weights.of(unit.key);
		total += weight;
		if (keysB.has(unit.key)) {
			matched += 2 * weight;
			evidence += weight;
			shared.push(unit);
			continue;
		}
		let partner: Unit | undefined;
		for (const synset of unit.synsets) {
			const candidate = bySynset.get(synset);
			if (candidate && !paired.has(candidate)) {
				partner = candidate;
				break;
			}
		}
		if (partner) {
			matched += SYNONYM_WEIGHT * (weight + weights.of(partner.key));
			evidence += SYNONYM_WEIGHT * weight;
			synonyms.push([unit, partner]);
			paired.add(partner);
		}
	}
	for (const unit of b) {
		total += weights.of(unit.key);
	}
	return { score: total > 0 ? matched / total : 0, evidence, shared, synonyms };
}
