/**
 * The plain JSON result of aligning a set of articles: what the CLI prints (`parallax align --json`,
 * the DESIGN.md contract), what the webview renders and what the exporters write.
 * Offsets are UTF-16 offsets into each article's body; `text === body.slice(start, end)`.
 */

/** Version of the JSON contract; bump on any incompatible change. */
export const COMPARISON_VERSION = 1;

/** How two passages correspond. */
export type GroupKind = 'lexical' | 'paraphrase' | 'speaker' | 'topic';

/** A stretch of one article: one or more whole sentences. */
export interface Passage {
	/** Unique within the comparison, e.g. `ft-article:p3`. */
	id: string;
	start: number;
	end: number;
	text: string;
}

/** An article as it appears in a comparison. */
export interface ComparedArticle {
	id: string;
	path: string;
	title: string;
	outlet: string;
	passages: Passage[];
}

/** A passage of one article in a group. */
export interface PassageRef {
	article: string;
	passage: string;
}

/** What made two passages match: the terms, entities and numbers they share. */
export interface Evidence {
	/** Shared word stems, as written in the first passage. */
	terms: string[];
	/** Pairs of words that match as synonyms (WordNet), `[inFirst, inSecond]`. */
	synonyms: [string, string][];
	/** Shared named entities by canonical id, e.g. `north-korea`. */
	entities: string[];
	/** Shared numbers. */
	numbers: number[];
}

/** One string per passage reference, for maps and sets keyed by passage. */
export function passageKey(ref: PassageRef): string {
	return `${ref.article}\u0000${ref.passage}`;
}

/** Passages of two or more articles that say the same thing. */
export interface Group {
	id: string;
	/** 0..1: how strongly the members correspond (best pairwise score). */
	score: number;
	kind: GroupKind;
	members: PassageRef[];
	/** Per pair of members, why they matched. */
	evidence: { a: PassageRef; b: PassageRef; score: number; evidence: Evidence }[];
	/** Numbers and entities that one member has and another lacks. */
	disagreements: Disagreement[];
	/** The user's links (notes store ids) that joined these passages, when any did. */
	userLinks?: { id: string; relation: string }[];
}

/** A number or entity that differs between two aligned passages. */
export interface Disagreement {
	kind: 'number' | 'entity';
	/** Values found in the first passage only. */
	a: { ref: PassageRef; values: string[] };
	/** Values found in the second passage only. */
	b: { ref: PassageRef; values: string[] };
}

/** A person quoted or named as a source; filled in by the people extractor. */
export interface Person {
	name: string;
	affiliation?: string;
	mentions: { article: string; passage: string; quote?: string }[];
}

/** The result of aligning a set of articles. */
export interface Comparison {
	version: number;
	articles: ComparedArticle[];
	groups: Group[];
	/** Passages with no counterpart in any other article ("only in X"). */
	unaligned: PassageRef[];
	people: Person[];
}
