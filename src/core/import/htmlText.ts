/**
 * The few DOM members the importer uses, typed here so that src/core needs no DOM library:
 * linkedom's nodes satisfy them at run time.
 */
export interface HtmlNode {
	readonly nodeType: number;
	readonly nodeName: string;
	readonly nodeValue: string | null;
	readonly textContent: string | null;
	readonly childNodes: ArrayLike<HtmlNode>;
}

/** An element, as far as the importer reads one. */
export interface HtmlElement extends HtmlNode {
	getAttribute(name: string): string | null;
	querySelector(selector: string): HtmlElement | null;
	querySelectorAll(selector: string): ArrayLike<HtmlElement>;
	remove(): void;
}

/** A parsed page. */
export interface HtmlDocument extends HtmlElement {
	readonly documentElement: HtmlElement;
	readonly body: HtmlElement | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

/** Elements whose content is never article text: code, media and their captions, form controls. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'FIGCAPTION', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'MATH', 'BUTTON', 'INPUT', 'SELECT', 'OPTION', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK']);
/** Elements that start a new paragraph; everything else is inline and joins the text around it. */
const BLOCKS = new Set([
	'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE', 'FOOTER', 'FORM',
	'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/**
 * The text of an element as plain paragraphs, one per block element, whitespace collapsed.
 * Reads text nodes only, so markup, attributes (`onerror=…`, `href="javascript:…"`) and
 * script content never reach the result; entities arrive decoded by the parser.
 * Iterative, so a page nested thousands of levels deep cannot overflow the stack.
 */
export function blockTexts(root: HtmlNode): string[] {
	const paragraphs: string[] = [];
	let buffer = '';
	const flush = () => {
		const text = buffer.replace(/\s+/g, ' ').trim();
		if (text !== '') {
			paragraphs.push(text);
		}
		buffer = '';
	};
	// A stack of nodes to enter, with `null` entries marking the end of a block to flush at.
	const stack: (HtmlNode | null)[] = [root];
	while (stack.length > 0) {
		const node = stack.pop();
		if (node === null || node === undefined) {
			flush();
			continue;
		}
		if (node.nodeType === TEXT_NODE) {
			buffer += node.nodeValue ?? '';
			continue;
		}
		if (![ELEMENT_NODE, DOCUMENT_NODE, FRAGMENT_NODE].includes(node.nodeType)) {
			continue;
		}
		const name = node.nodeName.toUpperCase();
		if (SKIPPED.has(name)) {
			continue;
		}
		if (BLOCKS.has(name)) {
			flush();
			stack.push(null);
		}
		for (let i = node.childNodes.length - 1; i >= 0; i--) {
			stack.push(node.childNodes[i]);
		}
	}
	flush();
	return paragraphs;
}

/** Counts the elements under `root` and the depth of its deepest one, without recursion. */
export function measureTree(root: HtmlNode): { elements: number; depth: number } {
	let elements = 0;
	let depth = 0;
	const stack: { node: HtmlNode; level: number }[] = [{ node: root, level: 0 }];
	while (stack.length > 0) {
		const { node, level } = stack.pop()!;
		elements++;
		depth = Math.max(depth, level);
		for (let i = 0; i < node.childNodes.length; i++) {
			if (node.childNodes[i].nodeType === ELEMENT_NODE) {
				stack.push({ node: node.childNodes[i], level: level + 1 });
			}
		}
	}
	return { elements, depth };
}

/** The text of an element with whitespace collapsed, or undefined when it has none. */
export function textOf(element: HtmlNode | null | undefined): string | undefined {
	const text = element?.textContent?.replace(/\s+/g, ' ').trim();
	return text ? text : undefined;
}
