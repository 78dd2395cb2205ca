/**
 * Fuzz targets of the importer: text dumps as copied from a browser, and saved HTML pages that are
 * broken, hostile or both. Pages come from anywhere, so script, style, comments and attributes must
 * never reach the article.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { parseArticle, serializeArticle } from '../../src/core/article';
import { ImportOptions, importPage } from '../../src/core/import/importPage';
import { userErrorOr } from './checks';
import { FuzzTarget } from './runTarget';
import { hostileField, hostileText, realSentences } from './strings';

/** Marks every place a page hides code; the piece generator never makes this word, so it must never reach the article. */
const PAYLOAD = 'parallaxPwned';

/** What the user may give on the command line, hostile too. */
const importOptions: fc.Arbitrary<ImportOptions> = fc.record({
	outlet: fc.oneof(hostileField, fc.constantFrom('Reuters', 'CNN Brasil', '  ')),
	story: hostileField,
	url: fc.oneof(fc.webUrl(), hostileField, fc.constant('javascript:alert(1)')),
	language: fc.oneof(fc.constantFrom('en', 'zh'), hostileField),
}, { requiredKeys: [] });

const sentence = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...realSentences()) }, { weight: 1, arbitrary: hostileText(12) });
const prose = fc.array(sentence, { minLength: 1, maxLength: 4 }).map(sentences => sentences.join(' '));

