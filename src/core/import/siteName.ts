import { PageLine } from './pageLines';

/** Separators between a site's name and its tagline or a page title: "Name | Tagline", "Title – Name". */
const SEPARATOR = /\s+(?:[|–—·•:]{1,2}|-)\s+/;
/** Longest header line considered as a site banner. */
const MAX_BANNER_LENGTH = 400;
/** Company-form words that a copyright line adds to a site's name. */
const LEGAL_SUFFIX = /,?\s+(?:ltd|limited|inc|llc|plc|gmbh|ag|sa|s\.a|b\.v|pty)\.?$/i;
/** How many header lines with a separator are tried: banners are near the top. */
const MAX_CANDIDATES = 40;

/**
 * The name a text dump gives its own site, found by structure: a banner whose text is repeated
 * on one line (logo images with the same alt text), a "Name | Tagline" header that recurs on
 * the page (breadcrumbs, bylines), or a copyright line naming something the page mentions again.
 * Only the lines before the article (`headerEnd`) are banner candidates.
 */
export function findSiteName(lines: readonly PageLine[], headerEnd: number, title?: string): string | undefined {
	const header = lines.slice(0, headerEnd).map(line => line.text).filter(text => text !== '' && text.length <= MAX_BANNER_LENGTH);
	const page = lines.map(line => line.text.toLowerCase());
	return fromRepeatedBanner(header, title) ?? fromRecurringHeader(header, page, title) ?? fromCopyright(lines, page);
}

function fromRepeatedBanner(header: readonly string[], title?: string): string | undefined {
	for (const text of header) {
		const unit = repeatedUnit(text);
		// A name of two words or more: "ShareShare" is a doubled button, not a banner.
		if (unit && unit.includes(' ') && /\p{L}.*\p{L}.*\p{L}/u.test(unit)) {
			return nameOf(unit, title);
		}
	}
	return undefined;
}

function fromRecurringHeader(header: readonly string[], page: readonly string[], title?: string): string | undefined {
	const candidates = header.filter(text => SEPARATOR.test(text) && text.length <= 100).slice(0, MAX_CANDIDATES);
	for (const text of candidates) {
		const needle = text.toLowerCase();
		if (countLinesContaining(page, needle, 2) >= 2) {
			return nameOf(text, title);
		}
	}
	return undefined;
}

function fromCopyright(lines: readonly PageLine[], page: readonly string[]): string | undefined {
	for (const line of lines) {
		const match = /©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([\p{L}\p{N}][^.,|©]{1,60}?)\s*(?:[.,|]|\ball rights\b|$)/iu.exec(line.text);
		const full = match?.[1].trim();
		// The site's own name recurs on its pages (often without "Ltd"); a theme or agency credit usually does not.
		for (const name of full ? [full, full.replace(LEGAL_SUFFIX, '')] : []) {
			if (countOccurrences(page, name.toLowerCase(), 2) >= 2) {
				return name;
			}
		}
	}
	return undefined;
}

/** The site's name in a banner: the part before the tagline, or after the title when the banner is "Title | Site". */
function nameOf(banner: string, title?: string): string | undefined {
	const parts = banner.split(SEPARATOR).map(part => part.trim()).filter(part => part !== '');
	const titleKey = title?.toLowerCase();
	const name = parts.length > 1 && parts[0].toLowerCase() === titleKey ? parts[parts.length - 1] : parts[0];
	return name && name.length <= 60 ? name : undefined;
}

/** The text `unit` when `text` is `unit` written two or more times in a row, else undefined (KMP failure function, linear). */
export function repeatedUnit(text: string): string | undefined {
	const failure = new Array<number>(text.length).fill(0);
	for (let i = 1, k = 0; i < text.length; i++) {
		while (k > 0 && text[i] !== text[k]) {
			k = failure[k - 1];
		}
		if (text[i] === text[k]) {
			k++;
		}
		failure[i] = k;
	}
	const period = text.length - (failure[text.length - 1] ?? 0);
	return period < text.length && text.length % period === 0 ? text.slice(0, period).trim() : undefined;
}

function countLinesContaining(page: readonly string[], needle: string, enough: number): number {
	let count = 0;
	for (const text of page) {
		if (text.includes(needle) && ++count >= enough) {
			break;
		}
	}
	return count;
}

function countOccurrences(page: readonly string[], needle: string, enough: number): number {
	let count = 0;
	for (const text of page) {
		for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
			if (++count >= enough) {
				return count;
			}
		}
	}
	return count;
}
