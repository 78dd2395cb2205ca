/**
 * Fuzz targets of what Parallax reads from disk: article front matter, corpus folders (any bytes),
 * text decoding. Bad input may only end in a ParallaxError that names a line of the file.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { ArticleMeta, parseArticle, serializeArticle } from '../../src/core/article';
import { loadCorpus } from '../../src/core/corpus';
import { decodeText } from '../../src/core/decode';
import { isParallaxError } from '../../src/core/errors';
import { userErrorOr } from './checks';
import { FuzzTarget } from './runTarget';
import { hostileField, hostileText } from './strings';

const KNOWN_KEYS = ['id', 'title', 'outlet', 'story', 'url', 'published', 'author', 'language', 'via'];

/** Ids of the form the front matter allows, including non-Latin letters. */
const articleIdArb = fc.tuple(fc.constantFrom('a', 'Z', '7', '北', 'é', 'ك', 'ж'), fc.string({ unit: fc.constantFrom('a', '1', '.', '_', '-', '北', 'ß', 'z'), maxLength: 20 }))
	.map(([head, tail]) => head + tail);

/** A field value as the parser returns it: trimmed, non-empty. */
const trimmedField = hostileField.map(value => value.trim()).filter(value => value !== '');

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
	.chain(date => fc.constantFrom(date.toISOString().slice(0, 10), date.toISOString(), date.toISOString().slice(0, 16).replace('T', ' ')));

/** Meta that `parseArticle` accepts: every optional field sometimes there, with hostile text. */
const validMeta: fc.Arbitrary<ArticleMeta> = fc.record({
	id: articleIdArb,
	title: trimmedField,
	outlet: trimmedField,
	story: trimmedField,
	url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
	published: isoDate,
	author: trimmedField,
	language: fc.constantFrom('en', 'zh-Hans', 'ar', 'he-IL', 'ko'),
	via: trimmedField,
}, { requiredKeys: ['id', 'title'] }).map(meta => ({ outlet: '', story: '', ...meta }));

/** Keys Parallax does not know, kept in `extra`, with any JSON value. */
const extraArb = fc.dictionary(fc.oneof(fc.constantFrom('tags', 'wordCount', '---', '<<', '? x', '#', 'null', 'true', ''), hostileField), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })
	.map(extra => Object.fromEntries(Object.entries(extra).filter(([key]) => !KNOWN_KEYS.includes(key))));

/** Nine levels of nine aliases each: a billion strings once resolved, unless the parser caps aliases. */
const BILLION_LAUGHS = ['lol0: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((anchor, level) =>
	`lol${level + 1}: &${anchor} [${Array(9).fill(`*${'abcdefghi'[level]}`).join(', ')}]`)].join('\n');

/** A line of front matter: a known key with a hostile value, or YAML that trips parsers. */
const yamlLine = fc.oneof(
	fc.tuple(fc.constantFrom(...KNOWN_KEYS, 'tags', 'x'), hostileText(6)).map(([key, value]) => `${key}: ${value}`),
	hostileText(8),
	fc.constantFrom(
		'id: a', 'title: T', 'id: [1, 2]', 'title: {a: 1}', 'published: 2024-02-30', 'published: 2024-07-20T25:00', 'url: not a url', 'url: javascript:alert(1)',
		'id: &x a', 'title: *x', 'title: *undefined', 'id: 1e3', 'id: 0x1F', 'id: -a', 'id: .hidden', 'title: |', '  block', '? complex', ': value', 'id: a\nid: b',
		'<<: {id: a}', '!!python/object:x', 'title: &t Anchored\nsubtitle: *t', `${BILLION_LAUGHS}\nid: *i`, 'title: !!binary aGk=', '%TAG ! tag:x', "title: 'unterminated", 'title: "\\uD800"', 'title: "\\0"', 'id: null', 'title: ~', '\t- item', '...',
	),
);

