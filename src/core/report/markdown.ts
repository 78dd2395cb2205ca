import { Comparison, Disagreement, Group, Passage } from '../comparison';
import { ReportIndex, count, evidenceItems, formatShare, groupSummary } from './reportData';

/**
 * The Markdown report of a comparison (`parallax align --format md`, Export → Markdown): coverage per
 * article, each group with its passages as blockquotes, evidence and disagreements, then what only one
 * article says. Article text is untrusted, so it is escaped to stay text: no link, image or HTML in an
 * article can become one in the report.
 */
export function renderMarkdown(comparison: Comparison): string {
	const index = new ReportIndex(comparison);
	const lines: string[] = ['# Parallax comparison', ''];
	lines.push(`${count(comparison.articles.length, 'article')}, ${count(comparison.groups.length, 'group')} of parallel passages, ${count(comparison.unaligned.length, 'passage')} only in one article.`, '');
	lines.push('## Articles', '', '| Article | Outlet | Coverage |', '| --- | --- | --- |');
	for (const { article, share, grouped, passages } of index.coverage()) {
		lines.push(`| ${inline(article.title || article.id)} | ${inline(article.outlet)} | ${formatShare(share)} (${grouped} of ${count(passages, 'passage')}) |`);
	}
	lines.push('');
	comparison.groups.forEach((group, position) => lines.push(...groupLines(index, group, position + 1)));
	for (const { article, passages } of index.onlyIn()) {
		lines.push(`## Only in ${inline(index.label(article.id))}`, '');
		for (const passage of passages) {
			lines.push(...quote(passage), '');
		}
	}
	return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Escapes text so that Markdown renders it literally. Everywhere: the characters that open links,
 * images, HTML, code, emphasis, tables, math and entities. At a line start: the markers of headings,
 * lists, quotes and rules. Leading indentation is dropped, since it would turn a line into code.
 */
export function escapeMarkdown(text: string): string {
	return text.split(/\r?\n/).map(line => line
		.replace(/^[ \t]+/, '')
		.replace(/[\\`*_{}[\]()<>!|~&$]/g, '\\$&')
		.replace(/^([#+=-])/, '\\$1')
		.replace(/^(\d+)([.)])/, '$1\\$2')).join('\n');
}

/** Escapes text for one line: a heading, a table cell, a list item. */
function inline(text: string): string {
	return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

function groupLines(index: ReportIndex, group: Group, position: number): string[] {
	const lines = [`## Group ${position}: ${inline(groupSummary(group))}`, ''];
	for (const member of group.members.map(ref => index.resolve(ref))) {
		lines.push(`**${inline(index.label(member.ref.article))}** · passage ${inline(member.ref.passage)}`, '');
		lines.push(...(member.passage ? quote(member.passage) : ['*(passage missing from the comparison)*']), '');
	}
	if (group.evidence.length > 0) {
		lines.push('**Evidence**', '');
		for (const { a, b, score, evidence } of group.evidence) {
			const items = evidenceItems(evidence).map(([label, values]) => `${label}: ${values.map(inline).join(', ')}`);
			lines.push(`- ${inline(index.label(a.article))} ↔ ${inline(index.label(b.article))}, score ${score.toFixed(2)}${items.length > 0 ? ` — ${items.join('; ')}` : ''}`);
		}
		lines.push('');
	}
	if (group.disagreements.length > 0) {
		lines.push('**Disagreements**', '');
		for (const disagreement of group.disagreements) {
			lines.push(`- ${disagreementLine(index, disagreement)}`);
		}
		lines.push('');
	}
	return lines;
}

function disagreementLine(index: ReportIndex, { kind, a, b }: Disagreement): string {
	const side = (ref: { article: string }, values: string[]) =>
		`${inline(index.label(ref.article))} has ${values.length > 0 ? values.map(inline).join(', ') : 'none'}`;
	return `${kind === 'number' ? 'numbers' : 'entities'}: ${side(a.ref, a.values)}; ${side(b.ref, b.values)}`;
}

function quote(passage: Passage): string[] {
	return escapeMarkdown(passage.text).split('\n').map(line => (line.trim() === '' ? '>' : `> ${line}`));
}
