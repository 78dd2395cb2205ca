/**
 * Edit distance of a pattern to the text read one character at a time, 32 pattern characters per
 * machine word: Myers' bit-vector algorithm in its block form, with Ukkonen's cut-off (G. Myers,
 * "A fast bit-vector algorithm for approximate string matching based on dynamic programming",
 * J. ACM 46(3), 1999). Only blocks of the pattern whose rows can still be within the error bound
 * are computed, so one text character costs about maxErrors / 32 block steps where the text is
 * unlike the pattern, and up to pattern length / 32 where it resembles it.
 *
 * Every block step is charged to a {@link Budget}, so that the caller can bound the work of a
 * search whatever the text (see approxSearch.ts).
 */

/** Bits per block: JavaScript's bitwise operators work on 32-bit integers. */
const WORD = 32;

/** Block steps a search may still take; a scan that would take more gives up. */
export interface Budget {
	left: number;
}

/** The lowest error count a scan met and the columns (characters read) where it met it. */
export interface ColumnScan {
	errors: number;
	/** In reading order, at most the scan's limit of them. */
	columns: number[];
	/** More columns than the limit had the lowest error count. */
	overflow: boolean;
}

/** One pattern, prepared for scanning: which of its positions hold each character, per block. */
export class BitMatcher {
	/** Length of the pattern in UTF-16 code units. */
	readonly length: number;
	private readonly _blocks: number;
	/** The bit of the pattern's last row in its last block. */
	private readonly _lastBit: number;
	/** Masks of the characters below U+0080, looked up without hashing; the rest in `_other`. */
	private readonly _ascii: Int32Array[] = [];
	private readonly _other = new Map<number, Int32Array>();
	private readonly _none: Int32Array;
	/** Per block: vertical +1 and −1 deltas of the current column, and the value of its last row. */
	private readonly _plus: Int32Array;
	private readonly _minus: Int32Array;
	private readonly _score: Int32Array;

	constructor(pattern: string) {
		this.length = pattern.length;
		this._blocks = Math.max(1, Math.ceil(pattern.length / WORD));
		this._lastBit = 1 << ((pattern.length - 1) % WORD);
		this._none = new Int32Array(this._blocks);
		this._plus = new Int32Array(this._blocks);
		this._minus = new Int32Array(this._blocks);
		this._score = new Int32Array(this._blocks);
		for (let code = 0; code < 0x80; code++) {
			this._ascii.push(this._none);
		}
		for (let i = 0; i < pattern.length; i++) {
			const code = pattern.charCodeAt(i);
			let mask = this._maskOf(code);
			if (mask === this._none) {
				mask = new Int32Array(this._blocks);
				if (code < 0x80) {
					this._ascii[code] = mask;
				} else {
					this._other.set(code, mask);
				}
			}
			mask[i >> 5] |= 1 << (i & 31);
		}
	}

	/**
	 * Reads `count` characters of `text` from `at` on, forwards (`step` 1) or backwards (−1). Each
	 * character read ends a column; returns the lowest edit distance, at most `maxErrors`, between
	 * the pattern and a stretch of what was read that ends at a column, and the columns (characters
	 * read) where it is reached. Unanchored, the stretch may begin anywhere: approximate search.
	 * Anchored, it begins at `at`: reading backwards from a match's end, where the match begins.
	 * Undefined when nothing is within `maxErrors`, or when the budget runs out.
	 */
	scan(text: string, at: number, step: 1 | -1, count: number, maxErrors: number, anchored: boolean, limit: number, budget: Budget): ColumnScan | undefined {
		if (this.length === 0) {
			return undefined;
		}
		const last = this._blocks - 1;
		const score = this._score;
		let bound = Math.min(maxErrors, this.length);
		// Column 0: row i is i (i characters of the pattern against nothing).
		let active = Math.max(0, Math.ceil(bound / WORD) - 1);
		for (let block = 0; block <= active; block++) {
			this._reset(block);
		}
		let best = -1;
		let columns: number[] = [];
		let overflow = false;
		for (let column = 1, index = at; column <= count; column++, index += step) {
			budget.left -= active + 1;
			if (budget.left < 0) {
				return undefined;
			}
			const mask = this._maskOf(text.charCodeAt(index));
			// Row 0 is 0 everywhere when a match may begin anywhere, the column number when it is anchored.
			let carry = anchored ? 1 : 0;
			for (let block = 0; block <= active; block++) {
				carry = this._advance(block, mask[block], carry);
				score[block] += carry;
			}
			if (active < last && score[active] - carry <= bound && ((mask[active + 1] & 1) !== 0 || carry < 0)) {
				// The first row of the next block can come within the bound: compute it from here on,
				// as if its earlier columns had been all increments (they were over the bound).
				active++;
				this._reset(active);
				score[active] = score[active - 1] - carry + this._height(active) + this._advance(active, mask[active], carry);
			} else {
				while (active > 0 && score[active] >= bound + WORD) {
					active--;
				}
			}
			if (active === last && score[last] <= bound) {
				if (score[last] !== best) {
					// Lower than any so far (higher ones are over the bound): earlier columns no longer count.
					best = score[last];
					bound = best;
					columns = [column];
					overflow = false;
				} else if (columns.length < limit) {
					columns.push(column);
				} else {
					overflow = true;
				}
			}
		}
		return best === -1 ? undefined : { errors: best, columns, overflow };
	}

	private _maskOf(code: number): Int32Array {
		return code < 0x80 ? this._ascii[code] : this._other.get(code) ?? this._none;
	}

	/** Rows of a block in its first column: increments all the way down. */
	private _reset(block: number): void {
		this._plus[block] = ~0;
		this._minus[block] = 0;
		this._score[block] = block * WORD + this._height(block);
	}

	private _height(block: number): number {
		return block === this._blocks - 1 ? this.length - block * WORD : WORD;
	}

	/**
	 * One block of one column (Myers, figure 8): from the block's vertical deltas, the pattern
	 * positions equal to the text character and the horizontal delta entering at its top, the new
	 * vertical deltas; returns the horizontal delta leaving at its bottom.
	 */
	private _advance(block: number, equal: number, carryIn: number): number {
		const plus = this._plus[block];
		const minus = this._minus[block];
		const verticalX = equal | minus;
		// A decrease entering at the top acts as a match in the first row.
		const eq = carryIn < 0 ? equal | 1 : equal;
		const horizontalX = (((eq & plus) + plus) ^ plus) | eq;
		let horizontalPlus = minus | ~(horizontalX | plus);
		let horizontalMinus = plus & horizontalX;
		const bottom = block === this._blocks - 1 ? this._lastBit : 1 << 31;
		const carryOut = (horizontalPlus & bottom) !== 0 ? 1 : (horizontalMinus & bottom) !== 0 ? -1 : 0;
		horizontalPlus <<= 1;
		horizontalMinus <<= 1;
		if (carryIn < 0) {
			horizontalMinus |= 1;
		} else if (carryIn > 0) {
			horizontalPlus |= 1;
		}
		this._plus[block] = horizontalMinus | ~(verticalX | horizontalPlus);
		this._minus[block] = horizontalPlus & verticalX;
		return carryOut;
	}
}
