/**
 * Fuzz targets of the text engine: segmenter, chunker, normaliser, aligner, highlighter and the
 * people extractor. None of them may throw on any text; every offset they return lies in the text.
 */
import { deepStrictEqual, fail, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { alignArticles, AlignInput, DEFAULT_ALIGN_OPTIONS } from '../../src/core/align';
import { chunksOf, MAX_CHUNK } from '../../src/core/chunks';
import { fold, tokenize } from '../../src/core/normalize';
import { collectPeople, extractPeople } from '../../src/core/people';
import { findQuotes } from '../../src/core/quotes';
import { splitParagraphs, splitSentences } from '../../src/core/segment';
import { UserLink } from '../../src/core/userLinks';
import { highlightPair } from '../../src/core/wordDiff';
import { assertCovers, assertInOrder, assertInside, assertTrimmed } from './checks';
import { FuzzTarget } from './runTarget';
import { articleBody, hostileText, realSentences, storyBodies } from './strings';

/** Any text: hostile pieces alone, or an article body of real and hostile sentences. */
const anyText = fc.oneof(hostileText(200), articleBody(realSentences().slice(0, 40), 16));

/** A range of `length`, drawn as two fractions so that it always fits whatever the length. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

function rangeOf(length: number, [x, y]: [number, number]): { start: number; end: number } {
	const [from, to] = [Math.floor(x * length), Math.floor(y * length)];
	return { start: Math.min(from, to), end: Math.max(from, to) };
}

/** Paragraphs and sentences: exact slices of the body, trimmed, in order, each sentence inside its paragraph. */
export const segmentTarget: FuzzTarget<string> = {
	name: 'segment',
	covers: 'splitParagraphs, splitSentences (segment.ts)',
	arbitrary: anyText,
	timeLimitMs: 200,
	property: body => {
		const paragraphs = splitParagraphs(body);
		paragraphs.forEach((paragraph, index) => {
			assertInside(body, paragraph, `paragraph ${index}`, true);
			assertTrimmed(paragraph.text, `paragraph ${index}`);
		});
		assertInOrder(paragraphs, 'paragraph');
		const sentences = splitSentences(body);
		sentences.forEach((sentence, index) => {
			assertInside(body, sentence, `sentence ${index}`, true);
			assertTrimmed(sentence.text, `sentence ${index}`);
			const paragraph = paragraphs[sentence.paragraph];
			ok(paragraph && paragraph.start <= sentence.start && sentence.end <= paragraph.end, `sentence ${index} is not inside its paragraph ${sentence.paragraph}`);
		});
		assertInOrder(sentences, 'sentence');
	},
};

/**
 * Chunks put back together are the text, none longer than asked, no surrogate pair cut unless
 * `max` is 1 (a pair cannot be kept whole then; Parallax itself only chunks at 2,000).
 */
export const chunksTarget: FuzzTarget<{ text: string; max: number }> = {
	name: 'chunks',
	covers: 'chunksOf (chunks.ts)',
	arbitrary: fc.record({
		text: fc.oneof(hostileText(300), fc.tuple(hostileText(40), fc.integer({ min: 1, max: 30 })).map(([text, times]) => text.repeat(times))),
		max: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 3000 }), fc.constant(MAX_CHUNK)),
	}),
	timeLimitMs: 200,
	property: ({ text, max }) => {
		// One pass over the chunks as they come, without keeping them or building messages that pass:
		// at `max` 1 there is a chunk per character.
		let offset = 0;
		for (const { offset: at, chunk } of chunksOf(text, max)) {
			if (at !== offset || !text.startsWith(chunk, at)) {
				fail(`the chunk at ${at} is not the text from ${offset} on`);
			}
			if (chunk.length > max) {
				fail(`a chunk of ${chunk.length} > ${max}`);
			}
			if (chunk.length === 0 && text !== '') {
				fail('an empty chunk');
			}
			const before = text.charCodeAt(at - 1);
			const after = text.charCodeAt(at);
			if (max > 1 && at > 0 && before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) {
				fail(`a surrogate pair cut at ${at}`);
			}
			offset += chunk.length;
		}
		strictEqual(offset, text.length, 'chunks put together are the text');
	},
};

