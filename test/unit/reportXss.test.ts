import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { ComparedArticle, Comparison, Group } from '../../src/core/comparison';
import { renderHtml } from '../../src/core/report/html';

// Issue #6: the XSS vectors of test/fixtures/xss (also used by test/e2e/xss.e2e.mjs) in every
// piece of article text the HTML report shows, checked with an HTML parser. The e2e test opens
// such reports in Chromium; this is the fast check of the same property.

interface Vector {
	index: number;
	text: string;
}

/** The vectors with their placeholders filled in, as xssWorkspace.mjs does. */
function loadVectors(): Vector[] {
	const data = JSON.parse(readFileSync(join(__dirname, '../fixtures/xss/vectors.json'), 'utf8')) as Record<string, string[] | string>;
	const templates = Object.entries(data).filter(([key]) => !key.startsWith('$')).flatMap(([, list]) => list as string[]);
	return templates.map((template, position) => {
		const index = position + 1;
		const fill: Record<string, string> = { n: String(index), js: `window.pwned=${index}`, url: `http://127.0.0.1:9/pwned-${index}` };
		return { index, text: template.replace(/\{(n|js|url)\}/g, (_, key: string) => fill[key]) };
	});
}

const VECTORS = loadVectors();
const ARTICLES = 3;

/** Three articles: each vector is one passage of one of them, in a title and in an outlet. */
function fixture(): Comparison {
	const articles: ComparedArticle[] = [];
	for (let k = 0; k < ARTICLES; k++) {
		const own = VECTORS.filter(vector => vector.index % ARTICLES === k);
		let start = 0;
		const passages = own.map((vector, position) => {
			const text = `Officials met on day ${position + 1}. ${vector.text}`;
			const passage = { id: `a${k}:p${position + 1}`, start, end: start + text.length, text };
			start += text.length + 2;
			return passage;
		});
		const shifted = VECTORS.filter(vector => (vector.index + 1) % ARTICLES === k).map(vector => vector.text);
		articles.push({ id: `a${k}`, path: `a${k}.md`, title: `Title ${k} ${shifted.join(' ')}`, outlet: `Outlet ${k} ${own.slice(0, 8).map(vector => vector.text).join(' ')}`, passages });
	}
	// The first ten passages of each article form three-way groups (word highlights cut the vectors
	// into spans); the evidence and disagreements carry vectors too; the rest are "only in".
	const groups: Group[] = [];
	for (let position = 0; position < 10; position++) {
		const members = articles.map(article => ({ article: article.id, passage: article.passages[position].id }));
		const vector = VECTORS[position].text;
		groups.push({
			id: `g${position + 1}`, score: 0.7, kind: 'paraphrase', members,
			evidence: [{ a: members[0], b: members[1], score: 0.7, evidence: { terms: [vector], synonyms: [[vector, 'x']], entities: [vector], numbers: [position] } }],
			disagreements: [{ kind: 'entity', a: { ref: members[0], values: [vector] }, b: { ref: members[2], values: [] } }],
		});
	}
	const grouped = new Set(groups.flatMap(group => group.members.map(member => member.passage)));
	const unaligned = articles.flatMap(article => article.passages.filter(passage => !grouped.has(passage.id)).map(passage => ({ article: article.id, passage: passage.id })));
	return { version: 1, articles, groups, unaligned, people: [] };
}

/** The parts of linkedom's DOM these tests read (the project's types have no DOM lib). */
interface ParsedElement {
	localName: string;
	attributes: Iterable<{ name: string; value: string }>;
	textContent: string | null;
	children: ArrayLike<ParsedElement>;
	firstElementChild: ParsedElement | null;
	getAttribute(name: string): string | null;
}

interface ParsedDocument {
	head: ParsedElement;
	body: ParsedElement;
	title: string;
	querySelector(selector: string): ParsedElement | null;
	querySelectorAll(selector: string): ArrayLike<ParsedElement> & Iterable<ParsedElement>;
}

function parse(html: string): ParsedDocument {
	return (parseHTML(html) as unknown as { document: ParsedDocument }).document;
}

/** The report's own elements; anything else came from article text. */
const REPORT_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'span', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'blockquote', 'ul', 'li']);
const REPORT_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id']);

/** What in a parsed HTML page could run or load something: unknown elements and attributes, URLs, handlers. */
function activeParts(html: string): string[] {
	const document = parse(html);
	const found: string[] = [];
	for (const element of document.querySelectorAll('*')) {
		const tag = element.localName;
		if (!REPORT_TAGS.has(tag)) {
			found.push(`<${tag}>`);
		}
		for (const { name, value } of element.attributes) {
			if (/^on/i.test(name)) {
				found.push(`${tag}[${name}]`);
			} else if (!REPORT_ATTRIBUTES.has(name) || /(java|vb)script:|data:/i.test(value)) {
				found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
			}
		}
	}
	return found;
}

describe('report: XSS vectors (issue #6)', () => {
	const html = renderHtml(fixture());
	const document = parse(html);

	it(`has ${VECTORS.length} vectors, each naming itself`, () => {
		ok(VECTORS.length >= 100);
		for (const vector of VECTORS) {
			ok(vector.text.includes(String(vector.index)), `vector ${vector.index} does not carry its index`);
		}
	});

	it('holds only the report\'s own elements and attributes: no script, handler or script URL', () => {
		deepStrictEqual(activeParts(html), []);
		strictEqual(document.querySelectorAll('script, iframe, object, embed, svg, math, img, link, base, form').length, 0);
	});

	it('forbids loading anything in its CSP, before any content', () => {
		const metas = [...document.querySelectorAll('meta[http-equiv]')];
		strictEqual(metas.length, 1);
		strictEqual(metas[0].getAttribute('content'), "default-src 'none'; style-src 'unsafe-inline'");
		strictEqual(document.head.firstElementChild?.getAttribute('charset'), 'utf-8');
		strictEqual(document.head.children[1], metas[0]);
	});

	it('shows every vector as text in the passages, titles and outlets', () => {
		const text = document.body.textContent ?? '';
		const missing = VECTORS.filter(vector => !text.includes(vector.text)).map(vector => vector.index);
		deepStrictEqual(missing, []);
		const titles = [...document.querySelectorAll('tbody td:first-child')].map(cell => cell.textContent).join('\n');
		const outlets = document.title;
		deepStrictEqual(VECTORS.filter(vector => !titles.includes(vector.text)).map(vector => vector.index), []);
		ok(outlets.includes(VECTORS[2].text), 'the page title shows the outlets as text');
		strictEqual(document.querySelector('style')?.textContent?.includes('pwned'), false);
	});

	it('the check finds a vector pasted in as HTML (it can fail)', () => {
		const unsafe = html.replace('<body>', `<body>${VECTORS[0].text}<p title="x" onclick="y">${VECTORS.find(vector => vector.text.startsWith('<a href="javascript:'))?.text}</p>`);
		deepStrictEqual(activeParts(unsafe), ['<script>', 'p[title=x]', 'p[onclick]', '<a>', 'a[href=javascript:window.pwned=41]']);
	});
});
