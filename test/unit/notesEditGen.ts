/**
 * Random edit sequences over an article that carries random notes, with each note's span tracked
 * through the edits, so that re-anchoring can be checked against ground truth. Shared by
 * `anchorProperties.test.ts` and `scripts/fuzzNotes.ts`; deterministic for a given seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/article';
import { AnchorRequest, targetAt, anchorRequestOf } from '../../src/core/notes/model';

/** What became of a note's passage, judged on the final text. */
export type NoteFate =
	/** The original quote still occurs somewhere in the edited text. */
	| 'exact'
	/** Only light edits (word replacements, typo fixes) fell strictly inside the span, changing at most {@link LIGHT_EDIT_RATIO} of it. */
	| 'light'
	/** One edit removed the whole span, and the quote occurs nowhere else, not even as an earlier copy. */
	| 'deleted'
	/**
	 * Anything else, not scored: heavier rewording, partial deletion, edits across a boundary, or a
	 * passage deleted after a copy of it was pasted elsewhere (moved, not deleted).
	 */
	| 'other';

/** A light edit changes at most this share of the quote (Levenshtein distance / quote length). */
export const LIGHT_EDIT_RATIO = 0.25;

/**
 * Look-alikes are pasted at least this many characters away from the passage they imitate (about
 * one paragraph of the sample articles); nearer, a copy with a changed word is an edit in place.
 */
export const LOOKALIKE_MIN_DISTANCE = 300;

/** A note of a generated case and its ground truth. */
export interface TrackedNote {
	request: AnchorRequest;
	fate: NoteFate;
	/** Where the passage is in the edited text (undefined once deleted). */
	span?: { start: number; end: number };
	/** For `exact`: how often the quote occurs in the edited text. */
	occurrences: number;
	/** A copy of the passage with one of its words changed was pasted at least {@link LOOKALIKE_MIN_DISTANCE} away. */
	lookAlike: boolean;
}

/** One generated case. */
export interface EditCase {
	seed: number;
	original: string;
	edited: string;
	notes: TrackedNote[];
	/** Human-readable list of the edits, for failure reports. */
	log: string[];
}

/** A seeded generator (Marsaglia's xorshift32): Math.random cannot be replayed from a seed. */
export class Rng {
	private _state: number;

	constructor(seed: number) {
		this._state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995) >>> 0 || 1;
		// Neighbouring seeds start close together; a few rounds spread them apart.
		for (let i = 0; i < 8; i++) {
			this.next();
		}
	}

	/** Uniform in [0, 1). */
	next(): number {
		let x = this._state;
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		this._state = x >>> 0;
		return this._state / 0x100000000;
	}

	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	chance(p: number): boolean {
		return this.next() < p;
	}
}

/** The bodies of the sample corpus, the articles the edits are applied to. */
export function loadSampleBodies(root = join(__dirname, '../../corpus/putin-kim-pact-2024')): string[] {
	return readdirSync(root).filter(name => name.endsWith('.md')).sort()
		.map(name => parseArticle(readFileSync(join(root, name), 'utf8')).body);
}

/** Levenshtein distance, two rows; only used on quotes (≤ a few hundred characters). */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost));
		}
		previous = current;
	}
	return previous[b.length];
}

/** Number of (possibly overlapping) occurrences of `needle` in `text`. */
export function countOccurrences(text: string, needle: string): number {
	let count = 0;
	for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
		count++;
	}
	return count;
}

const FILLER = ['analysts', 'reportedly', 'Moscow', 'officials', 'the', 'treaty', 'said', 'on', 'Tuesday', 'security', 'would', 'not', 'and', 'regional', 'Seoul', 'pact', 'of', 'a', 'new', 'partnership', 'in', 'Beijing'];

interface Span {
	start: number;
	end: number;
	deleted: boolean;
	heavy: boolean;
	lightEdits: number;
	lookAlike: boolean;
	copied: boolean;
}

/** Where inserted text was copied from, and the word changed in the copy, if any. */
interface CopySource {
	from: number;
	to: number;
	changed?: { start: number; end: number };
}

