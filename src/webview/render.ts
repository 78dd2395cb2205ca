import type { ArticleColumn } from '../protocol';

/** Called when the user activates a paragraph (click, Enter or Space). */
export type RevealHandler = (article: string, start: number, end: number) => void;

/**
 * Renders one column per article. Article text is untrusted, so every piece of it goes in
 * through textContent; no HTML string is ever built from it.
 */
export function renderColumns(root: HTMLElement, columns: ArticleColumn[], onReveal: RevealHandler): void {
	root.replaceChildren();
	root.style.setProperty('--columns', String(Math.max(1, columns.length)));
	if (columns.length === 0) {
		root.append(element('p', 'empty', 'No articles to compare. Run “Parallax: Compare Articles…” and pick two or more.'));
		return;
	}
	for (const column of columns) {
		root.append(renderColumn(column, onReveal));
	}
}

function renderColumn(column: ArticleColumn, onReveal: RevealHandler): HTMLElement {
	const section = element('section', 'column');
	section.setAttribute('aria-label', `${column.outlet}: ${column.title}`);
	const header = element('header', 'column-header');
	const outlet = element('div', 'outlet');
	outlet.append(element('span', 'codicon codicon-file-text'), document.createTextNode(` ${column.outlet}`));
	header.append(outlet, element('h2', 'title', column.title));
	const details = [column.published, column.via && `via ${column.via}`].filter(Boolean).join(' · ');
	if (details) {
		header.append(element('div', 'details', details));
	}
	section.append(header);
	for (const paragraph of column.paragraphs) {
		const passage = element('p', 'passage', paragraph.text);
		passage.tabIndex = 0;
		passage.title = 'Open in the article (Enter)';
		passage.dataset.start = String(paragraph.start);
		const reveal = () => onReveal(column.id, paragraph.start, paragraph.end);
		passage.addEventListener('click', reveal);
		passage.addEventListener('keydown', event => {
			if (event.key === 'Enter' || event.key === ' ') {
				event.preventDefault();
				reveal();
			}
		});
		section.append(passage);
	}
	return section;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = className;
	if (text !== undefined) {
		node.textContent = text;
	}
	return node;
}
