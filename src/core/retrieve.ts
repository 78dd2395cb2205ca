import { Unit, Weights, keyIdCount } from './features';
import { Match, matchScore, matchUnits } from './match';
import { synsetIdCount } from './lexicon';
import { Postings } from './postings';
import { PreparedText } from './prepare';

/** Two sentences of different texts that say the same thing. */
export interface Seed {
	textA: number;
	a: number;
	textB: number;
	b: number;
	match: Match;
}

/** Tuning of candidate retrieval; the defaults serve news and the PAN evaluation alike. */
export interface RetrievalOptions {
	/** Minimum sentence similarity for a seed. */
	seedScore: number;
	/** Keys in more sentences than this find no candidates: too common to point at a parallel. */
	maxPostings: number;
	/** Candidates scored per sentence, the best by shared weight. */
	candidatesPerSentence: number;
}

/** How many times longer than `maxPostings` the rarest key's list may be and still be followed. */
const RAREST_CAP_FACTOR = 16;

/** Share of a sentence's weight in skipped keys from which the bound over the followed ones is too loose to prune by. */
const SATURATED = 0.5;

/** Minimum similarity of a seed found through the rarest key alone (see `SATURATED`): a near-copy. */
const RESCUE_SCORE = 0.5;

export const DEFAULT_RETRIEVAL: RetrievalOptions = { seedScore: 0.2, maxPostings: 64, candidatesPerSentence: 10 };

/**
 * Finds similar sentence pairs across texts through an inverted index over content units and
 * their WordNet synsets, so cost grows with the number of sentences, not with pairs of texts.
 */
export function findSeeds(texts: readonly PreparedText[], weights: Weights, options: RetrievalOptions = DEFAULT_RETRIEVAL): Seed[] {
	const sentenceText: number[] = [];
	const sentenceIndex: number[] = [];
	const sentenceUnits: Unit[][] = [];
	texts.forEach((text, textIndex) => {
		text.units.forEach((units, index) => {
			sentenceText.push(textIndex);
			sentenceIndex.push(index);
			sentenceUnits.push(units);
		});
	});
	// Sentences by key id and by synset id (two indexes, so the two kinds of id never clash).
	const postings = new Postings(keyIdCount(), visit => sentenceUnits.forEach((units, id) => {
		for (const unit of units) {
			visit(unit.id, id);
		}
	}));
	const synsetPostings = new Postings(synsetIdCount(), visit => sentenceUnits.forEach((units, id) => {
		for (const unit of units) {
			for (const synset of unit.synsetIds) {
				visit(synset, id);
			}
		}
	}));
	const count = sentenceText.length;
	const totals = Float64Array.from(sentenceUnits, units => weights.total(units));
	const seeds: Seed[] = [];
	// Shared weight per candidate sentence, in a flat array reset through the list of touched entries.
	const overlap = new Float64Array(count);
	const sharesRarest = new Uint8Array(count);
	const touched: number[] = [];
	const candidates: number[] = [];
	const rescued: number[] = [];
	const byOverlap = (x: number, y: number) => overlap[y] - overlap[x];
	// Where each key's unread postings start: see `accumulate`.
	const keyCursors = postings.starts.slice(0, -1);
	const synsetCursors = synsetPostings.starts.slice(0, -1);
	// First sentence id of each text, and one past the last.
	const textStarts = new Int32Array(texts.length + 1);
	texts.forEach((text, index) => {
		textStarts[index + 1] = textStarts[index] + text.units.length;
	});
	for (let id = 0; id < count; id++) {
		const textA = sentenceText[id];
		const nextText = textStarts[textA + 1];
		const unitsA = sentenceUnits[id];
		// The rarest key is always followed (up to a higher cap): text copied into many articles
		// makes even its rare words common, and would otherwise find no candidate at all.
		const rarest = rarestKey(unitsA, postings);
		let skipped = 0;
		for (const unit of unitsA) {
			const weight = weights.ofId(unit.id);
			if (!accumulate(postings, keyCursors, unit.id, weight, unit.id === rarest ? options.maxPostings * RAREST_CAP_FACTOR : options.maxPostings)) {
				skipped += weight;
			} else if (unit.id === rarest) {
				for (let index = postings.starts[unit.id]; index < postings.starts[unit.id + 1]; index++) {
					sharesRarest[postings.ids[index]] = 1;
				}
			}
			for (const synset of unit.synsetIds) {
				// A synset is looser than a word: only its rarer ones point at candidates.
				accumulate(synsetPostings, synsetCursors, synset, weight, options.maxPostings / 4);
			}
		}
		const totalA = totals[id];
		const saturated = skipped >= SATURATED * totalA;
		candidates.length = 0;
		rescued.length = 0;
		for (const other of touched) {
			// Dice cannot exceed twice the shared weight over both totals: skip pairs that cannot
			// reach a seed. When most of the sentence's weight is in skipped keys, that bound is
			// too loose to prune by: a sentence sharing the rarest key may share all of them, and
			// such sentences fill the places the others leave (a copy whose every word is common).
			const totalAB = totalA + totals[other];
			if (2 * overlap[other] >= options.seedScore * totalAB) {
				candidates.push(other);
			} else if (saturated && sharesRarest[other] && 2 * (overlap[other] + skipped) >= options.seedScore * totalAB) {
				rescued.push(other);
			}
		}
		candidates.sort(byOverlap);
		const strict = candidates.length;
		if (strict < options.candidatesPerSentence && rescued.length > 0) {
			candidates.push(...rescued.sort(byOverlap).slice(0, options.candidatesPerSentence - strict));
		}
		for (let rank = 0; rank < candidates.length && rank < options.candidatesPerSentence; rank++) {
			const other = candidates[rank];
			const unitsB = sentenceUnits[other];
			// Most candidates fall short: score them before collecting what matched. A rescued
			// candidate is there to catch copies, and must be one.
			const threshold = rank < strict ? options.seedScore : RESCUE_SCORE;
			if (matchScore(unitsA, unitsB, weights) >= threshold) {
				seeds.push({ textA, a: sentenceIndex[id], textB: sentenceText[other], b: sentenceIndex[other], match: matchUnits(unitsA, unitsB, weights) });
			}
		}
		for (const other of touched) {
			overlap[other] = 0;
			sharesRarest[other] = 0;
		}
		touched.length = 0;

		/** Adds the weight to every sentence of the key's postings; false when there are too many to follow. */
		function accumulate(index: Postings, cursors: Int32Array, key: number, weight: number, cap: number): boolean {
			const end = index.starts[key + 1];
			if (index.count(key) > cap) {
				return false;
			}
			// Each pair once and never within one text: only sentences of later texts. Postings are
			// ascending and texts come in order, so each key's cursor only moves forward.
			let from = cursors[key];
			while (from < end && index.ids[from] < nextText) {
				from++;
			}
			cursors[key] = from;
			for (let at = from; at < end; at++) {
				const other = index.ids[at];
				if (overlap[other] === 0) {
					touched.push(other);
				}
				overlap[other] += weight;
			}
			return true;
		}
	}
	return seeds;
}

/** The id of the unit with the fewest postings. */
function rarestKey(units: readonly Unit[], postings: Postings): number {
	let rarest = -1;
	let fewest = Infinity;
	for (const unit of units) {
		const count = postings.count(unit.id);
		if (count < fewest) {
			fewest = count;
			rarest = unit.id;
		}
	}
	return rarest;
}
