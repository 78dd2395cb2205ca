import { describedAfter, describedBefore } from './affiliation';
import { NAME_RUN, classifyName, normalizeName } from './names';
import { Span } from './segment';

/**
 * Who a speaker word run is, within one article: "Professor John Delury" → John Delury;
 * "Shen" → Shen Dingli, because the article named him in full; "Beijing" or "Xinhua" → nobody.
 */

/** A speaker resolved to a person of the article. */
export interface ResolvedSpeaker {
	/** The person's full name as the article writes it. */
	name: string;
	/** Where the name (without title) is in the body. */
	start: number;
	end: number;
	/** Whether the run was a surname or other part standing for a full name. */
	viaSurname: boolean;
	/** A lone word the article never expands ("Sun said"): a person only if another article names them in full. */
	partial?: boolean;
}

/** How many full-name forms of one word are examined before giving up. */
const MAX_FORMS = 50;

/** Resolves speaker runs of one article to people, with surname coreference. */
export class SpeakerResolver {
	/** Full names of the people resolved so far, by normalised form. */
	private readonly _people = new Map<string, string>();
	/** Normalised multi-word names of `_people` by each of their words, for surname lookups. */
	private readonly _byWord = new Map<string, Set<string>>();
	/** Multi-word capitalised runs of the body by their words, built on first need. */
	private _runsByWord: Map<string, Span[]> | undefined;

	/**
	 * @param _sentenceAt the sentence around a body offset, the bounds of an apposition.
	 * @param _partial also return lone unknown words as {@link ResolvedSpeaker.partial} speakers.
	 */
	constructor(private readonly _body: string, private readonly _sentenceAt: (offset: number) => Span, private readonly _partial = false) {}

	/**
	 * Where the body writes a multi-word name, within longer runs too ("Russian President Vladimir
	 * Putin"); found through the run index rather than by scanning the body once per name.
	 */
	occurrences(name: string): Span[] {
		const [first] = normalizeName(name).split(' ');
		const spans: Span[] = [];
		for (const run of this._runs().get(first) ?? []) {
			for (let at = run.text.indexOf(name); at >= 0; at = run.text.indexOf(name, at + name.length)) {
				spans.push({ start: run.start + at, end: run.start + at + name.length, text: name });
			}
		}
		return spans;
	}

	/** The person a capitalised run names, or undefined when it is a place, an organisation or unknown. */
	resolve(run: Span): ResolvedSpeaker | undefined {
		const parts = classifyName(run.text);
		if (parts.kind !== 'person' && parts.kind !== 'unknown') {
			return undefined;
		}
		const start = run.start + parts.offset;
		const end = start + parts.name.length;
		if (parts.words >= 2) {
			// A name the tagger does not know counts when the article describes it ("Shen Dingli, a professor…").
			if (parts.kind === 'unknown' && !parts.title && !this._isDescribed(start, end)) {
				return undefined;
			}
			return { name: this._remember(parts.name), start, end, viaSurname: false };
		}
		const full = this._fullNameOf(parts.name);
		if (full) {
			return { name: full, start, end, viaSurname: true };
		}
		if (parts.kind === 'person') {
			return { name: this._remember(parts.name), start, end, viaSurname: false };
		}
		return this._partial ? { name: parts.name, start, end, viaSurname: true, partial: true } : undefined;
	}

	private _remember(name: string): string {
		const key = normalizeName(name);
		const known = this._people.get(key);
		if (known) {
			return known;
		}
		this._people.set(key, name);
		const words = key.split(' ');
		if (words.length >= 2) {
			for (const word of words) {
				const names = this._byWord.get(word) ?? new Set<string>();
				names.add(key);
				this._byWord.set(word, names);
			}
		}
		return name;
	}

	private _isDescribed(start: number, end: number): boolean {
		const sentence = this._sentenceAt(start);
		return !!describedAfter(this._body, end, sentence.end) || !!describedBefore(this._body, start, end, sentence.start);
	}

	/** The one full name of the article that has `word` as a word, preferring people already resolved. */
	private _fullNameOf(word: string): string | undefined {
		const key = normalizeName(word);
		const hasWord = (name: string) => normalizeName(name).split(' ').includes(key);
		const known = this._byWord.get(key);
		if (known?.size === 1) {
			return this._people.get([...known][0]);
		}
		if (known && known.size > 1) {
			return undefined;
		}
		const forms = new Map<string, string>();
		for (const run of (this._runs().get(key) ?? []).slice(0, MAX_FORMS)) {
			const parts = classifyName(run.text);
			const start = run.start + parts.offset;
			if (parts.words >= 2 && hasWord(parts.name) && (parts.kind === 'person' || (parts.kind === 'unknown' && (parts.title || this._isDescribed(start, start + parts.name.length))))) {
				forms.set(normalizeName(parts.name), forms.get(normalizeName(parts.name)) ?? parts.name);
			}
		}
		if (forms.size !== 1) {
			return undefined;
		}
		return this._remember([...forms.values()][0]);
	}

	private _runs(): Map<string, Span[]> {
		if (!this._runsByWord) {
			this._runsByWord = new Map();
			for (const match of this._body.matchAll(new RegExp(NAME_RUN, 'gu'))) {
				if (!/\s/.test(match[0])) {
					continue;
				}
				const run = { start: match.index, end: match.index + match[0].length, text: match[0] };
				for (const word of new Set(normalizeName(match[0]).split(' '))) {
					const runs = this._runsByWord.get(word) ?? [];
					runs.push(run);
					this._runsByWord.set(word, runs);
				}
			}
		}
		return this._runsByWord;
	}
}