/** Mutable state of one case while edits are applied. */
class Editor {
	text: string;
	readonly spans: Span[] = [];
	readonly log: string[] = [];
	private readonly _vocabulary: string[];

	constructor(text: string, private readonly _rng: Rng) {
		this.text = text;
		this._vocabulary = [...new Set(text.match(/\p{L}{3,}/gu) ?? [])].concat(FILLER);
	}

	/**
	 * Replaces [a, b) by `insert`; `light` marks a word replacement or typo fix, `source` an
	 * insertion copied from the text. Passages inside a copy are marked copied, or look-alike
	 * when the copy changed one of their words.
	 */
	edit(a: number, b: number, insert: string, light: boolean, label: string, source?: CopySource): void {
		this.log.push(`${label} [${a}, ${b}) ${JSON.stringify(this.text.slice(a, b)).slice(0, 60)} → ${JSON.stringify(insert).slice(0, 60)}`);
		this.text = this.text.slice(0, a) + insert + this.text.slice(b);
		const delta = insert.length - (b - a);
		for (const span of this.spans) {
			if (span.deleted) {
				continue;
			}
			if (source && source.from <= span.start && span.end <= source.to) {
				const changed = source.changed;
				if (changed && span.start <= changed.start && changed.end <= span.end) {
					span.lookAlike = true;
				} else {
					span.copied = true;
				}
			}
			if (b <= span.start && !(a === b && a > span.start)) {
				// Entirely before the span (an insertion at its start lands before it).
				span.start += delta;
				span.end += delta;
			} else if (a >= span.end) {
				// Entirely after it (an insertion at its end lands after it).
			} else if (a <= span.start && b >= span.end) {
				span.deleted = true;
			} else if (a >= span.start && b <= span.end) {
				span.end += delta;
				if (light) {
					span.lightEdits++;
				} else {
					span.heavy = true;
				}
			} else if (a < span.start) {
				// Across the start: what survives of the span is [b, end).
				span.heavy = true;
				span.start = a + insert.length;
				span.end += delta;
			} else {
				// Across the end: what survives is [start, a).
				span.heavy = true;
				span.end = a;
			}
		}
	}

