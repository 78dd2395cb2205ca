/** Longest id Parallax generates: file names stay readable and well under every file system's limit. */
export const MAX_ID_LENGTH = 72;
/** The outlet part of an id is cut shorter, so that the title still tells articles of one outlet apart. */
const MAX_OUTLET_LENGTH = 24;

/**
 * A readable, file-name-safe id for an article: `outlet-title-words`, ASCII lower case and hyphens,
 * cut at a word boundary. Titles with no Latin letters (CJK, Cyrillic) get a short hash of the title
 * instead, so two such articles of one outlet still get different ids.
 */
export function articleId(outlet: string, title: string, maxLength = MAX_ID_LENGTH): string {
	const outletPart = cutAtHyphen(slugify(outlet), MAX_OUTLET_LENGTH);
	let titlePart = slugify(title);
	if (titlePart === '') {
		titlePart = hash(title);
	}
	const prefix = outletPart === '' ? '' : `${outletPart}-`;
	return cutAtHyphen(prefix + titlePart, maxLength) || hash(`${outlet}\n${title}`);
}

/** Lower-case ASCII words joined by hyphens: accents dropped, apostrophes removed ("Kim Jong Un’s" → "kim-jong-uns"). */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’‘`]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Cuts a slug to at most `max` characters, at the last hyphen when there is one. */
function cutAtHyphen(slug: string, max: number): string {
	if (slug.length <= max) {
		return slug;
	}
	const cut = slug.slice(0, max);
	const hyphen = cut.lastIndexOf('-');
	return (hyphen > 0 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** 32-bit FNV-1a of the text as 8 hex digits: stable across runs and platforms. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}
