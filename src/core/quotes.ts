import { Sentence, Span, splitParagraphs, splitSentences } from './segment';

/**
 * Quotation marks in article text: where direct quotes are, and sentences that do not break
 * inside them ("“Neither country can betray China. They still need it,” said Liu." is one unit).
 */

/** A direct quote: `start`/`end` include the quotation marks. */
export interface QuoteSpan {
	start: number;
	end: number;
	/** Whether the quote was still open at the end of its paragraph (news style for multi-paragraph quotes). */
	open: boolean;
}

/** A quote left open longer than this is a stray mark, not a quote. */
const MAX_OPEN_QUOTE = 3000;

/**
 * Finds the double-quoted spans of each paragraph: curly “…” pairs, and straight "…" pairs
 * counted alternately. Single quotes are left alone: ’ is also the apostrophe.
 */
export function findQuotes(body: string, paragraphs: readonly Span[] = splitParagraphs(body)): QuoteSpan[] {
	const quotes: QuoteSpan[] = [];
	for (const paragraph of paragraphs) {
		let openAt = -1;
		let straight = false;
		for (let index = paragraph.start; index < paragraph.end; index++) {
			const char = body[index];
			if (char !== '“' && char !== '”' && char !== '"' && char !== '„' && char !== '«' && char !== '»') {
				continue;
			}
			const opens = char === '“' || char === '„' || char === '«' || (char === '"' && openAt < 0);
			if (openAt < 0 && opens) {
				openAt = index;
				straight = char === '"';
			} else if (openAt >= 0 && !opens) {
				// A straight quote closes only a straight quote; a curly one only a curly one.
				if ((char === '"') === straight) {
					quotes.push({ start: openAt, end: index + 1, open: false });
					openAt = -1;
				}
			} else if (openAt >= 0 && opens && !straight) {
				// “ inside an open “: the first was stray; start again here.
				openAt = index;
			}
		}
		if (openAt >= 0 && paragraph.end - openAt <= MAX_OPEN_QUOTE) {
			quotes.push({ start: openAt, end: paragraph.end, open: true });
		}
	}
	return quotes;
}

/** The quote containing `offset`, if any (`quotes` sorted by start, not overlapping). */
export function quoteAt(quotes: readonly QuoteSpan[], offset: number): QuoteSpan | undefined {
	let low = 0;
	let high = quotes.length - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const quote = quotes[middle];
		if (offset < quote.start) {
			high = middle - 1;
		} else if (offset >= quote.end) {
			low = middle + 1;
		} else {
			return quote;
		}
	}
	return undefined;
}

/**
 * Sentences of the body, rejoined where a break falls inside a closed quote, so that a quote of
 * several sentences and its attribution stay in one unit.
 */
export function quoteAwareSentences(body: string, quotes: readonly QuoteSpan[]): Sentence[] {
	const merged: Sentence[] = [];
	for (const sentence of splitSentences(body)) {
		const previous = merged[merged.length - 1];
		const quote = quoteAt(quotes, sentence.start - 1);
		if (previous && previous.paragraph === sentence.paragraph && quote && !quote.open && quote.end > sentence.start) {
			merged[merged.length - 1] = { ...previous, end: sentence.end, text: body.slice(previous.start, sentence.end) };
		} else {
			merged.push(sentence);
		}
	}
	return merged;
}
