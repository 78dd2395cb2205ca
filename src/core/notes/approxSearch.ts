/**
 * Approximate search for a quote in a region of the text with approx-string-match, in overlapping
 * chunks so that a closer look-alike cannot hide the true passage; a long quote is matched by its
 * head and tail.
 */
import search from 'approx-string-match';

/** A range of the new text with the errors of its approximate match. */
export interface Match {
	start: number;
	end: number;
	errors: number;
}

/**
 * An approximate match may differ from the quote in at most this share of its characters: a few
 * replaced words or fixed typos in a sentence. More than that and the passage has been rewritten.
 */
export const MAX_ERROR_RATIO = 0.25;

/** Chunk of text searched at a time near the old position, and over a whole text. */
export const CHUNK = 512;
export const WHOLE_TEXT_CHUNK = 8192;

/**
 * More equally good matches than this in one chunk means the quote is not distinctive there (a
 * run of dashes, a repetitive text); it is orphaned rather than placed at random. This also bounds
 * the work, since approx-string-match does a second search per match to find where it starts.
 */
const MAX_MATCHES_PER_CHUNK = 64;

/** Quotes longer than this are matched by their first and last {@link PIECE} characters. */
const LONG_QUOTE = 4096;

/** Length of the head and tail pieces of a long quote. */
const PIECE = 256;

/** Length of the pattern searched for `exact`, against which errors are counted: the quote, or one piece of a long quote. */
export function searchedLength(exact: string): number {
	return exact.length > LONG_QUOTE ? PIECE : exact.length;
}

/**
 * Approximate matches of `exact` in text[from, to) with at most `maxErrors` errors (per piece of a
 * long quote), searched `chunk` characters at a time; undefined when the quote is not distinctive.
 */
export function approxSearch(text: string, exact: string, from: number, to: number, maxErrors: number, chunk: number): Match[] | undefined {
	return exact.length > LONG_QUOTE
		? longMatches(text, exact, from, to, maxErrors, chunk)
		: matchesIn(text, exact, from, to, maxErrors, chunk);
}

/**
 * Approximate matches of `pattern` in text[from, to), or undefined when it is not distinctive.
 * approx-string-match reports only the lowest-error matches of a search, so one search over the
 * region would hide a true passage behind a closer look-alike; searching overlapping chunks keeps
 * the best matches of each.
 */
function matchesIn(text: string, pattern: string, from: number, to: number, maxErrors: number, chunkLength: number): Match[] | undefined {
	const chunk = Math.max(chunkLength, 2 * pattern.length);
	const overlap = pattern.length + maxErrors;
	const matches: Match[] = [];
	for (let at = from; at < to; at += chunk) {
		const end = Math.min(to, at + chunk + overlap);
		const found = search(text.slice(at, end), pattern, maxErrors);
		if (found.length > MAX_MATCHES_PER_CHUNK) {
			return undefined;
		}
		for (const match of found) {
			matches.push({ start: at + match.start, end: at + match.end, errors: match.errors });
		}
		if (end === to) {
			break;
		}
	}
	return matches;
}

/**
 * Matches of a long quote: its head and tail matched apart, paired when the tail follows the
 * head at about the quote's length. Matching the whole quote would cost its length squared.
 */
function longMatches(text: string, exact: string, from: number, to: number, maxErrors: number, chunk: number): Match[] | undefined {
	const heads = matchesIn(text, exact.slice(0, PIECE), from, to, maxErrors, chunk);
	const slack = exact.length * MAX_ERROR_RATIO;
	const tails = heads && matchesIn(text, exact.slice(-PIECE), from, Math.min(text.length, to + exact.length + slack), maxErrors, chunk);
	if (!heads || !tails) {
		return undefined;
	}
	const matches: Match[] = [];
	for (const head of heads) {
		for (const tail of tails) {
			const length = tail.end - head.start;
			const stretch = Math.abs(length - exact.length);
			if (tail.start >= head.end && stretch <= slack) {
				// In units of one piece: the pieces' mean errors, plus the change in length pro rata,
				// so that of two tails the one nearer the quote's length wins.
				matches.push({ start: head.start, end: tail.end, errors: (head.errors + tail.errors) / 2 + stretch * PIECE / exact.length });
			}
		}
	}
	return matches;
}
