import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../../src/core/errors';
import { extractHtmlPage } from '../../src/core/import/htmlPage';
import { importPage, isHtml } from '../../src/core/import/importPage';

const FIXTURES = join(__dirname, '../fixtures/pages');

function fixture(name: string): string {
	return readFileSync(join(FIXTURES, name), 'utf8');
}

/** True when the text holds something that a browser would parse as a tag. */
function hasMarkup(text: string): boolean {
	return /<\/?[a-z!][^>]*>/i.test(text);
}

describe('htmlPage', () => {
	describe('a news page with every kind of chrome and hostile markup', () => {
		const article = importPage(fixture('harbour-gazette.html'), { sourceName: 'harbour-gazette.html' });
		const paragraphs = article.body.split('\n\n');

		it('keeps the paragraphs and the subheading, from first to last', () => {
			strictEqual(paragraphs[0], "The ferry between Port Ellis and Gull Island has been suspended indefinitely after Saturday's storm tore a twelve-metre section from the island pier, leaving about 240 residents without a regular crossing.");
			strictEqual(paragraphs[paragraphs.length - 1], "The county's transport committee will discuss the pier at a meeting on Wednesday. Residents can follow updates on the council's travel page, which will list any extra sailings.");
			ok(paragraphs.includes('Shop supplies running low'));
			strictEqual(paragraphs.length, 7);
		});

		it('drops navigation, cookie banner, share buttons, newsletter box, related list, comment form, footer and scripts', () => {
			for (const chrome of [
				'We use cookies', 'Accept all', 'Manage preferences', 'Weather', 'Search', 'Sign in', 'Subscribe', 'Share on Facebook',
				'Environment Reporter', 'The damaged pier on Sunday morning', 'Sign up to our morning briefing', 'Share this article',
				'Related stories', 'Harbour dredging to start in spring', 'Leave a comment', 'Post comment', 'About us', 'All rights reserved',
				'alert', 'tracking pixel', 'dataLayer', 'position: fixed', 'javascript:', 'onerror',
			]) {
				strictEqual(article.body.includes(chrome), false, chrome);
			}
		});

		it('leaves no markup in the body and decodes entities', () => {
			strictEqual(hasMarkup(article.body), false);
			ok(article.body.includes('an emergency grant & a temporary landing craft'));
			ok(article.body.includes('“a reminder of how fragile our links to the mainland are”'));
		});

		it('reads the metadata from OpenGraph, JSON-LD and the canonical link', () => {
			deepStrictEqual(article.meta, {
				id: 'the-harbour-gazette-ferry-to-gull-island-suspended-after-storm-damages',
				title: 'Ferry to Gull Island suspended after storm damages pier',
				outlet: 'The Harbour Gazette',
				story: 'the-harbour-gazette-ferry-to-gull-island-suspended-after-storm-damages',
				url: 'https://harbour-gazette.example/news/2023/03/ferry-gull-island-suspended',
				published: '2023-03-12',
				author: 'Martha Okonkwo',
				language: 'en-GB',
			});
		});
	});

	describe('a plain page without metadata tags', () => {
		const page = extractHtmlPage(fixture('valley-courier.html'));

		it('keeps the article and ends it at the closing credit', () => {
			strictEqual(page.paragraphs.length, 4);
			ok(page.paragraphs[0].startsWith("Eastbrook's public library reopened on Wednesday"));
			ok(page.paragraphs[3].endsWith('is still waiting for funding.'));
			strictEqual(page.paragraphs.join(' ').includes('You may also like'), false);
		});

		it('reads title and site from <title>, the date from <time>, the author from the byline and via from the credit', () => {
			deepStrictEqual({ ...page, paragraphs: undefined }, {
				paragraphs: undefined,
				title: 'Library reopens after flood repairs',
				siteName: 'Valley Courier',
				published: '2022-11-03',
				author: 'Tomás Ferreira',
				via: 'The Upland Ledger',
				language: undefined,
				url: undefined,
				warnings: [],
			});
		});
	});

	it('refuses a page of navigation and scripts with no article', () => {
		const html = '<html><body><nav><a href="/">Home</a><a href="/news">News</a></nav><script>alert(1)</script><footer>© Somewhere</footer></body></html>';
		throws(() => importPage(html, { outlet: 'X' }), (error: unknown) => error instanceof ParallaxError && /no article text found/.test(error.message));
	});

	it('reads a page nested too deep for Readability with the text-dump reader, quickly', () => {
		const paragraph = '<p>The bridge will close for repairs on Monday, the council said, and reopen at the end of the month if the weather holds.</p>';
		const html = `<html><body>${'<div>'.repeat(5000)}<h1>Bridge to close</h1>${paragraph}${paragraph}${'</div>'.repeat(5000)}</body></html>`;
		const started = Date.now();
		const article = importPage(html, { outlet: 'X' });
		ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
		strictEqual(article.body.split('\n\n').length, 2);
		strictEqual(article.meta.title, 'Bridge to close');
		ok(article.warnings[0].startsWith('the page is too large or deeply nested for the reader view'), article.warnings[0]);
	});

	it('tells HTML from a text dump by file name, then by markup', () => {
		strictEqual(isHtml('plain text', 'page.html'), true);
		strictEqual(isHtml('<!doctype html><p>x</p>', 'page.txt'), false);
		strictEqual(isHtml('  <!DOCTYPE html>\n<html>'), true);
		strictEqual(isHtml('A reader wrote <img src=x onerror=alert(1)> in a comment.'), false);
	});
});
