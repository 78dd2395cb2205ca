import { Unit, Weights, keyIdCount } from './features';
import { synsetIdCount } from './lexicon';

/** Weight of a synonym match relative to an exact one. */
export const SYNONYM_WEIGHT = 0.8;

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
	const shared: Unit[] = [];
	const synonyms: [Unit, Unit][] = [];
	const { score, evidence } = compare(a, b, weights, shared, synonyms);
	return { score, evidence, shared, synonyms };
}

/** The score of {@link matchUnits} alone, without collecting what matched: for screening many candidates. */
export function matchScore(a: readonly Unit[], b: readonly Unit[], weights: Weights): number {
	return compare(a, b, weights).score;
}

/**
 * Scratch tables for one comparison at a time, indexed by key or synset id and valid where their
 * stamp is the current generation: which keys A and B hold, and for each synset the first word of
 * B that has it. Marking costs a few array writes; nothing is allocated per comparison or per bag.
 */
const scratch = { generation: 0, inA: new Int32Array(0), inB: new Int32Array(0), synsetStamp: new Int32Array(0), synsetOwner: new Int32Array(0) };

function nextGeneration(): number {
	if (scratch.inA.length < keyIdCount()) {
		const size = Math.max(keyIdCount(), 2 * scratch.inA.length);
		scratch.inA = new Int32Array(size);
		scratch.inB = new Int32Array(size);
		scratch.generation = 0;
	}
	if (scratch.synsetStamp.length < synsetIdCount()) {
		const size = Math.max(synsetIdCount(), 2 * scratch.synsetStamp.length);
		scratch.synsetStamp = new Int32Array(size);
		scratch.synsetOwner = new Int32Array(size);
		scratch.generation = 0;
	}
	if (++scratch.generation === 0x7fffffff) {
		scratch.inA.fill(0);
		scratch.inB.fill(0);
		scratch.synsetStamp.fill(0);
		scratch.generation = 1;
	}
	return scratch.generation;
}

/** Marks the synsets of the words of `b` that A lacks, first word first. */
function markSynsets(b: readonly Unit[], generation: number): void {
	const { inA, synsetStamp, synsetOwner } = scratch;
	for (let owner = 0; owner < b.length; owner++) {
		const unit = b[owner];
		if (unit.synsetIds.length === 0 || inA[unit.id] === generation) {
			continue;
		}
		for (const id of unit.synsetIds) {
			if (synsetStamp[id] !== generation) {
				synsetStamp[id] = generation;
				synsetOwner[id] = owner;
			}
		}
	}
}

function compare(a: readonly Unit[], b: readonly Unit[], weights: Weights, shared?: Unit[], synonyms?: [Unit, Unit][]): { score: number; evidence: number } {
	const generation = nextGeneration();
	const { inA, inB, synsetStamp, synsetOwner } = scratch;
	let total = 0;
	for (const unit of a) {
		inA[unit.id] = generation;
		total += weights.ofId(unit.id);
	}
	for (const unit of b) {
		inB[unit.id] = generation;
		total += weights.ofId(unit.id);
	}
	let matched = 0;
	let evidence = 0;
	let marked = false;
	// Each word of B that A lacks can pair with one word of A: the first such B word of a shared synset.
	let paired: Set<Unit> | undefined;
	for (const unit of a) {
		const weight = weights.ofId(unit.id);
		if (inB[unit.id] === generation) {
			matched += 2 * weight;
			evidence += weight;
			shared?.push(unit);
			continue;
		}
		if (unit.synsetIds.length === 0) {
			continue;
		}
		if (!marked) {
			markSynsets(b, generation);
			marked = true;
		}
		let partner: Unit | undefined;
		for (let s = 0; s < unit.synsetIds.length && !partner; s++) {
			const id = unit.synsetIds[s];
			const candidate = synsetStamp[id] === generation ? b[synsetOwner[id]] : undefined;
			if (candidate && !paired?.has(candidate)) {
				partner = candidate;
			}
		}
		if (partner) {
			matched += SYNONYM_WEIGHT * (weight + weights.ofId(partner.id));
			evidence += SYNONYM_WEIGHT * weight;
			synonyms?.push([unit, partner]);
			(paired ??= new Set()).add(partner);
		}
	}
	return { score: total > 0 ? matched / total : 0, evidence };
}
