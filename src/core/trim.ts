import { Token, tokenize } from './normalize';

/** A character range of a text. */
export interface CharRange {
	start: number;
	end: number;
}

/** Content words looked at together when deciding where shared text starts or ends. */
const WINDOW = 8;
/** Share of shared words in that window from which the text counts as shared. */
const DENSITY = 0.5;

/**
 * Narrows two corresponding ranges to where shared wording starts and ends: whole sentences often
 * start or end with words the other text lacks.
 */
export function trimToShared(textA: string, a: CharRange, textB: string, b: CharRange): { a: CharRange; b: CharRange } {
	const contentA = tokenize(textA.slice(a.start, a.end), a.start).filter(token => !token.stop);
	const contentB = tokenize(textB.slice(b.start, b.end), b.start).filter(token => !token.stop);
	const stems = (tokens: Token[]) => new Set(tokens.map(token => token.stem));
	return { a: sharedSpan(contentA, a, stems(contentB)), b: sharedSpan(contentB, b, stems(contentA)) };
}

/**
 * From the first to the last shared content word where shared words are dense: a window of
 * {@link WINDOW} content words starting (or ending) there is at least {@link DENSITY} shared.
 * A sentence that only partly continues a passage shares a stray common word or two before the
 * reused part starts; those do not count.
 */
function sharedSpan(content: Token[], range: CharRange, other: Set<string>): CharRange {
	const shared = content.map(token => other.has(token.stem));
	const dense = (from: number, to: number) => {
		const window = shared.slice(Math.max(0, from), Math.min(shared.length, to));
		return window.filter(Boolean).length >= DENSITY * Math.min(WINDOW, content.length);
	};
	const first = shared.findIndex((isShared, index) => isShared && dense(index, index + WINDOW));
	const last = shared.findLastIndex((isShared, index) => isShared && dense(index - WINDOW + 1, index + 1));
	if (first < 0 || last < first) {
		return range;
	}
	// Text before the first content word (or after the last) stays: it holds only function words.
	return { start: first === 0 ? range.start : content[first].start, end: last === content.length - 1 ? range.end : content[last].end };
}
