import { deepStrictEqual } from 'node:assert';
import { segmentsOf } from '../../src/core/segment';
import { wordSpans } from '../../src/core/words';
import { seeds } from './seedArticles';

/** Word-like segments as Intl.Segmenter finds them: what the scanner must reproduce. */
function reference(text: string): { segment: string; at: number }[] {
	const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
	return [...segmentsOf(segmenter, text)].filter(piece => piece.isWordLike).map(({ segment, at }) => ({ segment, at }));
}

/** Deterministic pseudo-random numbers. */
function random(seed: number): () => number {
	return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('words', () => {
	it('splits the seed articles exactly as Intl.Segmenter does', () => {
		for (const article of seeds) {
			deepStrictEqual(wordSpans(article.body), reference(article.body));
		}
	});

	it('splits random strings of letters, digits and joining punctuation exactly as Intl.Segmenter does', () => {
		// The characters whose word-break rules matter (WB6/7, WB11/12), and some the scanner leaves to ICU.
		const alphabet = ['a', 'B', 'é', 'ß', 'ª', 'µ', '×', '0', '7', '.', ',', ';', ':', "'", '’', '‘', '·', '‧', '․', '⁄', ' ', '\n', '-', '“', '(', '€', '…', '\u00A0', 'Ω', '_', '\u00AD', '中', 'ك'];
		const next = random(7);
		for (let round = 0; round < 3000; round++) {
			const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
			deepStrictEqual(wordSpans(text), reference(text), JSON.stringify(text));
		}
	});
});
