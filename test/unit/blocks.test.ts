import { deepStrictEqual, strictEqual } from 'node:assert';
import { Block, SentenceLink, findBlocks } from '../../src/core/blocks';

/** Links sentence `from + k` of text x to sentence `to + k` of text y, for k < length. */
function run(x: number, from: number, y: number, to: number, length: number, priority = 1): SentenceLink[] {
	return Array.from({ length }, (_, k) => ({ textA: x, a: from + k, textB: y, b: to + k, priority }));
}

/** Blocks as `text:from-to` lists, sorted, for comparison. */
function shape(blocks: Block[]): string[] {
	return blocks.map(block => [...block.ranges].sort(([x], [y]) => x - y).map(([text, range]) => `${text}:${range.from}-${range.to}`).join(' ')).sort();
}

const none = (count: number) => new Uint8Array(count);

describe('findBlocks', () => {
	it('splits shifted passage pairs into the runs all members share instead of chaining them (issue 3)', () => {
		// A[0..5] ~ B[2..7] and B[4..9] ~ C[0..5], as when articles mix the same paragraphs.
		const links = [...run(0, 0, 1, 2, 6), ...run(1, 4, 2, 0, 6)];
		const blocks = findBlocks([6, 10, 6], links, [none(6), none(10), none(6)]);
		// A 0..1 is only in B; B 4..7 is in all three; B 8..9 is only in C.
		deepStrictEqual(shape(blocks), ['0:0-1 1:2-3', '0:2-5 1:4-7 2:0-3', '1:8-9 2:4-5']);
	});

	it('keeps one run per text, the strongest link winning', () => {
		const links = [{ textA: 0, a: 0, textB: 1, b: 0, priority: 2 }, { textA: 0, a: 5, textB: 1, b: 0, priority: 1 }];
		deepStrictEqual(shape(findBlocks([6, 1], links, [none(6), none(1)])), ['0:0-0 1:0-0']);
	});

	it('spans unlinked sentences only where a passage pair bridges them', () => {
		const links = [...run(0, 0, 1, 0, 1), ...run(0, 2, 1, 2, 1)];
		strictEqual(findBlocks([3, 3], links, [none(3), none(3)]).length, 2);
		const bridged = [new Uint8Array([1, 1, 0]), new Uint8Array([1, 1, 0])];
		deepStrictEqual(shape(findBlocks([3, 3], links, bridged)), ['0:0-2 1:0-2']);
	});
});
