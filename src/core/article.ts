import { LineCounter, parseDocument, isMap, isScalar, stringify } from 'yaml';
import { ParallaxError } from './errors';

/** Front matter of a corpus article, the contract of DESIGN.md. */
export interface ArticleMeta {
	id: string;
	title: string;
	outlet: string;
	/** Shared by the articles about one story. */
	story: string;
	url?: string;
	/** ISO date (`2024-07-20`) or date-time. */
	published?: string;
	author?: string;
	/** BCP 47 tag, e.g. `en`. */
	language?: string;
	/** The original outlet when the page republishes another's article. */
	via?: string;
}

/** A parsed corpus article. `body` is what every offset in Parallax points into. */
export interface Article {
	meta: ArticleMeta;
	/** Front-matter keys Parallax does not know, kept so that a rewrite loses nothing. */
	extra: Record<string, unknown>;
	body: string;
	/** UTF-16 offset of `body` in the file text, to map body ranges to editor positions. */
	bodyOffset: number;
}

const KNOWN_KEYS = ['id', 'title', 'outlet', 'url', 'published', 'author', 'language', 'via', 'story'] as const;
const REQUIRED_KEYS: readonly (keyof ArticleMeta)[] = ['id', 'title'];
const FENCE = /^---[ \t]*\r?\n/;
// Not the `m` flag: its `^` and `$` also match at U+2028, U+2029 and a lone CR, which may occur inside a value.
const CLOSING_FENCE = /(?<=^|\n)---[ \t]*(\r?\n|$)/;
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses a corpus article: `---` YAML front matter `---`, an optional blank line, then the body.
 * Throws {@link ParallaxError} with the 1-based line of the problem.
 */
export function parseArticle(text: string): Article {
	if (text.charCodeAt(0) === 0xfeff) {
		throw new ParallaxError('the file starts with a byte-order mark; save it as UTF-8 without BOM', undefined, 1);
	}
	const opening = FENCE.exec(text);
	if (!opening) {
		throw new ParallaxError('no front matter: an article starts with a line "---", then YAML (id, title, outlet, story…), then "---"', undefined, 1);
	}
	const yamlStart = opening[0].length;
	const closing = CLOSING_FENCE.exec(text.slice(yamlStart));
	if (!closing) {
		throw new ParallaxError('the front matter is not closed by a line "---"', undefined, 1);
	}
	const yamlText = text.slice(yamlStart, yamlStart + closing.index);
	let bodyOffset = yamlStart + closing.index + closing[0].length;
	// One blank line after the fence separates front matter from body; it is not part of the body.
	const separator = /^\r?\n/.exec(text.slice(bodyOffset));
	if (separator) {
		bodyOffset += separator[0].length;
	}
	const body = text.slice(bodyOffset).replace(/\r?\n$/, '');
	const { meta, extra } = parseFrontMatter(yamlText, 1);
	return { meta, extra, body, bodyOffset };
}

/** Writes an article in the canonical corpus form; `parseArticle` reads it back unchanged. */
export function serializeArticle(article: Pick<Article, 'meta' | 'body'> & { extra?: Record<string, unknown> }): string {
	const ordered: Record<string, unknown> = {};
	for (const key of KNOWN_KEYS) {
		const value = article.meta[key];
		if (value !== undefined && value !== '') {
			ordered[key] = value;
		}
	}
	for (const [key, value] of Object.entries(article.extra ?? {})) {
		if (!(key in ordered)) {
			ordered[key] = value;
		}
	}
	const yamlText = stringify(ordered, { lineWidth: 0 });
	// parseArticle drops the file's last line break, "\r\n" or "\n": after a body that ends in a CR,
	// a "\n" alone would make one "\r\n" with it and take the CR away.
	const lastBreak = article.body.endsWith('\r') ? '\r\n' : '\n';
	return `---\n${yamlText}---\n\n${article.body}${lastBreak}`;
}

function parseFrontMatter(yamlText: string, firstLine: number): { meta: ArticleMeta; extra: Record<string, unknown> } {
	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
	// The YAML starts on the line after the opening fence.
	const lineAt = (offset: number) => firstLine + lineCounter.linePos(offset).line;
	if (doc.errors.length > 0) {
		const error = doc.errors[0];
		throw new ParallaxError(`malformed front matter: ${error.message.split('\n')[0]}`, undefined, lineAt(error.pos[0]));
	}
	if (!isMap(doc.contents)) {
		throw new ParallaxError('the front matter must be a YAML mapping of keys to values (id: …, title: …)', undefined, firstLine + 1);
	}
	let data: Record<string, unknown>;
	try {
		data = doc.toJS() as Record<string, unknown>;
	} catch (error) {
		// Aliases are resolved only here: one without its anchor, or too many of them (a "billion laughs" file), throws.
		throw new ParallaxError(`malformed front matter: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`, undefined, firstLine);
	}
	const meta: Record<string, string> = {};
	const extra: Record<string, unknown> = {};
	for (const pair of doc.contents.items) {
		const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
		if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
			extra[key] = data[key];
			continue;
		}
		const line = isScalar(pair.key) && pair.key.range ? lineAt(pair.key.range[0]) : firstLine;
		const value = data[key];
		if (value === null || value === undefined || value === '') {
			continue;
		}
		if (typeof value === 'object') {
			throw new ParallaxError(`"${key}" must be a single value, not a list or mapping`, undefined, line);
		}
		meta[key] = String(value).trim();
		checkField(key as keyof ArticleMeta, meta[key], line);
	}
	for (const key of REQUIRED_KEYS) {
		if (!meta[key]) {
			throw new ParallaxError(`the front matter has no "${key}"`, undefined, firstLine);
		}
	}
	return {
		meta: { ...meta, id: meta.id, title: meta.title, outlet: meta.outlet ?? '', story: meta.story ?? '' },
		extra,
	};
}

function checkField(key: keyof ArticleMeta, value: string, line: number): void {
	switch (key) {
		case 'id':
			if (!ID_PATTERN.test(value)) {
				throw new ParallaxError(`"id" must be letters, digits, ".", "_" or "-" (got "${value}")`, undefined, line);
			}
			break;
		case 'published':
			if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value.slice(0, 10)))) {
				throw new ParallaxError(`"published" must be an ISO date such as 2024-07-20 (got "${value}")`, undefined, line);
			}
			break;
		case 'url':
			if (!URL.canParse(value)) {
				throw new ParallaxError(`"url" is not a valid URL: "${value}"`, undefined, line);
			}
			break;
		default:
			break;
	}
}
