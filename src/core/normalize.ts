import stem from 'wink-porter2-stemmer';
import { eng as ENGLISH_STOPWORDS } from 'stopword';
import { multiplierValue, numberValue } from './numbers';
import { forEachWord } from './words';

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

/** Folds case, accents, curly quotes and width, so “Pyongyang’s” and "PYONGYANG'S" compare equal. */
export function fold(word: string): string {
	// Most words are ASCII: skip Unicode decomposition for them.
	const lower = word.toLowerCase();
	if (/^[ -~]*$/.test(lower)) {
		return lower.includes('`') ? lower.replace(/`/g, "'") : lower;
	}
	return lower.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/[’‘`´]/g, "'");
}

/** What a word as written becomes: computed once per spelling, since a text repeats its words. */
interface WordForm {
	norm: string;
	stem: string;
	/** In the stopword list (a capitalised "US" is still not a stopword: see `Token.upper`). */
	stopword: boolean;
	upper: boolean;
	value: number | undefined;
	/** Multiplier value ("million"), which scales the number before it. */
	factor: number | undefined;
}

/**
 * Forms by spelling, in an open-addressing table probed with the word's characters in place:
 * a word already seen costs a hash and a comparison, and no string is cut out of the text.
 */
const formTable = {
	keys: new Array<string | undefined>(1 << 16),
	hashes: new Int32Array(1 << 16),
	forms: new Array<WordForm | null>(1 << 16),
	size: 0,
};
const FORM_CACHE_LIMIT = 200_000;
/** The forms of `source.slice(start, end)`, or null when nothing is left of it after folding (a lone apostrophe). */
function formAt(source: string, start: number, end: number): WordForm | null {
	let hash = 0x811c9dc5;
	for (let index = start; index < end; index++) {
		hash = Math.imul(hash ^ source.charCodeAt(index), 0x01000193);
	}
	const { keys, hashes } = formTable;
	const mask = keys.length - 1;
	let slot = hash & mask;
	for (let key = keys[slot]; key !== undefined; key = keys[(slot = (slot + 1) & mask)]) {
		if (hashes[slot] === hash && key.length === end - start && source.startsWith(key, start)) {
			return formTable.forms[slot];
		}
	}
	const segment = source.slice(start, end);
	const form = formOf(segment);
	if (formTable.size >= FORM_CACHE_LIMIT || 2 * (formTable.size + 1) > keys.length) {
		resizeForms(formTable.size >= FORM_CACHE_LIMIT ? keys.length : 2 * keys.length, formTable.size < FORM_CACHE_LIMIT);
		return formAt(source, start, end);
	}
	keys[slot] = segment;
	hashes[slot] = hash;
	formTable.forms[slot] = form;
	formTable.size++;
	return form;
}

/** Rebuilds the table with `size` slots, keeping its entries or (when it is full) starting afresh. */
function resizeForms(size: number, keep: boolean): void {
	const { keys, hashes, forms } = formTable;
	formTable.keys = new Array<string | undefined>(size);
	formTable.hashes = new Int32Array(size);
	formTable.forms = new Array<WordForm | null>(size);
	formTable.size = 0;
	if (!keep) {
		return;
	}
	const mask = size - 1;
	keys.forEach((key, slot) => {
		if (key !== undefined) {
			let target = hashes[slot] & mask;
			while (formTable.keys[target] !== undefined) {
				target = (target + 1) & mask;
			}
			formTable.keys[target] = key;
			formTable.hashes[target] = hashes[slot];
			formTable.forms[target] = forms[slot];
			formTable.size++;
		}
	});
}

/** The forms of a word as written (see {@link formAt}). */
function formOf(segment: string): WordForm | null {
	const folded = fold(segment);
	const norm = folded.includes("'") ? folded.replace(/'s$|'$/, '').replace(/^'/, '') : folded;
	return norm === '' ? null : {
		norm,
		stem: LATIN.test(norm) ? stem(norm.replace(/\./g, '')) : norm,
		stopword: STOPWORDS.has(norm),
		upper: segment.length > 1 && segment === segment.toUpperCase() && segment !== segment.toLowerCase(),
		value: numberValue(norm),
		factor: multiplierValue(norm),
	};
}

/**
 * Splits text into word tokens (Unicode word boundaries, so any script works) with their folded
 * form, stem, stopword flag and numeric value. `offset` is added to every position.
 */
export function tokenize(text: string, offset = 0): Token[] {
	const tokens: Token[] = [];
	forEachWord(text, (source, from, to, index) => {
		const form = formAt(source, from, to);
		if (!form) {
			return;
		}
		const previous = tokens[tokens.length - 1];
		if (form.factor !== undefined && previous?.value !== undefined && previous.value < 1000) {
			// "1.2 million" is one number.
			previous.value *= form.factor;
			previous.end = offset + index + to - from;
			return;
		}
		const token: Token = {
			start: offset + index,
			end: offset + index + to - from,
			norm: form.norm,
			stem: form.stem,
			stop: form.value === undefined && !form.upper && form.stopword,
			upper: form.upper,
		};
		if (form.value !== undefined) {
			token.value = form.value;
		}
		tokens.push(token);
	});
	return tokens;
}
