import { diffArrays } from 'diff';
import { synsetsOf } from './lexicon';
import { Token, tokenize } from './normalize';

/**
 * Word-level highlights for two aligned passages: which words they share exactly (by stem, numbers by
 * value), which match as WordNet synonyms, and which only one side has. The diff runs over normalised
 * tokens with the `diff` package, never over characters, and the result is mapped back to body offsets.
 */

/** How a stretch of a passage relates to the other passage of the pair. */
export type HighlightKind = 'same' | 'synonym' | 'removed' | 'added' | 'plain';

/** A stretch of one passage; offsets are UTF-16 offsets into the article body. */
export interface Highlight {
	start: number;
	end: number;
	kind: HighlightKind;
}

/** A range of a body, such as a passage. */
export interface BodyRange {
	start: number;
	end: number;
}

/**
 * Above this many tokens on either side (after the shared head and tail are trimmed) the sequence diff
 * is skipped: Myers' algorithm costs O((N+M)·D), which is seconds on long, divergent texts. Words are
 * then paired by the linear moved-word pass only: highlights say which words both passages use, not
 * where they line up.
 */
export const MAX_DIFF_TOKENS = 5000;
/** Edit distance (in tokens) at which the sequence diff gives up, with the same fallback. */
const MAX_EDIT_LENGTH = 2000;
/** Longest run of stopwords between two changes that is folded into the change. */
const MAX_STOPWORD_ISLAND = 3;

type TokenKind = Exclude<HighlightKind, 'plain'>;

/**
 * Highlights an aligned pair. Each side's highlights cover its passage exactly once, in order, without
 * gaps: words get `same`, `synonym` and `removed` (side A) or `added` (side B). A separator between two
 * words of one kind takes that kind, so "two old words" reads as one span; any other separator (and text
 * before the first or after the last word) is `plain`. Side A plays the old text, side B the new.
 * `removed`/`added` mean the other passage lacks the word: reordered words count as shared, and a few
 * stopwords shared by chance between two changes count as part of the change.
 */
export function highlightPair(bodyA: string, a: BodyRange, bodyB: string, b: BodyRange): { a: Highlight[]; b: Highlight[] } {
	checkRange(bodyA, a, 'a');
	checkRange(bodyB, b, 'b');
	// tokenize() segments long text in chunks (see chunks.ts), so this stays linear.
	const tokensA = tokenize(bodyA.slice(a.start, a.end), a.start);
	const tokensB = tokenize(bodyB.slice(b.start, b.end), b.start);
	const { kindsA, kindsB } = compareTokens(tokensA, tokensB);
	return { a: spansOf(a, tokensA, kindsA), b: spansOf(b, tokensB, kindsB) };
}

/**
 * Serialises highlights to compact markup for tests and debugging, in the manner of jsdiff's
 * `convertChangesToXML`: `<eq>`, `<syn>`, `<del>`, `<ins>`, plain text bare. Text is not escaped.
 */
export function highlightMarkup(body: string, highlights: readonly Highlight[]): string {
	const tags: Record<HighlightKind, string> = { same: 'eq', synonym: 'syn', removed: 'del', added: 'ins', plain: '' };
	return highlights.map(({ start, end, kind }) => {
		const text = body.slice(start, end);
		return tags[kind] ? `<${tags[kind]}>${text}</${tags[kind]}>` : text;
	}).join('');
}

function checkRange(body: string, range: BodyRange, side: string): void {
	if (!(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= body.length)) {
		throw new RangeError(`passage ${side} [${range.start}, ${range.end}) is not inside its body of length ${body.length}`);
	}
}

/** The comparison key of a token: numbers compare by value ("260,000" = "260000"), words by stem. */
function keyOf(token: Token): string {
	return token.value !== undefined ? `#${token.value}` : token.stem;
}

function compareTokens(tokensA: Token[], tokensB: Token[]): { kindsA: TokenKind[]; kindsB: TokenKind[] } {
	const keysA = tokensA.map(keyOf);
	const keysB = tokensB.map(keyOf);
	const synonymKeys = matchSynonyms(tokensA, keysA, tokensB, keysB);
	// Keys as diffed: a B word that is a synonym of an unmatched A word takes that word's key.
	const diffKeysB = keysB.map(key => synonymKeys.get(key) ?? key);
	const partnerA = new Array<number>(tokensA.length).fill(-1);
	const partnerB = new Array<number>(tokensB.length).fill(-1);
	const pair = (i: number, j: number) => {
		partnerA[i] = j;
		partnerB[j] = i;
	};
	sequencePairs(tokensA, keysA, diffKeysB, pair);
	movedPairs(tokensA, keysA, tokensB, diffKeysB, partnerA, partnerB, pair);
	const kindOf = (i: number, j: number): TokenKind => keysA[i] === keysB[j] ? 'same' : 'synonym';
	return {
		kindsA: partnerA.map((j, i) => j < 0 ? 'removed' : kindOf(i, j)),
		kindsB: partnerB.map((i, j) => i < 0 ? 'added' : kindOf(i, j)),
	};
}

