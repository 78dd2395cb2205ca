/**
 * Re-anchoring: finds a note's passage again after the article's text changed, from the quote
 * and context of its TextQuoteSelector and the old offsets of its TextPositionSelector.
 *
 * In order: the quote where it was; else the quote elsewhere, the occurrence whose surroundings
 * agree best with the stored context; else an approximate match near where it was, accepted only
 * when the quote changed little and its context still agrees; else the note is orphaned.
 *
 * Orphaning is preferred to a wrong guess. An approximate match is not taken when the stored
 * prefix and suffix now meet near the old position (the quote was cut out), nor farther than
 * {@link NEAR} from it: a passage both moved far and reworded cannot be told from a look-alike.
 * The thresholds were set with `npm run fuzz:notes` (scripts/fuzzNotes.ts).
 *
 * Context scoring is in quoteContext.ts, the chunked approximate search in approxSearch.ts.
 */
import { approxSearch, CHUNK, MAX_ERROR_RATIO, Match, searchedLength, WHOLE_TEXT_CHUNK } from './approxSearch';
import { AnchorRequest, AnchorResult, CONTEXT_LENGTH } from './model';
import { contextAfter, contextAgreement, contextBefore, contextCloses, QuoteContext } from './quoteContext';

/**
 * Cap on the errors of an approximate search near the old position. The bit-parallel search
 * costs about ceil(maxErrors / 32) word operations per character, so 64 keeps it at two.
 */
const MAX_ERRORS = 64;

/** Cap on the errors of a search over the whole text (no usable position): one word per character. */
const WHOLE_TEXT_MAX_ERRORS = 32;

/**
 * How far (in characters) from its old start an edited passage may be found. Insertions and
 * deletions before a passage move it; beyond this a similar passage is a look-alike, not the note.
 */
const NEAR = 768;

/**
 * Context must be this similar (1 − edit distance / length) to the stored one: on one side at
 * least near the old position, on both sides without a position. Unrelated English text scores
 * about 0.3 to 0.45; a typo or a replaced word in 32 characters keeps it above 0.75.
 */
const CONTEXT_MIN = 0.75;

/** At most this many characters between a match boundary and where its context is looked for. */
const MAX_SLACK = 16;

/** Texts up to this length are cheap to search whole even for short quotes. */
const SMALL_TEXT = 1 << 18;

/** Shorter quotes are searched in a whole large text only when the position is unusable. */
const DISTINCTIVE_LENGTH = 32;

/** A request with strings guaranteed and the old start kept only when the offsets make sense. */
interface Note extends QuoteContext {
	id: string;
	/** Old start; undefined when the offsets are garbage. */
	old: number | undefined;
	/** The old start clamped into the new text. */
	hint: number | undefined;
}

/**
 * Where the note of `request` is in `text`, or that it is orphaned. Never throws: offsets that
 * are not ordered non-negative integers, or that lie far past the end of the text, are ignored,
 * as if the note had no position. An empty quote (a note on an empty range) is placed where its
 * stored prefix and suffix still meet exactly, the meeting point nearest the old position; with
 * nothing to match approximately, it is orphaned when they no longer meet.
 */
export function anchorNote(text: string, request: AnchorRequest): AnchorResult {
	const body = typeof text === 'string' ? text : '';
	const note = noteOf(body, request);
	const range = note.exact === ''
		? anchorEmpty(body, note)
		: atOldPosition(body, note) ?? bestOccurrence(body, note) ?? approximate(body, note);
	return range ? { id: note.id, start: range.start, end: range.end } : { id: note.id, orphaned: true };
}

/** {@link anchorNote} for every request, in order: one result per request, none dropped. */
export function anchorNotes(text: string, requests: readonly AnchorRequest[]): AnchorResult[] {
	// Array.from, unlike map, visits the holes of a sparse array: every slot gets its result.
	return Array.isArray(requests) ? Array.from(requests, request => anchorNote(text, request)) : [];
}

function noteOf(text: string, request: AnchorRequest | undefined): Note {
	const string = (value: unknown) => typeof value === 'string' ? value : '';
	const start = request?.start;
	const end = request?.end;
	// A start far past the end was not made on anything like this text: no use as a position.
	const usable = Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start! && start! <= end!
		&& start! <= text.length + NEAR;
	return {
		id: request?.id as string,
		exact: string(request?.exact),
		// Stored context is at most CONTEXT_LENGTH long; longer (hand-made) context only costs time.
		prefix: string(request?.prefix).slice(-CONTEXT_LENGTH),
		suffix: string(request?.suffix).slice(0, CONTEXT_LENGTH),
		old: usable ? start : undefined,
		hint: usable ? Math.min(start!, text.length) : undefined,
	};
}

/** Step 1: the quote is still where it was. */
function atOldPosition(text: string, note: Note): Match | undefined {
	const start = note.old;
	return start !== undefined && text.startsWith(note.exact, start)
		? { start, end: start + note.exact.length, errors: 0 }
		: undefined;
}

