import { parseVia } from './metadata';
import { PageLine, isDateOnly } from './pageLines';
import { isChrome, isEndOfArticle } from './pageWidgets';

/** Lines `start`…`end` (inclusive) of a page. */
export interface LineRange {
	start: number;
	end: number;
}

/** Most non-prose lines (a subheading, a caption, "Advertisement") allowed between two paragraphs of one article. */
const MAX_GAP = 3;
/** Fewest characters of prose an article has; less is a menu, a teaser or a banner. */
const MIN_BODY_CHARS = 100;

/**
 * Finds the article among the menus: the run of prose lines with the most text, where runs
 * are broken by more than {@link MAX_GAP} short lines or by an end-of-article heading.
 * Menus, teaser lists and footers are short lines, so they never join the run. Linear in the page.
 */
export function findBodyRange(lines: readonly PageLine[]): LineRange | undefined {
	let best: (LineRange & { chars: number }) | undefined;
	let current: (LineRange & { chars: number }) | undefined;
	let gap = 0;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (line.text === '') {
			continue;
		}
		if (isEndOfArticle(line.text, line.words)) {
			current = undefined;
		} else if (!line.prose || isChrome(line.text, true, line.words)) {
			gap++;
			if (gap > MAX_GAP) {
				current = undefined;
			}
		} else {
			current ??= { start: i, end: i, chars: 0 };
			current.end = i;
			current.chars += line.text.length;
			gap = 0;
			if (!best || current.chars > best.chars) {
				best = current;
			}
		}
	}
	return best && best.chars >= MIN_BODY_CHARS ? { start: best.start, end: best.end } : undefined;
}

/**
 * Where the article proper starts when the run opens with a list and its lead-in
 * ("The article explores…:" then "1. …", "2. …"): a summary box the site put above the text.
 * Returns the first line after the list and how many items were skipped, or undefined when
 * the run does not open that way or the list would be most of the text.
 */
export function skipLeadingList(lines: readonly PageLine[], range: LineRange): { start: number; items: number } | undefined {
	let i = nextNonBlank(lines, range.start, range.end);
	// At most two lead-in lines (a label, an introduction), each announcing what follows.
	for (let leadIns = 0; leadIns < 2 && i <= range.end && !lines[i].listItem && /:\s*$/.test(lines[i].text); leadIns++) {
		i = nextNonBlank(lines, i + 1, range.end);
	}
	let items = 0;
	let listChars = 0;
	for (; i <= range.end && (lines[i].listItem || lines[i].text === ''); i++) {
		if (lines[i].listItem) {
			items++;
			listChars += lines[i].text.length;
		}
	}
	if (items < 2 || i > range.end || !lines[i].prose) {
		return undefined;
	}
	let restChars = 0;
	for (let j = i; j <= range.end; j++) {
		restChars += lines[j].prose ? lines[j].text.length : 0;
	}
	return restChars >= listChars ? { start: i, items } : undefined;
}

/**
 * The paragraphs of the article in `range`: every prose line, and the short lines between them
 * that read as subheadings. Short lines that repeat elsewhere on the page ("Advertisement"),
 * dates, chrome, credits and one-word labels are dropped.
 */
export function bodyParagraphs(lines: readonly PageLine[], range: LineRange, repeats: ReadonlyMap<string, number>): string[] {
	const paragraphs: string[] = [];
	for (let i = range.start; i <= range.end; i++) {
		const line = lines[i];
		if (line.text === '') {
			continue;
		}
		const keep = line.prose ? !isChrome(line.text, true, line.words) : isSubheading(line, repeats);
		if (keep) {
			paragraphs.push(line.text);
		}
	}
	return paragraphs;
}

function isSubheading(line: PageLine, repeats: ReadonlyMap<string, number>): boolean {
	// A short "Source: X" inside the text credits a chart or photo; it is not a heading.
	if ((repeats.get(line.text) ?? 0) > 1 || isDateOnly(line.text) || isChrome(line.text, false, line.words) || parseVia(line.text) !== undefined) {
		return false;
	}
	return line.words >= 2 || /[.!?]$/.test(line.text);
}

/** How often each non-blank line occurs on the page: repeated lines are navigation, not content. */
export function countRepeats(lines: readonly PageLine[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const line of lines) {
		if (line.text !== '') {
			counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
		}
	}
	return counts;
}

function nextNonBlank(lines: readonly PageLine[], from: number, end: number): number {
	let i = from;
	while (i <= end && lines[i].text === '') {
		i++;
	}
	return i;
}
