import { anchorNotes } from './anchor';
import { anchorRequestOf, ANNOTATION_CONTEXT, AnchorResult, articleIdOf, NoteAnnotation, NoteBody, NoteTarget, targetAt } from './model';
import { canonicalAnnotation, isLink, relationOf, sortAnnotations } from './notesFile';

/** What the Markdown export needs to know of an article. */
export interface ExportArticle {
	id: string;
	title: string;
	outlet: string;
}

/** A W3C Web Annotation collection holding every note in one embedded page (https://www.w3.org/TR/annotation-model/#annotation-collection). */
export interface AnnotationCollection {
	'@context': typeof ANNOTATION_CONTEXT;
	id: string;
	type: 'AnnotationCollection';
	label?: string;
	total: number;
	first: AnnotationPage;
	last: string;
}

/** The one page of an {@link AnnotationCollection}; its items leave out the `@context` the collection gives. */
export interface AnnotationPage {
	id: string;
	type: 'AnnotationPage';
	partOf: string;
	startIndex: 0;
	items: Omit<NoteAnnotation, '@context'>[];
}

/**
 * Notes as a Markdown document for reading or sharing: one section per article (outlet — title), each
 * note under its quoted passage with its replies, orphaned and resolved notes marked; then the links,
 * each relation with its two passages. Note bodies are the user's Markdown and are kept as written;
 * quotes, titles and relations come from articles and are escaped so that they show as plain text.
 * Articles come in the order given; notes on articles not given follow, under their id.
 */
