import { sortRows } from '../core/rowOrder';
import type { ComparisonViewModel, PassageRange, ViewColumn, ViewNote, ViewPassage, ViewRow } from '../protocol';

/** What the rendered comparison calls back into. */
export interface Handlers {
	/** The user activated a passage (click, Enter or Space). */
	reveal(passage: PassageRange): void;
	/** The user picked another column as the reading order. */
	base(column: number): void;
	/** The user pressed a passage's link button. */
	link(passage: PassageRange): void;
	/** The user activated a note in a margin. */
	revealNote(note: ViewNote): void;
}

/** Rows rendered per animation frame: the first screen appears at once, long comparisons stream in. */
const ROWS_PER_FRAME = 150;
const KIND_LABELS: Record<ViewRow['kind'], string> = { lexical: 'shared wording', paraphrase: 'paraphrase', speaker: 'same speaker', topic: 'same point', only: 'only in' };

let renderGeneration = 0;
/** The notes of the articles on show; passages rendered later pick theirs up from here. */
let notesByArticle = new Map<string, ViewNote[]>();

/** Column headers shown while the alignment runs. */
export function renderLoading(root: HTMLElement, columns: { outlet: string; title: string }[]): void {
	root.replaceChildren(element('p', 'status', `Aligning ${columns.map(column => column.outlet || column.title).join(', ')}…`));
	root.setAttribute('aria-busy', 'true');
}

/** An error in place of the rows. */
export function renderError(root: HTMLElement, message: string): void {
	root.replaceChildren(element('p', 'status error', `Parallax could not align these articles: ${message}`));
	root.setAttribute('aria-busy', 'false');
}

/**
 * Renders the comparison: column headers, then one row per group or "only in" passage, sorted by
 * the reading order of column `base`. Article text goes in through textContent only, never as HTML.
 */
export function renderComparison(root: HTMLElement, model: ComparisonViewModel, base: number, handlers: Handlers): void {
	const generation = ++renderGeneration;
	root.style.setProperty('--columns', String(Math.max(1, model.columns.length)));
	const header = element('div', 'columns');
	header.setAttribute('role', 'row');
	header.append(element('div', 'gutter'));
	model.columns.forEach((column, index) => header.append(renderColumnHeader(column, index === base, () => handlers.base(index))));
	const rowsElement = element('div', 'rows');
	rowsElement.setAttribute('role', 'rowgroup');
	root.replaceChildren(renderSummary(model), header, rowsElement);
	const rows = sortRows(model.rows, base);
	const renderBatch = (from: number) => {
		if (generation !== renderGeneration) {
			return; // a newer comparison replaced this one
		}
		const fragment = document.createDocumentFragment();
		for (const row of rows.slice(from, from + ROWS_PER_FRAME)) {
			fragment.append(renderRow(row, model.columns, handlers));
		}
		rowsElement.append(fragment);
		if (from + ROWS_PER_FRAME < rows.length) {
			requestAnimationFrame(() => renderBatch(from + ROWS_PER_FRAME));
		} else {
			root.setAttribute('aria-busy', 'false');
		}
	};
	renderBatch(0);
}

/** Focuses the next (1) or previous (-1) row that diverges, after the one holding the focus. */
export function focusDivergence(root: HTMLElement, direction: 1 | -1): void {
	const rows = [...root.querySelectorAll<HTMLElement>('.row')];
	const current = rows.findIndex(row => row.contains(document.activeElement));
	for (let index = current + direction; index >= 0 && index < rows.length; index += direction) {
		if (rows[index].dataset.diverges === 'true') {
			const target = rows[index].querySelector<HTMLElement>('.passage') ?? rows[index];
			target.focus();
			target.scrollIntoView({ block: 'center' });
			return;
		}
	}
}

/** Marks the rows whose passage of `article` overlaps [start, end) and scrolls the first into view. */
export function markSelection(root: HTMLElement, article: string, start: number, end: number): void {
	let first: HTMLElement | undefined;
	for (const row of root.querySelectorAll<HTMLElement>('.row')) {
		const hit = [...row.querySelectorAll<HTMLElement>(`.passage[data-article="${CSS.escape(article)}"]`)]
			.some(passage => Number(passage.dataset.start) < end && start < Number(passage.dataset.end));
		row.classList.toggle('selected', hit);
		first ??= hit ? row : undefined;
	}
	first?.scrollIntoView({ block: 'center' });
}

function renderSummary(model: ComparisonViewModel): HTMLElement {
	const groups = model.rows.filter(row => row.kind !== 'only').length;
	const only = model.rows.length - groups;
	const disagreements = model.rows.reduce((sum, row) => sum + row.disagreements.length, 0);
	return element('p', 'summary', `${groups} groups of parallel passages · ${only} passages with no counterpart · ${disagreements} differing figures or names`);
}

function renderColumnHeader(column: ViewColumn, isBase: boolean, onBase: () => void): HTMLElement {
	const header = element('div', 'column-header');
	header.setAttribute('role', 'columnheader');
	const outlet = element('div', 'outlet');
	outlet.append(element('span', 'codicon codicon-file-text'), document.createTextNode(` ${column.outlet}`));
	header.append(outlet, element('div', 'title', column.title));
	const details = [column.published, column.via && `via ${column.via}`, `${Math.round(column.coverage * 100)}% has a counterpart`].filter(Boolean).join(' · ');
	header.append(element('div', 'details', details));
	const order = element('button', isBase ? 'order active' : 'order', isBase ? 'Reading order' : 'Use its order');
	order.title = 'Sort the rows by this article’s reading order';
	order.setAttribute('aria-pressed', String(isBase));
	order.addEventListener('click', onBase);
	header.append(order);
	return header;
}

