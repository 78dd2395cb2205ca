import nlp from 'compromise/two';

/**
 * Recognising person names without a list of names: capitalised word runs are found by pattern,
 * then compromise's tagger (its lexicon of first names, surnames, places, organisations and
 * honorifics) says what each word is. Names the lexicon does not know ("Shen Dingli") come out
 * as `unknown`; the caller decides from context (an apposition, a surname seen before).
 */

/** What a capitalised run of words names, as far as the tagger can tell. */
export type NameKind = 'person' | 'place' | 'organization' | 'group' | 'unknown' | 'none';

/** A capitalised run of words split into its leading title ("Russian President") and the name. */
export interface NameParts {
	kind: NameKind;
	/** The name without title or possessive, e.g. `Vladimir Putin`; empty when `kind` is `none`. */
	name: string;
	/** Offset of `name` within the classified phrase. */
	offset: number;
	/** Title words before the name ("Professor", "Russian President"), if any. */
	title?: string;
	/** Number of words in `name`. */
	words: number;
}

/**
 * One capitalised word (letters, inner hyphens or apostrophes: "Jong-un", "O'Brien"); runs may
 * include the lower-case particles of Arabic and European names.
 */
const WORD = String.raw`\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*`;
const PARTICLE = String.raw`(?:bin|ibn|al|el|de|da|di|du|van|von|der|den|la|le|del|dos)`;

/** A run of one to six capitalised words separated by single spaces. */
export const NAME_RUN = String.raw`${WORD}(?:[ \u00a0](?:${PARTICLE}[ \u00a0])?${WORD}){0,5}`;

/** Tags that make a word part of a title or description rather than of a name. */
const TITLE_TAGS = ['Honorific', 'Actor', 'Demonym', 'Adjective', 'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Pronoun', 'Verb', 'QuestionWord', 'Value', 'Date', 'Month', 'WeekDay'];
/** Tags worth keeping as a title ("Russian President"), unlike "As" or "The". */
const KEEP_IN_TITLE = ['Honorific', 'Actor', 'Demonym', 'Place', 'Country', 'Organization'];
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region'];

interface Term {
	text: string;
	pre: string;
	post: string;
	tags: string[];
}

const cache = new Map<string, NameParts>();
const CACHE_LIMIT = 10_000;

/**
 * Classifies a capitalised run of words ("Seoul sinologist" not included; "Professor John
 * Delury" is): strips leading titles and a trailing possessive, then tags the rest. Cached, since
 * an article names the same people again and again.
 */
export function classifyName(phrase: string): NameParts {
	let parts = cache.get(phrase);
	if (!parts) {
		parts = classifyUncached(phrase);
		if (cache.size >= CACHE_LIMIT) {
			cache.clear();
		}
		cache.set(phrase, parts);
	}
	return parts;
}

function classifyUncached(phrase: string): NameParts {
	const terms = withoutSuffixGuesses(tagTerms(phrase));
	const has = (term: Term, tags: readonly string[]) => tags.some(tag => term.tags.includes(tag));
	const isNameWord = (term: Term) => /^\p{Lu}/u.test(term.text) && !has(term, ['Honorific', 'Plural']) && (has(term, ['Person']) || !has(term, TITLE_TAGS));
	// A place or organisation in front of a name is a title ("US President Joe Biden"); alone it is the thing itself.
	let first = terms.findIndex(term => isNameWord(term) && (has(term, ['Person']) || !has(term, [...PLACE_TAGS, 'Organization'])));
	if (first < 0) {
		first = terms.findIndex(isNameWord);
	}
	if (first < 0) {
		const group = terms.some(term => has(term, ['Plural', 'Actor']));
		return { kind: group ? 'group' : 'none', name: '', offset: 0, words: 0 };
	}
	let offset = 0;
	const titleWords: string[] = [];
	for (let index = 0; index < first; index++) {
		offset += terms[index].pre.length + terms[index].text.length + terms[index].post.length;
		if (has(terms[index], KEEP_IN_TITLE)) {
			titleWords.push(terms[index].text);
		}
	}
	offset += terms[first].pre.length;
	const rest = terms.slice(first);
	const name = phrase.slice(offset).replace(/['’]s$/u, '').replace(/[\s,.;:]+$/u, '');
	const words = name.split(/\s+/).filter(Boolean).length;
	let kind: NameKind = 'unknown';
	if (rest.some(term => has(term, ['Organization']))) {
		kind = 'organization';
	} else if (rest.some(term => has(term, PLACE_TAGS))) {
		kind = 'place';
	} else if (rest.some(term => has(term, ['Person']))) {
		kind = 'person';
	}
	const title = titleWords.join(' ') || undefined;
	return { kind, name, offset, title, words };
}

function tagTerms(phrase: string): Term[] {
	const sentences = nlp(phrase).json() as { terms: Term[] }[];
	return sentences.flatMap(sentence => sentence.terms);
}

let lexicon: Record<string, unknown> | undefined;

/**
 * The tagger guesses Actor or Plural from a suffix ("Lindqvist" like "pianist", "Reuters" like
 * "writers"); for a capitalised word it does not actually know, that guess is dropped.
 */
function withoutSuffixGuesses(terms: Term[]): Term[] {
	lexicon ??= (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon;
	return terms.map(term => {
		const lower = term.text.toLowerCase();
		const guessed = /^\p{Lu}/u.test(term.text) && term.tags.some(tag => tag === 'Actor' || tag === 'Plural')
			&& !(lower in lexicon!) && !(lower.replace(/e?s$/, '') in lexicon!);
		return guessed ? { ...term, tags: term.tags.filter(tag => tag !== 'Actor' && tag !== 'Plural') } : term;
	});
}

/**
 * Whether the first word of a clause makes it a description ("director of…", "a professor…")
 * rather than a predicate ("said…", "was that…", "who focuses…").
 */
export function startsDescription(clause: string): boolean {
	// The commonest openings need no tagger: articles start descriptions, "said"/"who" do not.
	if (/^(?:a|an|the)\s/i.test(clause)) {
		return true;
	}
	if (/^(?:said|says|told|was|is|has|had|who|which|whose|where|when|and|but)\b/i.test(clause)) {
		return false;
	}
	const [term] = tagTerms(clause.slice(0, 60));
	if (!term) {
		return false;
	}
	return !['Verb', 'Pronoun', 'Adverb', 'Preposition', 'Conjunction', 'QuestionWord'].some(tag => term.tags.includes(tag));
}

/** Whether a clause has a verb in it ("the cut came too late"), which an apposition does not. */
export function hasVerb(clause: string): boolean {
	return tagTerms(clause.slice(0, 200)).some(term => term.tags.includes('Verb'));
}

/** Whether a short phrase is a plain description ("Seoul sinologist"), with no verb or clause word in it. */
export function isDescription(phrase: string): boolean {
	const terms = tagTerms(phrase);
	return terms.length > 0 && terms.length <= 6
		&& !terms.some(term => ['Verb', 'Pronoun', 'Adverb', 'Preposition', 'Conjunction', 'QuestionWord', 'Value'].some(tag => term.tags.includes(tag)))
		&& terms[terms.length - 1].tags.includes('Noun');
}

/**
 * Folds a name for comparison: case, accents, hyphens and spacing do not count
 * ("Kim Jong-un" = "Kim Jong Un").
 */
export function normalizeName(name: string): string {
	return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-‐‑'’.]+/g, ' ').replace(/\s+/g, ' ').trim();
}
