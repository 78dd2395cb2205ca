import { ok, strictEqual } from 'node:assert';
import { DEFAULT_ALIGN_OPTIONS, alignArticles } from '../../src/core/align';
import { wireStory } from './wireStory';

describe('groups', () => {
	it('gives wire copy one group per shared paragraph, not a few giant chained groups (issue 3)', () => {
		const story = wireStory(40);
		const comparison = alignArticles(story.articles, { ...DEFAULT_ALIGN_OPTIONS, people: false });
		const articleIndex = new Map(story.articles.map((article, index) => [article.id, index]));
		const sourcesIn = (article: number, start: number, end: number) =>
			story.paragraphs[article].filter(paragraph => start < paragraph.end && paragraph.start < end).map(paragraph => paragraph.source);
		const grouped = new Set<number>();
		for (const group of comparison.groups) {
			const articles = group.members.map(member => member.article);
			strictEqual(new Set(articles).size, articles.length, `${group.id} holds one article twice`);
			for (const member of group.members) {
				const article = articleIndex.get(member.article)!;
				const passage = comparison.articles[article].passages.find(candidate => candidate.id === member.passage)!;
				strictEqual(passage.text, story.articles[article].body.slice(passage.start, passage.end));
				const sources = sourcesIn(article, passage.start, passage.end);
				ok(sources.length <= 2, `${passage.id} spans source paragraphs ${sources}`);
				sources.forEach(source => grouped.add(source));
			}
		}
		const counts = new Map<number, number>();
		story.paragraphs.flat().forEach(paragraph => counts.set(paragraph.source, (counts.get(paragraph.source) ?? 0) + 1));
		const shared = [...counts].filter(([, count]) => count >= 2).map(([source]) => source);
		ok(shared.every(source => grouped.has(source)), `paragraphs without a group: ${shared.filter(source => !grouped.has(source))}`);
		ok(comparison.groups.length <= 1.5 * shared.length, `${comparison.groups.length} groups for ${shared.length} shared paragraphs`);
	});
});
