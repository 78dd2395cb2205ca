/**
 * How the stored context of a quote agrees with the text around a candidate passage: exactly,
 * character by character, beside an occurrence of the quote; by edit distance beside an
 * approximate match; and whether the prefix and suffix now meet, which shows the quote was cut out.
 */
import { CONTEXT_LENGTH } from './model';

/** A quote and the context stored on each side of it, as its TextQuoteSelector holds them. */
export interface QuoteContext {
	exact: string;
	/** At most CONTEXT_LENGTH characters before the quote. */
	prefix: string;
	/** At most CONTEXT_LENGTH characters after the quote. */
	suffix: string;
}

/** Characters of each side of the context that must meet to show the quote was cut out. */
const SEAM_LENGTH = 12;

/** Characters (a left-over space, say) that may remain between the two sides of such a seam. */
const SEAM_GAP = 2;

/**
 * Characters of stored context that agree with the text around [start, end): the common suffix
 * of prefix and the text before, the common prefix of suffix and the text after. Context shorter
 * than CONTEXT_LENGTH was cut by the start or end of the text, which counts one more if it still is.
 */
export function contextAgreement(text: string, start: number, end: number, note: QuoteContext): number {
	const { prefix, suffix } = note;
	let before = 0;
	while (before < prefix.length && before < start
		&& text.charCodeAt(start - before - 1) === prefix.charCodeAt(prefix.length - before - 1)) {
		before++;
	}
	if (before === prefix.length && prefix.length < CONTEXT_LENGTH && start === before) {
		before++;
	}
	let after = 0;
	while (after < suffix.length && end + after < text.length && text.charCodeAt(end + after) === suffix.charCodeAt(after)) {
		after++;
	}
	if (after === suffix.length && suffix.length < CONTEXT_LENGTH && end + after === text.length) {
		after++;
	}
	return before + after;
}

/**
 * Whether the end of the stored prefix is now followed, at most {@link SEAM_GAP} characters on,
 * by the start of the stored suffix somewhere in text[from, to): the quote was cut out there,
 * and an approximate match elsewhere can only be a look-alike.
 */
export function contextCloses(text: string, note: QuoteContext, from: number, to: number): boolean {
	const left = note.prefix.slice(-SEAM_LENGTH);
	const right = note.suffix.slice(0, SEAM_LENGTH);
	const gap = Math.min(SEAM_GAP, Math.floor(note.exact.length / 4));
	if (left.length < SEAM_LENGTH || right.length < SEAM_LENGTH) {
		// Context cut short by the start or end of the text is too little to tell.
		return false;
	}
	for (let at = text.indexOf(left, from); at !== -1 && at <= to; at = text.indexOf(left, at + 1)) {
		for (let skip = 0; skip <= gap; skip++) {
			if (text.startsWith(right, at + left.length + skip)) {
				return true;
			}
		}
	}
	return false;
}

/** How well stored context agrees with the text beside a match, and where it meets the passage. */
export interface ContextFit {
	/** 1 − edit distance / context length, in [0, 1]. */
	similarity: number;
	/** Where the context ends (prefix) or starts (suffix), within the slack of the match boundary. */
	at: number;
}

/** The stored prefix against the text ending within `slack` of `start`. */
export function contextBefore(text: string, start: number, prefix: string, slack: number): ContextFit {
	if (prefix === '') {
		// The quote began the text: agreement only where it still does.
		return { similarity: start <= slack ? 1 : 0, at: start <= slack ? 0 : start };
	}
	const from = Math.max(0, start - prefix.length - slack);
	const to = Math.min(text.length, start + slack);
	const fit = alignEnd(prefix, text.slice(from, to), start - from);
	return { similarity: 1 - fit.distance / prefix.length, at: from + fit.at };
}

/** The stored suffix against the text starting within `slack` of `end`; {@link contextBefore} mirrored. */
export function contextAfter(text: string, end: number, suffix: string, slack: number): ContextFit {
	if (suffix === '') {
		return { similarity: text.length - end <= slack ? 1 : 0, at: text.length - end <= slack ? text.length : end };
	}
	const from = Math.max(0, end - slack);
	const to = Math.min(text.length, end + suffix.length + slack);
	const fit = alignEnd(reverse(suffix), reverse(text.slice(from, to)), to - end);
	return { similarity: 1 - fit.distance / suffix.length, at: to - fit.at };
}

/**
 * Edit distance of `pattern` to the best substring of `region` (free to start anywhere), and where
 * that substring ends; ties go to the end nearest `anchor`. Pattern and region are short (context
 * plus slack), so the plain dynamic programme is cheap.
 */
function alignEnd(pattern: string, region: string, anchor: number): { distance: number; at: number } {
	let previous = new Uint16Array(region.length + 1);
	let current = new Uint16Array(region.length + 1);
	for (let i = 1; i <= pattern.length; i++) {
		current[0] = i;
		const code = pattern.charCodeAt(i - 1);
		for (let j = 1; j <= region.length; j++) {
			const substitution = previous[j - 1] + (code === region.charCodeAt(j - 1) ? 0 : 1);
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
		}
		[previous, current] = [current, previous];
	}
	let best = { distance: pattern.length, at: anchor };
	for (let j = 0; j <= region.length; j++) {
		const distance = previous[j];
		if (distance < best.distance || (distance === best.distance && Math.abs(j - anchor) < Math.abs(best.at - anchor))) {
			best = { distance, at: j };
		}
	}
	return best;
}

/** Reversed by UTF-16 code units, so that offsets map back one to one. */
function reverse(value: string): string {
	return value.split('').reverse().join('');
}
