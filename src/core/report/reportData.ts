import { ComparedArticle, Comparison, Evidence, Group, Passage, PassageRef, passageKey } from '../comparison';
import { Highlight, highlightPair } from '../wordDiff';

/**
 * What the Markdown and HTML reports share: lookups into a {@link Comparison}, coverage figures,
 * evidence as labelled lists, and word highlights for the members of a group. Strings returned here
 * are raw article text; each writer escapes them for its format.
 */

/** One member of a group, resolved; `passage` is undefined when the comparison lacks it. */
export interface ResolvedMember {
	ref: PassageRef;
	article: ComparedArticle | undefined;
	passage: Passage | undefined;
}

/** How much of an article has a counterpart. */
export interface Coverage {
	article: ComparedArticle;
	/** Share (0..1) of the article's passage characters that are in some group. */
	share: number;
	grouped: number;
	passages: number;
}

/** Index of a comparison's articles and passages. */
export class ReportIndex {
	private readonly _articles = new Map<string, ComparedArticle>();
	private readonly _passages = new Map<string, Passage>();

	constructor(readonly comparison: Comparison) {
		for (const article of comparison.articles) {
			this._articles.set(article.id, article);
			for (const passage of article.passages) {
				this._passages.set(passageKey({ article: article.id, passage: passage.id }), passage);
			}
		}
	}

	/** The outlet of an article, else its title, else its id: the label of its column. */
	label(articleId: string): string {
		const article = this._articles.get(articleId);
		return article?.outlet || article?.title || articleId;
	}

	/** The article and passage a reference points at. */
	resolve(ref: PassageRef): ResolvedMember {
		return { ref, article: this._articles.get(ref.article), passage: this._passages.get(passageKey(ref)) };
	}

	/** Coverage of every article, in the order of the comparison. */
	coverage(): Coverage[] {
		const grouped = new Set(this.comparison.groups.flatMap(group => group.members.map(passageKey)));
		return this.comparison.articles.map(article => {
			const inGroups = article.passages.filter(passage => grouped.has(passageKey({ article: article.id, passage: passage.id })));
			const total = sumLengths(article.passages);
			return { article, share: total > 0 ? sumLengths(inGroups) / total : 0, grouped: inGroups.length, passages: article.passages.length };
		});
	}

	/** The unaligned passages of each article that has any, in the order of the comparison. */
	onlyIn(): { article: ComparedArticle; passages: Passage[] }[] {
		return this.comparison.articles.map(article => ({
			article,
			passages: this.comparison.unaligned
				.filter(ref => ref.article === article.id)
				.map(ref => this._passages.get(passageKey(ref)))
				.filter((passage): passage is Passage => passage !== undefined),
		})).filter(entry => entry.passages.length > 0);
	}
}

/**
 * Word highlights of each member of a group, offsets into its passage text (which equals the body slice,
 * so no body is needed). Every member is compared with the first; the first with the second. Members
 * whose passage is missing get none.
 */
export function groupHighlights(members: readonly ResolvedMember[]): (Highlight[] | undefined)[] {
	const first = members[0]?.passage;
	return members.map((member, index) => {
		const other = index === 0 ? members[1]?.passage : first;
		if (!member.passage || !other) {
			return undefined;
		}
		const own = { start: 0, end: member.passage.text.length };
		const theirs = { start: 0, end: other.text.length };
		return index === 0
			? highlightPair(member.passage.text, own, other.text, theirs).a
			: highlightPair(other.text, theirs, member.passage.text, own).b;
	});
}

/** The non-empty parts of a piece of evidence as `[label, values]`, values in display form. */
export function evidenceItems(evidence: Evidence): [string, string[]][] {
	const items: [string, string[]][] = [
		['shared terms', evidence.terms],
		['synonyms', evidence.synonyms.map(([a, b]) => `${a} / ${b}`)],
		['entities', evidence.entities],
		['numbers', evidence.numbers.map(formatNumber)],
	];
	return items.filter(([, values]) => values.length > 0);
}

/** A group's heading line: kind and score. */
export function groupSummary(group: Group): string {
	return `${group.kind}, score ${group.score.toFixed(2)}`;
}

/** A share as a whole percentage, "63%". */
export function formatShare(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/** "1 passage", "3 passages". */
export function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A number with thousands separators, as a reader expects it ("260,000"). */
export function formatNumber(value: number): string {
	return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}


function sumLengths(passages: readonly Passage[]): number {
	return passages.reduce((sum, passage) => sum + (passage.end - passage.start), 0);
}
