/**
 * Notes and links as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), the notes
 * contract of DESIGN.md. One file per article, `.parallax/notes/<article-id>.json`, holds the
 * annotations whose (first) target is that article.
 *
 * - A note is one annotation, motivation `commenting`, one target, and one body per comment of
 *   its thread (the first body is the note, the others replies, oldest first).
 * - A link is one annotation, motivation `linking`, two targets in different articles; its first
 *   body (purpose `tagging`) is the relation, an optional second body (purpose `commenting`) a note.
 *
 * Offsets in selectors are UTF-16 offsets into the article body, as everywhere in Parallax.
 */

/** The JSON-LD context of the Web Annotation model. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Relations a user can give a link; any other non-empty string is a free label. */
export const LINK_RELATIONS = ['same-quote', 'contradicts', 'copies', 'context', 'not-parallel'] as const;

/** A link relation: one of {@link LINK_RELATIONS} or a free label. */
export type LinkRelation = string;

/** The quoted text with a little context on each side, to find the passage again after edits. */
export interface TextQuoteSelector {
	type: 'TextQuoteSelector';
	exact: string;
	/** Up to 32 characters before `exact` ('' at the start of the body). */
	prefix: string;
	/** Up to 32 characters after `exact` ('' at the end of the body). */
	suffix: string;
}

/** Where the quote was when last anchored: `body.slice(start, end) === exact` then. */
export interface TextPositionSelector {
	type: 'TextPositionSelector';
	start: number;
	end: number;
}

/** A passage of one article. */
export interface NoteTarget {
	/** `urn:parallax:article:<article id>` */
	source: string;
	selector: [TextQuoteSelector, TextPositionSelector];
	/** Set when the quote could not be found in the current text; the selectors keep the last known quote. */
	'parallax:orphaned'?: true;
}

/** One comment of a note's thread, or a link's relation or note. */
export interface NoteBody {
	/** `urn:uuid:…`, unique within the annotation. */
	id: string;
	type: 'TextualBody';
	/** `tagging` carries a link's relation. */
	purpose: 'commenting' | 'replying' | 'tagging';
	/** Markdown (for `tagging`, the relation). */
	value: string;
	format: 'text/markdown';
	creator?: string;
	created: string;
	modified: string;
}

/** A note (one target) or a link (two targets), as stored. */
export interface NoteAnnotation {
	'@context': typeof ANNOTATION_CONTEXT;
	/** `urn:uuid:…` */
	id: string;
	type: 'Annotation';
	motivation: 'commenting' | 'linking';
	/** ISO date-time. */
	created: string;
	/** ISO date-time; the newer copy wins when two windows saved the same annotation. */
	modified: string;
	body: NoteBody[];
	target: NoteTarget[];
	/** Set for a resolved note thread. */
	'parallax:resolved'?: true;
}

/** The selector fields that re-anchoring needs, as the CLI takes them (`parallax notes anchor`). */
export interface AnchorRequest {
	id: string;
	exact: string;
	prefix: string;
	suffix: string;
	/** Offsets into the text the note was made on. */
	start: number;
	end: number;
}

/** Where a note now is in the new text, or that it could not be found. */
export type AnchorResult = { id: string; start: number; end: number } | { id: string; orphaned: true };

/** Number of context characters kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

const ARTICLE_URN = 'urn:parallax:article:';

/** The `source` IRI of an article. */
export function articleSource(articleId: string): string {
	return ARTICLE_URN + articleId;
}

/** The article id in a `source` IRI, or undefined for a source that is not a Parallax article. */
export function articleIdOf(source: string): string | undefined {
	return source.startsWith(ARTICLE_URN) ? source.slice(ARTICLE_URN.length) : undefined;
}

/** The selectors of the passage `body.slice(start, end)` of an article. */
export function targetAt(articleId: string, body: string, start: number, end: number): NoteTarget {
	return {
		source: articleSource(articleId),
		selector: [
			{
				type: 'TextQuoteSelector',
				exact: body.slice(start, end),
				prefix: body.slice(Math.max(0, start - CONTEXT_LENGTH), start),
				suffix: body.slice(end, end + CONTEXT_LENGTH),
			},
			{ type: 'TextPositionSelector', start, end },
		],
	};
}

/** A target's selectors flattened into the form re-anchoring takes. */
export function anchorRequestOf(id: string, target: NoteTarget): AnchorRequest {
	const [quote, position] = target.selector;
	return { id, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
}