export function notesToMarkdown(input: { articles: readonly ExportArticle[]; annotations: readonly NoteAnnotation[] }): string {
	const articles = new Map(input.articles.map(article => [article.id, article]));
	const label = (target: NoteTarget) => {
		const id = articleIdOf(target.source) ?? target.source;
		const article = articles.get(id);
		return article ? plain(`${article.outlet} — ${article.title}`) : `${plain(id)} (article not in the corpus)`;
	};
	const sourceOf = (annotation: NoteAnnotation) => articleIdOf(annotation.target[0].source) ?? annotation.target[0].source;
	const unknown = [...new Set(input.annotations.map(sourceOf).filter(id => !articles.has(id)))].sort();
	const rank = new Map([...input.articles.map(article => article.id), ...unknown].map((id, index) => [id, index]));
	const byArticle = sortAnnotations(input.annotations).sort((a, b) => rank.get(sourceOf(a))! - rank.get(sourceOf(b))!);

	const lines: string[] = ['# Parallax notes', ''];
	if (byArticle.length === 0) {
		lines.push('No notes yet.', '');
	}
	let section: string | undefined;
	let count = 0;
	for (const note of byArticle.filter(annotation => !isLink(annotation))) {
		const [target] = note.target;
		if (target.source !== section) {
			section = target.source;
			count = 0;
			lines.push(`## ${label(target)}`, '');
		}
		const status = [note['parallax:resolved'] ? 'resolved' : '', target['parallax:orphaned'] ? 'orphaned' : ''].filter(Boolean);
		lines.push(`### Note ${++count}${status.length > 0 ? ` (${status.join(', ')})` : ''}`, '');
		if (target['parallax:orphaned']) {
			lines.push('*This passage is no longer in the article; the quote is the last one known.*', '');
		}
		lines.push(...blockquote(target.selector[0].exact), '');
		const [first, ...replies] = note.body;
		lines.push(`*${byline(first)}*`, '', ...first.value.split(/\r\n|\r|\n/), '');
		for (const reply of replies) {
			lines.push(`- **Reply** · ${byline(reply)}`, '', ...reply.value.split(/\r\n|\r|\n/).map(line => (line === '' ? '' : `  ${line}`)), '');
		}
	}
	const links = byArticle.filter(isLink);
	if (links.length > 0) {
		lines.push('## Links', '');
		for (const link of links) {
			lines.push(`### ${plain(relationOf(link) ?? 'link')}`, '');
			for (const target of link.target) {
				lines.push(`**${label(target)}**${target['parallax:orphaned'] ? ' (orphaned)' : ''}`, '', ...blockquote(target.selector[0].exact), '');
			}
			for (const body of link.body.filter(candidate => candidate.purpose !== 'tagging')) {
				lines.push(`*${byline(body)}*`, '', ...body.value.split(/\r\n|\r|\n/), '');
			}
		}
	}
	return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Notes as a W3C AnnotationCollection in JSON-LD, for other annotation tools: one embedded page of
 * every annotation, in file order. `id` defaults to `urn:parallax:notes`, since the model requires an IRI.
 */
export function notesToAnnotationCollection(annotations: readonly NoteAnnotation[], options: { id?: string; label?: string } = {}): AnnotationCollection {
	const id = options.id ?? 'urn:parallax:notes';
	const page = `${id}${id.includes('#') ? '-' : '#'}page1`;
	const items = sortAnnotations(annotations)
		.sort((a, b) => (a.target[0].source < b.target[0].source ? -1 : a.target[0].source > b.target[0].source ? 1 : 0))
		.map(annotation => Object.fromEntries(Object.entries(canonicalAnnotation(annotation)).filter(([key]) => key !== '@context')) as Omit<NoteAnnotation, '@context'>);
	return {
		'@context': ANNOTATION_CONTEXT,
		id,
		type: 'AnnotationCollection',
		...(options.label !== undefined ? { label: options.label } : {}),
		total: items.length,
		first: { id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
		last: page,
	};
}

/**
 * Annotations as they stand in the current text of the articles, as the extension shows them: each
 * target in an article of `bodies` (article id → body) is re-anchored, so its selectors describe where
 * the passage is now, or it is marked orphaned keeping its last known quote. Targets in other
 * articles keep their stored selectors and flags.
 */
export function withCurrentAnchors(annotations: readonly NoteAnnotation[], bodies: ReadonlyMap<string, string>): NoteAnnotation[] {
	const requests = new Map<string, ReturnType<typeof anchorRequestOf>[]>();
	annotations.forEach((annotation, index) => annotation.target.forEach((target, targetIndex) => {
		const articleId = articleIdOf(target.source);
		if (articleId !== undefined && bodies.has(articleId)) {
			requests.set(articleId, [...(requests.get(articleId) ?? []), anchorRequestOf(`${index}/${targetIndex}`, target)]);
		}
	}));
	const results = new Map<string, AnchorResult>();
	for (const [articleId, list] of requests) {
		anchorNotes(bodies.get(articleId)!, list).forEach(result => results.set(result.id, result));
	}
	return annotations.map((annotation, index) => ({
		...annotation,
		target: annotation.target.map((target, targetIndex) => {
			const result = results.get(`${index}/${targetIndex}`);
			if (result === undefined) {
				return target;
			}
			return 'orphaned' in result
				? { ...target, 'parallax:orphaned': true as const }
				: { ...targetAt(articleIdOf(target.source)!, bodies.get(articleIdOf(target.source)!)!, result.start, result.end) };
		}),
	}));
}

function byline(body: NoteBody): string {
	return [body.creator ? plain(body.creator) : '', body.created.slice(0, 10)].filter(Boolean).join(', ');
}

/** Article text as a Markdown blockquote that stays one, whatever its line breaks. */
function blockquote(text: string): string[] {
	return text.split(/\r\n|\r|\n/).map(line => (line.trim() === '' ? '>' : `> ${plain(line.trimStart())}`));
}

/**
 * Text that Markdown shows as it is: inline markup and HTML escaped with backslashes (CommonMark lets
 * any ASCII punctuation be escaped), and line-start markers that would make a heading or a list.
 */
function plain(text: string): string {
	return text
		.replace(/[\r\n]+/g, ' ')
		.replace(/[\\`*_[\]<>#|~&!]/g, '\\$&')
		.replace(/^[-+=]/, '\\$&')
		.replace(/^(\d+)([.)])/, '$1\\$2');
}
