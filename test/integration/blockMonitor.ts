import { promises as fs } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Sampling period of the event-loop monitor, in ms: blocks shorter than this are not seen. */
const RESOLUTION_MS = 10;
/** When set (by `npm run bench:hostile`), each step also writes a CPU profile of the main thread here. */
const PROFILE_DIR = process.env.PARALLAX_HOSTILE_PROFILE;
/** Numbers the profiles in the order of the steps. */
let profiled = 0;

/** What one measured step cost the extension host's main thread. */
export interface BlockFigures {
	/** Wall-clock time of the step. */
	elapsedMs: number;
	/** Longest time the main thread did not get back to its event loop during the step. */
	longestBlockMs: number;
}

/**
 * Runs `run` while sampling the event loop of this process (the tests run inside the extension
 * host, so this is the host's main thread), and prints one line of figures for the test output,
 * e.g. `hostile: tiny / load: 812 ms, longest block 41 ms`, which bench:hostile collects.
 */
export async function measured<T>(input: string, step: string, run: () => Promise<T>): Promise<{ value: T; figures: BlockFigures }> {
	const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
	const profiler = PROFILE_DIR ? await startProfiler() : undefined;
	histogram.enable();
	const start = performance.now();
	try {
		const value = await run();
		const elapsedMs = performance.now() - start;
		histogram.disable();
		// The histogram records each timer interval, resolution included; what is left over is the block.
		const figures = { elapsedMs, longestBlockMs: Math.max(0, histogram.max / 1e6 - RESOLUTION_MS) };
		console.log(`hostile: ${input} / ${step}: ${Math.round(figures.elapsedMs)} ms, longest block ${Math.round(figures.longestBlockMs)} ms`);
		return { value, figures };
	} finally {
		histogram.disable();
		await profiler?.(`${String(++profiled).padStart(2, '0')}-${input}--${step}`);
	}
}

/** Starts the V8 profiler on this thread; the returned function stops it and writes `<name>.cpuprofile`. */
async function startProfiler(): Promise<(name: string) => Promise<void>> {
	const session = new Session();
	session.connect();
	const post = <R>(method: string, params: object = {}) =>
		new Promise<R>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as R))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 1000 });
	await post('Profiler.start');
	return async name => {
		const { profile } = await post<{ profile: object }>('Profiler.stop');
		session.disconnect();
		await fs.mkdir(PROFILE_DIR!, { recursive: true });
		await fs.writeFile(join(PROFILE_DIR!, `${name.replace(/[^\w.-]+/g, '_')}.cpuprofile`), JSON.stringify(profile));
	};
}