/** Tokens lie in the text (shifted by `offset`), in order; folded forms are non-empty; numbers are numbers. */
export const normalizeTarget: FuzzTarget<{ text: string; offset: number }> = {
	name: 'normalize',
	covers: 'tokenize, fold (normalize.ts), numberValue (numbers.ts)',
	arbitrary: fc.record({ text: anyText, offset: fc.oneof(fc.constant(0), fc.nat({ max: 1_000_000 })) }),
	timeLimitMs: 200,
	property: ({ text, offset }) => {
		const tokens = tokenize(text, offset);
		tokens.forEach((token, index) => {
			assertInside(text, { start: token.start - offset, end: token.end - offset }, `token ${index}`, true);
			ok(token.norm !== '' && token.stem !== '', `token ${index} has an empty form`);
			ok(token.value === undefined || !Number.isNaN(token.value), `token ${index} has value NaN`);
		});
		for (const word of text.split(/\s+/).slice(0, 20)) {
			strictEqual(typeof fold(word), 'string');
		}
		assertInOrder(tokens, 'token');
	},
};

/** 2–4 articles of one story, and user links between random ranges of them (as anchored notes give). */
const alignCase = storyBodies(2, 4, 10).chain(bodies => fc.record({
	bodies: fc.constant(bodies),
	links: fc.array(fc.record({
		a: fc.nat({ max: bodies.length - 1 }),
		b: fc.nat({ max: bodies.length - 1 }),
		rangeA: fc.tuple(fraction, fraction),
		rangeB: fc.tuple(fraction, fraction),
		relation: fc.constantFrom('same-quote', 'not-parallel', 'contradicts', 'x'),
	}), { maxLength: 3 }),
}));

/**
 * Every passage is `body.slice(start, end)`, inside the body, and the passages of an article do not
 * overlap; groups, "only in" entries and people point at passages that exist.
 */
export const alignTarget: FuzzTarget<{ bodies: string[]; links: { a: number; b: number; rangeA: [number, number]; rangeB: [number, number]; relation: string }[] }> = {
	name: 'align',
	covers: 'alignArticles (align.ts) with user links, people and speaker groups',
	arbitrary: alignCase,
	timeLimitMs: 2000,
	property: ({ bodies, links }) => {
		const inputs: AlignInput[] = bodies.map((body, index) => ({ id: `article-${index}`, path: `corpus/story/${index}.md`, title: `Article ${index}`, outlet: `Outlet ${index}`, body }));
		const userLinks: UserLink[] = links.map((link, index) => ({
			id: `link-${index}`,
			relation: link.relation,
			a: { article: inputs[link.a].id, ...rangeOf(bodies[link.a].length, link.rangeA) },
			b: { article: inputs[link.b].id, ...rangeOf(bodies[link.b].length, link.rangeB) },
		}));
		const comparison = alignArticles(inputs, { ...DEFAULT_ALIGN_OPTIONS, userLinks });
		deepStrictEqual(comparison.articles.map(article => article.id), inputs.map(input => input.id));
		const passageIds = new Set<string>();
		comparison.articles.forEach((article, index) => {
			const body = bodies[index];
			article.passages.forEach(passage => {
				assertInside(body, passage, `${article.id} passage ${passage.id}`, true);
				ok(!passageIds.has(`${article.id} ${passage.id}`), `passage id ${passage.id} repeats`);
				passageIds.add(`${article.id} ${passage.id}`);
			});
			assertInOrder([...article.passages].sort((x, y) => x.start - y.start), `${article.id} passage`);
		});
		const exists = (ref: { article: string; passage: string }) => ok(passageIds.has(`${ref.article} ${ref.passage}`), `no passage ${ref.article} ${ref.passage}`);
		for (const group of comparison.groups) {
			ok(group.members.length >= 2, `group ${group.id} has ${group.members.length} members`);
			ok(group.score >= 0 && group.score <= 1, `group ${group.id} scores ${group.score}`);
			group.members.forEach(exists);
			group.evidence.forEach(evidence => [evidence.a, evidence.b].forEach(exists));
		}
		comparison.unaligned.forEach(exists);
		for (const person of comparison.people) {
			ok(person.name.trim() !== '', 'a person has a name');
			person.mentions.forEach(exists);
		}
	},
};

