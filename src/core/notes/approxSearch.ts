/**
 * Approximate search for a quote in a region of the text, in overlapping chunks so that a closer
 * look-alike cannot hide the true passage; a long quote is matched by its head and tail.
 *
 * The work is bounded whatever the text: every step of the bit-parallel matcher (bitMatcher.ts)
 * is charged to a budget that grows with the region searched, and a quote that matches in too
 * many places is given up. Both end in no match, that is an orphaned note, which is the safe
 * outcome: a quote that fits so much of a text is not distinctive there.
 */
import { BitMatcher, Budget } from './bitMatcher';

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
 * run of dashes, a repetitive text); it is orphaned rather than placed at random.
 */
const MAX_MATCHES_PER_CHUNK = 64;

/**
 * More candidates than this in a whole search means the same, over several chunks. It also bounds
 * the caller's work, which weighs the context of every candidate, and the pairing of a long
 * quote's heads and tails.
 */
const MAX_CANDIDATES = 256;

/**
 * Block steps (32 pattern characters against one text character) a search may take: a fixed part
 * and so many per character of the region. Finding where a match starts costs about (quote
 * length / 32) × quote length steps, so this allows a few matches of the longest quote searched
 * whole, while a quote that resembles the text everywhere (a repetitive text) would cost quote
 * length / 32 steps per character. At a few nanoseconds a step, that is some 20 ms, plus 20 ns
 * a character, at worst.
 */
const BASE_STEPS = 4_000_000;
const STEPS_PER_CHARACTER = 4;

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
 * long quote), searched `chunk` characters at a time; undefined when the quote is not distinctive
 * or the search would cost too much.
 */
export function approxSearch(text: string, exact: string, from: number, to: number, maxErrors: number, chunk: number): Match[] | undefined {
	return exact.length > LONG_QUOTE
		? longMatches(text, exact, from, to, maxErrors, chunk)
		: matchesIn(text, exact, from, to, maxErrors, chunk);
}

/**
 * Approximate matches of `pattern` in text[from, to), or undefined when it is not distinctive.
 * A search reports only its lowest-error matches, so one search over the region would hide a true
 * passage behind a closer look-alike; searching overlapping chunks keeps the best matches of each.
 * Where a match starts is found only once its chunk is known to have few matches: that costs a
 * second search per match.
 */
function matchesIn(text: string, pattern: string, from: number, to: number, maxErrors: number, chunkLength: number): Match[] | undefined {
	const forward = new BitMatcher(pattern);
	let backward: BitMatcher | undefined;
	const budget: Budget = { left: BASE_STEPS + STEPS_PER_CHARACTER * (to - from) };
	const chunk = Math.max(chunkLength, 2 * pattern.length);
	const overlap = pattern.length + maxErrors;
	const matches: Match[] = [];
	for (let at = from; at < to; at += chunk) {
		const chunkEnd = Math.min(to, at + chunk + overlap);
		const found = forward.scan(text, at, 1, chunkEnd - at, maxErrors, false, MAX_MATCHES_PER_CHUNK, budget);
		if (budget.left < 0) {
			return undefined;
		}
		if (found) {
			if (found.overflow || matches.length + found.columns.length > MAX_CANDIDATES) {
				return undefined;
			}
			backward ??= new BitMatcher(reverse(pattern));
			for (const column of found.columns) {
				// Read back from the end of the match, anchored there, to the longest string with as
				// few errors: the start of the match, within the chunk as the search saw it.
				const end = at + column;
				const back = backward.scan(text, end - 1, -1, Math.min(end - at, pattern.length + found.errors), found.errors, true, Infinity, budget);
				if (!back) {
					return undefined;
				}
				matches.push({ start: end - back.columns[back.columns.length - 1], end, errors: found.errors });
			}
		}
		if (chunkEnd === to) {
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
				if (matches.length === MAX_CANDIDATES) {
					return undefined;
				}
				// In units of one piece: the pieces' mean errors, plus the change in length pro rata,
				// so that of two tails the one nearer the quote's length wins.
				matches.push({ start: head.start, end: tail.end, errors: (head.errors + tail.errors) / 2 + stretch * PIECE / exact.length });
			}
		}
	}
	return matches;
}

/** Reversed by UTF-16 code units, so that the backward search reads the pattern as the text. */
function reverse(value: string): string {
	return value.split('').reverse().join('');
}
