import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ExtractedPage } from './extractedPage';
import { readHtmlMeta } from './htmlMeta';
import { HtmlDocument, HtmlNode, blockTexts, measureTree } from './htmlText';
import { parseByline, parseVia, sameOutlet } from './metadata';
import { classify, isDateOnly } from './pageLines';
import { isChrome, isEndOfArticle } from './pageWidgets';
import { extractTextDump } from './textDump';

/** Fewer characters than this from Readability means it found no article; the text-dump reader tries instead. */
const MIN_ARTICLE_CHARS = 100;
/**
 * Readability's cost grows with the cube of nesting depth and it recurses per level (a page
 * nested 2,000 deep takes half a minute, 10,000 deep overflows the stack). Real pages are a few
 * dozen levels deep and a few thousand elements big; beyond these limits the linear text-dump reader is used.
 */
const MAX_READABILITY_DEPTH = 150;
const MAX_READABILITY_ELEMENTS = 30000;
/** A credit paragraph ends the article when less than this share of the text follows it. */
const CREDIT_TAIL_SHARE = 0.25;

interface ReadableArticle {
	paragraphs: string[];
	byline?: string;
	title?: string;
}

/**
 * Reads a saved HTML page: metadata from its tags, the article from Mozilla Readability over
 * linkedom, turned into plain paragraphs. When Readability finds nothing, the page's text is
 * read like a text dump. Markup never reaches the result: only text nodes are read.
 */
export function extractHtmlPage(html: string): ExtractedPage {
	const document = (parseHTML(html) as unknown as { document: HtmlDocument }).document;
	const meta = readHtmlMeta(document);
	// Taken before Readability, which edits the document it reads: the fallback needs the whole page.
	const pageText = blockTexts(document.body ?? document).join('\n');
	const size = measureTree(document.documentElement);
	const tooBig = size.depth > MAX_READABILITY_DEPTH || size.elements > MAX_READABILITY_ELEMENTS;
	const readable = tooBig ? undefined : readArticle(document);
	const page = readable && length(readable.paragraphs) >= MIN_ARTICLE_CHARS
		? tidy(readable.paragraphs, meta.title ?? readable.title)
		: withWarning(extractTextDump(pageText), tooBig
			? `the page is too large or deeply nested for the reader view (${size.elements} elements, ${size.depth} levels); its text was cleaned line by line instead`
			: 'the reader view found no main article on the page; its text was cleaned line by line instead');
	const siteName = meta.siteName ?? page.siteName;
	return {
		...page,
		title: meta.title ?? readable?.title ?? page.title,
		siteName,
		published: meta.published ?? page.published,
		author: meta.author ?? page.author ?? readable?.byline,
		via: page.via && !(siteName && sameOutlet(page.via, siteName)) ? page.via : undefined,
		language: meta.language,
		url: meta.url,
	};
}

function readArticle(document: HtmlDocument): ReadableArticle | undefined {
	let result;
	try {
		result = new Readability(document as never, { serializer: (node: unknown) => node as HtmlNode }).parse();
	} catch {
		// Readability gives up on some malformed pages; the text-dump reader is the fallback.
		return undefined;
	}
	if (!result?.content) {
		return undefined;
	}
	return {
		paragraphs: blockTexts(result.content),
		byline: result.byline ? (parseByline(result.byline) ?? result.byline.trim()) : undefined,
		title: result.title?.trim() || undefined,
	};
}

/**
 * Cleans what Readability kept: the headline, byline and date lines it repeats at the top,
 * share and sign-up widgets, and everything from an end-of-article heading or a closing
 * credit line ("Source: X", taken as `via`) on.
 */
function tidy(paragraphs: readonly string[], title: string | undefined): ExtractedPage {
	const kept: string[] = [];
	let author: string | undefined;
	let via: string | undefined;
	const total = length(paragraphs);
	let seen = 0;
	for (const text of paragraphs) {
		const line = classify(text);
		const atTop = kept.length === 0;
		if (kept.length > 0 && isEndOfArticle(text, line.words)) {
			break;
		}
		const credit = line.words <= 16 ? parseVia(text) : undefined;
		if (credit && total - seen < total * CREDIT_TAIL_SHARE) {
			via = credit;
			break;
		}
		seen += text.length;
		const byline = atTop ? parseByline(text) : undefined;
		author ??= byline;
		const header = atTop && (byline !== undefined || isDateOnly(text) || text === title);
		if (!header && !isChrome(text, line.prose, line.words)) {
			kept.push(text);
		}
	}
	return { paragraphs: kept, author, via, warnings: [] };
}

function withWarning(page: ExtractedPage, warning: string): ExtractedPage {
	return { ...page, warnings: [warning, ...page.warnings] };
}

function length(paragraphs: readonly string[]): number {
	return paragraphs.reduce((sum, text) => sum + text.length, 0);
}