/** Whatever a front-matter-shaped file can be: fences right, wrong, missing, with any YAML and body. */
const frontMatterText = fc.tuple(
	fc.constantFrom('---\n', '---\r\n', '--- \t\n', '', '---', '\ufeff---\n', ' ---\n'),
	// Half the files have the required keys, so that the optional ones and the body are reached too.
	fc.tuple(fc.constantFrom([], ['id: a', 'title: T'], ['title: "Kim’s “pact”"', 'id: 北京-1.5']), fc.array(yamlLine, { maxLength: 8 })).map(([required, lines]) => [...required, ...lines]),
	fc.constantFrom('\n', '\r\n'),
	fc.constantFrom('---\n', '---', '---\r\n\r\n', '', '--- x\n', '---\n\n\n'),
	hostileText(30),
).map(([open, lines, newline, close, body]) => `${open}${lines.join(newline)}${newline}${close}${body}`);

type ArticleCase = { kind: 'parse'; text: string } | { kind: 'roundTrip'; meta: ArticleMeta; extra: Record<string, unknown>; body: string };

/**
 * Any text parses or fails with a ParallaxError on a line of the file; the body is the text from
 * `bodyOffset` on. An article written by `serializeArticle` reads back unchanged.
 */
export const articleTarget: FuzzTarget<ArticleCase> = {
	name: 'article',
	covers: 'parseArticle, serializeArticle (article.ts)',
	arbitrary: fc.oneof(
		fc.oneof(hostileText(80), frontMatterText).map(text => ({ kind: 'parse' as const, text })),
		// Bodies ending in a CR included: the line break written after them must not take it away.
		fc.record({ meta: validMeta, extra: extraArb, body: fc.tuple(hostileText(60), fc.constantFrom('', '', '\r', '\r\r', '\n\r')).map(([text, end]) => text + end) })
			.map(input => ({ kind: 'roundTrip' as const, ...input })),
	),
	timeLimitMs: 200,
	property: input => {
		if (input.kind === 'parse') {
			const article = userErrorOr(() => parseArticle(input.text), input.text);
			if (article) {
				ok(article.bodyOffset >= 0 && article.bodyOffset <= input.text.length, `bodyOffset ${article.bodyOffset} outside the text`);
				ok(input.text.startsWith(article.body, article.bodyOffset), 'the body is the text from bodyOffset on');
				ok(article.meta.id !== '' && article.meta.title !== '', 'an article has an id and a title');
				ok(Object.values(article.meta).every(value => typeof value === 'string'), 'meta values are strings');
			}
			return;
		}
		const text = serializeArticle(input);
		const article = parseArticle(text);
		deepStrictEqual(article.meta, input.meta);
		strictEqual(article.body, input.body);
		deepStrictEqual(article.extra, input.extra);
	},
};

const encoder = new TextEncoder();

/** Bytes a corpus file may hold: an article, a damaged one, Latin-1, a BOM, or noise. */
const fileBytes = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ meta: validMeta, body: hostileText(30) }).map(article => encoder.encode(serializeArticle(article))) },
	// Few ids, so that two files often claim the same one.
	{ weight: 3, arbitrary: fc.tuple(fc.constantFrom('kim', 'putin', 'xi'), hostileText(20)).map(([id, body]) => encoder.encode(`---\nid: ${id}\ntitle: T\nstory: s\n---\n\n${body}`)) },
	{ weight: 2, arbitrary: fc.tuple(fc.record({ meta: validMeta, body: hostileText(20) }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })).map(([article, flips]) => {
		const bytes = encoder.encode(serializeArticle(article));
		for (const [at, value] of flips) {
			bytes[at % bytes.length] = value;
		}
		return bytes;
	}) },
	{ weight: 1, arbitrary: fc.record({ meta: validMeta, body: hostileText(20) }).map(article => encoder.encode(`\ufeff${serializeArticle(article)}`)) },
	{ weight: 1, arbitrary: fc.constant(Uint8Array.from([...encoder.encode('---\nid: cafe\ntitle: Caf'), 0xe9, ...encoder.encode('\n---\n\nLatin-1 text.')])) },
	{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
	{ weight: 1, arbitrary: hostileText(40).map(text => encoder.encode(text)) },
);

const corpusFiles = fc.uniqueArray(fc.record({
	path: fc.oneof(fc.constantFrom('a.md', 'b.md', 'story/c.md', 'Z.md', 'ä.md', '北.md'), hostileField.map(name => `${name}.md`)),
	bytes: fileBytes,
}), { selector: file => file.path, maxLength: 6 });

