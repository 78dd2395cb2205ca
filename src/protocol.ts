/**
 * Messages between the extension and the comparison webview, the one definition both sides import.
 * Offsets are UTF-16 offsets into an article body, as everywhere in Parallax.
 */
import type { ComparisonViewModel } from './core/viewModelTypes';

export type { ComparisonViewModel, ViewColumn, ViewHighlight, ViewPassage, ViewRow } from './core/viewModelTypes';

/** Extension → webview. */
export type ToWebview =
	/** Alignment started: show the columns while the rows are computed. */
	| { type: 'loading'; columns: { id: string; outlet: string; title: string }[] }
	| { type: 'show'; model: ComparisonViewModel }
	| { type: 'error'; message: string }
	/** Move the focus to the next (1) or previous (-1) row that diverges. */
	| { type: 'navigate'; direction: 1 | -1 }
	/** The user selected text in an article: mark the rows whose passage of it overlaps [start, end). */
	| { type: 'selection'; article: string; start: number; end: number }
	/** The notes and link ends anchored in the articles on show, for the margins beside the passages. */
	| { type: 'notes'; notes: ViewNote[] };

/** A note, or one end of a link, where it sits in an article on show. */
export interface ViewNote {
	id: string;
	/** Which target of the annotation (0, or 1 for a link's second end). */
	targetIndex: number;
	article: string;
	start: number;
	end: number;
	kind: 'note' | 'link';
	/** The note's first comment (Markdown source, shown as plain text), cut at 500 characters. */
	text: string;
	relation?: string;
	/** Comments in the thread. */
	comments: number;
}

/** A passage of an article by body offsets. */
export interface PassageRange {
	article: string;
	start: number;
	end: number;
}

/** Webview → extension. */
export type FromWebview =
	| { type: 'ready' }
	/** The user activated a passage: open its article with the range selected. */
	| { type: 'reveal'; article: string; start: number; end: number }
	/** The user linked two passages of different articles; the extension asks for the relation. */
	| { type: 'link'; from: PassageRange; to: PassageRange }
	/** The user activated a note in the margin: show it in the article. */
	| { type: 'revealNote'; id: string; targetIndex: number };

/** What the webview keeps in getState/setState, and what the panel serializer revives from. */
export interface WebviewState {
	articleIds: string[];
	/** Column whose reading order sorts the rows. */
	base?: number;
	scrollTop?: number;
}
