import { deepStrictEqual, strictEqual } from 'node:assert';
import { parseArticle, serializeArticle } from '../../src/core/article';
import { ParallaxError } from '../../src/core/errors';

const SAMPLE = `---
id: ft-xi-cautious
title: "Why is Xi cautious? A look: part 1"
outlet: Example Outlet
url: https://example.org/a?b=1
published: 2024-07-20
author: Jane Roe
language: en
via: Another Paper
story: pact-2024
---

First paragraph of the body.

Second paragraph, with “curly quotes” and 260,000 tons.
`;

function parseError(text: string): ParallaxError {
	try {
		parseArticle(text);
	} catch (error) {
		if (error instanceof ParallaxError) {
			return error;
		}
		throw error;
	}
	throw new Error('expected a ParallaxError');
}

describe('article', () => {
	it('reads every front matter field of the corpus contract', () => {
		const article = parseArticle(SAMPLE);
		deepStrictEqual(article.meta, {
			id: 'ft-xi-cautious', title: 'Why is Xi cautious? A look: part 1', outlet: 'Example Outlet',
			url: 'https://example.org/a?b=1', published: '2024-07-20', author: 'Jane Roe', language: 'en',
			via: 'Another Paper', story: 'pact-2024',
		});
		strictEqual(article.body, 'First paragraph of the body.\n\nSecond paragraph, with “curly quotes” and 260,000 tons.');
	});

	it('points bodyOffset at the first character of the body in the file', () => {
		const article = parseArticle(SAMPLE);
		strictEqual(SAMPLE.slice(article.bodyOffset, article.bodyOffset + article.body.length), article.body);
	});

	it('writes the canonical form back byte for byte', () => {
		strictEqual(serializeArticle(parseArticle(SAMPLE)), SAMPLE);
	});

	it('round-trips titles and bodies that look like YAML or front matter', () => {
		const tricky = {
			meta: { id: 'x1', title: '--- yes: no # [not a list]', outlet: "O'Brien & Sons: News", story: 's', author: 'null' },
			body: '---\nid: fake\n---\n\n  indented line\n\n\nthree newlines above, trailing spaces   ',
			extra: { tags: ['a', 'b'], rating: 3 },
		};
		const reparsed = parseArticle(serializeArticle(tricky));
		deepStrictEqual({ meta: reparsed.meta, body: reparsed.body, extra: reparsed.extra }, tricky);
	});

	it('keeps unknown front matter keys so a rewrite loses nothing', () => {
		const text = SAMPLE.replace('story: pact-2024\n', 'story: pact-2024\nreviewed_by:\n  - ana\n  - bo\n');
		deepStrictEqual(parseArticle(text).extra, { reviewed_by: ['ana', 'bo'] });
		strictEqual(serializeArticle(parseArticle(text)), text);
	});

	it('reads Windows line endings', () => {
		const article = parseArticle(SAMPLE.replace(/\n/g, '\r\n'));
		strictEqual(article.meta.id, 'ft-xi-cautious');
		strictEqual(article.body.startsWith('First paragraph'), true);
	});

	it('names the line of malformed YAML', () => {
		const error = parseError('---\nid: a\ntitle: b\nauthor: [unclosed\nstory: s\n---\nbody\n');
		strictEqual(error.message.startsWith('malformed front matter'), true);
		strictEqual(error.line !== undefined && error.line >= 4, true, `line ${error.line}`);
	});

	it('rejects a missing id', () => {
		const error = parseError('---\ntitle: b\n---\nbody\n');
		strictEqual(error.message, 'the front matter has no "id"');
		strictEqual(error.line, 1);
	});

	it('rejects a file without front matter or with an unclosed one', () => {
		strictEqual(parseError('Just some text\n').message.startsWith('no front matter'), true);
		strictEqual(parseError('---\nid: a\ntitle: b\n').message, 'the front matter is not closed by a line "---"');
	});

	it('names the line of a field with a bad value', () => {
		const dateError = parseError('---\nid: a\ntitle: b\npublished: last Tuesday\n---\nbody\n');
		strictEqual(dateError.line, 4);
		strictEqual(dateError.message, '"published" must be an ISO date such as 2024-07-20 (got "last Tuesday")');
		strictEqual(parseError('---\nid: a b\ntitle: b\n---\n').line, 2);
		strictEqual(parseError('---\nid: a\ntitle: [x, y]\n---\n').message, '"title" must be a single value, not a list or mapping');
		strictEqual(parseError('---\nid: a\ntitle: b\nurl: not a url\n---\n').line, 4);
	});

	it('rejects duplicate keys and a front matter that is not a mapping', () => {
		strictEqual(parseError('---\nid: a\nid: b\ntitle: t\n---\n').message.startsWith('malformed front matter'), true);
		strictEqual(parseError('---\n- a\n- b\n---\n').message.startsWith('the front matter must be a YAML mapping'), true);
	});

	it('reports an alias without its anchor, and a billion laughs, as malformed front matter (issue 6)', () => {
		const unresolved = parseError('---\nid: a\ntitle: *x\n---\n');
		strictEqual(unresolved.message.startsWith('malformed front matter: Unresolved alias'), true);
		strictEqual(unresolved.line, 1);
		const laughs = ['lol0: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((anchor, level) =>
			`lol${level + 1}: &${anchor} [${Array(9).fill(`*${'abcdefghi'[level]}`).join(', ')}]`)].join('\n');
		strictEqual(parseError(`---\nid: a\ntitle: t\n${laughs}\n---\n`).message.startsWith('malformed front matter'), true);
	});

	it('ends the front matter only at a "---" line, not at one after U+2028 or U+2029 inside a value (issue 6)', () => {
		for (const outlet of ['Kim\u2029---', 'Kim\u2028--- x']) {
			const article = parseArticle(serializeArticle({ meta: { id: 'a', title: 'Kim', outlet, story: '' }, body: 'Body.' }));
			strictEqual(article.meta.outlet, outlet);
			strictEqual(article.body, 'Body.');
		}
	});

	it('reads back a body that ends in a carriage return, or in line breaks of either kind (issue 6)', () => {
		for (const body of ['Body.\r', 'Body.\r\r', 'Body.\r\n', 'Body.\n', '\r', '\rBody.', 'Body.\n\r']) {
			strictEqual(parseArticle(serializeArticle({ meta: { id: 'a', title: 'T', outlet: '', story: '' }, body })).body, body, JSON.stringify(body));
		}
	});

	it('keeps right-to-left and CJK text intact', () => {
		const body = 'قال المتحدث إن الاتفاق ثنائي.\n\n中国外交部发言人拒绝评论。';
		const article = parseArticle(serializeArticle({ meta: { id: 'ar-1', title: 'عنوان 标题', outlet: 'صحيفة', story: 's' }, body }));
		strictEqual(article.body, body);
		strictEqual(article.meta.title, 'عنوان 标题');
	});
});
