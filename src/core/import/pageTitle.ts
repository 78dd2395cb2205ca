import { parseByline, parseDate } from './metadata';
import { PageLine, isDateOnly } from './pageLines';
import { isChrome, isEndOfArticle } from './pageWidgets';

/** How many non-blank lines above the article are searched for its headline. */
const TITLE_WINDOW = 30;
/** Longest title taken from the first sentence when the page has no headline. */
const MAX_FALLBACK_TITLE = 120;

/**
 * The line index of the article's headline: the nearest headline-shaped line above the text
 * (skipping bylines, dates, labels and buttons). A farther candidate wins when the page echoes
 * it elsewhere ("Reading: …", a breadcrumb ending in it) and the nearer one is not echoed.
 */
export function findTitleIndex(lines: readonly PageLine[], bodyStart: number, repeats: ReadonlyMap<string, number>): number | undefined {
	let nearest: number | undefined;
	let seen = 0;
	for (let i = bodyStart - 1; i >= 0 && seen < TITLE_WINDOW; i--) {
		const line = lines[i];
		if (line.text === '') {
			continue;
		}
		seen++;
		if (!isHeadlineShaped(line, repeats)) {
			continue;
		}
		if (isEchoed(lines, line.text)) {
			return i;
		}
		nearest ??= i;
	}
	return nearest;
}

/** A title made from the start of the article when the page shows no headline. */
export function titleFromParagraphs(paragraphs: readonly string[]): string {
	const first = paragraphs[0] ?? '';
	const sentence = /^.+?[.!?](?=\s|$)/u.exec(first)?.[0] ?? first;
	if (sentence.length <= MAX_FALLBACK_TITLE) {
		return sentence;
	}
	const cut = sentence.slice(0, MAX_FALLBACK_TITLE);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

function isHeadlineShaped(line: PageLine, repeats: ReadonlyMap<string, number>): boolean {
	const { text, words } = line;
	if (words < 3 || words > 30 || text.length > 250 || line.listItem) {
		return false;
	}
	// Sentences, labels ("Summary:"), bylines, dates, buttons and menu entries that recur are not headlines.
	if ((line.prose && /[.…]["”’»)]*$/u.test(text)) || /:$/.test(text) || parseByline(text) !== undefined) {
		return false;
	}
	if (isDateOnly(text) || (words <= 12 && parseDate(text) !== undefined)) {
		return false;
	}
	return !isChrome(text, false, words) && !isEndOfArticle(text, words) && (repeats.get(text) ?? 0) <= 2;
}

/**
 * True when a longer line of the page contains this text ("Reading: <title>", "Home > News > <title>").
 * Exact copies do not count: a line repeated as is, is a menu entry.
 */
function isEchoed(lines: readonly PageLine[], text: string): boolean {
	return lines.some(line => line.text.length > text.length && line.text.includes(text));
}
