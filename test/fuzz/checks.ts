/**
 * The properties the fuzz targets share: only user-facing errors escape, and every range returned
 * lies inside its text, in order, with its text the slice it claims to be.
 */
import { ok, strictEqual } from 'node:assert';
import { isParallaxError } from '../../src/core/errors';

/** A range of a text, with the text it claims to cover when it says. */
interface Range {
	start: number;
	end: number;
	text?: string;
}

/**
 * Runs `run`, and returns undefined when it throws a ParallaxError (bad input, reported to the user),
 * after checking that the line it names exists in `source`. Any other exception is a bug and propagates.
 */
export function userErrorOr<T>(run: () => T, source?: string): T | undefined {
	try {
		return run();
	} catch (error) {
		if (!isParallaxError(error)) {
			throw error;
		}
		ok(error.message.trim() !== '', 'a user-facing error has a message');
		if (error.line !== undefined && source !== undefined) {
			const lines = source.split('\n').length;
			ok(Number.isInteger(error.line) && error.line >= 1 && error.line <= lines, `error line ${error.line} outside 1..${lines}: ${error.message}`);
		}
		return undefined;
	}
}

/** `range` lies inside `body` (UTF-16 offsets, start ≤ end, or start < end when `nonEmpty`), and its `text` is that slice. */
export function assertInside(body: string, range: Range, what: string, nonEmpty = false): void {
	ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: offsets ${range.start}, ${range.end} are not integers`);
	ok(range.start >= 0 && range.end <= body.length && (nonEmpty ? range.start < range.end : range.start <= range.end),
		`${what}: [${range.start}, ${range.end}) is not inside 0..${body.length}`);
	if (range.text !== undefined) {
		strictEqual(range.text, body.slice(range.start, range.end), `${what}: text is not body.slice(start, end)`);
	}
}

/** Each range of `ranges` ends before the next starts. */
export function assertInOrder(ranges: readonly Range[], what: string): void {
	for (let index = 1; index < ranges.length; index++) {
		ok(ranges[index - 1].end <= ranges[index].start, `${what} ${index - 1} [${ranges[index - 1].start}, ${ranges[index - 1].end}) overlaps or follows ${what} ${index} [${ranges[index].start}, ${ranges[index].end})`);
	}
}

/** `ranges` cover `whole` exactly once: contiguous, no gaps, no overlaps, none empty. */
export function assertCovers(whole: { start: number; end: number }, ranges: readonly Range[], what: string): void {
	if (whole.start === whole.end) {
		strictEqual(ranges.length, 0, `${what}: an empty range has no pieces`);
		return;
	}
	ok(ranges.length > 0, `${what}: nothing covers [${whole.start}, ${whole.end})`);
	let cursor = whole.start;
	for (const range of ranges) {
		strictEqual(range.start, cursor, `${what}: a gap or overlap at ${cursor}`);
		ok(range.end > range.start, `${what}: an empty piece at ${range.start}`);
		cursor = range.end;
	}
	strictEqual(cursor, whole.end, `${what}: the pieces end at ${cursor}, not ${whole.end}`);
}

/** `text` has no whitespace at either end, as the segmenter's spans promise. */
export function assertTrimmed(text: string, what: string): void {
	ok(!/^\s|\s$/.test(text), `${what} ${JSON.stringify(text.slice(0, 40))} is not trimmed`);
}
