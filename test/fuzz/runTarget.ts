/**
 * Runs one fuzz target with fast-check: so many generated inputs, each timed against the target's
 * bound, failures shrunk to a small counterexample. Shared by `npm run fuzz` (scripts/fuzz.ts) and
 * the quick run of the unit tests (test/unit/fuzz.test.ts).
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';

/** A parser or algorithm that takes user data, with what to feed it and what must hold. */
export interface FuzzTarget<T = unknown> {
	name: string;
	/** The entry points it exercises, for the report. */
	covers: string;
	arbitrary: fc.Arbitrary<T>;
	/** Calls the code under test on `input` and throws when a property does not hold. */
	property: (input: T) => void;
	/** Longest one input may take, in milliseconds. */
	timeLimitMs: number;
}

/** A failing input, shrunk, and how to replay it. */
export interface FuzzFailure {
	message: string;
	preview: string;
	/** `--seed` that finds this failure first (with the same `--target`). */
	seed: number;
}

/** What running a target found. */
export interface FuzzReport {
	name: string;
	cases: number;
	/** Shrunk failures of the properties and inputs over the time bound, at most `maxFailures`. */
	failures: FuzzFailure[];
	/** Inputs over the time bound, all of them (only the first few are in `failures`). */
	overBound: number;
	slowestMs: number;
	slowestPreview: string;
	timeLimitMs: number;
}

/** Options of {@link runTarget}. */
export interface RunOptions {
	cases: number;
	seed: number;
	/** Stop after this many failures: each one costs a shrink, and the first few say enough. */
	maxFailures?: number;
	/** Called before each input, e.g. to leave a note of it for a watchdog. */
	beforeInput?: (input: unknown) => void;
}

/**
 * The first inputs of a target load data (WordNet stems, the tagger's lexicon) and warm up the JIT:
 * they say nothing about the cost of an input, so their time is neither bounded nor reported.
 */
const WARM_UP_RUNS = 3;

/** Runs `target` on `options.cases` inputs (fewer if it fails `maxFailures` times). */
export function runTarget(target: FuzzTarget, options: RunOptions): FuzzReport {
	const maxFailures = options.maxFailures ?? 3;
	const failures: FuzzFailure[] = [];
	let seed = options.seed;
	let runs = 0;
	let overBound = 0;
	let slowest = { ms: 0, input: undefined as unknown };
	const time = (input: unknown) => {
		const started = performance.now();
		target.property(input);
		return performance.now() - started;
	};
	const timed = (input: unknown) => {
		options.beforeInput?.(input);
		let ms = time(input);
		if (runs++ < WARM_UP_RUNS) {
			return;
		}
		if (ms > target.timeLimitMs || ms > slowest.ms) {
			// A garbage collection or another process can stall any one run: a slow input is slow twice.
			ms = Math.min(ms, time(input));
		}
		if (ms > slowest.ms) {
			slowest = { ms, input };
		}
		// Recorded rather than thrown: shrinking a slow input would rerun slow inputs for a long time.
		if (ms > target.timeLimitMs) {
			overBound++;
			if (failures.length < maxFailures) {
				failures.push({ message: `took ${ms.toFixed(0)} ms, over the bound of ${target.timeLimitMs} ms`, preview: preview(input, 400), seed });
			}
		}
	};
	let cases = 0;
	// After a failure, carry on with the next seed, so that one bug does not hide the others.
	for (; cases < options.cases && failures.length < maxFailures; seed++) {
		const details = fc.check(fc.property(target.arbitrary, timed), { numRuns: options.cases - cases, seed });
		cases += details.numRuns;
		if (!details.failed) {
			break;
		}
		const error = details.errorInstance;
		failures.push({
			message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
			preview: preview(details.counterexample?.[0], 400),
			seed,
		});
	}
	return { name: target.name, cases, failures, overBound, slowestMs: slowest.ms, slowestPreview: preview(slowest.input, 100), timeLimitMs: target.timeLimitMs };
}

/** A short, printable description of an input: strings escaped and cut, bytes in hex, sizes given. */
export function preview(value: unknown, max: number): string {
	const text = describe(value, max);
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** C1 controls, zero-width and bidirectional marks, line and paragraph separators, BOM. */
const INVISIBLE = /[\u007f-\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function describe(value: unknown, max: number): string {
	if (typeof value === 'string') {
		// JSON.stringify escapes C0 controls and lone surrogates; the other invisible characters are escaped here.
		const shown = JSON.stringify(value.slice(0, max)).replace(INVISIBLE, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
		return value.length > max ? `${shown}…(${value.length} chars)` : shown;
	}
	if (value instanceof Uint8Array) {
		const hex = Buffer.from(value.subarray(0, max / 2)).toString('hex');
		return `<${value.length} bytes ${hex}${value.length > max / 2 ? '…' : ''}>`;
	}
	if (Array.isArray(value)) {
		return `[${value.length}: ${value.slice(0, 4).map(item => describe(item, max / 2)).join(', ')}${value.length > 4 ? ', …' : ''}]`;
	}
	if (value !== null && typeof value === 'object') {
		return `{${Object.entries(value).slice(0, 8).map(([key, item]) => `${key}: ${describe(item, max / 2)}`).join(', ')}}`;
	}
	return String(value);
}