function renderRow(row: ViewRow, columns: ViewColumn[], handlers: Handlers): HTMLElement {
	const rowElement = element('div', `row kind-${row.kind}`);
	rowElement.setAttribute('role', 'row');
	rowElement.dataset.diverges = String(row.diverges);
	const gutter = element('div', 'gutter');
	const onlyColumn = row.kind === 'only' ? row.cells.findIndex(cell => cell.length > 0) : -1;
	gutter.append(element('span', 'kind', row.kind === 'only' ? `only in ${columns[onlyColumn]?.outlet ?? ''}` : KIND_LABELS[row.kind]));
	if (row.score !== undefined) {
		gutter.append(element('span', 'score', row.score.toFixed(2)));
	}
	if (row.disagreements.length > 0) {
		gutter.append(element('span', 'codicon codicon-warning disagreement'));
	}
	for (const link of row.userLinks ?? []) {
		const linked = element('span', 'user-link');
		linked.append(element('span', 'codicon codicon-link'), document.createTextNode(` linked: ${link.relation}`));
		gutter.append(linked);
	}
	gutter.title = [...row.evidence, ...row.disagreements].join('\n');
	rowElement.append(gutter);
	row.cells.forEach((cell, column) => {
		const cellElement = element('div', cell.length > 0 ? 'cell' : 'cell empty');
		cellElement.setAttribute('role', 'cell');
		for (const passage of cell) {
			cellElement.append(renderPassage(columns[column].id, passage, handlers));
		}
		rowElement.append(cellElement);
	});
	return rowElement;
}

function renderPassage(article: string, passage: ViewPassage, handlers: Handlers): HTMLElement {
	const box = element('div', 'passage-box');
	const paragraph = element('p', 'passage');
	paragraph.tabIndex = 0;
	paragraph.title = 'Open in the article (Enter)';
	paragraph.dataset.article = article;
	paragraph.dataset.start = String(passage.start);
	paragraph.dataset.end = String(passage.end);
	for (const highlight of passage.highlights) {
		paragraph.append(element('span', `hl-${highlight.kind}`, passage.text.slice(highlight.start, highlight.end)));
	}
	const range = { article, start: passage.start, end: passage.end };
	onActivate(paragraph, () => handlers.reveal(range));
	const link = element('button', 'passage-link');
	link.append(element('span', 'codicon codicon-link'));
	link.title = 'Link this passage to a passage of another article';
	link.setAttribute('aria-label', link.title);
	link.addEventListener('click', () => handlers.link(range));
	const margin = element('ul', 'passage-notes');
	margin.setAttribute('aria-label', 'Notes on this passage');
	box.append(paragraph, link, margin);
	fillMargin(margin, range, handlers);
	return box;
}

/** Shows the notes (and link ends) anchored in the articles on show, beside the passages they overlap. */
export function renderNotes(root: HTMLElement, notes: readonly ViewNote[], handlers: Handlers): void {
	notesByArticle = new Map();
	for (const note of notes) {
		notesByArticle.set(note.article, [...(notesByArticle.get(note.article) ?? []), note]);
	}
	for (const margin of root.querySelectorAll<HTMLElement>('.passage-notes')) {
		const passage = margin.parentElement?.querySelector<HTMLElement>('.passage');
		if (passage) {
			fillMargin(margin, { article: passage.dataset.article ?? '', start: Number(passage.dataset.start), end: Number(passage.dataset.end) }, handlers);
		}
	}
}

/** Marks the passage a link starts from, or clears the mark. */
export function markLinkSource(root: HTMLElement, source: PassageRange | undefined): void {
	for (const passage of root.querySelectorAll<HTMLElement>('.passage')) {
		const isSource = source !== undefined && passage.dataset.article === source.article && Number(passage.dataset.start) === source.start;
		passage.parentElement?.classList.toggle('link-source', isSource);
	}
	root.classList.toggle('linking', source !== undefined);
}

function fillMargin(margin: HTMLElement, range: PassageRange, handlers: Handlers): void {
	// An empty note range (a note on a line break) still belongs to the passage it sits in.
	const notes = (notesByArticle.get(range.article) ?? []).filter(note => note.start < range.end && range.start < Math.max(note.end, note.start + 1));
	margin.replaceChildren(...notes.map(note => {
		const item = element('li', `margin-note ${note.kind}`);
		item.tabIndex = 0;
		item.title = note.kind === 'link' ? 'Link: open it in the article (Enter)' : 'Note: open it in the article (Enter)';
		item.append(element('span', `codicon codicon-${note.kind === 'link' ? 'link' : note.comments > 1 ? 'comment-discussion' : 'comment'}`));
		// The note is the user's Markdown: shown as plain text, never parsed as HTML.
		const label = note.kind === 'link' ? `${note.relation ?? 'link'}${note.text ? `: ${note.text}` : ''}` : note.text;
		item.append(element('span', 'margin-text', ` ${label}`));
		onActivate(item, () => handlers.revealNote(note));
		return item;
	}));
}

/** Runs `action` on a click, Enter or Space: a focusable element that acts like a button. */
function onActivate(target: HTMLElement, action: () => void): void {
	target.addEventListener('click', action);
	target.addEventListener('keydown', event => {
		if (event.key === 'Enter' || event.key === ' ') {
			event.preventDefault();
			action();
		}
	});
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) {
		node.textContent = text;
	}
	return node;
}
