import { Article, ArticleMeta, parseArticle } from './article';
import { decodeText } from './decode';
import { ParallaxError, isParallaxError } from './errors';

/** A file of a corpus folder, as read from disk by the caller (the core does no I/O). */
export interface CorpusFile {
	/** Path or URI string, used to name the file in errors and to open it. */
	path: string;
	bytes: Uint8Array;
}

/** An article together with the file it came from. */
export interface CorpusArticle extends Article {
	path: string;
}

/** A file that could not be loaded, with the reason and line. */
export interface CorpusProblem {
	path: string;
	error: ParallaxError;
}

/** Articles that share a `story` id, in reading order (date, then outlet). */
export interface Story {
	id: string;
	articles: CorpusArticle[];
}

/** Everything Parallax knows about a set of corpus folders. */
export interface Corpus {
	stories: Story[];
	articles: CorpusArticle[];
	problems: CorpusProblem[];
}

/**
 * Parses corpus files into articles grouped by story. A bad file becomes a problem naming the
 * file and line and the others still load; of two files with one id, the first (by path) wins.
 */
export function loadCorpus(files: readonly CorpusFile[]): Corpus {
	const articles: CorpusArticle[] = [];
	const problems: CorpusProblem[] = [];
	const pathById = new Map<string, string>();
	for (const file of [...files].sort((a, b) => compareText(a.path, b.path))) {
		try {
			const text = decodeText(file.bytes);
			const article = parseArticle(text);
			const first = pathById.get(article.meta.id);
			if (first !== undefined) {
				throw new ParallaxError(`duplicate id "${article.meta.id}": ${first} already has it`, undefined, idLine(text.slice(0, article.bodyOffset)));
			}
			pathById.set(article.meta.id, file.path);
			articles.push({ ...article, path: file.path });
		} catch (error) {
			if (!isParallaxError(error)) {
				throw error;
			}
			problems.push({ path: file.path, error: error.inFile(file.path) });
		}
	}
	return { stories: groupByStory(articles), articles, problems };
}

/** Groups articles by story id; an article without a story is a story of its own. */
export function groupByStory(articles: readonly CorpusArticle[]): Story[] {
	const byId = new Map<string, CorpusArticle[]>();
	for (const article of articles) {
		const id = article.meta.story || article.meta.id;
		byId.set(id, [...(byId.get(id) ?? []), article]);
	}
	return [...byId.entries()]
		.map(([id, members]) => ({ id, articles: members.sort(compareArticles) }))
		.sort((a, b) => compareText(a.id, b.id));
}

/** Reading order inside a story: oldest first, undated last, then by outlet and title. */
export function compareArticles(a: CorpusArticle, b: CorpusArticle): number {
	const dateA = a.meta.published ?? '\uffff';
	const dateB = b.meta.published ?? '\uffff';
	return compareText(dateA, dateB) || compareText(a.meta.outlet, b.meta.outlet) || compareText(a.meta.title, b.meta.title);
}

/** "Outlet · 2024-07-20 · Title", leaving out what the article does not have. */
export function articleLabel(meta: ArticleMeta): string {
	return [meta.outlet, meta.published?.slice(0, 10), meta.title].filter(Boolean).join(' · ');
}

/** Files Parallax reads as corpus articles. */
export function isCorpusFileName(name: string): boolean {
	return /\.(md|markdown)$/i.test(name);
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Line of the `id:` key in the front matter, for the duplicate-id error. */
function idLine(frontMatter: string): number {
	const index = frontMatter.split(/\r?\n/).findIndex(line => /^id\s*:/.test(line));
	return index >= 0 ? index + 1 : 1;
}