/** Pairs the words that line up in reading order: shared head and tail, then the diff of the rest. */
function sequencePairs(tokensA: Token[], keysA: string[], keysB: string[], pair: (i: number, j: number) => void): void {
	// Trimming the shared head and tail is linear and makes long near-copies cheap for the diff.
	let head = 0;
	while (head < keysA.length && head < keysB.length && keysA[head] === keysB[head]) {
		pair(head, head);
		head++;
	}
	let tail = 0;
	while (tail < keysA.length - head && tail < keysB.length - head && keysA[keysA.length - 1 - tail] === keysB[keysB.length - 1 - tail]) {
		pair(keysA.length - 1 - tail, keysB.length - 1 - tail);
		tail++;
	}
	const middleA = keysA.slice(head, keysA.length - tail);
	const middleB = keysB.slice(head, keysB.length - tail);
	const changes = middleA.length <= MAX_DIFF_TOKENS && middleB.length <= MAX_DIFF_TOKENS
		? diffArrays(middleA, middleB, { maxEditLength: MAX_EDIT_LENGTH })
		: undefined;
	if (!changes) {
		// Too long or too different: the moved-word pass alone then says which words both sides use.
		return;
	}
	let i = head;
	let j = head;
	changes.forEach((change, index) => {
		if (change.added) {
			j += change.count;
			return;
		}
		if (change.removed) {
			i += change.count;
			return;
		}
		// A few stopwords shared between two changes ("told *the* press" / "said *the* minister") are
		// chance, not shared wording: they stay part of the divergent stretch around them.
		const island = index > 0 && index < changes.length - 1 && change.count <= MAX_STOPWORD_ISLAND
			&& tokensA.slice(i, i + change.count).every(token => token.stop);
		for (let k = 0; k < change.count && !island; k++) {
			pair(i + k, j + k);
		}
		i += change.count;
		j += change.count;
	});
}

/**
 * Pairs words the sequence pass left over but the other side has too, out of order ("Putin met Kim" /
 * "Kim met Putin"), so that `removed` and `added` mean "only in this passage". Content words pair by key
 * in reading order; a stopword pairs only when the words on both sides of it are paired, on both
 * passages, so that "the" and "of" never make islands of their own. Linear in the number of tokens.
 */
function movedPairs(
	tokensA: Token[], keysA: string[], tokensB: Token[], keysB: string[],
	partnerA: number[], partnerB: number[], pair: (i: number, j: number) => void,
): void {
	// Eligibility is decided before each pass, so the result does not depend on the order of pairing.
	const pairWhere = (eligibleA: (i: number) => boolean, eligibleB: (j: number) => boolean) => {
		const queues = new Map<string, number[]>();
		const candidatesB = keysB.map((_, j) => j).filter(eligibleB);
		const candidatesA = keysA.map((_, i) => i).filter(eligibleA);
		for (const j of candidatesB) {
			const queue = queues.get(keysB[j]);
			if (queue) {
				queue.push(j);
			} else {
				queues.set(keysB[j], [j]);
			}
		}
		const taken = new Map<string, number>();
		for (const i of candidatesA) {
			const queue = queues.get(keysA[i]);
			const next = taken.get(keysA[i]) ?? 0;
			if (queue && next < queue.length) {
				pair(i, queue[next]);
				taken.set(keysA[i], next + 1);
			}
		}
	};
	const enclosed = (position: number, partners: number[]) =>
		(position === 0 || partners[position - 1] >= 0) && (position === partners.length - 1 || partners[position + 1] >= 0);
	pairWhere(i => partnerA[i] < 0 && !tokensA[i].stop, j => partnerB[j] < 0 && !tokensB[j].stop);
	pairWhere(i => partnerA[i] < 0 && tokensA[i].stop && enclosed(i, partnerA), j => partnerB[j] < 0 && tokensB[j].stop && enclosed(j, partnerB));
}

/**
 * Maps each content-word key of B that A lacks to a key of A that B lacks when the two are WordNet
 * synonyms (first such A word in reading order), so that the diff can line them up.
 */
function matchSynonyms(tokensA: Token[], keysA: string[], tokensB: Token[], keysB: string[]): Map<string, string> {
	const inA = new Set(keysA);
	const inB = new Set(keysB);
	// Index A's unmatched words by synset: one lookup per B word instead of comparing every pair.
	const bySynset = new Map<string, string>();
	tokensA.forEach((token, index) => {
		if (!token.stop && token.value === undefined && !inB.has(keysA[index])) {
			for (const synset of synsetsOf(token.stem)) {
				if (!bySynset.has(synset)) {
					bySynset.set(synset, keysA[index]);
				}
			}
		}
	});
	const mapped = new Map<string, string>();
	tokensB.forEach((token, index) => {
		const key = keysB[index];
		if (token.stop || token.value !== undefined || inA.has(key) || mapped.has(key)) {
			return;
		}
		const match = synsetsOf(token.stem).map(synset => bySynset.get(synset)).find(found => found !== undefined);
		if (match !== undefined) {
			mapped.set(key, match);
		}
	});
	return mapped;
}

/** Turns per-token kinds into highlights covering the whole range (see {@link highlightPair}). */
function spansOf(range: BodyRange, tokens: Token[], kinds: TokenKind[]): Highlight[] {
	const spans: Highlight[] = [];
	const push = (start: number, end: number, kind: HighlightKind) => {
		if (start >= end) {
			return;
		}
		const last = spans[spans.length - 1];
		if (last && last.kind === kind && last.end === start) {
			last.end = end;
		} else {
			spans.push({ start, end, kind });
		}
	};
	let cursor = range.start;
	tokens.forEach((token, index) => {
		push(cursor, token.start, index > 0 && kinds[index - 1] === kinds[index] ? kinds[index] : 'plain');
		push(token.start, token.end, kinds[index]);
		cursor = token.end;
	});
	push(cursor, range.end, 'plain');
	return spans;
}
