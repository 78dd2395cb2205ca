import { Comparison, Group, passageKey } from './comparison';
import { ReportIndex, evidenceItems, groupHighlights } from './report/reportData';
import { sortRows } from './rowOrder';
import { ColumnMeta, ComparisonViewModel, ViewPassage, ViewRow } from './viewModelTypes';

export type { ColumnMeta, ComparisonViewModel, ViewColumn, ViewPassage, ViewRow } from './viewModelTypes';

/** Turns a comparison into rows of cells with highlights, rows in the reading order of the first article. */
export function buildViewModel(comparison: Comparison, meta: ReadonlyMap<string, ColumnMeta> = new Map()): ComparisonViewModel {
	const index = new ReportIndex(comparison);
	const columnOf = new Map(comparison.articles.map((article, column) => [article.id, column]));
	const coverage = new Map(index.coverage().map(entry => [entry.article.id, entry.share]));
	const columns = comparison.articles.map(article => ({
		id: article.id, outlet: article.outlet, title: article.title, ...meta.get(article.id), coverage: coverage.get(article.id) ?? 0,
	}));
	const emptyCells = () => comparison.articles.map((): ViewPassage[] => []);
	const rows: ViewRow[] = comparison.groups.map(group => groupRow(group, index, columnOf, emptyCells()));
	// Consecutive passages of one article with no counterpart form one "only in" row.
	const unaligned = new Set(comparison.unaligned.map(passageKey));
	comparison.articles.forEach((article, column) => {
		let run: ViewPassage[] = [];
		const flush = () => {
			if (run.length > 0) {
				const cells = emptyCells();
				cells[column] = run;
				rows.push({ id: `only:${run[0].id}`, kind: 'only', evidence: [], disagreements: [], cells, diverges: true });
				run = [];
			}
		};
		for (const passage of article.passages) {
			if (unaligned.has(passageKey({ article: article.id, passage: passage.id }))) {
				run.push({ ...passage, highlights: [{ start: 0, end: passage.text.length, kind: 'plain' }] });
			} else {
				flush();
			}
		}
		flush();
	});
	return { columns, rows: sortRows(rows, 0) };
}

function groupRow(group: Group, index: ReportIndex, columnOf: Map<string, number>, cells: ViewPassage[][]): ViewRow {
	const members = group.members.map(ref => index.resolve(ref));
	const highlights = groupHighlights(members);
	members.forEach((member, position) => {
		if (member.passage) {
			cells[columnOf.get(member.ref.article)!].push({ ...member.passage, highlights: highlights[position] ?? [] });
		}
	});
	const evidence = group.evidence.flatMap(pair => evidenceItems(pair.evidence).map(([label, values]) => `${label}: ${values.join(', ')}`));
	const disagreements = group.disagreements.map(d => `${d.kind}: ${index.label(d.a.ref.article)} ${d.a.values.join(', ')} ≠ ${index.label(d.b.ref.article)} ${d.b.values.join(', ')}`);
	const diverges = disagreements.length > 0 || cells.some(cell => cell.some(passage => passage.highlights.some(h => h.kind === 'removed' || h.kind === 'added')));
	return {
		id: group.id, kind: group.kind, score: group.score, evidence: [...new Set(evidence)], disagreements, cells, diverges,
		...(group.userLinks ? { userLinks: group.userLinks } : {}),
	};
}

/**
 * The comparison focused on one person: only the articles that quote or name them, and only the
 * rows holding a passage where they do ("FT vs CNN on Yun Sun"). Undefined when nobody has that name.
 */
export function buildPersonViewModel(comparison: Comparison, name: string, meta: ReadonlyMap<string, ColumnMeta> = new Map()): ComparisonViewModel | undefined {
	const person = comparison.people.find(candidate => candidate.name === name);
	if (!person) {
		return undefined;
	}
	const mentioned = new Set(person.mentions.map(passageKey));
	const articles = comparison.articles.filter(article => person.mentions.some(mention => mention.article === article.id));
	const kept = new Set(articles.map(article => article.id));
	const groups = comparison.groups
		.map(group => ({
			...group,
			members: group.members.filter(member => kept.has(member.article)),
			evidence: group.evidence.filter(pair => kept.has(pair.a.article) && kept.has(pair.b.article)),
			disagreements: group.disagreements.filter(d => kept.has(d.a.ref.article) && kept.has(d.b.ref.article)),
		}))
		.filter(group => group.members.length > 0);
	const unaligned = comparison.unaligned.filter(ref => kept.has(ref.article));
	const full = buildViewModel({ ...comparison, articles, groups, unaligned }, meta);
	const isMentioned = (column: number, passage: ViewPassage) => mentioned.has(passageKey({ article: articles[column].id, passage: passage.id }));
	const rows = full.rows
		// In a run of "only in" passages, keep just the ones about the person.
		.map(row => (row.kind === 'only' ? { ...row, cells: row.cells.map((cell, column) => cell.filter(passage => isMentioned(column, passage))) } : row))
		.filter(row => row.cells.some((cell, column) => cell.some(passage => isMentioned(column, passage))));
	return { columns: full.columns, rows };
}
