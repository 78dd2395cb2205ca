import { Match, Weights, matchUnits } from './features';
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

export const DEFAULT_RETRIEVAL: RetrievalOptions = { seedScore: 0.2, maxPostings: 64, candidatesPerSentence: 10 };

/**
 * Finds similar sentence pairs across texts through an inverted index over content units and
 * their WordNet synsets, so cost grows with the number of sentences, not with pairs of texts.
 */
export function findSeeds(texts: readonly PreparedText[], weights: Weights, options: RetrievalOptions = DEFAULT_RETRIEVAL): Seed[] {
	const postings = new Map<string, number[]>();
	const sentenceText: number[] = [];
	const sentenceIndex: number[] = [];
	texts.forEach((text, textIndex) => {
		text.units.forEach((units, index) => {
			const id = sentenceText.length;
			sentenceText.push(textIndex);
			sentenceIndex.push(index);
			for (const key of indexKeys(units)) {
				let list = postings.get(key);
				if (!list) {
					postings.set(key, (list = []));
				}
				list.push(id);
			}
		});
	});
	const totals = texts.map(text => text.units.map(units => weights.total(units)));
	const seeds: Seed[] = [];
	// Shared weight per candidate sentence, in a flat array reset through the list of touched entries.
	const overlap = new Float64Array(sentenceText.length);
	const touched: number[] = [];
	for (let id = 0; id < sentenceText.length; id++) {
		const textA = sentenceText[id];
		const unitsA = texts[textA].units[sentenceIndex[id]];
		for (const unit of unitsA) {
			const weight = weights.of(unit.key);
			accumulate(postings.get(unit.key), weight, options.maxPostings);
			for (const synset of unit.synsets) {
				// A synset is looser than a word: only its rarer ones point at candidates.
				accumulate(postings.get(`s:${synset}`), weight, options.maxPostings / 4);
			}
		}
		const totalA = totals[textA][sentenceIndex[id]];
		const candidates: number[] = [];
		for (const other of touched) {
			// Dice cannot exceed twice the shared weight over both totals: skip pairs that cannot reach a seed.
			if ((2 * overlap[other]) / (totalA + totals[sentenceText[other]][sentenceIndex[other]]) >= options.seedScore) {
				candidates.push(other);
			}
		}
		candidates.sort((x, y) => overlap[y] - overlap[x]);
		for (const other of candidates.slice(0, options.candidatesPerSentence)) {
			const textB = sentenceText[other];
			const match = matchUnits(unitsA, texts[textB].units[sentenceIndex[other]], weights);
			if (match.score >= options.seedScore) {
				seeds.push({ textA, a: sentenceIndex[id], textB, b: sentenceIndex[other], match });
			}
		}
		for (const other of touched) {
			overlap[other] = 0;
		}
		touched.length = 0;

		function accumulate(list: number[] | undefined, weight: number, cap: number): void {
			if (!list || list.length > cap) {
				return;
			}
			for (const other of list) {
				// Each pair once (other > id), and never within one text.
				if (other > id && sentenceText[other] !== textA) {
					if (overlap[other] === 0) {
						touched.push(other);
					}
					overlap[other] += weight;
				}
			}
		}
	}
	return seeds;
}

function indexKeys(units: PreparedText['units'][number]): Set<string> {
	const keys = new Set<string>();
	for (const unit of units) {
		keys.add(unit.key);
		for (const synset of unit.synsets) {
			keys.add(`s:${synset}`);
		}
	}
	return keys;
}
