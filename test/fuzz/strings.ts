/**
 * Hostile text for the fuzz targets: the scripts, marks and bytes that break text code (CJK, RTL,
 * emoji and surrogate pairs, lone surrogates, NUL and control characters, CRLF, very long words,
 * every kind of quote, numbers with separators), mixed with real sentences of the sample corpus so
 * that the aligner and the people extractor get past their first checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseArticle } from '../../src/core/article';
import { splitSentences } from '../../src/core/segment';

/** The sample story whose sentences the generated articles reuse. */
const SAMPLE_STORY = join(__dirname, '../../corpus/putin-kim-pact-2024');

/**
 * Pieces that text code gets wrong. A small vocabulary makes words repeat, so that tokens match
 * across texts; the rest are one each of the classic troublemakers.
 */
const PIECES = [
	// Words and names, so that sentences, stems, numbers and speakers occur.
	'Kim', 'Putin', 'Xi Jinping', 'Yun Sun', 'Pyongyang', 'China', 'the', 'of', 'said', 'told', 'according to', 'he said', 'she', 'treaty', 'signed', 'war', 'Mr.', 'Dr.', 'U.S.', 'Jan.', 'St.',
	'260,000', '1.5', '1.2 million', 'five', '3.14e10', '-0', '１２３', '½', '2024-07-20', '10%', '$1,000',
	// Sentence and paragraph ends, whitespace of all sorts.
	'.', '. ', '!', '?', '…', ',', ';', ':', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\u00a0', '\u2028', '\u2029', '\u3000', '\u200b',
	// Quotes of all kinds.
	'"', '“', '”', '‘', '’', "'", '«', '»', '„', '‚', '`', '´', '「', '」', '″',
	// CJK, with its own punctuation.
	'北京', '中国外交部', '金正恩', '。', '！', '？', '，', '、', 'ソウル', '평양',
	// Right to left, and the controls that flip direction.
	'مرحبا', 'كوريا الشمالية', 'שלום', '\u200f', '\u200e', '\u202e', '\u2066',
	// Emoji, a ZWJ sequence, a flag, combining marks.
	'😀', '👨\u200d👩\u200d👧', '🇰🇵', 'e\u0301', 'Z\u0351\u0352\u0353', '\ufe0f',
	// Lone surrogates (not valid UTF-16 text, yet a JS string can hold them), NUL and controls.
	'\ud800', '\udfff', '\udc00x', '\u0000', '\u0001', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\ufeff', '\ufffd', '\uffff',
	// Markup and front-matter syntax, for the parsers that see them.
	'<', '>', '&amp;', '&#0;', '&lt;script&gt;', '---', '\n---\n', ': ', '- ', '# ', '{', '}', '[', ']', '|', '&a', '*a', '!!binary', '%YAML',
];

/** One piece: mostly from the list, sometimes a random code unit or a very long word. */
export const piece: fc.Arbitrary<string> = fc.oneof(
	{ weight: 30, arbitrary: fc.constantFrom(...PIECES) },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
	{ weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map(code => String.fromCharCode(code)) },
	// Long words break "split at a space" logic (chunking, line wrapping, approximate search).
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'x', '北', '😀', 'ab.', '9'), fc.integer({ min: 50, max: 3000 })).map(([unit, count]) => unit.repeat(count)) },
);

/** Hostile text of up to `maxPieces` pieces. */
export function hostileText(maxPieces = 60): fc.Arbitrary<string> {
	return fc.array(piece, { maxLength: maxPieces }).map(pieces => pieces.join(''));
}

/** A hostile value for a one-line field (title, outlet, name): non-empty once trimmed. */
export const hostileField: fc.Arbitrary<string> = fc.array(piece, { minLength: 1, maxLength: 6 }).map(pieces => pieces.join(''));

let sampleSentences: string[] | undefined;

/** The sentences of the sample story's articles, read once. */
export function realSentences(): string[] {
	sampleSentences ??= readdirSync(SAMPLE_STORY)
		.filter(name => name.endsWith('.md'))
		.sort()
		.flatMap(name => splitSentences(parseArticle(readFileSync(join(SAMPLE_STORY, name), 'utf8')).body).map(sentence => sentence.text));
	return sampleSentences;
}

/** A real sentence with a few words swapped for hostile pieces: a paraphrase the aligner should still try to match. */
function mutatedSentence(sentences: readonly string[]): fc.Arbitrary<string> {
	return fc.tuple(fc.constantFrom(...sentences), fc.array(fc.tuple(fc.nat(), piece), { maxLength: 3 })).map(([sentence, swaps]) => {
		const words = sentence.split(' ');
		for (const [at, replacement] of swaps) {
			words[at % words.length] = replacement;
		}
		return words.join(' ');
	});
}

/**
 * An article body: paragraphs of real sentences from a window of the sample story (so that the
 * articles of one case share some), mutated sentences and hostile text, with LF or CRLF breaks.
 */
export function articleBody(window: readonly string[], maxSentences = 12): fc.Arbitrary<string> {
	const sentence = fc.oneof(
		{ weight: 5, arbitrary: fc.constantFrom(...window) },
		{ weight: 2, arbitrary: mutatedSentence(window) },
		{ weight: 2, arbitrary: hostileText(15) },
	);
	const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map(sentences => sentences.join(' '));
	return fc.tuple(fc.array(paragraph, { maxLength: Math.max(1, Math.ceil(maxSentences / 2)) }), fc.constantFrom('\n\n', '\r\n\r\n', '\n', '\n \n\t\n'))
		.map(([paragraphs, separator]) => paragraphs.join(separator));
}

/** 2 to `max` article bodies on one story: a shared window of real sentences, each article its own mix. */
export function storyBodies(min: number, max: number, maxSentences = 12): fc.Arbitrary<string[]> {
	const sentences = realSentences();
	const windowSize = 16;
	return fc.nat({ max: Math.max(0, sentences.length - windowSize) }).chain(from =>
		fc.array(articleBody(sentences.slice(from, from + windowSize), maxSentences), { minLength: min, maxLength: max }));
}
