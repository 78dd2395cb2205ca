/**
 * `npm run fuzz`: property-based fuzzing of every parser and algorithm that takes user data
 * (issue 6), with the targets of test/fuzz/targets.ts.
 *
 *   node --import tsx scripts/fuzz.ts [--cases N] [--target NAME] [--seed S]
 *
 * --cases   inputs per target (default 10000)
 * --target  run only this target (repeatable); the names are listed by --list
 * --seed    seed of the first round (default 1); a failure prints the seed that replays it
 * --list    print the targets and exit
 *
 * Prints per target the cases run, the failures (shrunk, with the seed to replay them), and the
 * slowest input's time and a preview of it. Exits 1 on any failure. Each target runs in a worker
 * thread watched from here: an input that hangs (an endless loop cannot be interrupted from inside)
 * is reported with its preview instead of stalling the run.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FuzzReport, TARGETS, preview, runTarget } from '../test/fuzz/targets';

/** Bytes of the shared note of the input being run, read when a worker hangs. */
const NOTE_BYTES = 1024;

/** What the main thread hands a worker. */
interface Job {
	name: string;
	cases: number;
	seed: number;
	/** [0] counts inputs started, [1] is the byte length of the note that follows in `note`. */
	progress: SharedArrayBuffer;
	note: SharedArrayBuffer;
}

if (isMainThread) {
	main().then(code => process.exit(code), error => {
		console.error(error);
		process.exit(2);
	});
} else {
	runJob(workerData as Job);
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			cases: { type: 'string', default: '10000' },
			target: { type: 'string', multiple: true },
			seed: { type: 'string', default: '1' },
			list: { type: 'boolean', default: false },
		},
	});
	if (values.list) {
		for (const target of TARGETS) {
			console.log(`${target.name.padEnd(12)} ${target.covers}`);
		}
		return 0;
	}
	const cases = Number(values.cases);
	const seed = Number(values.seed);
	const unknown = (values.target ?? []).filter(name => !TARGETS.some(target => target.name === name));
	if (!(Number.isInteger(cases) && cases > 0) || !Number.isInteger(seed) || unknown.length > 0) {
		console.error(unknown.length > 0 ? `unknown target ${unknown.join(', ')}; --list shows them` : '--cases and --seed take whole numbers');
		return 2;
	}
	const targets = values.target ? TARGETS.filter(target => values.target!.includes(target.name)) : TARGETS;
	console.log(`fuzzing ${targets.length} targets, ${cases} cases each, seed ${seed} (the first 3 inputs of each warm up and are not timed)\n`);
	const reports: (FuzzReport & { seconds: number })[] = [];
	for (const target of targets) {
		const started = performance.now();
		const report = await runInWorker({ name: target.name, cases, seed, progress: new SharedArrayBuffer(8), note: new SharedArrayBuffer(NOTE_BYTES) }, target.timeLimitMs);
		reports.push({ ...report, seconds: (performance.now() - started) / 1000 });
		printReport(report, (performance.now() - started) / 1000);
	}
	printTable(reports);
	return reports.some(report => report.failures.length > 0) ? 1 : 0;
}

/** Runs one target in a worker; if no new input starts for a long while, stops it and reports the input it is stuck on. */
function runInWorker(job: Job, timeLimitMs: number): Promise<FuzzReport> {
	// tsx's --import hook does not reach workers on Node 20: register its CommonJS loader in the worker itself.
	const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true, workerData: job });
	const progress = new Int32Array(job.progress);
	const hangMs = Math.max(30_000, 20 * timeLimitMs);
	return new Promise((resolve, reject) => {
		let seen = -1;
		let since = performance.now();
		const watchdog = setInterval(() => {
			const started = Atomics.load(progress, 0);
			if (started !== seen) {
				[seen, since] = [started, performance.now()];
				return;
			}
			if (performance.now() - since > hangMs) {
				clearInterval(watchdog);
				const note = new TextDecoder().decode(new Uint8Array(job.note).slice(0, Atomics.load(progress, 1)));
				void worker.terminate();
				resolve({
					name: job.name, cases: started, overBound: 1, slowestMs: hangMs, slowestPreview: note, timeLimitMs,
					failures: [{ message: `hang: input ${started} still running after ${hangMs / 1000} s`, preview: note, seed: job.seed }],
				});
			}
		}, 1000);
		worker.once('message', (report: FuzzReport) => {
			clearInterval(watchdog);
			resolve(report);
		});
		worker.once('error', error => {
			clearInterval(watchdog);
			reject(error);
		});
	});
}

/** Worker side: runs the target, leaving a note of each input for the watchdog. */
function runJob(job: Job): void {
	const target = TARGETS.find(candidate => candidate.name === job.name)!;
	const progress = new Int32Array(job.progress);
	const note = new Uint8Array(job.note);
	const encoder = new TextEncoder();
	const report = runTarget(target, {
		cases: job.cases,
		seed: job.seed,
		beforeInput: input => {
			const { written } = encoder.encodeInto(preview(input, 300), note);
			Atomics.store(progress, 1, written);
			Atomics.add(progress, 0, 1);
		},
	});
	parentPort!.postMessage(report);
}

function printReport(report: FuzzReport, seconds: number): void {
	const status = report.failures.length === 0 ? 'ok' : `${report.failures.length} FAILED${report.overBound > 0 ? ` (${report.overBound} inputs over the time bound)` : ''}`;
	console.log(`${report.name}: ${report.cases} cases, ${status}, slowest ${report.slowestMs.toFixed(1)} ms (bound ${report.timeLimitMs} ms), ${seconds.toFixed(1)} s`);
	console.log(`  slowest input: ${report.slowestPreview}`);
	for (const failure of report.failures) {
		console.log(`  FAILURE ${failure.message.split('\n').slice(0, 6).join('\n          ')}`);
		console.log(`    input: ${failure.preview}`);
		console.log(`    replay: npm run fuzz -- --target ${report.name} --seed ${failure.seed}`);
	}
}

function printTable(reports: readonly (FuzzReport & { seconds: number })[]): void {
	console.log(`\n${'target'.padEnd(12)} ${'cases'.padStart(7)} ${'failures'.padStart(8)} ${'slow'.padStart(5)} ${'slowest ms'.padStart(10)} ${'bound ms'.padStart(8)} ${'time s'.padStart(7)}`);
	for (const report of reports) {
		console.log(`${report.name.padEnd(12)} ${String(report.cases).padStart(7)} ${String(report.failures.length).padStart(8)} ${String(report.overBound).padStart(5)} ${report.slowestMs.toFixed(1).padStart(10)} ${String(report.timeLimitMs).padStart(8)} ${report.seconds.toFixed(1).padStart(7)}`);
	}
}