/** Two bodies of one story and a range of each: sentence-aligned or anywhere, even inside a surrogate pair. */
const highlightCase = storyBodies(2, 2, 8).chain(([bodyA, bodyB]) => fc.record({
	bodyA: fc.constant(bodyA),
	bodyB: fc.constant(bodyB),
	a: fc.tuple(fraction, fraction),
	b: fc.tuple(fraction, fraction),
	wholeSentences: fc.boolean(),
}));

/** Each side's highlights cover its passage exactly once, in order, with the kinds of that side. */
export const highlightTarget: FuzzTarget<{ bodyA: string; bodyB: string; a: [number, number]; b: [number, number]; wholeSentences: boolean }> = {
	name: 'highlight',
	covers: 'highlightPair (wordDiff.ts)',
	arbitrary: highlightCase,
	timeLimitMs: 500,
	property: ({ bodyA, bodyB, a, b, wholeSentences }) => {
		const rangeA = wholeSentences ? sentenceRange(bodyA, a) : rangeOf(bodyA.length, a);
		const rangeB = wholeSentences ? sentenceRange(bodyB, b) : rangeOf(bodyB.length, b);
		const highlights = highlightPair(bodyA, rangeA, bodyB, rangeB);
		assertCovers(rangeA, highlights.a, 'highlights of a');
		assertCovers(rangeB, highlights.b, 'highlights of b');
		ok(highlights.a.every(highlight => ['same', 'synonym', 'removed', 'plain'].includes(highlight.kind)), 'side a has only same, synonym, removed, plain');
		ok(highlights.b.every(highlight => ['same', 'synonym', 'added', 'plain'].includes(highlight.kind)), 'side b has only same, synonym, added, plain');
	},
};

/** The range of whole sentences of `body` that the two fractions pick, as the aligner's passages are. */
function sentenceRange(body: string, [x, y]: [number, number]): { start: number; end: number } {
	const sentences = splitSentences(body);
	if (sentences.length === 0) {
		return { start: 0, end: 0 };
	}
	const { start, end } = rangeOf(sentences.length - 1, [x, y]);
	return { start: sentences[start].start, end: sentences[end].end };
}

/** Articles for the people extractor: bodies with quotes and speakers, and passages cut at random. */
const peopleCase = storyBodies(1, 3, 10).chain(bodies => fc.record({
	bodies: fc.constant(bodies),
	cuts: fc.array(fc.array(fraction, { maxLength: 8 }), { minLength: bodies.length, maxLength: bodies.length }),
	partial: fc.boolean(),
}));

/** Mentions and quotes lie in the body with exact quote text; collected people point at existing passages. */
export const peopleTarget: FuzzTarget<{ bodies: string[]; cuts: number[][]; partial: boolean }> = {
	name: 'people',
	covers: 'findQuotes (quotes.ts), extractPeople, collectPeople (people.ts, speakers.ts, attribution.ts)',
	arbitrary: peopleCase,
	timeLimitMs: 1000,
	property: ({ bodies, cuts, partial }) => {
		const articles = bodies.map((body, index) => {
			const quotes = findQuotes(body);
			quotes.forEach((quote, at) => assertInside(body, quote, `quote ${at}`, true));
			assertInOrder(quotes, 'quote');
			for (const mention of extractPeople(body, { partial })) {
				assertInside(body, mention, `mention of ${mention.name}`);
				ok(mention.name.trim() !== '', 'a mention names someone');
				ok(['name', 'surname', 'pronoun', 'continuation'].includes(mention.via), `mention via ${mention.via}`);
				if (mention.quote) {
					assertInside(body, mention.quote, `quote of ${mention.name}`);
				}
			}
			const points = [...new Set(cuts[index].map(cut => Math.floor(cut * body.length)))].sort((x, y) => x - y);
			const bounds = [0, ...points, body.length];
			const passages = bounds.slice(1).map((end, at) => ({ id: `p${at}`, start: bounds[at], end })).filter(passage => passage.start < passage.end);
			return { id: `article-${index}`, body, passages };
		});
		for (const person of collectPeople(articles)) {
			ok(person.name.trim() !== '' && person.mentions.length > 0, `person ${JSON.stringify(person.name)} has a name and mentions`);
			for (const mention of person.mentions) {
				const article = articles.find(candidate => candidate.id === mention.article);
				ok(article?.passages.some(passage => passage.id === mention.passage), `${person.name}: no passage ${mention.article} ${mention.passage}`);
			}
		}
	},
};
