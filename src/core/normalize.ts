import stem from 'wink-porter2-stemmer';
import { eng as ENGLISH_STOPWORDS } from 'stopword';
import { multiplierValue, numberValue } from './numbers';
import { segmentsOf } from './segment';

/** A word of a text, with the forms Parallax compares. Offsets are into the text given to {@link tokenize}. */
export interface Token {
	start: number;
	end: number;
	/** Case-, accent- and quote-folded form, possessive removed. */
	norm: string;
	/** Porter2 stem of `norm` (Latin script), else `norm`. */
	stem: string;
	/** A function word that carries no content ("the", "of", "which"). */
	stop: boolean;
	/** Numeric value, for digits and number words ("260,000", "five", "1.2 million"). */
	value?: number;
	/** Written in capitals in the text ("US", "DPRK"): such a token is never a stopword. */
	upper: boolean;
}

// The package's list lacks some frequent function words; these carry no content in any sense.
const STOPWORDS = new Set<string>([...ENGLISH_STOPWORDS, 's', 'its', 'it', 'does', 'do', 'did', 'not', 'no', 'will', 'shall', 'may', 'might', 'must', 'can', 'also', 'would', 'could', 'should', 'said', 'says', 'say', 'mr', 'ms', 'mrs', 'one', 'ones']);
const COMBINING_MARKS = /\p{M}+/gu;
const LATIN = /^[\p{Script=Latin}\d.'-]+$/u;

let wordSegmenter: Intl.Segmenter | undefined;

/** Folds case, accents, curly quotes and width, so “Pyongyang’s” and "PYONGYANG'S" compare equal. */
export function fold(word: string): string {
	// Most words are ASCII: skip Unicode decomposition for them.
	const lower = word.toLowerCase();
	return /^[ -~]*$/.test(lower) ? lower.replace(/`/g, "'") : lower.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/[’‘`´]/g, "'");
}

/** Stems by folded word: a text repeats its words, and stemming is the costliest step of tokenizing. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

function stemOf(norm: string): string {
	let result = stemCache.get(norm);
	if (result === undefined) {
		result = LATIN.test(norm) ? stem(norm.replace(/\./g, '')) : norm;
		if (stemCache.size >= STEM_CACHE_LIMIT) {
			stemCache.clear();
		}
		stemCache.set(norm, result);
	}
	return result;
}

/**
 * Splits text into word tokens (Unicode word boundaries, so any script works) with their folded
 * form, stem, stopword flag and numeric value. `offset` is added to every position.
 */
export function tokenize(text: string, offset = 0): Token[] {
	wordSegmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
	const tokens: Token[] = [];
	for (const { segment, at: index, isWordLike } of segmentsOf(wordSegmenter, text)) {
		if (!isWordLike) {
			continue;
		}
		const norm = fold(segment).replace(/'s$|'$/, '').replace(/^'/, '');
		if (norm === '') {
			continue;
		}
		const upper = segment.length > 1 && segment === segment.toUpperCase() && segment !== segment.toLowerCase();
		const token: Token = {
			start: offset + index,
			end: offset + index + segment.length,
			norm,
			stem: stemOf(norm),
			stop: !upper && STOPWORDS.has(norm),
			upper,
		};
		const value = numberValue(norm);
		const previous = tokens[tokens.length - 1];
		const factor = multiplierValue(norm);
		if (factor !== undefined && previous?.value !== undefined && previous.value < 1000) {
			// "1.2 million" is one number.
			previous.value *= factor;
			previous.end = token.end;
			continue;
		}
		if (value !== undefined) {
			token.value = value;
			token.stop = false;
		}
		tokens.push(token);
	}
	return tokens;
}