	/** Boundaries after sentence ends and paragraph breaks, plus 0 and the end. */
	sentenceBoundaries(): number[] {
		const cuts = [0];
		for (const match of this.text.matchAll(/[.!?]["”’)]*[ \t]+|\n+/g)) {
			cuts.push(match.index + match[0].length);
		}
		cuts.push(this.text.length);
		return [...new Set(cuts)].sort((x, y) => x - y);
	}

	/** [start, end) of every word. */
	words(from = 0, to = this.text.length): { start: number; end: number }[] {
		const result: { start: number; end: number }[] = [];
		for (const match of this.text.slice(from, to).matchAll(/[\p{L}\p{N}’'-]+/gu)) {
			result.push({ start: from + match.index, end: from + match.index + match[0].length });
		}
		return result;
	}

	randomWords(count: number): string {
		return Array.from({ length: count }, () => this._rng.pick(this._vocabulary)).join(' ');
	}

	/** A different word for `word`. */
	otherWord(word: string): string {
		for (let tries = 0; tries < 10; tries++) {
			const candidate = this._rng.pick(this._vocabulary);
			if (candidate !== word) {
				return candidate;
			}
		}
		return word + 's';
	}

	/** One changed, inserted, dropped or swapped letter inside a word of [from, to). */
	typo(from: number, to: number): void {
		const words = this.words(from, to).filter(word => word.end - word.start >= 3);
		if (words.length === 0) {
			return;
		}
		const word = this._rng.pick(words);
		const at = this._rng.int(word.start + 1, word.end - 2);
		const letter = String.fromCharCode(this._rng.int(97, 122));
		switch (this._rng.int(0, 3)) {
			case 0: this.edit(at, at + 1, letter, true, 'typo: change'); break;
			case 1: this.edit(at, at, letter, true, 'typo: insert'); break;
			case 2: this.edit(at, at + 1, '', true, 'typo: drop'); break;
			default: this.edit(at, at + 2, this.text[at + 1] + this.text[at], true, 'typo: swap');
		}
	}

	/** Replaces one word of [from, to) by another. */
	replaceWord(from: number, to: number): void {
		const words = this.words(from, to);
		if (words.length === 0) {
			return;
		}
		const word = this._rng.pick(words);
		this.edit(word.start, word.end, this.otherWord(this.text.slice(word.start, word.end)), true, 'replace word');
	}
}

/** A note range: sentence-aligned, a phrase of whole words, or arbitrary characters; 10..300 long. */
function randomRange(editor: Editor, rng: Rng): { start: number; end: number } | undefined {
	const text = editor.text;
	for (let tries = 0; tries < 20; tries++) {
		let start: number;
		let end: number;
		const kind = rng.next();
		if (kind < 0.4) {
			const cuts = editor.sentenceBoundaries();
			const first = rng.int(0, cuts.length - 2);
			start = cuts[first];
			end = cuts[Math.min(cuts.length - 1, first + rng.int(1, 2))];
			// Trailing spaces and line breaks are not part of the quoted sentence.
			while (end > start && /\s/.test(text[end - 1])) {
				end--;
			}
		} else if (kind < 0.8) {
			const words = editor.words();
			const first = rng.int(0, words.length - 1);
			const last = Math.min(words.length - 1, first + rng.int(1, 25));
			start = words[first].start;
			end = words[last].end;
		} else {
			start = rng.int(0, text.length - 10);
			end = start + rng.int(10, 300);
		}
		end = Math.min(end, start + 300, text.length);
		if (end - start >= 10 && text.slice(start, end).trim().length > 0) {
			return { start, end };
		}
	}
	return undefined;
}

/** A random edit anywhere in the text. */
function randomEdit(editor: Editor, rng: Rng): void {
	const text = editor.text;
	const roll = rng.next();
	if (roll < 0.2) {
		const at = rng.pick(editor.sentenceBoundaries());
		editor.edit(at, at, editor.randomWords(rng.int(1, 20)) + '. ', false, 'insert words');
	} else if (roll < 0.35) {
		const cuts = editor.sentenceBoundaries();
		const from = rng.int(0, cuts.length - 2);
		const sentence = text.slice(cuts[from], cuts[from + 1]);
		const at = rng.pick(cuts);
		editor.edit(at, at, sentence, false, 'insert copy', { from: cuts[from], to: cuts[from + 1] });
	} else if (roll < 0.55) {
		const words = editor.words();
		const first = rng.int(0, words.length - 1);
		const last = Math.min(words.length - 1, first + rng.int(0, 5));
		editor.edit(words[first].start, words[last].end, '', false, 'delete words');
	} else if (roll < 0.65) {
		const cuts = editor.sentenceBoundaries();
		const from = rng.int(0, cuts.length - 2);
		editor.edit(cuts[from], cuts[from + 1], '', false, 'delete sentence');
	} else if (roll < 0.7) {
		const at = rng.int(0, text.length);
		editor.edit(at, Math.min(text.length, at + rng.int(1, 200)), '', false, 'delete range');
	} else if (roll < 0.85) {
		editor.replaceWord(0, text.length);
	} else {
		editor.typo(0, text.length);
	}
}

/** Lightly edits the passage of a note: one to three word replacements or typo fixes inside it. */
function lightlyEdit(editor: Editor, rng: Rng, span: Span): void {
	for (let count = rng.int(1, 3); count > 0 && !span.deleted; count--) {
		if (rng.chance(0.5)) {
			editor.replaceWord(span.start, span.end);
		} else {
			editor.typo(span.start, span.end);
		}
	}
}

/**
 * Deletes the passage of a note: the span alone, or with the rest of its sentence(s). Half the
 * time a look-alike goes in first: the passage with one of its words changed, or the sentence
 * around it with such a word, pasted at a paragraph or sentence break far away.
 */
function deletePassage(editor: Editor, rng: Rng, span: Span): void {
	const cuts = editor.sentenceBoundaries();
	const sentenceStart = cuts.filter(cut => cut <= span.start).pop() ?? 0;
	const sentenceEnd = cuts.find(cut => cut >= span.end) ?? editor.text.length;
	if (rng.chance(0.5)) {
		const words = editor.words(span.start, span.end);
		const wholeSentence = rng.chance(0.5);
		const places = cuts.filter(cut => cut < span.start - LOOKALIKE_MIN_DISTANCE || cut > span.end + LOOKALIKE_MIN_DISTANCE);
		if (words.length > 0 && places.length > 0) {
			const word = rng.pick(words);
			const from = wholeSentence ? sentenceStart : span.start;
			const to = wholeSentence ? sentenceEnd : span.end;
			const text = editor.text;
			const copy = text.slice(from, word.start) + editor.otherWord(text.slice(word.start, word.end)) + text.slice(word.end, to);
			const at = rng.pick(places);
			editor.edit(at, at, wholeSentence ? copy : copy + ' ', false, 'insert look-alike', { from, to, changed: word });
		}
	}
	if (rng.chance(0.5)) {
		editor.edit(span.start, span.end, '', false, 'delete passage');
	} else {
		const cuts2 = editor.sentenceBoundaries();
		const from = cuts2.filter(cut => cut <= span.start).pop() ?? 0;
		const to = cuts2.find(cut => cut >= span.end) ?? editor.text.length;
		editor.edit(from, to, '', false, 'delete sentence of passage');
	}
}

/** Options of {@link generateCase}. */
export interface GenerateOptions {
	/** Article bodies to choose from. */
	bodies: readonly string[];
	maxNotes?: number;
	maxEdits?: number;
}

/**
 * One case: an article, 1..maxNotes notes made on it, 1..maxEdits edits (random ones, and some
 * aimed at a note: light edits of its passage or its deletion), and each note's fate.
 */
export function generateCase(seed: number, options: GenerateOptions): EditCase {
	const rng = new Rng(seed);
	const original = rng.pick(options.bodies);
	const editor = new Editor(original, rng);
	const requests: AnchorRequest[] = [];
	for (let i = rng.int(1, options.maxNotes ?? 8); i > 0; i--) {
		const range = randomRange(editor, rng);
		if (range) {
			requests.push(anchorRequestOf(`n${requests.length}`, targetAt('a', original, range.start, range.end)));
			editor.spans.push({ ...range, deleted: false, heavy: false, lightEdits: 0, lookAlike: false, copied: false });
		}
	}
	for (let i = rng.int(1, options.maxEdits ?? 10); i > 0; i--) {
		const live = editor.spans.filter(span => !span.deleted);
		const roll = rng.next();
		if (live.length > 0 && roll < 0.3) {
			lightlyEdit(editor, rng, rng.pick(live));
		} else if (live.length > 0 && roll < 0.45) {
			deletePassage(editor, rng, rng.pick(live));
		} else {
			randomEdit(editor, rng);
		}
	}
	const edited = editor.text;
	const notes = requests.map((request, i): TrackedNote => {
		const span = editor.spans[i];
		const occurrences = countOccurrences(edited, request.exact);
		const tracked = { request, occurrences, lookAlike: span.lookAlike };
		if (occurrences > 0) {
			return { ...tracked, fate: 'exact', ...(span.deleted ? {} : { span: { start: span.start, end: span.end } }) };
		}
		if (span.deleted) {
			return { ...tracked, fate: span.copied ? 'other' : 'deleted' };
		}
		const position = { start: span.start, end: span.end };
		const light = !span.heavy && span.lightEdits > 0
			&& editDistance(request.exact, edited.slice(span.start, span.end)) <= LIGHT_EDIT_RATIO * request.exact.length;
		return { ...tracked, fate: light ? 'light' : 'other', span: position };
	});
	return { seed, original, edited, notes, log: editor.log };
}
