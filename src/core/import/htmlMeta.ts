import { HtmlDocument, blockTexts, textOf } from './htmlText';
import { parseByline, parseDate, sameOutlet } from './metadata';

/** Metadata a saved page declares about itself in its markup. */
export interface HtmlMeta {
	title?: string;
	siteName?: string;
	published?: string;
	author?: string;
	language?: string;
	url?: string;
}

/** What the JSON-LD `Article` object of a page says, as plain strings. */
interface LinkedData {
	headline?: string;
	datePublished?: string;
	author?: string;
	publisher?: string;
	url?: string;
}

const DATE_KEYS = ['article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publish-date', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.created'];
const TITLE_SEPARATOR = /\s+(?:[|–—·•:]{1,2}|-)\s+/g;

/**
 * Reads the page's own metadata: OpenGraph and `<meta name>` tags, the JSON-LD article object,
 * `<time datetime>`, `<html lang>` and the canonical link. Call before Readability, which edits the document.
 */
export function readHtmlMeta(document: HtmlDocument): HtmlMeta {
	const tags = metaTags(document);
	const linked = readLinkedData(document);
	const siteName = tags.get('og:site_name') ?? linked.publisher ?? tags.get('application-name');
	const documentTitle = textOf(document.querySelector('title'));
	const title = tags.get('og:title') ?? linked.headline ?? tags.get('twitter:title') ?? textOf(document.querySelector('h1')) ?? documentTitle;
	const dateText = DATE_KEYS.map(key => tags.get(key)).find(value => value !== undefined) ?? linked.datePublished ?? timeAttribute(document);
	return {
		title: title && withoutSiteSuffix(title, siteName),
		siteName: siteName ?? siteFromDocumentTitle(documentTitle, title),
		published: dateText ? parseDate(dateText) : undefined,
		author: personName(tags.get('author')) ?? linked.author ?? personName(tags.get('article:author')) ?? bylineInPage(document),
		language: document.documentElement.getAttribute('lang')?.trim() || undefined,
		url: httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? httpUrl(tags.get('og:url')) ?? httpUrl(linked.url),
	};
}

/** `<meta property|name|itemprop=… content=…>` by lower-cased key, first occurrence wins. */
function metaTags(document: HtmlDocument): Map<string, string> {
	const tags = new Map<string, string>();
	const elements = document.querySelectorAll('meta');
	for (let i = 0; i < elements.length; i++) {
		const meta = elements[i];
		const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop'))?.trim().toLowerCase();
		const content = meta.getAttribute('content')?.replace(/\s+/g, ' ').trim();
		if (key && content && !tags.has(key)) {
			tags.set(key, content);
		}
	}
	return tags;
}

function readLinkedData(document: HtmlDocument): LinkedData {
	const scripts = document.querySelectorAll('script[type="application/ld+json"]');
	for (let i = 0; i < scripts.length; i++) {
		let data: unknown;
		try {
			data = JSON.parse(scripts[i].textContent ?? '');
		} catch {
			// A page's broken JSON-LD is its problem; the other sources of metadata remain.
			continue;
		}
		const article = findArticleObject(data, 0);
		if (article) {
			return {
				headline: stringValue(article.headline),
				datePublished: stringValue(article.datePublished),
				author: names(article.author),
				publisher: names(article.publisher),
				url: stringValue(article.url) ?? stringValue(article.mainEntityOfPage),
			};
		}
	}
	return {};
}

/** The first object typed as an article (NewsArticle, BlogPosting, …) in JSON-LD, searching arrays and `@graph`. */
function findArticleObject(data: unknown, depth: number): Record<string, unknown> | undefined {
	if (depth > 4 || data === null || typeof data !== 'object') {
		return undefined;
	}
	const items = Array.isArray(data) ? data : [data, (data as Record<string, unknown>)['@graph']];
	for (const item of items) {
		if (item && typeof item === 'object' && !Array.isArray(item)) {
			const type = (item as Record<string, unknown>)['@type'];
			const types = Array.isArray(type) ? type : [type];
			if (types.some(t => typeof t === 'string' && /Article|BlogPosting|Report/.test(t))) {
				return item as Record<string, unknown>;
			}
		}
		const nested = item !== data ? findArticleObject(item, depth + 1) : undefined;
		if (nested) {
			return nested;
		}
	}
	return undefined;
}

/** Names from a JSON-LD person/organisation value: a string, `{ name }`, or a list of those. */
function names(value: unknown): string | undefined {
	const list = (Array.isArray(value) ? value : [value])
		.map(item => (item && typeof item === 'object' ? stringValue((item as Record<string, unknown>).name) : stringValue(item)))
		.filter((name): name is string => name !== undefined && !/^https?:/i.test(name));
	return list.length > 0 ? list.join(', ') : undefined;
}

function stringValue(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') {
		return value.replace(/\s+/g, ' ').trim();
	}
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		return stringValue((value as Record<string, unknown>)['@id']);
	}
	return undefined;
}

/** How many blocks from the top of the page are searched for a "By …" line. */
const BYLINE_WINDOW = 200;

/** The author from the page's visible byline: an element marked as the author, or a "By Name" line near the top. */
function bylineInPage(document: HtmlDocument): string | undefined {
	const marked = textOf(document.querySelector('[rel="author"], [itemprop="author"], .byline, .author'));
	if (marked) {
		const name = parseByline(marked) ?? parseByline(`By ${marked}`);
		if (name) {
			return name;
		}
	}
	return blockTexts(document.body ?? document).slice(0, BYLINE_WINDOW).map(parseByline).find(name => name !== undefined);
}

function timeAttribute(document: HtmlDocument): string | undefined {
	const time = document.querySelector('time[datetime]');
	return time?.getAttribute('datetime') ?? undefined;
}

/** A person's name from an author tag; many sites put a profile URL there instead. */
function personName(value: string | undefined): string | undefined {
	return value && !/^https?:|^\//i.test(value) ? value : undefined;
}

function httpUrl(value: string | null | undefined): string | undefined {
	const url = value?.trim();
	return url && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : undefined;
}

/** "Headline | Site" → "Headline" when the part after the last separator is the site's name. */
function withoutSiteSuffix(title: string, siteName: string | undefined): string {
	const split = splitAtLastSeparator(title);
	return split && siteName && sameOutlet(split.tail, siteName) ? split.head : title;
}

/** The site in a `<title>` of the form "Headline | Site", when the headline is known. */
function siteFromDocumentTitle(documentTitle: string | undefined, headline: string | undefined): string | undefined {
	const split = documentTitle ? splitAtLastSeparator(documentTitle) : undefined;
	return split && headline && split.head === headline && split.tail.length <= 60 ? split.tail : undefined;
}

function splitAtLastSeparator(text: string): { head: string; tail: string } | undefined {
	let last: RegExpMatchArray | undefined;
	for (const match of text.matchAll(TITLE_SEPARATOR)) {
		last = match;
	}
	if (last?.index === undefined) {
		return undefined;
	}
	const head = text.slice(0, last.index).trim();
	const tail = text.slice(last.index + last[0].length).trim();
	return head && tail ? { head, tail } : undefined;
}
