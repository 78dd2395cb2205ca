import { describedAfter, describedBefore } from './affiliation';
import { Attribution, contentOf, findAttributions } from './attribution';
import { Person } from './comparison';
import { normalizeName } from './names';
import { QuoteSpan, findQuotes, quoteAt, quoteAwareSentences } from './quotes';
import { Sentence, Span, splitParagraphs } from './segment';
import { ResolvedSpeaker, SpeakerResolver } from './speakers';

/**
 * People quoted or cited as sources in an article, and what they said. Detection is by
 * attribution patterns (attribution.ts) and compromise's tagger (names.ts), never by a list of
 * names. Only people count: an institution that speaks ("Xinhua wrote", "a Foreign Ministry
 * spokesperson declined to comment") has no person's name, and is left out of the People view.
 */

/** One place where an article quotes or cites a person. */
export interface PersonMention {
	/** Full name as the article writes it ("Shen Dingli" also where the sentence says "Shen"). */
	name: string;
	/** What the article says the person is ("director of the China program at … Stimson Center"). */
	affiliation?: string;
	/** Body range of the attribution ("said Yun Sun", "Liu said", "she said"), or of the quote for a continuation. */
	start: number;
	end: number;
	/** What the person said: a direct quote without its marks, or the reported clause. */
	quote?: { start: number; end: number; text: string };
	/**
	 * How the speaker was recognised: by `name`, by a `surname` standing for a name given
	 * earlier, by a `pronoun`, or as the `continuation` of the previous quote.
	 */
	via: 'name' | 'surname' | 'pronoun' | 'continuation';
	/**
	 * Set when the speaker is a lone word the article never gives in full ("“…,” Sun said"), and
	 * the tagger does not know as a name; only with {@link ExtractOptions.partial}.
	 */
	partial?: boolean;
}

/** Options of {@link extractPeople}. */
export interface ExtractOptions {
	/**
	 * Also return lone unknown words in speaker position ("Sun said", but also "Xinhua wrote"), for
	 * {@link collectPeople} to match against full names of other articles.
	 */
	partial?: boolean;
}

/** The people quoted or cited in one article body, in text order. */
export function extractPeople(body: string, options: ExtractOptions = {}): PersonMention[] {
	if (!body.trim()) {
		return [];
	}
	const paragraphs = splitParagraphs(body);
	const quotes = findQuotes(body, paragraphs);
	const sentences = quoteAwareSentences(body, quotes);
	const sentenceAt = (offset: number): Span => sentences[sentenceIndexAt(sentences, offset)] ?? { start: 0, end: body.length, text: body };
	const resolver = new SpeakerResolver(body, sentenceAt, options.partial);
	const mentions: PersonMention[] = [];
	let previous: { mention: PersonMention; sentence: number; direct: boolean } | undefined;
	sentences.forEach((sentence, index) => {
		const found: PersonMention[] = [];
		for (const attribution of findAttributions(body, sentence, quotes)) {
			const mention = mentionOf(body, sentence, attribution, resolver, previous?.mention, quotes, paragraphs);
			if (mention && !found.some(other => other.name === mention.name)) {
				found.push(mention);
			}
		}
		if (found.length === 0 && previous?.direct && previous.sentence === index - 1 && continuesQuote(sentence, sentences[previous.sentence], quotes, body)) {
			const quote = contentOf(body, sentence, sentence.start, sentence.start, quotes);
			if (quote) {
				const mention: PersonMention = { name: previous.mention.name, start: sentence.start, end: sentence.end, quote: { ...quote, text: body.slice(quote.start, quote.end) }, via: 'continuation' };
				found.push(previous.mention.partial ? { ...mention, partial: true } : mention);
			}
		}
		for (const mention of found) {
			mentions.push(mention);
			const direct = !!mention.quote && !!quoteAt(quotes, mention.quote.start - 1);
			previous = { mention, sentence: index, direct };
		}
	});
	return withAffiliations(body, mentions, sentences, resolver);
}

