import { ArticleMeta } from '../article';
import { MAX_INPUT_BYTES, checkInputSize } from '../decode';
import { MissingOutletError, ParallaxError } from '../errors';
import { articleId } from './articleId';
import { ExtractedPage } from './extractedPage';
import { extractHtmlPage } from './htmlPage';
import { sameOutlet } from './metadata';
import { titleFromParagraphs } from './pageTitle';
import { extractTextDump } from './textDump';

/** What the user tells the importer; each given value wins over what the page says. */
export interface ImportOptions {
	outlet?: string;
	story?: string;
	url?: string;
	language?: string;
	/** file name, for format detection */
	sourceName?: string;
}

/** An imported page, ready for `serializeArticle`. */
export interface ImportedArticle {
	meta: ArticleMeta;
	body: string;
	/** things the user should know, e.g. "no title found, used the first line" */
	warnings: string[];
}

const HTML_NAME = /\.(?:html?|xhtml|shtml)$/i;
const TEXT_NAME = /\.(?:txt|text|md)$/i;
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;
const HTML_TAG = /<\/?(?:p|div|span|a|br|li|ul|h[1-6]|article|section|meta|script|link|img|nav|footer)\b[^>]*>/gi;
/** A text dump may quote a tag or two; a page with this many tags in its first 64 KB is HTML. */
const MIN_HTML_TAGS = 10;

/**
 * Turns a web page into a corpus article: a saved HTML page (Readability over linkedom) or a text
 * dump copied from a browser. Finds the article text, title, date, byline and the outlet, and
 * credits the original outlet as `via` on republished pages. Throws {@link ParallaxError} when the
 * page has no article text, and {@link MissingOutletError} when neither page nor options name the outlet.
 */
export function importPage(text: string, options: ImportOptions = {}): ImportedArticle {
	// Encoding costs a copy, so only when the text could be over the limit (3 UTF-8 bytes per UTF-16 unit at most).
	if (text.length * 3 > MAX_INPUT_BYTES) {
		checkInputSize(new TextEncoder().encode(text).length);
	}
	if (text.trim() === '') {
		throw new ParallaxError('the page is empty');
	}
	const page = isHtml(text, options.sourceName) ? extractHtmlPage(text) : extractTextDump(text);
	if (page.paragraphs.length === 0) {
		throw new ParallaxError('no article text found on the page');
	}
	return toArticle(page, options);
}

/** True when the page is HTML: by file name when it has a telling one, else by its markup. */
export function isHtml(text: string, sourceName?: string): boolean {
	if (sourceName && HTML_NAME.test(sourceName)) {
		return true;
	}
	if (sourceName && TEXT_NAME.test(sourceName)) {
		return false;
	}
	const head = text.slice(0, 65536);
	return HTML_START.test(head) || (head.match(HTML_TAG)?.length ?? 0) >= MIN_HTML_TAGS;
}

function toArticle(page: ExtractedPage, options: ImportOptions): ImportedArticle {
	const warnings = [...page.warnings];
	const outlet = clean(options.outlet) ?? page.siteName ?? page.via;
	if (!outlet) {
		throw new MissingOutletError();
	}
	if (!clean(options.outlet) && !page.siteName) {
		warnings.push(`the page names no site; used the outlet it credits, "${outlet}"`);
	}
	let title = page.title;
	if (!title) {
		title = titleFromParagraphs(page.paragraphs);
		warnings.push('no headline found; used the first sentence of the article as the title');
	}
	const id = articleId(outlet, title);
	const meta: ArticleMeta = {
		id,
		title,
		outlet,
		story: clean(options.story) ?? id,
		url: clean(options.url) ?? page.url,
		published: page.published,
		author: page.author,
		language: clean(options.language) ?? page.language,
		via: page.via && !sameOutlet(page.via, outlet) ? page.via : undefined,
	};
	if (meta.url !== undefined && !URL.canParse(meta.url)) {
		throw new ParallaxError(`the URL is not valid: "${meta.url}"`);
	}
	return { meta: dropEmpty(meta), body: page.paragraphs.join('\n\n'), warnings };
}

function clean(value: string | undefined): string | undefined {
	const trimmed = value?.replace(/\s+/g, ' ').trim();
	return trimmed ? trimmed : undefined;
}

/** Leaves out absent fields, so that an import equals its serialise → parse round trip. */
function dropEmpty(meta: ArticleMeta): ArticleMeta {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(meta)) {
		if (value !== undefined && value !== '') {
			out[key] = value;
		}
	}
	return out as unknown as ArticleMeta;
}
