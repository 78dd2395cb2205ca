import { NAME_RUN } from './names';
import { QuoteSpan, quoteAt } from './quotes';
import { Span } from './segment';

/**
 * Attribution patterns of news prose, around a speech verb: `“…,” said X`, `“…,” X said`,
 * `X, a professor at Y, said (that) …`, `X said: “…”`, `according to X`, `X believes:` (the quote
 * follows in the next paragraph). Speakers here are still raw word runs; people.ts decides which
 * are people.
 */

/** A possible speaker: a capitalised run as written ("Professor John Delury", "Liu") or he/she. */
export interface SpeakerCandidate {
	speaker: Span;
	pronoun: boolean;
}

/** A speech verb and its possible speakers, best first. */
export interface Attribution {
	/** The speech verb ("said", "according to"). */
	verb: Span;
	candidates: SpeakerCandidate[];
}

// Verbs of saying in the forms used for attribution. `called`/`described` count only before a quote.
const VERBS = String.raw`said|says|told|tells|added|adds|believes|believed|suggested|suggests|warned|warns|argued|argues|noted|explained|explains|stressed|stresses|wrote|writes|insisted|insists|claimed|claims|recalled|acknowledged|asserted|observed|commented|declared|stated|emphasi[sz]ed|emphasi[sz]es|predicted|maintained|cautioned|conceded|concluded|thinks|[Aa]ccording to|called|calls|described`;
const VERB_PATTERN = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${VERBS})(?![\p{L}\p{N}])`, 'gu');
const NEEDS_QUOTE = /^(?:called|calls|described)$/;
const ADVERB = String.raw`(?:also|later|then|again|previously|recently|once|further|\p{Ll}+ly)`;
const SUBJECT_BEFORE = new RegExp(String.raw`(?:(${NAME_RUN})|(?<![\p{L}])([Hh]e|[Ss]he))(?:\s+${ADVERB})?\s+$`, 'u');
const NAME_AFTER = new RegExp(String.raw`^\s+(?:(?:the|a|an|former|senior|chief|deputy)\s+)?(${NAME_RUN})`, 'u');
const NAME_BEFORE_COMMA = new RegExp(String.raw`(${NAME_RUN}),`, 'gu');
/** How far back an apposition between the speaker and the verb may reach. */
const APPOSITION_REACH = 300;
/** How far back a subject just before the verb may start (a six-word name and an adverb). */
const SUBJECT_REACH = 120;
/** How far a quote may start after `called` for it to count as speech. */
const CALLED_REACH = 80;

/** The attributions in one sentence. Verbs inside a quote are the quoted person's words, not attributions. */
export function findAttributions(body: string, sentence: Span, quotes: readonly QuoteSpan[]): Attribution[] {
	const found: Attribution[] = [];
	const text = sentence.text;
	VERB_PATTERN.lastIndex = 0;
	for (let match = VERB_PATTERN.exec(text); match; match = VERB_PATTERN.exec(text)) {
		const verbStart = sentence.start + match.index;
		if (quoteAt(quotes, verbStart)) {
			continue;
		}
		const verb = { start: verbStart, end: verbStart + match[0].length, text: match[0] };
		if (NEEDS_QUOTE.test(match[0]) && !/[“"«]/.test(text.slice(match.index, match.index + CALLED_REACH))) {
			continue;
		}
		const left = text.slice(Math.max(0, match.index - APPOSITION_REACH), match.index);
		const leftOffset = verbStart - left.length;
		const right = text.slice(match.index + match[0].length, match.index + match[0].length + APPOSITION_REACH);
		const candidates = speakersFor(body, left, leftOffset, right, verb, quotes);
		if (candidates.length > 0) {
			found.push({ verb, candidates });
		}
	}
	return found;
}

/** Candidate speakers of one verb, best first: the subject just before it, the name after it, the subject before an apposition. */
function speakersFor(body: string, left: string, leftOffset: number, right: string, verb: Span, quotes: readonly QuoteSpan[]): SpeakerCandidate[] {
	const candidates: SpeakerCandidate[] = [];
	const outsideQuotes = (span: Span) => !quoteAt(quotes, span.start) && !quoteAt(quotes, span.end - 1);
	const according = /^[Aa]ccording to$/.test(verb.text);
	// A subject right before the verb is at most a few words: search a short tail, not the whole reach.
	const tail = left.slice(-SUBJECT_REACH);
	const before = according ? null : SUBJECT_BEFORE.exec(tail);
	if (before) {
		const text = before[1] ?? before[2];
		const start = leftOffset + left.length - tail.length + before.index;
		candidates.push({ speaker: { start, end: start + text.length, text }, pronoun: !before[1] });
	}
	// Inverted order ("…,” said X" / "according to X") needs a break before the verb.
	if (according || /[,”"»]\s*$/.test(left)) {
		const after = NAME_AFTER.exec(right);
		if (after) {
			const start = verb.end + after[0].length - after[1].length;
			candidates.push({ speaker: { start, end: start + after[1].length, text: after[1] }, pronoun: false });
		}
	}
	if (!according && /,\s*(?:\p{Ll}+ly\s+)?$/u.test(left)) {
		// "X, a professor at Y, said": try each "Name," from the nearest back.
		const commas = [...left.matchAll(NAME_BEFORE_COMMA)].reverse();
		for (const comma of commas) {
			const start = leftOffset + comma.index;
			const between = left.slice(comma.index + comma[0].length);
			if (between.trim().length > 2 && !/[“”"«»]/.test(between)) {
				candidates.push({ speaker: { start, end: start + comma[1].length, text: comma[1] }, pronoun: false });
			}
		}
	}
	return candidates.filter(candidate => outsideQuotes(candidate.speaker) && body.slice(candidate.speaker.start, candidate.speaker.end) === candidate.speaker.text);
}

/**
 * What the speaker said, as a body range: the side of the sentence away from the attribution
 * (the words after "X said (that)", or before "…, said X"); the whole sentence when the
 * attribution sits in the middle ("The problem, said X, was that…"). `attributionEnd` includes
 * the speaker's apposition.
 */
export function contentOf(body: string, sentence: Span, attributionStart: number, attributionEnd: number, quotes: readonly QuoteSpan[], verb = ''): { start: number; end: number } | undefined {
	// Words before the attribution are what was said only when set off from it ("“…,” X said", "…, said X").
	const separated = /[,:;”"»–—]\s*$/.test(body.slice(sentence.start, attributionStart));
	const before = separated ? trimRange(body, sentence.start, attributionStart, /^[\s]+/, /[\s,:;–—-]+$/) : undefined;
	const after = trimRange(body, attributionEnd, sentence.end, /^tells?|told$/.test(verb) ? AFTER_TOLD : AFTER_LEAD, /[\s.,;:]+$/);
	const words = (range: { start: number; end: number } | undefined) => range ? body.slice(range.start, range.end).split(/\s+/).length : 0;
	const quoted = (range: { start: number; end: number } | undefined) => !!range && quoteAt(quotes, range.start)?.start === range.start;
	let content: { start: number; end: number } | undefined;
	if (words(before) >= 2 && words(after) >= 2) {
		// "…, Liu said, adding that “…”": the quoted side is what he said; otherwise the attribution interrupts one statement.
		if (quoted(before) !== quoted(after)) {
			content = quoted(before) ? before : after;
		} else {
			content = { start: before!.start, end: after!.end };
		}
	} else if (quoted(before) !== quoted(after)) {
		// "“Yes,” Liu said, smiling": a short quote still beats a stray word on the other side.
		content = quoted(before) ? before : after;
	} else if (words(after) >= 1 && words(after) >= words(before)) {
		content = after;
	} else if (words(before) >= 1) {
		content = before;
	}
	return content && unwrapQuote(body, content, quotes);
}

/** What comes between a verb and the words reported: punctuation, "adding that", "in a statement that". */
const AFTER_LEAD = /^[\s,:;–—-]*(?:(?:adding|noting|saying|insisting|warning|arguing)\s+)?(?:in\s+an?\s+\p{L}+\s+)?(?:that\s+)?/u;
/** After "told", also the listener: "told reporters that", "told the BBC that". */
const AFTER_TOLD = /^[\s,:;–—-]*(?:(?:[\p{L}’'-]+\s+){1,3}?that\s+)?/u;

function trimRange(body: string, start: number, end: number, lead: RegExp, trail: RegExp): { start: number; end: number } | undefined {
	const text = body.slice(start, end);
	const leading = lead.exec(text)?.[0].length ?? 0;
	const trailing = trail.exec(text.slice(leading))?.[0].length ?? 0;
	const range = { start: start + leading, end: end - trailing };
	return range.end > range.start ? range : undefined;
}

/** Drops the quotation marks (and the comma inside them) when the range is exactly one quote. */
function unwrapQuote(body: string, range: { start: number; end: number }, quotes: readonly QuoteSpan[]): { start: number; end: number } {
	const quote = quoteAt(quotes, range.start);
	if (!quote || quote.start !== range.start) {
		return range;
	}
	// A quote followed by the writer's gloss ("“…collapse” – a scenario that…") ends at its mark.
	if (quote.end < range.end - 1 && !/^\s*[–—-]\s/.test(body.slice(quote.end, range.end))) {
		return range;
	}
	const end = quote.open ? quote.end : quote.end - 1;
	const inner = trimRange(body, quote.start + 1, end, /^\s+/, /[\s,]+$/);
	return inner ?? range;
}