/** A line of a text dump: prose, a headline, menus, bylines, dates, credits, or noise. */
const dumpLine = fc.oneof(
	{ weight: 4, arbitrary: prose },
	{ weight: 2, arbitrary: fc.constantFrom('Home', 'World', 'Menu', 'Sign in', 'Subscribe', 'Share', 'Advertisement', 'Read more', 'Related', '© 2024 The Outlet') },
	{ weight: 1, arbitrary: hostileField.map(name => `By ${name}`) },
	{ weight: 1, arbitrary: fc.constantFrom('July 20, 2024', '2024-07-20', 'Updated 10:42 AM EDT, Sat July 20, 2024', '20.07.2024 10:00') },
	{ weight: 1, arbitrary: hostileField.map(name => `Source: ${name}`) },
	{ weight: 1, arbitrary: hostileText(20) },
	{ weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\u00a0') },
);
const textDump = fc.tuple(fc.array(dumpLine, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\n\n'))
	.map(([lines, newline]) => lines.join(newline));

/** Text escaped for HTML, so that only the markup we mean is markup. */
function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Elements of a well-formed page: article text, page furniture, and code in every hiding place. */
const element = fc.letrec<{ element: string }>(tie => ({
	element: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		{ weight: 6, arbitrary: prose.map(text => `<p>${escapeHtml(text)}</p>`) },
		{ weight: 1, arbitrary: sentence.map(text => `<h1>${escapeHtml(text)}</h1>`) },
		{ weight: 1, arbitrary: fc.array(sentence, { maxLength: 4 }).map(items => `<ul>${items.map(item => `<li><a href="/x">${escapeHtml(item)}</a></li>`).join('')}</ul>`) },
		{ weight: 1, arbitrary: fc.constantFrom(
			`<script>window.${PAYLOAD} = 1</script>`,
			// JSON-LD is data the importer reads (headline, author, date), so it carries no payload.
			'<script type="application/ld+json">{"@type":"NewsArticle","headline":"Putin and Kim sign a pact","author":{"name":"Yun Sun"},"datePublished":"2024-06-19"}</script>',
			'<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":["a",{"x":null}]}], broken</script>',
			`<style>p { background: url("javascript:${PAYLOAD}()") }</style>`,
			`<img src="x" alt="" onerror="${PAYLOAD}()">`,
			`<a href="javascript:${PAYLOAD}()" onclick="${PAYLOAD}()">link</a>`,
			`<svg onload="${PAYLOAD}()"><script>${PAYLOAD}()</script></svg>`,
			`<math><mtext><script>${PAYLOAD}()</script></mtext></math>`,
			`<!-- ${PAYLOAD} -->`,
			`<div style="width: expression(${PAYLOAD}())">Styled text.</div>`,
			`<iframe srcdoc="<script>${PAYLOAD}()</script>"></iframe>`,
			`<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">${PAYLOAD}</object>`,
			`<form action="javascript:${PAYLOAD}()"><button>${PAYLOAD}</button></form>`,
			`<template><p>${PAYLOAD}</p></template>`,
			`<p>&amp; &lt;script&gt; &#x41; &#0; &#xD800; &#x1F600; &nbsp; &bogus; &amp</p>`,
		) },
		{ weight: 1, arbitrary: fc.constantFrom('<nav><a href="/">Home</a> <a href="/world">World</a></nav>', '<footer>© 2024 The Outlet</footer>', '<br>', '<hr>', '<figure><img src="a.jpg"><figcaption>A caption.</figcaption></figure>') },
		{ weight: 2, arbitrary: fc.tuple(fc.constantFrom('div', 'article', 'section', 'span', 'blockquote', 'main'), fc.array(tie('element'), { maxLength: 4 })).map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`) },
	),
})).element;

/** The head: title and the metadata tags the importer reads, with hostile values. */
const head = fc.tuple(sentence, fc.array(fc.tuple(fc.constantFrom('og:site_name', 'og:title', 'article:published_time', 'author', 'og:url', 'article:author', 'description'), fc.oneof(hostileField, fc.constantFrom('2024-07-20T10:00:00Z', 'https://example.com/a', 'not a date'))), { maxLength: 4 }))
	.map(([title, metas]) => `<head><title>${escapeHtml(title)}</title>${metas.map(([name, value]) => `<meta property="${name}" name="${name}" content="${escapeHtml(value)}">`).join('')}</head>`);

/** Markup a page may break with: unclosed tags, stray closers, CDATA, cut entities, raw hostile text. */
const brokenPiece = fc.oneof(
	fc.constantFrom('<p', '</div>', '<a href="', '<!--', '<![CDATA[', '<', '&', '"', '</', '<div <p>', '<table><td>', '</body>', '<html>', '<script>', '<title>', '<plaintext>', '<noscript>', '<select>', '&#', '&#x;'),
	hostileText(10),
);

type HtmlCase = { html: string; wellFormed: boolean; deep: number; options: ImportOptions };

const htmlPage: fc.Arbitrary<HtmlCase> = fc.record({
	doctype: fc.constantFrom('<!doctype html>', '<?xml version="1.0"?><!DOCTYPE html>', '', '<!-- saved from url=(0014)about:internet -->'),
	head: fc.option(head, { nil: '' }),
	elements: fc.array(element, { maxLength: 12 }),
	broken: fc.array(fc.tuple(fc.nat(), brokenPiece), { maxLength: 3 }),
	// Nesting around the reader-view limits of htmlPage.ts (150 levels) costs Readability the most.
	deep: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }) }),
	options: importOptions,
}).map(({ doctype, head: headHtml, elements, broken, deep, options }) => {
	const parts = [...elements];
	for (const [at, piece] of broken) {
		parts.splice(at % (parts.length + 1), 0, piece);
	}
	const body = '<div>'.repeat(deep) + parts.join('\n') + '</div>'.repeat(deep);
	return { html: `${doctype}<html lang="en">${headHtml}<body>${body}</body></html>`, wellFormed: broken.length === 0, deep, options };
});

/** An import serialises into an article that reads back unchanged, and its body is non-empty paragraphs. */
function assertImported(text: string, options: ImportOptions, sourceName: string): string | undefined {
	const imported = userErrorOr(() => importPage(text, { ...options, sourceName }));
	if (!imported) {
		return undefined;
	}
	ok(imported.body.split('\n\n').every(paragraph => paragraph.trim() === paragraph && paragraph !== ''), 'paragraphs are trimmed and non-empty');
	const article = parseArticle(serializeArticle(imported));
	deepStrictEqual(article.meta, imported.meta, 'the import reads back as written');
	strictEqual(article.body, imported.body, 'the body reads back as written');
	return JSON.stringify(imported.meta) + imported.body;
}

/** A text dump imports into a valid article or fails with a ParallaxError. */
export const importTextTarget: FuzzTarget<{ text: string; options: ImportOptions }> = {
	name: 'importText',
	covers: 'importPage on text dumps (textDump.ts, bodyRange.ts, pageLines.ts, metadata.ts, articleId.ts)',
	arbitrary: fc.record({ text: fc.oneof(textDump, hostileText(100)), options: importOptions }),
	timeLimitMs: 300,
	property: ({ text, options }) => {
		assertImported(text, options, 'page.txt');
	},
};

/** A saved page imports into a valid article or fails with a ParallaxError; code hidden in a well-formed page never shows. */
export const importHtmlTarget: FuzzTarget<HtmlCase> = {
	name: 'importHtml',
	covers: 'importPage on HTML (htmlPage.ts, htmlMeta.ts, htmlText.ts, Readability over linkedom)',
	arbitrary: htmlPage,
	timeLimitMs: 2000,
	property: ({ html, wellFormed, options }) => {
		const imported = assertImported(html, options, 'page.html');
		if (imported !== undefined && wellFormed) {
			ok(!imported.includes(PAYLOAD), 'code hidden in the page reached the article');
		}
	},
};
