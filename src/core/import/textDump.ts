import { ParallaxError } from '../errors';
import { LineRange, bodyParagraphs, countRepeats, findBodyRange, skipLeadingList } from './bodyRange';
import { ExtractedPage } from './extractedPage';
import { findPublished, parseByline, parseVia, sameOutlet } from './metadata';
import { PageLine, toPageLines } from './pageLines';
import { findTitleIndex } from './pageTitle';
import { findSiteName } from './siteName';

/** How far after the article a credit line ("Source: X") is looked for, in non-blank lines. */
const CREDIT_WINDOW = 6;
/** A credit inside the article ends it when less than this share of the prose follows it. */
const CREDIT_TAIL_SHARE = 0.25;
/** Most words of a credit line; a longer line is a sentence that happens to start with "Source". */
const MAX_CREDIT_WORDS = 16;

/**
 * Reads a page's text as copied or saved from a browser: finds the article among the
 * menus, widgets and lists by structure (see {@link findBodyRange}), then the headline
 * above it, the byline and date between the two, and the credit line after it.
 * Throws {@link ParallaxError} when no article text is on the page.
 */
export function extractTextDump(text: string): ExtractedPage {
	const lines = toPageLines(text);
	const found = findBodyRange(lines);
	if (!found) {
		throw new ParallaxError('no article text found on the page: it has no run of paragraphs, only short lines such as menus, links or headings');
	}
	const warnings: string[] = [];
	let range = found;
	const summary = skipLeadingList(lines, range);
	if (summary) {
		range = { start: summary.start, end: range.end };
		warnings.push(`left out a ${summary.items}-item list above the article text (it reads as the site's summary of the article)`);
	}
	const credit = cutAtCredit(lines, range);
	range = credit.range;
	const repeats = countRepeats(lines);
	const paragraphs = bodyParagraphs(lines, range, repeats);
	const titleIndex = findTitleIndex(lines, found.start, repeats);
	const title = titleIndex === undefined ? undefined : lines[titleIndex].text;
	// Byline and date sit between the headline and the text, or just above the text.
	const header = lines.slice(titleIndex ?? Math.max(0, found.start - 8), found.start).filter(line => line.text !== '' && !line.prose).map(line => line.text);
	const siteName = findSiteName(lines, titleIndex ?? found.start, title);
	const author = header.map(parseByline).find(name => name !== undefined);
	const via = credit.via ?? findCreditAfter(lines, range.end);
	return {
		paragraphs,
		title,
		siteName,
		published: findPublished(header),
		author: author && siteName && sameOutlet(author, siteName) ? undefined : author,
		via: via && siteName && sameOutlet(via, siteName) ? undefined : via,
		warnings,
	};
}

/**
 * A credit line inside the run ("Originally published by X.") ends the article when
 * nearly all the prose is before it; the run is cut there and the credit returned.
 */
function cutAtCredit(lines: readonly PageLine[], range: LineRange): { range: LineRange; via?: string } {
	let total = 0;
	for (let i = range.start; i <= range.end; i++) {
		total += lines[i].prose ? lines[i].text.length : 0;
	}
	let after = 0;
	for (let i = range.end; i > range.start; i--) {
		const via = lines[i].words <= MAX_CREDIT_WORDS ? parseVia(lines[i].text) : undefined;
		if (via) {
			let end = i - 1;
			while (end > range.start && lines[end].text === '') {
				end--;
			}
			return { range: { start: range.start, end }, via };
		}
		after += lines[i].prose ? lines[i].text.length : 0;
		if (after > total * CREDIT_TAIL_SHARE) {
			break;
		}
	}
	return { range };
}

function findCreditAfter(lines: readonly PageLine[], end: number): string | undefined {
	let seen = 0;
	for (let i = end + 1; i < lines.length && seen < CREDIT_WINDOW; i++) {
		if (lines[i].text === '') {
			continue;
		}
		seen++;
		const via = lines[i].words <= MAX_CREDIT_WORDS ? parseVia(lines[i].text) : undefined;
		if (via) {
			return via;
		}
	}
	return undefined;
}
