import type { Seed } from './retrieve';

/**
 * The seeds that lie within the stretch of both texts that the heaviest ordered chain spans: a line
 * repeated in one text ("News releases and statistics.") matches the same line all over the other,
 * and those far-off matches would stretch a passage over unrelated text.
 */
export function withinChain(seeds: Seed[], crossing: number): Seed[] {
	if (seeds.length <= 1) {
		return seeds;
	}
	const chain = orderedChain(seeds, crossing);
	const [first, last] = [chain[0], chain[chain.length - 1]];
	const [bLow, bHigh] = [Math.min(...chain.map(seed => seed.b)), Math.max(...chain.map(seed => seed.b))];
	return seeds.filter(seed => seed.a >= first.a && seed.a <= last.a && seed.b >= bLow && seed.b <= bHigh);
}

/**
 * The heaviest chain of seeds (by summed score) that runs forward through both texts: each next
 * seed comes later in A and at most `crossing` sentences earlier in B (edited text swaps nearby
 * sentences), or pairs the same sentence of A with the next one of B (a sentence split in two).
 */
export function orderedChain(seeds: readonly Seed[], crossing: number): Seed[] {
	if (seeds.length <= 1) {
		return seeds.slice();
	}
	const sorted = seeds.slice().sort((x, y) => x.a - y.a || x.b - y.b);
	const bValues = [...new Set(sorted.map(seed => seed.b))].sort((x, y) => x - y);
	const rankOf = new Map(bValues.map((b, rank) => [b, rank]));
	// Fenwick tree over B ranks: the best chain ending at B rank <= r, among seeds of smaller A.
	const tree = new Array<number>(bValues.length + 1).fill(-1);
	const weight = (index: number) => (index < 0 ? 0 : best[index]);
	const best = new Float64Array(sorted.length);
	const previous = new Int32Array(sorted.length).fill(-1);
	const bySentences = new Map<string, number>();
	const prefixBest = (rank: number): number => {
		let found = -1;
		for (let r = rank; r > 0; r -= r & -r) {
			if (tree[r] >= 0 && (found < 0 || best[tree[r]] > best[found])) {
				found = tree[r];
			}
		}
		return found;
	};
	for (let start = 0; start < sorted.length;) {
		let end = start;
		while (end < sorted.length && sorted[end].a === sorted[start].a) {
			end++;
		}
		for (let index = start; index < end; index++) {
			const seed = sorted[index];
			// The best chain among earlier sentences of A that this seed may follow in B, or the
			// same sentence of A with the previous sentence of B.
			let from = prefixBest(upperRank(bValues, seed.b + crossing));
			const split = bySentences.get(`${seed.a} ${seed.b - 1}`);
			if (split !== undefined && weight(split) > weight(from)) {
				from = split;
			}
			best[index] = weight(from) + seed.match.score;
			previous[index] = from;
			bySentences.set(`${seed.a} ${seed.b}`, index);
		}
		for (let index = start; index < end; index++) {
			for (let r = rankOf.get(sorted[index].b)! + 1; r <= bValues.length; r += r & -r) {
				if (tree[r] < 0 || best[index] > best[tree[r]]) {
					tree[r] = index;
				}
			}
		}
		start = end;
	}
	let last = 0;
	for (let index = 1; index < sorted.length; index++) {
		if (best[index] > best[last]) {
			last = index;
		}
	}
	const chain: Seed[] = [];
	for (let index = last; index >= 0; index = previous[index]) {
		chain.push(sorted[index]);
	}
	return chain.reverse();
}

/** How many of the ascending `values` are at most `b`: a Fenwick tree rank. */
function upperRank(values: readonly number[], b: number): number {
	let low = 0;
	let high = values.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (values[middle] <= b) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}
