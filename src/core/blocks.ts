/** Sentences `from..to` (inclusive) of one text. */
export interface SentenceRange {
	from: number;
	to: number;
}

/** Evidence that sentence `a` of text `textA` corresponds to sentence `b` of text `textB`. */
export interface SentenceLink {
	textA: number;
	a: number;
	textB: number;
	b: number;
	/** Links are merged best first. */
	priority: number;
}

/** Sentence runs of several texts that all correspond to each other: one row of a comparison. */
export interface Block {
	/** One run per text, by text. */
	ranges: Map<number, SentenceRange>;
	/** Indices of the links between the block's sentences (those refused by the one-run rule excepted). */
	links: number[];
}

/**
 * Groups corresponding sentences into blocks in two steps.
 *
 * 1. Sentences are joined by their links, best first, never so that one text would hold two
 *    separate runs: each set holds one sentence (or a few adjacent ones) per text, the same
 *    sentence as it recurs across the texts.
 * 2. Consecutive sets are chained into a block where every text that has one has the other right
 *    after it (or after sentences a passage pair bridges). A block's texts therefore all hold
 *    the same run of sentence sets: its members correspond to each other, not just along a chain.
 *    Wire copy (articles mixing the same paragraphs) gives one block per shared paragraph run,
 *    where joining passage pairs by overlap would chain shifted ranges into one giant group.
 *
 * `bridged[text][i]` says whether some passage pair spans sentences i and i + 1 of the text.
 */
export function findBlocks(sentenceCounts: readonly number[], links: readonly SentenceLink[], bridged: readonly Uint8Array[]): Block[] {
	const offsets: number[] = [];
	let total = 0;
	for (const count of sentenceCounts) {
		offsets.push(total);
		total += count;
	}
	const sets = joinSentences(total, links, offsets);
	return chainSets(sets, sentenceCounts.length, bridged);
}

/** A set of corresponding sentences: its run in each text, and the links that joined it. */
interface SentenceSet {
	ranges: Map<number, SentenceRange>;
	links: number[];
}

/** Union-find over sentences: no set may hold two separate runs of one text. */
function joinSentences(total: number, links: readonly SentenceLink[], offsets: readonly number[]): SentenceSet[] {
	const parent = new Int32Array(total).map((_, index) => index);
	const sets = new Map<number, SentenceSet>();
	const find = (node: number): number => {
		while (parent[node] !== node) {
			parent[node] = parent[parent[node]];
			node = parent[node];
		}
		return node;
	};
	const setOf = (root: number, text: number, sentence: number): SentenceSet => {
		let set = sets.get(root);
		if (!set) {
			sets.set(root, (set = { ranges: new Map([[text, { from: sentence, to: sentence }]]), links: [] }));
		}
		return set;
	};
	const order = links.map((_, index) => index).sort((x, y) => links[y].priority - links[x].priority);
	for (const index of order) {
		const link = links[index];
		let rootX = find(offsets[link.textA] + link.a);
		let rootY = find(offsets[link.textB] + link.b);
		if (rootX === rootY) {
			// Already joined: still evidence of how the set's texts correspond.
			sets.get(rootX)!.links.push(index);
			continue;
		}
		let setX = setOf(rootX, link.textA, link.a);
		let setY = setOf(rootY, link.textB, link.b);
		if (!canJoin(setX, setY)) {
			continue;
		}
		if (setX.ranges.size < setY.ranges.size) {
			[rootX, rootY, setX, setY] = [rootY, rootX, setY, setX];
		}
		for (const [text, range] of setY.ranges) {
			const mine = setX.ranges.get(text);
			setX.ranges.set(text, mine ? { from: Math.min(mine.from, range.from), to: Math.max(mine.to, range.to) } : range);
		}
		append(setX.links, setY.links);
		setX.links.push(index);
		parent[rootY] = rootX;
		sets.delete(rootY);
	}
	// A sentence whose every link was refused is left with a set of its own text only.
	return [...sets.values()].filter(set => set.ranges.size >= 2);
}

/** Two sets may join where each text they share gets one unbroken run (overlapping or adjacent). */
function canJoin(x: SentenceSet, y: SentenceSet): boolean {
	const [small, large] = x.ranges.size < y.ranges.size ? [x, y] : [y, x];
	for (const [text, range] of small.ranges) {
		const other = large.ranges.get(text);
		if (other && (other.to + 1 < range.from || range.to + 1 < other.from)) {
			return false;
		}
	}
	return true;
}

/** Chains sets that follow each other in every text that has them into blocks. */
function chainSets(sets: readonly SentenceSet[], textCount: number, bridged: readonly Uint8Array[]): Block[] {
	// Each text's sets in reading order; `following` maps a set's run in a text to the set right after it there.
	const byText: { set: number; range: SentenceRange }[][] = Array.from({ length: textCount }, () => []);
	sets.forEach((set, index) => {
		for (const [text, range] of set.ranges) {
			byText[text].push({ set: index, range });
		}
	});
	const following = new Map<SentenceRange, number>();
	byText.forEach((occurrences, text) => {
		occurrences.sort((x, y) => x.range.from - y.range.from);
		for (let i = 0; i + 1 < occurrences.length; i++) {
			const [current, next] = [occurrences[i], occurrences[i + 1]];
			if (isBridged(bridged[text], current.range.to, next.range.from)) {
				following.set(current.range, next.set);
			}
		}
	});
	const next = new Int32Array(sets.length).fill(-1);
	const hasPrevious = new Uint8Array(sets.length);
	sets.forEach((set, index) => {
		let candidate = -1;
		for (const range of set.ranges.values()) {
			const after = following.get(range);
			if (after === undefined || (candidate >= 0 && after !== candidate)) {
				return;
			}
			candidate = after;
		}
		// The next set follows in every text of this one; with as many texts, it is in no other.
		if (candidate >= 0 && sets[candidate].ranges.size === set.ranges.size) {
			next[index] = candidate;
			hasPrevious[candidate] = 1;
		}
	});
	const blocks: Block[] = [];
	sets.forEach((set, head) => {
		if (hasPrevious[head]) {
			return;
		}
		const block: Block = { ranges: new Map([...set.ranges].map(([text, range]) => [text, { ...range }])), links: set.links };
		for (let index = next[head]; index >= 0; index = next[index]) {
			for (const [text, range] of sets[index].ranges) {
				block.ranges.get(text)!.to = range.to;
			}
			append(block.links, sets[index].links);
		}
		blocks.push(block);
	});
	return blocks;
}

/** Whether a run ending at sentence `to` and one starting at `from` are adjacent or joined by a passage pair. */
function isBridged(bridges: Uint8Array, to: number, from: number): boolean {
	if (from === to + 1) {
		return true;
	}
	for (let boundary = to; boundary < from; boundary++) {
		if (!bridges[boundary]) {
			return false;
		}
	}
	return true;
}

/** Appends without spreading: a set joined from thousands of copies has more links than a call takes arguments. */
function append(target: number[], items: readonly number[]): void {
	for (const item of items) {
		target.push(item);
	}
}
