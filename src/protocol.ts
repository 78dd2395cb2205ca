/**
 * Messages between the extension and the comparison webview, the one definition both sides import.
 * Offsets are UTF-16 offsets into an article body, as everywhere in Parallax.
 */

/** One article shown as a column. */
export interface ArticleColumn {
	id: string;
	title: string;
	outlet: string;
	published?: string;
	via?: string;
	paragraphs: { start: number; end: number; text: string }[];
}

/** Extension → webview. */
export type ToWebview =
	| { type: 'show'; columns: ArticleColumn[] };

/** Webview → extension. */
export type FromWebview =
	| { type: 'ready' }
	/** The user activated a passage: open its article with the range selected. */
	| { type: 'reveal'; article: string; start: number; end: number };

/** What the webview keeps in getState/setState, and what the panel serializer revives from. */
export interface WebviewState {
	articleIds: string[];
	scrollTop?: number;
}
