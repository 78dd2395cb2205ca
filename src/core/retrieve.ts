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
	/** Keys in more sentences than this share (and at least `minPostingCap`) find no candidates: too common. */
	maxPostingShare: number;
	minPostingCap: number;
	/** Candidates scored per sentence, the best by shared weight. */
	candidatesPerSentence: number;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = { seedScore: 0.2, maxPostingShare: 0.01, minPostingCap: 64, candidatesPerSentence: 24 };

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
	const cap = Math.max(options.minPostingCap, Math.ceil(sentenceText.length * options.maxPostingShare));
	const seeds: Seed[] = [];
	const overlap = new Map<number, number>();
	for (let id = 0; id < sentenceText.length; id++) {
		const textA = sentenceText[id];
		const unitsA = texts[textA].units[sentenceIndex[id]];
		overlap.clear();
		for (const unit of unitsA) {
			const weight = weights.of(unit.key);
			for (const key of [unit.key, ...unit.synsets.map(synset => `s:${synset}`)]) {
				const list = postings.get(key);
				if (!list || list.length > cap) {
					continue;
				}
				for (const other of list) {
					// Each pair once (other > id), and never within one text.
					if (other > id && sentenceText[other] !== textA) {
						overlap.set(other, (overlap.get(other) ?? 0) + weight);
					}
				}
			}
		}
		const totalA = totals[textA][sentenceIndex[id]];
		// Dice cannot exceed twice the shared weight over both totals: skip pairs that cannot reach a seed.
		const candidates = [...overlap.entries()]
			.filter(([other, shared]) => (2 * shared) / (totalA + totals[sentenceText[other]][sentenceIndex[other]]) >= options.seedScore)
			.sort((x, y) => y[1] - x[1])
			.slice(0, options.candidatesPerSentence);
		for (const [other] of candidates) {
			const textB = sentenceText[other];
			const match = matchUnits(unitsA, texts[textB].units[sentenceIndex[other]], weights);
			if (match.score >= options.seedScore) {
				seeds.push({ textA, a: sentenceIndex[id], textB, b: sentenceIndex[other], match });
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