function mentionOf(body: string, sentence: Sentence, attribution: Attribution, resolver: SpeakerResolver, previous: PersonMention | undefined, quotes: readonly QuoteSpan[], paragraphs: readonly Span[]): PersonMention | undefined {
	for (const candidate of attribution.candidates) {
		let speaker: ResolvedSpeaker | undefined;
		if (candidate.pronoun) {
			speaker = pronounSpeaker(body, sentence, candidate.speaker.start, resolver, previous);
		} else {
			speaker = resolver.resolve(candidate.speaker);
		}
		if (!speaker) {
			continue;
		}
		const verb = attribution.verb;
		const start = Math.min(candidate.speaker.start, verb.start);
		let end = Math.max(candidate.speaker.end, verb.end);
		if (candidate.speaker.start > verb.start) {
			// "…, said Liu Dongshu, an assistant professor…": the apposition is part of the attribution.
			end = Math.max(end, describedAfter(body, candidate.speaker.end, sentence.end)?.end ?? end);
		}
		const range = colonQuote(body, sentence, verb, paragraphs) ?? contentOf(body, sentence, start, end, quotes, verb.text);
		const via = candidate.pronoun ? 'pronoun' : speaker.viaSurname ? 'surname' : 'name';
		const mention: PersonMention = { name: speaker.name, start, end, quote: range && { ...range, text: body.slice(range.start, range.end) }, via };
		return speaker.partial ? { ...mention, partial: true } : mention;
	}
	return undefined;
}

/** "Professor John Delury believes:" at the end of a paragraph: the words are the next paragraph. */
function colonQuote(body: string, sentence: Sentence, verb: Span, paragraphs: readonly Span[]): { start: number; end: number } | undefined {
	const paragraph = paragraphs[sentence.paragraph];
	if (!paragraph || body.slice(verb.end, paragraph.end).trim() !== ':') {
		return undefined;
	}
	const next = paragraphs[sentence.paragraph + 1];
	return next ? { start: next.start, end: next.end } : undefined;
}

