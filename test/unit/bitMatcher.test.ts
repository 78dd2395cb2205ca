import { deepStrictEqual, strictEqual } from 'node:assert';
import { BitMatcher, Budget, ColumnScan } from '../../src/core/notes/bitMatcher';

const plenty = (): Budget => ({ left: Number.MAX_SAFE_INTEGER });

/** The edit distance table's last row, column by column, computed plainly: free start, or anchored at the first character. */
function lastRow(pattern: string, text: string, anchored: boolean): number[] {
	let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
	const row: number[] = [];
	for (let j = 1; j <= text.length; j++) {
		const current = [anchored ? j : 0];
		for (let i = 1; i <= pattern.length; i++) {
			current[i] = Math.min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1));
		}
		row.push(current[pattern.length]);
		previous = current;
	}
	return row;
}

/** What a scan should report, from the plain table. */
function expected(row: number[], maxErrors: number): ColumnScan | undefined {
	const errors = Math.min(...row);
	return row.length === 0 || errors > maxErrors ? undefined : { errors, columns: row.flatMap((value, j) => value === errors ? [j + 1] : []), overflow: false };
}

/** A seeded generator, so that a failure replays. */
function random(seed: number): (below: number) => number {
	let state = seed;
	return below => {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		return (state >>> 8) % below;
	};
}

describe('bitMatcher', () => {
	it('finds the lowest-error ends of a pattern as the plain table does, over several blocks', () => {
		const next = random(6);
		for (let round = 0; round < 200; round++) {
			const alphabet = ['ab', 'abc.', 'xyz北😀'][round % 3];
			const string = (length: number) => Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
			const pattern = string(1 + next(round % 2 === 0 ? 80 : 20));
			// Half the texts hold an edited copy of the pattern, so that matches are near the bound.
			const text = round % 2 === 0 ? string(next(150)) : `${string(next(50))}${pattern.slice(next(3))}x${string(next(50))}`;
			const maxErrors = next(Math.ceil(pattern.length / 2) + 2);
			const found = new BitMatcher(pattern).scan(text, 0, 1, text.length, maxErrors, false, Infinity, plenty());
			deepStrictEqual(found, expected(lastRow(pattern, text, false), maxErrors), `${JSON.stringify(pattern)} in ${JSON.stringify(text)}, ≤ ${maxErrors}`);
		}
	});

	it('reads backwards from a match end, anchored there, to find every start with the least errors', () => {
		const next = random(7);
		for (let round = 0; round < 200; round++) {
			const string = (length: number) => Array.from({ length }, () => 'abc'[next(3)]).join('');
			const pattern = string(1 + next(70));
			const text = string(next(120));
			const reversed = (value: string) => value.split('').reverse().join('');
			const maxErrors = next(pattern.length + 1);
			const found = new BitMatcher(reversed(pattern)).scan(text, text.length - 1, -1, text.length, maxErrors, true, Infinity, plenty());
			deepStrictEqual(found, expected(lastRow(reversed(pattern), reversed(text), true), maxErrors), `${JSON.stringify(pattern)} ending ${JSON.stringify(text)}, ≤ ${maxErrors}`);
		}
	});

	it('keeps the first ends up to its limit and flags the rest', () => {
		const found = new BitMatcher('ab').scan('ab'.repeat(10), 0, 1, 20, 0, false, 3, plenty());
		deepStrictEqual(found, { errors: 0, columns: [2, 4, 6], overflow: true });
	});

	it('gives up when its budget of block steps runs out', () => {
		const budget = { left: 50 };
		strictEqual(new BitMatcher('a'.repeat(100)).scan('a'.repeat(1000), 0, 1, 1000, 10, false, Infinity, budget), undefined);
		strictEqual(budget.left < 0, true);
	});
});
