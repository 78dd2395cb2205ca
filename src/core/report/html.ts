import { Comparison, Disagreement, Group } from '../comparison';
import { Highlight, HighlightKind } from '../wordDiff';
import { ReportIndex, ResolvedMember, count, evidenceItems, formatShare, groupHighlights, groupSummary } from './reportData';

/**
 * The HTML report of a comparison (`parallax align --format html`, Export → HTML): one self-contained
 * file, styles inline, no script at all and a CSP that forbids loading anything, so that it is safe to
 * open from disk or mail. Each group shows its passages in columns with word highlights; every piece of
 * article text is HTML-escaped.
 */
export function renderHtml(comparison: Comparison): string {
	const index = new ReportIndex(comparison);
	const titles = comparison.articles.map(article => index.label(article.id)).join(' · ');
	const body: string[] = [
		`<h1>Parallax comparison</h1>`,
		`<p class="summary">${escapeHtml(titles)}</p>`,
		LEGEND,
		'<section><h2>Articles</h2><table><thead><tr><th>Article</th><th>Outlet</th><th>Coverage</th></tr></thead><tbody>',
		...index.coverage().map(({ article, share, grouped, passages }) =>
			`<tr><td>${escapeHtml(article.title || article.id)}</td><td>${escapeHtml(article.outlet)}</td><td>${formatShare(share)} (${grouped} of ${count(passages, 'passage')})</td></tr>`),
		'</tbody></table></section>',
		...comparison.groups.map((group, position) => groupSection(index, group, position + 1)),
		...index.onlyIn().map(({ article, passages }) => [
			`<section class="only"><h2>Only in ${escapeHtml(index.label(article.id))}</h2>`,
			...passages.map(passage => `<blockquote class="passage">${escapeHtml(passage.text)}</blockquote>`),
			'</section>',
		].join('\n')),
	];
	return [
		'<!DOCTYPE html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>Parallax comparison: ${escapeHtml(titles)}</title>`,
		`<style>${STYLE}</style>`,
		'</head>',
		'<body>',
		...body,
		'</body>',
		'</html>',
		'',
	].join('\n');
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, char => ESCAPES[char]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Class of each highlight kind; 'plain' text is not wrapped. */
const CLASSES: Record<HighlightKind, string> = { same: 'same', synonym: 'syn', removed: 'own', added: 'own', plain: '' };

// Shared words are bold, synonyms dotted-underlined and italic, words only in this passage underlined:
// three distinctions that survive without colour (print, colour blindness, high contrast).
const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #1f2328; background: #fff; }
h1, h2, h3 { line-height: 1.2; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.member h3 { font-size: 1rem; margin: 0 0 .25rem; }
.passage { margin: 0 0 .75rem; padding: .25rem .75rem; border-left: 3px solid #d0d7de; white-space: pre-wrap; /* keeps the paragraphs of a passage */ }
.same { font-weight: 600; }
.syn { font-style: italic; text-decoration: underline dotted; text-underline-offset: .2em; background: #ddf4ff; }
.own { text-decoration: underline solid 2px; text-underline-offset: .2em; background: #fff1c2; }
.legend span { margin-right: 1rem; }
.meta { color: #59636e; font-size: .9rem; }
@media (prefers-color-scheme: dark) {
	body { color: #e6edf3; background: #0d1117; }
	th, td, .passage { border-color: #3d444d; }
	.syn { background: #0c2d6b; }
	.own { background: #4d3800; }
	.meta { color: #9198a1; }
}
`;

const LEGEND = '<p class="legend meta">In each group, passages are compared with the first one (the first with the second): '
	+ '<span class="same">bold: same words</span> <span class="syn">dotted, italic: synonyms</span> '
	+ '<span class="own">underlined: only in this passage</span></p>';

function groupSection(index: ReportIndex, group: Group, position: number): string {
	const members = group.members.map(ref => index.resolve(ref));
	const highlights = groupHighlights(members);
	const lines = [
		`<section class="group" id="group-${position}">`,
		`<h2>Group ${position}: ${escapeHtml(groupSummary(group))}</h2>`,
		'<div class="columns">',
		...members.map((member, column) => memberColumn(index, member, highlights[column])),
		'</div>',
	];
	if (group.evidence.length > 0) {
		lines.push('<h3>Evidence</h3><ul>');
		for (const { a, b, score, evidence } of group.evidence) {
			const items = evidenceItems(evidence).map(([label, values]) => `${label}: ${escapeHtml(values.join(', '))}`);
			lines.push(`<li>${escapeHtml(index.label(a.article))} ↔ ${escapeHtml(index.label(b.article))}, score ${score.toFixed(2)}${items.length > 0 ? ` — ${items.join('; ')}` : ''}</li>`);
		}
		lines.push('</ul>');
	}
	if (group.disagreements.length > 0) {
		lines.push('<h3>Disagreements</h3><ul>', ...group.disagreements.map(disagreement => `<li>${disagreementItem(index, disagreement)}</li>`), '</ul>');
	}
	lines.push('</section>');
	return lines.join('\n');
}

function memberColumn(index: ReportIndex, member: ResolvedMember, highlights: Highlight[] | undefined): string {
	const heading = `<h3>${escapeHtml(index.label(member.ref.article))} <span class="meta">${escapeHtml(member.ref.passage)}</span></h3>`;
	if (!member.passage) {
		return `<div class="member">${heading}<p class="meta">(passage missing from the comparison)</p></div>`;
	}
	const text = member.passage.text;
	const content = highlights
		? highlights.map(({ start, end, kind }) => {
			const piece = escapeHtml(text.slice(start, end));
			return CLASSES[kind] ? `<span class="${CLASSES[kind]}">${piece}</span>` : piece;
		}).join('')
		: escapeHtml(text);
	return `<div class="member">${heading}<blockquote class="passage">${content}</blockquote></div>`;
}

function disagreementItem(index: ReportIndex, { kind, a, b }: Disagreement): string {
	const side = (ref: { article: string }, values: string[]) =>
		`${escapeHtml(index.label(ref.article))} has ${values.length > 0 ? escapeHtml(values.join(', ')) : 'none'}`;
	return `${kind === 'number' ? 'numbers' : 'entities'}: ${side(a.ref, a.values)}; ${side(b.ref, b.values)}`;
}
