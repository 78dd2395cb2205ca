import { deepStrictEqual, strictEqual } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeArticle, ArticleMeta } from '../../src/core/article';
import { CorpusFile, loadCorpus } from '../../src/core/corpus';

function file(path: string, meta: Partial<ArticleMeta> & { id: string }, body = 'Body text.'): CorpusFile {
	const text = serializeArticle({ meta: { title: `Title of ${meta.id}`, outlet: 'Outlet', story: 'story-1', ...meta }, body });
	return { path, bytes: new TextEncoder().encode(text) };
}

describe('corpus', () => {
	it('groups articles by story in date order, undated last', () => {
		const corpus = loadCorpus([
			file('c.md', { id: 'c', published: '2024-06-21' }),
			file('a.md', { id: 'a' }),
			file('b.md', { id: 'b', published: '2024-06-20' }),
			file('z.md', { id: 'z', story: 'other' }),
		]);
		deepStrictEqual(corpus.stories.map(s => [s.id, s.articles.map(a => a.meta.id)]), [['other', ['z']], ['story-1', ['b', 'c', 'a']]]);
		deepStrictEqual(corpus.problems, []);
	});

	it('reports a duplicate id with both files and the line, and keeps the first', () => {
		const corpus = loadCorpus([file('two.md', { id: 'same', title: 'Second' }), file('one.md', { id: 'same', title: 'First' })]);
		deepStrictEqual(corpus.articles.map(a => a.meta.title), ['First']);
		strictEqual(corpus.problems.length, 1);
		strictEqual(corpus.problems[0].error.describe(), 'two.md:2: duplicate id "same": one.md already has it');
	});

	it('loads the good files when others are malformed, binary, Latin-1 or empty', () => {
		const corpus = loadCorpus([
			file('good.md', { id: 'good' }),
			{ path: 'broken.md', bytes: new TextEncoder().encode('---\nid: x\ntitle: [\n---\n') },
			{ path: 'binary.md', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) },
			{ path: 'latin1.md', bytes: Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]) },
			{ path: 'empty.md', bytes: new Uint8Array() },
		]);
		deepStrictEqual(corpus.articles.map(a => a.meta.id), ['good']);
		deepStrictEqual(corpus.problems.map(p => p.path), ['binary.md', 'broken.md', 'empty.md', 'latin1.md']);
		for (const problem of corpus.problems) {
			strictEqual(problem.error.describe().startsWith(`${problem.path}`), true, problem.error.describe());
		}
	});

	it('loads the bundled sample corpus as one story of three articles', () => {
		const folder = join(__dirname, '../../corpus/putin-kim-pact-2024');
		const files = readdirSync(folder).filter(name => name.endsWith('.md')).map(name => ({ path: name, bytes: readFileSync(join(folder, name)) }));
		const corpus = loadCorpus(files);
		deepStrictEqual(corpus.problems, []);
		strictEqual(corpus.stories.length, 1);
		strictEqual(corpus.stories[0].articles.length, 3);
	});
});
