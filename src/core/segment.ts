import { chunksOf } from './chunks';

/** A span of an article body: `text === body.slice(start, end)`, offsets in UTF-16 code units. */
export interface Span {
	start: number;
	end: number;
	text: string;
}

/** Splits a body into paragraphs at blank lines, trimming each and skipping empty ones. */
export function splitParagraphs(body: string): Span[] {
	const paragraphs: Span[] = [];
	const separator = /\n[ \t]*(?:\r?\n[ \t]*)+|\r\n[ \t]*(?:\r?\n[ \t]*)+/g;
	let from = 0;
	for (;;) {
		const match = separator.exec(body);
		const to = match ? match.index : body.length;
		const paragraph = trimSpan(body, from, to);
		if (paragraph) {
			paragraphs.push(paragraph);
		}
		if (!match) {
			return paragraphs;
		}
		from = match.index + match[0].length;
	}
}

/** A sentence, with the index of the paragraph it belongs to. */
export interface Sentence extends Span {
	paragraph: number;
}

/**
 * Words that end with a period without ending the sentence. ICU's sentence rules (Intl.Segmenter)
 * break after any of them, so breaks after these are undone.
 */
const ABBREVIATION = /(?:^|[\s(“"‘'])(?:[A-Z]|[A-Z][a-z]?\.[A-Z]|Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Rep|Sen|Gov|Pres|St|Jr|Sr|Rev|Hon|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Vol|Fig|vs|approx|Inc|Ltd|Corp|Co|Dept|Univ|Mt|Ft)\.$/;
const CONTINUES = /^[\p{Ll}\d,;:)]/u;

let sentenceSegmenter: Intl.Segmenter | undefined;

/**
 * Splits a body into sentences with exact offsets (`text === body.slice(start, end)`), never across
 * paragraphs. Uses Unicode sentence boundaries (any script), then rejoins breaks after
 * abbreviations (U.S., Dr., Jan.) and before a lower-case continuation.
 */
export function splitSentences(body: string): Sentence[] {
	sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
	const sentences: Sentence[] = [];
	splitParagraphs(body).forEach((paragraph, index) => {
		let pending: Span | undefined;
		for (const { segment, at } of segmentsOf(sentenceSegmenter!, paragraph.text)) {
			const piece = trimSpan(body, paragraph.start + at, paragraph.start + at + segment.length);
			if (!piece) {
				continue;
			}
			if (pending && (ABBREVIATION.test(pending.text) || CONTINUES.test(piece.text))) {
				pending = { start: pending.start, end: piece.end, text: body.slice(pending.start, piece.end) };
				continue;
			}
			if (pending) {
				sentences.push({ ...pending, paragraph: index });
			}
			pending = piece;
		}
		if (pending) {
			sentences.push({ ...pending, paragraph: index });
		}
	});
	return sentences.flatMap(sentence => splitLongSentence(body, sentence));
}

/** Segments of `text` with their offsets, segmenting long texts chunk by chunk. */
export function* segmentsOf(segmenter: Intl.Segmenter, text: string): Generator<{ segment: string; at: number; isWordLike?: boolean }> {
	for (const { offset, chunk } of chunksOf(text)) {
		for (const { segment, index, isWordLike } of segmenter.segment(chunk)) {
			yield { segment, at: offset + index, isWordLike };
		}
	}
}

/** Sentences longer than this are split at their line breaks. */
const LONG_SENTENCE = 250;

/**
 * A "sentence" this long with line breaks in it is usually a list, a table or headings run together
 * (text without end punctuation); its lines are better units.
 */
function splitLongSentence(body: string, sentence: Sentence): Sentence[] {
	if (sentence.text.length <= LONG_SENTENCE || !sentence.text.includes('\n')) {
		return [sentence];
	}
	const lines: Sentence[] = [];
	let from = sentence.start;
	for (const line of sentence.text.split('\n')) {
		const span = trimSpan(body, from, from + line.length);
		if (span) {
			lines.push({ ...span, paragraph: sentence.paragraph });
		}
		from += line.length + 1;
	}
	return lines;
}

function trimSpan(body: string, from: number, to: number): Span | undefined {
	let start = from;
	let end = to;
	while (start < end && /\s/.test(body[start])) {
		start++;
	}
	while (end > start && /\s/.test(body[end - 1])) {
		end--;
	}
	return end > start ? { start, end, text: body.slice(start, end) } : undefined;
}
