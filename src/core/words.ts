import { chunksOf } from './chunks';
import { segmentsOf } from './segment';

/** A word of a text (a word-like segment of Unicode word segmentation) and where it starts. */
export interface WordSpan {
	segment: string;
	at: number;
}

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * The words of a text, as Intl.Segmenter finds them (UAX #29 word boundaries, word-like segments).
 * Text in Latin script and common punctuation, which is most news text, is split by a scanner that
 * applies the same rules much faster than ICU; any other text goes to Intl.Segmenter.
 */
export function wordSpans(text: string): WordSpan[] {
	const words: WordSpan[] = [];
	forEachWord(text, (source, start, end, at) => words.push({ segment: source.slice(start, end), at }));
	return words;
}

/**
 * Calls `visit` with each word of {@link wordSpans}, without collecting or even slicing them: the
 * word is `source.slice(start, end)` and starts at `at` in the text.
 */
export function forEachWord(text: string, visit: (source: string, start: number, end: number, at: number) => void): void {
	for (const { offset, chunk } of chunksOf(text)) {
		if (SIMPLE_TEXT.test(chunk)) {
			scanWords(chunk, offset, visit);
		} else {
			wordSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
			for (const { segment, at, isWordLike } of segmentsOf(wordSegmenter, chunk)) {
				if (isWordLike) {
					visit(segment, 0, segment.length, offset + at);
				}
			}
		}
	}
}

/**
 * Characters whose word-break class the scanner knows: ASCII without `_`, Latin-1 and Latin
 * Extended-A/B without the soft hyphen, spaces, dashes, quotes and other general punctuation
 * without joiners and format controls, and currency signs.
 */
const SIMPLE_TEXT = /^[\t-\r -^`-~\u00A0-\u00AC\u00AE-\u024F\u2000-\u200A\u2010-\u2027\u2030-\u203E\u2041-\u2053\u2055-\u205E\u20A0-\u20C0]*$/;

/** UAX #29 word-break classes of the characters of {@link SIMPLE_TEXT}. */
const enum Kind {
	Other,
	Letter,
	Digit,
	/** MidLetter: joins two letters (`:`, `·`, `‧`). */
	MidLetter,
	/** MidNumLet and Single_Quote: join two letters or two digits (`.`, `'`, `‘`, `’`, `․`). */
	MidNumLet,
	/** MidNum: joins two digits (`,`, `;`, `⁄`). */
	MidNum,
}

function kindOf(code: number): Kind {
	if (code < 0x80) {
		if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) {
			return Kind.Letter;
		}
		if (code >= 0x30 && code <= 0x39) {
			return Kind.Digit;
		}
		return code === 0x2e || code === 0x27 ? Kind.MidNumLet : code === 0x2c || code === 0x3b ? Kind.MidNum : code === 0x3a ? Kind.MidLetter : Kind.Other;
	}
	if (code <= 0x24f) {
		if (code >= 0xc0) {
			return code === 0xd7 || code === 0xf7 ? Kind.Other : Kind.Letter;
		}
		return code === 0xaa || code === 0xb5 || code === 0xba ? Kind.Letter : code === 0xb7 ? Kind.MidLetter : Kind.Other;
	}
	if (code === 0x2018 || code === 0x2019 || code === 0x2024) {
		return Kind.MidNumLet;
	}
	return code === 0x2027 ? Kind.MidLetter : code === 0x2044 ? Kind.MidNum : Kind.Other;
}

/**
 * Word boundary rules WB5–WB12 over {@link SIMPLE_TEXT}: letters and digits run together, and a
 * middle character joins letters (WB6/7: "don't", "U.S") or digits (WB11/12: "260,000", "3.5")
 * on both sides of it. Everything else is a boundary and no word.
 */
function scanWords(text: string, offset: number, visit: (source: string, start: number, end: number, at: number) => void): void {
	const length = text.length;
	let index = 0;
	while (index < length) {
		let last = kindOf(text.charCodeAt(index));
		if (last !== Kind.Letter && last !== Kind.Digit) {
			index++;
			continue;
		}
		const start = index++;
		while (index < length) {
			const kind = kindOf(text.charCodeAt(index));
			if (kind === Kind.Letter || kind === Kind.Digit) {
				last = kind;
				index++;
				continue;
			}
			const after = index + 1 < length ? kindOf(text.charCodeAt(index + 1)) : Kind.Other;
			const joinsLetters = last === Kind.Letter && after === Kind.Letter && (kind === Kind.MidLetter || kind === Kind.MidNumLet);
			const joinsDigits = last === Kind.Digit && after === Kind.Digit && (kind === Kind.MidNum || kind === Kind.MidNumLet);
			if (!joinsLetters && !joinsDigits) {
				break;
			}
			index += 2;
		}
		visit(text, start, index, offset + start);
	}
}