/** Step 2: among the quote's occurrences, the one with the most agreeing context; ties go to the nearest. */
function bestOccurrence(text: string, note: Note): Match | undefined {
	const { exact, hint, prefix, suffix } = note;
	// See contextAgreement: short context counts one more where it still meets the end of the text.
	const perfect = prefix.length + suffix.length + Number(prefix.length < CONTEXT_LENGTH) + Number(suffix.length < CONTEXT_LENGTH);
	let best = -1;
	let bestScore = -1;
	let bestDistance = Infinity;
	const period = smallestPeriod(exact);
	const lastPeriod = exact.slice(exact.length - period);
	for (let at = text.indexOf(exact); at !== -1;) {
		const distance = hint === undefined ? 0 : Math.abs(at - hint);
		if (bestScore === perfect && distance >= bestDistance) {
			// Occurrences only get farther from here on and none can agree more.
			break;
		}
		const score = contextAgreement(text, at, at + exact.length, note);
		if (score > bestScore || (score === bestScore && distance < bestDistance)) {
			best = at;
			bestScore = score;
			bestDistance = distance;
		}
		// Where the text keeps repeating a periodic quote ('=====', 'ab.ab.'), its next occurrence is
		// one period on: indexOf would compare the whole quote again at every step of the run.
		at = period < exact.length && text.startsWith(lastPeriod, at + exact.length) ? at + period : text.indexOf(exact, at + 1);
	}
	return best === -1 ? undefined : { start: best, end: best + exact.length, errors: 0 };
}

/**
 * The smallest p > 0 with value[i] = value[i + p] wherever both exist: the length less the
 * longest proper prefix that is also a suffix (Knuth–Morris–Pratt's failure function).
 */
function smallestPeriod(value: string): number {
	const border = new Int32Array(value.length);
	for (let i = 1, k = 0; i < value.length; i++) {
		while (k > 0 && value.charCodeAt(i) !== value.charCodeAt(k)) {
			k = border[k - 1];
		}
		if (value.charCodeAt(i) === value.charCodeAt(k)) {
			k++;
		}
		border[i] = k;
	}
	return value.length - (value.length === 0 ? 0 : border[value.length - 1]);
}

/** Step 3: the best approximate match whose quote and context are close enough, near the old position. */
function approximate(text: string, note: Note): Match | undefined {
	const { exact, hint } = note;
	const patternLength = searchedLength(exact);
	let maxErrors = Math.min(MAX_ERRORS, Math.floor(patternLength * MAX_ERROR_RATIO));
	let from = 0;
	let to = text.length;
	let chunk = CHUNK;
	if (hint !== undefined) {
		// Where a match may start, plus room for it to end (the head of a long quote).
		from = Math.max(0, hint - NEAR);
		to = Math.min(text.length, hint + NEAR + patternLength + maxErrors);
	} else if (text.length > SMALL_TEXT && exact.length < DISTINCTIVE_LENGTH) {
		return undefined;
	} else {
		maxErrors = Math.min(maxErrors, WHOLE_TEXT_MAX_ERRORS);
		chunk = WHOLE_TEXT_CHUNK;
	}
	if (maxErrors === 0 || contextCloses(text, note, from, to)) {
		return undefined;
	}
	const candidates = approxSearch(text, exact, from, to, maxErrors, chunk);
	if (!candidates) {
		return undefined;
	}
	// Edits at the ends of a quote shift where its approximate match begins or ends.
	const slack = Math.min(MAX_SLACK, maxErrors);
	let best: Match | undefined;
	let bestScore = -Infinity;
	for (const candidate of candidates) {
		const quote = 1 - candidate.errors / patternLength;
		const prefix = contextBefore(text, candidate.start, note.prefix, slack);
		const suffix = contextAfter(text, candidate.end, note.suffix, slack);
		const before = prefix.similarity;
		const after = suffix.similarity;
		// Where the context is found, it marks the ends of the passage better than the match does.
		let start = before >= CONTEXT_MIN ? prefix.at : candidate.start;
		let end = after >= CONTEXT_MIN ? suffix.at : candidate.end;
		if (start > end) {
			start = candidate.start;
			end = candidate.end;
		}
		start = snapStart(text, start);
		end = snapEnd(text, end);
		const distance = hint === undefined ? 0 : Math.abs(start - hint);
		const accepted = hint === undefined
			? Math.min(before, after) >= CONTEXT_MIN
			: Math.max(before, after) >= CONTEXT_MIN && distance <= NEAR;
		if (!accepted) {
			continue;
		}
		// Quote first, then context, position to settle the rest (the weighting of Hypothesis's match-quote).
		const score = 50 * quote + 20 * before + 20 * after + 2 * (1 - distance / (NEAR + 1));
		if (score > bestScore) {
			best = { start, end, errors: candidate.errors };
			bestScore = score;
		}
	}
	return best;
}

/** Empty quote (a note on an empty range): where the stored context meets, nearest the old position. */
function anchorEmpty(text: string, note: Note): Match | undefined {
	const { prefix, suffix, hint } = note;
	if (prefix === '' && suffix === '') {
		// Made on an empty text: any position agrees, so keep the old one.
		const at = snapStart(text, hint ?? 0);
		return { start: at, end: at, errors: 0 };
	}
	const joined = prefix + suffix;
	let best: number | undefined;
	for (let at = text.indexOf(joined); at !== -1; at = text.indexOf(joined, at + 1)) {
		const point = at + prefix.length;
		if (best === undefined || (hint !== undefined && Math.abs(point - hint) < Math.abs(best - hint))) {
			best = point;
		} else {
			// Later occurrences are only farther from the old position.
			break;
		}
		if (hint === undefined) {
			break;
		}
	}
	return best === undefined ? undefined : { start: best, end: best, errors: 0 };
}

/** Moves a start back off the low half of a surrogate pair, so that a range never splits a character. */
function snapStart(text: string, at: number): number {
	return at > 0 && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1)) ? at - 1 : at;
}

/** Moves an end forward past the low half of a surrogate pair. */
function snapEnd(text: string, at: number): number {
	return at > 0 && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1)) ? at + 1 : at;
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}
