import type { PairwiseAlignment } from './align';
import type { PassagePair } from './extend';
import { matchUnits } from './match';
import { PreparedText, unitsOfRange } from './prepare';

/** Relation that tells the engine two passages do not correspond. */
export const NOT_PARALLEL = 'not-parallel';

/** A user's link between passages of two articles (body offsets), from the notes store. */
export interface UserLink {
	id: string;
	relation: string;
	a: { article: string; start: number; end: number };
	b: { article: string; start: number; end: number };
}

/** A passage pair the user asserted, with the link that asserts it. */
export type UserPassagePair = PassagePair & { user?: { id: string; relation: string } };

/**
 * Applies the user's corrections to the machine's passage pairs: a link adds the pair (scored on its
 * real shared wording, but merged before anything else, so it always ends up in one row); a
 * `not-parallel` link removes every machine pair that joins the two passages.
 */
export function applyUserLinks(alignment: PairwiseAlignment, articleIds: readonly string[], links: readonly UserLink[]): void {
	for (const link of links) {
		let [x, y] = [articleIds.indexOf(link.a.article), articleIds.indexOf(link.b.article)];
		let [rangeX, rangeY] = [link.a, link.b];
		if (x < 0 || y < 0 || x === y) {
			continue;
		}
		if (x > y) {
			[x, y, rangeX, rangeY] = [y, x, rangeY, rangeX];
		}
		const sentencesX = sentencesCovering(alignment.texts[x], rangeX.start, rangeX.end);
		const sentencesY = sentencesCovering(alignment.texts[y], rangeY.start, rangeY.end);
		if (!sentencesX || !sentencesY) {
			continue;
		}
		let entry = alignment.pairs.find(pair => pair.textA === x && pair.textB === y);
		if (!entry) {
			alignment.pairs.push((entry = { textA: x, textB: y, passages: [] }));
		}
		if (link.relation === NOT_PARALLEL) {
			entry.passages = entry.passages.filter(pair => !(overlaps(pair.a, sentencesX) && overlaps(pair.b, sentencesY)));
			continue;
		}
		const match = matchUnits(unitsOfRange(alignment.texts[x], ...sentencesX), unitsOfRange(alignment.texts[y], ...sentencesY), alignment.weights);
		const pair: UserPassagePair = { a: sentencesX, b: sentencesY, match, seeds: [], tier: 'reuse', user: { id: link.id, relation: link.relation } };
		entry.passages.push(pair);
	}
}

/** The first and last sentence overlapping [start, end), or undefined when none does. */
function sentencesCovering(text: PreparedText, start: number, end: number): [number, number] | undefined {
	let first = -1;
	let last = -1;
	text.sentences.forEach((sentence, index) => {
		if (sentence.start < Math.max(end, start + 1) && start < sentence.end) {
			first = first < 0 ? index : first;
			last = index;
		}
	});
	return first < 0 ? undefined : [first, last];
}

function overlaps(range: [number, number], other: [number, number]): boolean {
	return range[0] <= other[1] && other[0] <= range[1];
}
