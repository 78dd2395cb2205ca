/**
 * A text dump seen as lines: each line trimmed and classified by shape only
 * (length, sentence punctuation, list markers), never by what a particular site writes.
 */
export interface PageLine {
	/** The line, trimmed, inner whitespace collapsed. Empty for a blank line. */
	text: string;
	/** Number of whitespace-separated words. */
	words: number;
	/** Starts with a bullet or a number marker ("•", "-", "1.", "2)"). */
	listItem: boolean;
	/** Reads like running text: long enough and ends like a sentence. */
	prose: boolean;
}

// Closing quotes and brackets may follow the final punctuation: `…situation,” Shen said.` / `…alliance.”`
const CLOSERS = `["'”’»)\\]]*`;
const ENDS_WITH_STATEMENT = new RegExp(`[.!…]${CLOSERS}$`, 'u');
const ENDS_WITH_QUESTION = new RegExp(`\\?${CLOSERS}$`, 'u');
const ENDS_WITH_LEAD_IN = new RegExp(`[:;]${CLOSERS}$`, 'u');
const INNER_SENTENCE_END = /[.!?]["'”’»)]*\s+["“‘«]?\p{Lu}/u;
const LIST_MARKER = /^(?:[•·▪●◦‣*–-]|\d{1,2}[.)])\s+/u;
const MONTH_OR_DAY_NAME = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?/gi;
// Control characters other than tab and newline, zero-width spaces and stray byte-order marks: never part of an article.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\ufeff]/g;

/** Splits a text dump into classified lines, first joining lines that a hard wrap split mid-sentence. */
export function toPageLines(text: string): PageLine[] {
	const raw = text.replace(CONTROL_CHARS, '').replace(/\r\n?/g, '\n').split('\n');
	return unwrap(raw.map(line => line.replace(/\s+/g, ' ').trim())).map(classify);
}

/** Classifies one trimmed line. */
export function classify(text: string): PageLine {
	const words = text === '' ? 0 : text.split(' ').length;
	return { text, words, listItem: LIST_MARKER.test(text), prose: isProse(text, words) };
}

/**
 * Running text, as opposed to menu items, headlines and labels. A headline ending in "?"
 * is not prose unless it is long or holds a second sentence, so titles such as
 * "Why is X cautious about Y?" do not glue onto the article.
 */
function isProse(text: string, words: number): boolean {
	if (words >= 40) {
		return true;
	}
	if (words >= 6 && ENDS_WITH_STATEMENT.test(text)) {
		return true;
	}
	if (ENDS_WITH_QUESTION.test(text)) {
		return words >= 20 || (words >= 6 && INNER_SENTENCE_END.test(text));
	}
	return words >= 8 && ENDS_WITH_LEAD_IN.test(text);
}

/**
 * Joins a line to the next one when the next continues the sentence (starts in lower case
 * right below a long line that does not end a sentence): the shape of hard-wrapped text.
 */
function unwrap(lines: string[]): string[] {
	const out: string[] = [];
	for (const line of lines) {
		const previous = out.length > 0 ? out[out.length - 1] : '';
		const continues = previous.length >= 40 && /^\p{Ll}/u.test(line) && !/[.!?:;…"”]$/u.test(previous);
		if (continues) {
			out[out.length - 1] = `${previous} ${line}`;
		} else {
			out.push(line);
		}
	}
	return out;
}

/** True when the line is nothing but a date ("June 4, 2025", "2024-07-20", "12 March 2023, 08:15"). */
export function isDateOnly(text: string): boolean {
	const rest = text
		.replace(/\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?/g, '')
		.replace(MONTH_OR_DAY_NAME, '')
		.replace(/\b(?:am|pm|gmt|utc)\b/gi, '')
		.replace(/[\d\s,.:/|-]+/g, '');
	return rest === '' && /\d/.test(text);
}