/** "he"/"she": the nearest person named earlier in the sentence, else the previous speaker. */
function pronounSpeaker(body: string, sentence: Sentence, pronounStart: number, resolver: SpeakerResolver, previous: PersonMention | undefined): ResolvedSpeaker | undefined {
	const before = body.slice(sentence.start, pronounStart);
	const runs = [...before.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00a0]\p{Lu}[\p{L}\p{M}'’-]*)*/gu)].reverse();
	for (const run of runs) {
		const start = sentence.start + run.index;
		const speaker = resolver.resolve({ start, end: start + run[0].length, text: run[0] });
		if (speaker) {
			return speaker;
		}
	}
	return previous && { name: previous.name, start: pronounStart, end: pronounStart, viaSurname: false };
}

/** Whether a sentence with no attribution of its own goes on with the quote of the sentence before. */
function continuesQuote(sentence: Sentence, previous: Sentence, quotes: readonly QuoteSpan[], body: string): boolean {
	const startsQuoted = /^[“"«„]/.test(body.slice(sentence.start, sentence.start + 1));
	return startsQuoted && !!quoteAt(quotes, sentence.start) && sentence.paragraph - previous.paragraph <= 1;
}

/** Each person's affiliation in this article: the first apposition, "of" phrase or title found at any mention of the name. */
function withAffiliations(body: string, mentions: PersonMention[], sentences: readonly Sentence[], resolver: SpeakerResolver): PersonMention[] {
	const byName = new Map<string, PersonMention[]>();
	for (const mention of mentions) {
		byName.set(mention.name, [...byName.get(mention.name) ?? [], mention]);
	}
	const affiliations = new Map<string, string | undefined>();
	for (const [name, own] of byName) {
		affiliations.set(name, affiliationOf(body, name, own, sentences, resolver));
	}
	return mentions.map(mention => {
		const affiliation = affiliations.get(mention.name);
		return affiliation ? { ...mention, affiliation } : mention;
	});
}

/** How many places in the body are searched for a person's description. */
const MAX_PLACES = 100;

function affiliationOf(body: string, name: string, mentions: readonly PersonMention[], sentences: readonly Sentence[], resolver: SpeakerResolver): string | undefined {
	const words = name.split(/\s+/);
	// A one-word name inside a longer one ("Lindqvist" in "Anna Lindqvist") may be someone else: only its own mentions count.
	const places: Span[] = words.length >= 2 ? resolver.occurrences(name).slice(0, MAX_PLACES) : [];
	// A surname mention can carry the description too ("said Liu of the City University of Hong Kong").
	for (const mention of mentions.slice(0, MAX_PLACES)) {
		for (const match of body.slice(mention.start, mention.end).matchAll(/[\p{L}\p{M}'’-]+/gu)) {
			if (words.length === 1 ? match[0] === name : words.includes(match[0])) {
				const start = mention.start + match.index;
				places.push({ start, end: start + match[0].length, text: match[0] });
			}
		}
	}
	places.sort((a, b) => a.start - b.start);
	let found: { text: string; rank: number } | undefined;
	for (const place of places) {
		const sentence = sentences[sentenceIndexAt(sentences, place.start)];
		if (!sentence) {
			continue;
		}
		const after = describedAfter(body, place.end, sentence.end);
		const candidate = after ? { text: after.text, rank: after.kind === 'apposition' ? 0 : 1 } : undefined;
		const before = candidate ? undefined : describedBefore(body, place.start, place.end, sentence.start);
		const best = candidate ?? (before ? { text: before, rank: 2 } : undefined);
		if (best && (!found || best.rank < found.rank)) {
			found = best;
		}
		if (found?.rank === 0) {
			break;
		}
	}
	return found?.text;
}

function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
	let low = 0;
	let high = sentences.length - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (offset < sentences[middle].start) {
			high = middle - 1;
		} else if (offset >= sentences[middle].end) {
			low = middle + 1;
		} else {
			return middle;
		}
	}
	return -1;
}

/** An article as {@link collectPeople} needs it: its body and its passages. */
export interface PeopleInput {
	id: string;
	body: string;
	passages: readonly { id: string; start: number; end: number }[];
}

/**
 * The DESIGN.md `people` array of a comparison: the people of every article, merged by full
 * name ("Kim Jong-un" = "Kim Jong Un") and by a lone surname when only one full name has it
 * ("Sun" → "Yun Sun"). Each mention names the passage holding the quote (or the attribution).
 */
export function collectPeople(articles: readonly PeopleInput[]): Person[] {
	const people = new Map<string, Person>();
	const partial = new Map<string, Person>();
	for (const article of articles) {
		for (const mention of extractPeople(article.body, { partial: true })) {
			const key = normalizeName(mention.name);
			const into = mention.partial ? partial : people;
			const person = into.get(key) ?? { name: mention.name, mentions: [] };
			person.affiliation ??= mention.affiliation;
			const passage = passageOf(article.passages, mention.quote?.start ?? mention.start);
			if (passage) {
				const entry = mention.quote ? { article: article.id, passage, quote: mention.quote.text } : { article: article.id, passage };
				if (!person.mentions.some(other => other.article === entry.article && other.passage === entry.passage && other.quote === entry.quote)) {
					person.mentions.push(entry);
				}
			}
			into.set(key, person);
		}
	}
	// One-word names go into the one full name that has the word; a lone unknown word with no match is dropped.
	mergeSurnames(people, people);
	mergeSurnames(partial, people);
	return [...people.values()]
		.filter(person => person.mentions.length > 0)
		.map(({ name, affiliation, mentions }) => affiliation ? { name, affiliation, mentions } : { name, mentions })
		.sort((a, b) => articleCount(b) - articleCount(a) || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

function mergeSurnames(from: Map<string, Person>, into: Map<string, Person>): void {
	for (const [key, person] of [...from]) {
		if (key.includes(' ')) {
			continue;
		}
		const fuller = [...into.entries()].filter(([other]) => other.split(' ').length >= 2 && other.split(' ').includes(key));
		if (fuller.length === 1) {
			const target = fuller[0][1];
			target.mentions.push(...person.mentions);
			target.affiliation ??= person.affiliation;
			from.delete(key);
		}
	}
}

function articleCount(person: Person): number {
	return new Set(person.mentions.map(mention => mention.article)).size;
}

/** The passage containing `offset`, else the last passage starting before it. */
function passageOf(passages: readonly { id: string; start: number; end: number }[], offset: number): string | undefined {
	let best: { id: string; start: number } | undefined;
	for (const passage of passages) {
		if (offset >= passage.start && offset < passage.end) {
			return passage.id;
		}
		if (passage.start <= offset && (!best || passage.start > best.start)) {
			best = passage;
		}
	}
	return best?.id ?? passages[0]?.id;
}