/**
 * Loading never throws: each file becomes an article or a problem naming it, ids stay unique, each
 * body is the decoded text from its `bodyOffset`, and every article is in exactly one story.
 */
export const corpusTarget: FuzzTarget<{ path: string; bytes: Uint8Array }[]> = {
	name: 'corpus',
	covers: 'loadCorpus, groupByStory (corpus.ts) over decodeText + parseArticle',
	arbitrary: corpusFiles,
	timeLimitMs: 200,
	property: files => {
		const corpus = loadCorpus(files);
		strictEqual(corpus.articles.length + corpus.problems.length, files.length, 'each file is an article or a problem');
		const ids = corpus.articles.map(article => article.meta.id);
		strictEqual(new Set(ids).size, ids.length, 'ids are unique');
		for (const article of corpus.articles) {
			const text = decodeText(files.find(file => file.path === article.path)!.bytes);
			ok(text.startsWith(article.body, article.bodyOffset), `${article.path}: the body is not the text at bodyOffset ${article.bodyOffset}`);
		}
		for (const problem of corpus.problems) {
			ok(isParallaxError(problem.error) && problem.error.file === problem.path, `${problem.path}: the problem names its file`);
			ok(problem.error.line === undefined || problem.error.line >= 1, `${problem.path}: line ${problem.error.line}`);
		}
		const inStories = corpus.stories.flatMap(story => story.articles.map(article => article.path)).sort();
		deepStrictEqual(inStories, corpus.articles.map(article => article.path).sort(), 'each article is in one story');
	},
};

/** Bytes for the decoder: noise, valid UTF-8 with bad bytes spliced in, cut sequences, one or two BOMs. */
const decodeBytes = fc.oneof(
	fc.uint8Array({ maxLength: 400 }),
	fc.tuple(hostileText(40), fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf4, 0xf5, 0xff, 0x00)), { maxLength: 3 }))
		.map(([text, splices]) => {
			const bytes = [...encoder.encode(text)];
			for (const [at, value] of splices) {
				bytes.splice(at % (bytes.length + 1), 0, value);
			}
			return Uint8Array.from(bytes);
		}),
	fc.tuple(fc.constantFrom('\ufeff', '\ufeff\ufeff'), hostileText(40)).map(([marks, text]) => encoder.encode(marks + text)),
	hostileText(40).map(text => encoder.encode(text)).chain(bytes => fc.nat({ max: bytes.length }).map(cut => bytes.subarray(0, cut))),
);

/**
 * Decoding gives back exactly the text the bytes encode (less a BOM), or a ParallaxError; the byte it
 * blames for bad UTF-8 lies in the file and everything before it is valid.
 */
export const decodeTarget: FuzzTarget<{ bytes: Uint8Array; maxBytes?: number }> = {
	name: 'decode',
	covers: 'decodeText (decode.ts)',
	arbitrary: fc.record({ bytes: decodeBytes, maxBytes: fc.nat({ max: 500 }) }, { requiredKeys: ['bytes'] }),
	timeLimitMs: 200,
	property: ({ bytes, maxBytes }) => {
		let message = '';
		const text = userErrorOr(() => {
			try {
				return decodeText(bytes, maxBytes);
			} catch (error) {
				message = error instanceof Error ? error.message : '';
				throw error;
			}
		});
		if (text !== undefined) {
			// One byte-order mark is dropped, and only one: a second U+FEFF is text.
			const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
			deepStrictEqual(encoder.encode(text), bytes.subarray(bom), 'the text encodes back to the bytes, less a byte-order mark');
			return;
		}
		const blamed = /byte (\d+)/.exec(message);
		if (blamed) {
			const at = Number(blamed[1]);
			ok(at < bytes.length, `byte ${at} is past the end (${bytes.length} bytes)`);
			ok(valid(bytes.subarray(0, at)), `the bytes before byte ${at} are not valid UTF-8`);
		}
	},
};

/** Whether `bytes` is valid UTF-8 up to a sequence cut at its end. */
function valid(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
		return true;
	} catch {
		return false;
	}
}
