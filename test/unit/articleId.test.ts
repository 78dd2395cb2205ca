import { ok, strictEqual } from 'node:assert';
import { articleId, MAX_ID_LENGTH, slugify } from '../../src/core/import/articleId';

const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

describe('articleId', () => {
	it('joins outlet and title as lower-case ASCII words', () => {
		strictEqual(articleId('Le Monde', 'Kim Jong Un’s visit: “no limits”?'), 'le-monde-kim-jong-uns-visit-no-limits');
		strictEqual(slugify('Çà et là — Zürich'), 'ca-et-la-zurich');
	});

	it('cuts long ids at a word boundary', () => {
		const id = articleId('A Rather Long Outlet Name Indeed Yes', 'word '.repeat(40));
		ok(id.length <= MAX_ID_LENGTH, id);
		ok(!id.endsWith('-'));
		strictEqual(id.startsWith('a-rather-long-outlet-'), true);
		ok(ID_PATTERN.test(id));
	});

	it('gives titles without Latin letters a stable hash, distinct per title', () => {
		const first = articleId('Xinhua', '习近平会见金正恩');
		const second = articleId('Xinhua', '普京访问朝鲜');
		ok(/^xinhua-[0-9a-f]{8}$/.test(first), first);
		ok(first !== second);
		strictEqual(articleId('Xinhua', '习近平会见金正恩'), first);
		ok(ID_PATTERN.test(articleId('', '—')));
	});
});
