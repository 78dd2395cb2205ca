// Builds synthetic article sets for the scaling benchmark from the PAN 2013 development documents.
// Everything is driven by a seeded PRNG so that two runs align the very same texts and stay comparable.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignInput } from '../src/core/align';

/** Where the PAN documents live; they are read in place and never copied into the repository. */
export const PAN_DIR = '/work/shared/data/pan13-dev';

/** A source document of the benchmark corpus. */
export interface PanDocument {
	name: string;
	text: string;
}

/** How to turn documents into an article set. */
export interface BuildOptions {
	/** Words an article aims at; pieces land between about half and one and a half times this. */
	targetWords: number;
	/** Share of the set that is a perturbed copy of another article in it (syndicated rewrites). */
	copyShare: number;
	/** Share of words dropped or replaced in every article, so that none is verbatim PAN text. */
	lightNoise: number;
	/** Share of words dropped or replaced in a copy, on top of its original's noise. */
	copyNoise: number;
	seed: number;
}

/** The settings every benchmark run uses unless told otherwise. */
export const DEFAULT_BUILD: BuildOptions = { targetWords: 800, copyShare: 0.2, lightNoise: 0.01, copyNoise: 0.05, seed: 20240620 };

/** mulberry32: tiny, fast and good enough to pick words; `Math.random` cannot be seeded. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Reads the source and suspicious documents of the PAN development subset, in a fixed order. */
export function loadPanDocuments(dir = PAN_DIR): PanDocument[] {
	return ['src', 'susp'].flatMap(folder => readdirSync(join(dir, folder)).filter(name => name.endsWith('.txt')).sort()
		.map(name => ({ name: `${folder}/${name}`, text: readFileSync(join(dir, folder, name), 'utf8') })));
}

/** Word tokens of a text with their offsets; a token ending a sentence or a line is a place to cut. */
interface Word {
	start: number;
	end: number;
	cut: boolean;
}

const WORD = /\S+/g;
const SENTENCE_END = /[.!?…]["'’”)\]]*$/;

function wordsOf(text: string): Word[] {
	const words: Word[] = [];
	for (const match of text.matchAll(WORD)) {
		const end = match.index + match[0].length;
		words.push({ start: match.index, end, cut: SENTENCE_END.test(match[0]) || text[end] === '\n' || end === text.length });
	}
	return words;
}

/**
 * Splits documents into article-sized pieces at sentence or line ends. Long documents are cut
 * evenly; short ones are packed together, as a news article is rarely a 100-word note.
 */
export function splitIntoPieces(documents: readonly PanDocument[], targetWords: number): string[] {
	const pieces: string[] = [];
	let pending: string[] = [];
	let pendingWords = 0;
	for (const { text } of documents) {
		const words = wordsOf(text);
		if (words.length < targetWords * 0.6) {
			pending.push(text.trim());
			pendingWords += words.length;
			if (pendingWords >= targetWords * 0.6) {
				pieces.push(pending.join('\n\n'));
				pending = [];
				pendingWords = 0;
			}
			continue;
		}
		const count = Math.max(1, Math.round(words.length / targetWords));
		let from = 0;
		for (let piece = 1; piece <= count; piece++) {
			let to = piece === count ? words.length - 1 : Math.round((words.length * piece) / count) - 1;
			// Move forward to a sentence end so that no article starts mid-sentence.
			while (to < words.length - 1 && !words[to].cut) {
				to++;
			}
			if (to >= from) {
				pieces.push(text.slice(words[from].start, words[to].end));
			}
			from = to + 1;
			if (from >= words.length) {
				break;
			}
		}
	}
	if (pending.length > 0) {
		pieces.push(pending.join('\n\n'));
	}
	return pieces;
}

/** Drops or replaces about `rate` of the words of a text, replacements drawn from the text itself. */
export function perturb(text: string, rate: number, random: () => number): string {
	const words = wordsOf(text);
	if (words.length === 0 || rate <= 0) {
		return text;
	}
	const parts: string[] = [];
	let copied = 0;
	for (const word of words) {
		if (random() >= rate) {
			continue;
		}
		parts.push(text.slice(copied, word.start));
		if (random() < 0.5) {
			const other = words[Math.floor(random() * words.length)];
			parts.push(text.slice(other.start, other.end));
		}
		// A dropped sentence end would merge two sentences; keep the punctuation that closed it.
		const punctuation = SENTENCE_END.exec(text.slice(word.start, word.end));
		if (punctuation) {
			parts.push(punctuation[0]);
		}
		copied = word.end;
	}
	parts.push(text.slice(copied));
	return parts.join('');
}

/** Shuffles in place with the given PRNG (Fisher–Yates). */
function shuffle<T>(items: T[], random: () => number): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}

/**
 * A set of `count` articles: distinct pieces, lightly perturbed, plus perturbed copies of some of
 * them. The copy share is the same at every size, so sizes differ in scale, not in kind; the
 * distinct pieces of a smaller set are those of a larger one (same seed).
 */
export function buildArticles(pieces: readonly string[], count: number, options: BuildOptions = DEFAULT_BUILD): AlignInput[] {
	const random = seededRandom(options.seed);
	const order = shuffle(pieces.map((_, index) => index), random);
	const distinct = Math.min(order.length, Math.round(count * (1 - options.copyShare)), count);
	const bodies: string[] = [];
	for (let i = 0; i < distinct; i++) {
		bodies.push(perturb(pieces[order[i]], options.lightNoise, random));
	}
	for (let i = distinct; i < count; i++) {
		bodies.push(perturb(bodies[Math.floor(random() * distinct)], options.copyNoise, random));
	}
	// Interleave copies with originals, as a real corpus would list them.
	return shuffle(bodies, random).map((body, index) => {
		const id = `bench-${String(index).padStart(4, '0')}`;
		return { id, path: `${id}.md`, title: id, outlet: `Outlet ${index % 37}`, body };
	});
}

/** Words in a set of articles, counted as whitespace-separated tokens. */
export function countWords(articles: readonly AlignInput[]): number {
	let total = 0;
	for (const { body } of articles) {
		total += body.match(WORD)?.length ?? 0;
	}
	return total;
}
