/**
 * Reading article metadata out of the loose phrases pages use for it:
 * dates ("Published July 20, 2024"), bylines ("By Jane Doe, Reporter") and
 * credits of the original outlet ("Source: X", "Originally published by X").
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const YEAR_FIRST = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');

// A bare "Source" needs its colon: "Sources say…" is a sentence, not a credit.
const VIA_LINE = /^(?:sources?\s*[:–—-]|originally published (?:by|in|on|at)|first published (?:by|in|on|at)|republished (?:from|with permission (?:from|of))|(?:this|the) (?:article|story|piece) (?:was )?(?:originally |first )?(?:appeared|published) (?:in|on|by)\s*[:–—-]?)\s*(.+)$/iu;
const BYLINE = /^(?:by|written by|words by|author:|reporting by)\s+(.+)$/iu;
// Where a byline's name stops: the date, the role, the site tagline, view counters.
const BYLINE_END = /\s+(?:[Pp]ublished|[Pp]osted|[Uu]pdated|on\s+\p{Lu}|\||[–—•·])\s*|,|\s+\d/u;

/**
 * The first date in `text` as ISO `YYYY-MM-DD`: "July 20, 2024", "20 July 2024",
 * "2024-07-20", "2024-07-20T09:00:00Z", "2024/07/20". Ambiguous forms such as 07/08/2024 are not dates here.
 */
export function parseDate(text: string): string | undefined {
	const candidates: { index: number; year: string; month: number; day: string }[] = [];
	const iso = ISO.exec(text) ?? YEAR_FIRST.exec(text);
	if (iso) {
		candidates.push({ index: iso.index, year: iso[1], month: Number(iso[2]), day: iso[3] });
	}
	const monthFirst = MONTH_FIRST.exec(text);
	if (monthFirst) {
		candidates.push({ index: monthFirst.index, year: monthFirst[3], month: monthNumber(monthFirst[1]), day: monthFirst[2] });
	}
	const dayFirst = DAY_FIRST.exec(text);
	if (dayFirst) {
		candidates.push({ index: dayFirst.index, year: dayFirst[3], month: monthNumber(dayFirst[2]), day: dayFirst[1] });
	}
	candidates.sort((a, b) => a.index - b.index);
	for (const { year, month, day } of candidates) {
		const date = isoDate(Number(year), month, Number(day));
		if (date) {
			return date;
		}
	}
	return undefined;
}

/**
 * The publication date among the lines around a headline: a line that says "published"
 * or "posted" wins; otherwise the first dated line that is not an update stamp.
 */
export function findPublished(lines: readonly string[]): string | undefined {
	for (const line of lines) {
		const keyword = /\b(?:published|posted)\b/i.exec(line);
		const date = keyword ? parseDate(line.slice(keyword.index)) : undefined;
		if (date) {
			return date;
		}
	}
	for (const line of lines) {
		if (!/\b(?:updated|modified|edited)\b/i.test(line)) {
			const date = parseDate(line);
			if (date) {
				return date;
			}
		}
	}
	return undefined;
}

/** The author's name from a byline line ("By Jane Doe, Health Reporter | Published …"), or undefined. */
export function parseByline(line: string): string | undefined {
	const match = BYLINE.exec(line.trim());
	if (!match) {
		return undefined;
	}
	const end = BYLINE_END.exec(match[1]);
	const name = (end ? match[1].slice(0, end.index) : match[1]).replace(/[\s.;:]+$/, '').trim();
	const words = name.split(/\s+/).length;
	return /^\p{Lu}/u.test(name) && words <= 8 && name.length <= 80 ? name : undefined;
}

/** The original outlet named by a credit line such as "Source: X" or "Originally published by X". */
export function parseVia(line: string): string | undefined {
	const match = VIA_LINE.exec(line.trim());
	if (!match) {
		return undefined;
	}
	const name = match[1]
		.replace(/\bhttps?:\/\/\S+/g, '')
		// "… published by X under a Creative Commons licence", "Source: X, with agencies"
		.replace(/(?:\s+(?:under|with|on|as part of)\b|[,;(]).*$/u, '')
		.replace(/[\s.;:,]+$/, '')
		.trim();
	const words = name.split(/\s+/).length;
	return /^[\p{L}\p{N}]/u.test(name) && words <= 8 && name.length <= 80 ? name : undefined;
}

/** True when two outlet names denote the same outlet ("HILL POST" and "Hill Post | News from the hills"). */
export function sameOutlet(a: string, b: string): boolean {
	const key = (name: string) => name.toLowerCase().split(/\s+[|–—·•:]\s+|\s+-\s+/)[0].replace(/[^\p{L}\p{N}]/gu, '');
	const [x, y] = [key(a), key(b)];
	return x !== '' && x === y;
}

function monthNumber(name: string): number {
	const prefix = name.toLowerCase().slice(0, 3);
	return MONTHS.findIndex(month => month.startsWith(prefix)) + 1;
}

function isoDate(year: number, month: number, day: number): string | undefined {
	if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) {
		return undefined;
	}
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day > daysInMonth) {
		return undefined;
	}
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
