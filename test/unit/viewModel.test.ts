import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { Comparison } from '../../src/core/comparison';
import { sortRows } from '../../src/core/rowOrder';
import { buildViewModel } from '../../src/core/viewModel';

const passage = (id: string, start: number, text: string) => ({ id, start, end: start + text.length, text });

const COMPARISON: Comparison = {
	version: 1,
	articles: [
		{ id: 'a', path: 'a.md', title: 'A', outlet: 'Alpha', passages: [passage('a1', 0, 'Only in A first.'), passage('a2', 17, 'Only in A second.'), passage('a3', 35, 'The spokesman declined to comment.')] },
		{ id: 'b', path: 'b.md', title: 'B', outlet: 'Beta', passages: [passage('b1', 0, 'The spokesman refused to comment.'), passage('b2', 34, 'Only in B.')] },
	],
	groups: [{
		id: 'g1', score: 0.5, kind: 'paraphrase',
		members: [{ article: 'a', passage: 'a3' }, { article: 'b', passage: 'b1' }],
		evidence: [{ a: { article: 'a', passage: 'a3' }, b: { article: 'b', passage: 'b1' }, score: 0.5, evidence: { terms: ['spokesman', 'comment'], synonyms: [['declined', 'refused']], entities: [], numbers: [] } }],
		disagreements: [],
	}],
	unaligned: [{ article: 'a', passage: 'a1' }, { article: 'a', passage: 'a2' }, { article: 'b', passage: 'b2' }],
	people: [],
};

describe('viewModel', () => {
	const model = buildViewModel(COMPARISON);

	it('makes one row per group and one per run of unaligned passages, in the first article\'s order', () => {
		deepStrictEqual(model.rows.map(row => [row.kind, row.cells.map(cell => cell.map(p => p.id))]), [
			['only', [['a1', 'a2'], []]],
			['paraphrase', [['a3'], ['b1']]],
			['only', [[], ['b2']]],
		]);
	});

	it('sorts by another column on request', () => {
		deepStrictEqual(sortRows(model.rows, 1).map(row => row.id), ['g1', 'only:b2', 'only:a1']);
	});

	it('highlights the group members and covers each passage exactly', () => {
		const [a3] = model.rows[1].cells[0];
		strictEqual(a3.highlights.map(h => a3.text.slice(h.start, h.end)).join(''), a3.text);
		ok(a3.highlights.some(h => h.kind === 'synonym' && a3.text.slice(h.start, h.end).includes('declined')));
		ok(model.rows[1].evidence.includes('synonyms: declined / refused'), JSON.stringify(model.rows[1].evidence));
	});

	it('reports coverage per column', () => {
		strictEqual(Math.round(model.columns[1].coverage * 100), Math.round((33 / 43) * 100));
	});
});

describe('buildPersonViewModel', () => {
	it('shows FT vs CNN on Yun Sun: only their columns, and her different quotes side by side', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const { join } = await import('node:path');
		const { alignArticles } = await import('../../src/core/align');
		const { parseArticle } = await import('../../src/core/article');
		const { buildPersonViewModel } = await import('../../src/core/viewModel');
		const folder = join(__dirname, '../../corpus/putin-kim-pact-2024');
		const inputs = readdirSync(folder).sort().map(name => {
			const { meta, body } = parseArticle(readFileSync(join(folder, name), 'utf8'));
			return { id: meta.id, path: name, title: meta.title, outlet: meta.outlet, body };
		});
		const model = buildPersonViewModel(alignArticles(inputs), 'Yun Sun')!;
		deepStrictEqual(model.columns.map(column => column.outlet).sort(), ['CNN Brasil', 'Geopolist']);
		const text = model.rows.flatMap(row => row.cells.flat().map(passage => passage.text)).join('\n');
		ok(text.includes('The caveat is what would constitute assistance'), text);
		ok(text.includes('China plays an irreplaceable role'), text);
		ok(!text.includes('Shen Dingli'), 'a row without Yun Sun is shown');
		ok(!text.includes('largest trading partner'), 'an unrelated passage of an "only in" run is shown');
		strictEqual(buildPersonViewModel(alignArticles(inputs), 'Nobody Here'), undefined);
	});
});
