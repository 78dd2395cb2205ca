import type { GroupKind } from './comparison';

/**
 * The data the comparison webview renders, built by viewModel.ts. Types only, so that the webview
 * can import them without pulling in the engine.
 */

/** A word-level highlight, offsets into the passage text (see wordDiff.ts). */
export interface ViewHighlight {
	start: number;
	end: number;
	kind: 'same' | 'synonym' | 'removed' | 'added' | 'plain';
}

/** Column metadata the view shows above each article. */
export interface ViewColumn {
	id: string;
	outlet: string;
	title: string;
	published?: string;
	via?: string;
	/** Share (0..1) of the article's text that has a counterpart. */
	coverage: number;
}

/** A passage in a cell, with word highlights relative to its own text. */
export interface ViewPassage {
	id: string;
	start: number;
	end: number;
	text: string;
	highlights: ViewHighlight[];
}

/** One row of the comparison: a group of parallel passages, or a passage found in one article only. */
export interface ViewRow {
	id: string;
	kind: GroupKind | 'only';
	score?: number;
	/** Why the passages match, one line per kind of evidence. */
	evidence: string[];
	/** Numbers or entities that differ between the passages. */
	disagreements: string[];
	/** One list per column (usually zero or one passage). */
	cells: ViewPassage[][];
	/** The user's links that joined this row's passages. */
	userLinks?: { id: string; relation: string }[];
	/** True when the row shows a divergence: wording only one side has, or a passage with no counterpart. */
	diverges: boolean;
}

/** Everything the comparison view renders; it does no alignment of its own. */
export interface ComparisonViewModel {
	columns: ViewColumn[];
	rows: ViewRow[];
}

/** Extra front matter for the column headers. */
export interface ColumnMeta {
	published?: string;
	via?: string;
}

