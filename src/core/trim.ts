import { Token, tokenize } from './normalize';

/** A character range of a text. */
export interface CharRange {
	start: number;
	end: number;
}

/**
 * Narrows two corresponding ranges to the stretch from the first to the last content word that
 * the other side shares: whole sentences often start or end with words the other text lacks.
 */
export function trimToShared(textA: string, a: CharRange, textB: string, b: CharRange): { a: CharRange; b: CharRange } {
	const tokensA = tokenize(textA.slice(a.start, a.end), a.start);
	const tokensB = tokenize(textB.slice(b.start, b.end), b.start);
	const contentStems = (tokens: Token[]) => new Set(tokens.filter(token => !token.stop).map(token => token.stem));
	return { a: sharedSpan(tokensA, a, contentStems(tokensB)), b: sharedSpan(tokensB, b, contentStems(tokensA)) };
}

/** From the first to the last shared content word; an edge with only function words before or after it stays whole. */
function sharedSpan(tokens: Token[], range: CharRange, other: Set<string>): CharRange {
	const isShared = (token: Token) => !token.stop && other.has(token.stem);
	const first = tokens.findIndex(isShared);
	if (first < 0) {
		return range;
	}
	const last = tokens.findLastIndex(isShared);
	const start = tokens.slice(0, first).every(token => token.stop) ? range.start : tokens[first].start;
	const end = tokens.slice(last + 1).every(token => token.stop) ? range.end : tokens[last].end;
	return { start, end };
}
