// Benchmark of huge and odd inputs (issue 6 part 4), a report rather than a timed test:
//   (a) in a real VS Code (code-server, test/vscode/run.sh), the "Huge and odd inputs" integration suite at full
//       size (a 5 MB article, a 50 MB folder, 2,000 tiny articles, non-UTF-8 files, a file rewritten while it loads):
//       load time and longest block of the extension host's main thread for each step, with what ran in it;
//   (b) in plain Node, the core's parse of the largest single file of each input: the extension parses one file
//       at a time between pauses, so this is the shortest block its load can have.
// Run: npm run bench:hostile [-- --skip-vscode]   (it builds first; about 10 minutes on 2 cores)
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/core/corpus';
import { MAX_INPUT_BYTES, decodeText } from '../src/core/decode';
import { readCorpusFiles } from '../src/util/corpusFiles';
import { FULL_SCALE, seedSentences, writeHostileCorpora } from '../test/integration/hostileCorpus';

const ROOT = join(__dirname, '..');
const { values: options } = parseArgs({ options: { 'skip-vscode': { type: 'boolean', default: false } } });

/** Runs the integration suite at full size in code-server; returns its `hostile:` lines and the profiles' folder. */
async function runInVsCode(): Promise<{ lines: string[]; profiles: string; ok: boolean }> {
	const profiles = mkdtempSync(join(tmpdir(), 'parallax-hostile-profiles-'));
	// The whole output (workbench and extension host logs) goes to a file, to look into a failure.
	const log = createWriteStream(join(profiles, 'run.log'));
	const lines: string[] = [];
	const env = {
		...process.env,
		// The extension host inherits code-server's environment, so these reach the suite.
		PARALLAX_HOSTILE_SCALE: 'full',
		PARALLAX_HOSTILE_PROFILE: profiles,
		PARALLAX_TEST_GREP: 'Huge and odd inputs',
		PARALLAX_UI_GREP: 'NOTHING_MATCHES',
		PARALLAX_TEST_TIMEOUT_MS: String(60 * 60_000),
	};
	const child = spawn('bash', ['test/vscode/run.sh'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
	let pending = '';
	child.stdout.on('data', (chunk: Buffer) => {
		log.write(chunk);
		pending += chunk.toString();
		const complete = pending.split('\n');
		pending = complete.pop() ?? '';
		for (const line of complete) {
			if (/^hostile:|passing|failing|^\s+\d+\) |rc=/.test(line)) {
				console.log(line);
			}
			if (line.startsWith('hostile:')) {
				lines.push(line);
			}
		}
	});
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	log.end();
	return { lines, profiles, ok: code === 0 };
}

/** The longest stretch of busy samples in a CPU profile, and the frames that ran most in it. */
function longestBusyStretch(file: string): { ms: number; cpuMs: number; frames: string[] } {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as {
		nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
		samples: number[];
		timeDeltas: number[];
	};
	const nodes = new Map(profile.nodes.map(node => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		for (const child of node.children ?? []) {
			parent.set(child, node.id);
		}
	}
	const label = (id: number) => {
		const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
		return `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
	};
	const idle = (id: number) => ['(idle)', '(program)', '(root)'].includes(nodes.get(id)!.callFrame.functionName);
	let best = { start: 0, end: 0, samples: [] as number[] };
	let current: typeof best | undefined;
	let time = 0;
	profile.samples.forEach((id, index) => {
		time += profile.timeDeltas[index];
		if (idle(id)) {
			current = undefined;
			return;
		}
		current ??= { start: time, end: time, samples: [] };
		current.end = time;
		current.samples.push(id);
		if (current.end - current.start > best.end - best.start) {
			best = current;
		}
	});
	// Frames by the samples that had them on the stack, most first, the profiler's own frames left out.
	const counts = new Map<string, number>();
	for (const id of best.samples) {
		const seen = new Set<string>();
		for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
			const name = label(node);
			if (!seen.has(name) && !name.startsWith('(root)')) {
				seen.add(name);
				counts.set(name, (counts.get(name) ?? 0) + 1);
			}
		}
	}
	const frames = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, count]) => `${count} ${name}`);
	return { ms: (best.end - best.start) / 1000, cpuMs: best.samples.length, frames };
}

/** Part (b): the core's parse of the largest file of each input, in plain Node (median of 3). */
async function coreParseTimes(): Promise<void> {
	const root = mkdtempSync(join(tmpdir(), 'parallax-hostile-'));
	try {
		const layout = await writeHostileCorpora(root, await seedSentences(join(ROOT, 'corpus')), FULL_SCALE);
		console.log('\n(b) plain Node: the core on the largest single file of each input, and on the whole input in one call');
		// The odd folder is left out: its files are refused before any parsing.
		for (const [name, folder] of Object.entries({ huge: layout.huge.folder, big: layout.big.folder, tiny: layout.tiny.folder, changing: layout.changing.folder })) {
			const { files } = await readCorpusFiles([folder]);
			// The largest file the limit lets through (the big folder's oversized one is refused unread).
			const largest = files.filter(file => file.bytes.length <= MAX_INPUT_BYTES).reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
			const time = (run: () => unknown) => {
				const runs = [0, 1, 2].map(() => {
					const start = performance.now();
					run();
					return performance.now() - start;
				});
				return runs.sort((a, b) => a - b)[1];
			};
			const decode = time(() => decodeText(largest.bytes));
			const one = time(() => loadCorpus([largest]));
			const all = time(() => loadCorpus(files));
			console.log(`  ${name}: largest file ${(largest.bytes.length / 1024).toFixed(0)} KB: loadCorpus ${one.toFixed(1)} ms (of which decodeText ${decode.toFixed(1)} ms); `
				+ `all ${files.length} files in one loadCorpus call: ${all.toFixed(0)} ms`);
		}
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

async function main(): Promise<void> {
	console.log(`load average at start: ${loadavg().map(load => load.toFixed(2)).join(' ')} (2 cores here: figures above 2 mean other work shared the CPU)`);
	let ok = true;
	if (!options['skip-vscode']) {
		console.log('(a) real VS Code, extension host main thread (full sizes)');
		const run = await runInVsCode();
		ok = run.ok;
		console.log(`load average after the VS Code run: ${loadavg().map(load => load.toFixed(2)).join(' ')}`);
		console.log('\nWhat ran in the longest busy stretch of each step (CPU samples of 1 ms; a stretch may span several tasks):');
		for (const file of readdirSync(run.profiles).filter(name => name.endsWith('.cpuprofile')).sort()) {
			const stretch = longestBusyStretch(join(run.profiles, file));
			console.log(`  ${file.replace(/^\d+-|\.cpuprofile$/g, '').replace('--', ' / ')}: ${stretch.ms.toFixed(0)} ms wall, ${stretch.cpuMs} ms CPU`);
			for (const frame of stretch.frames) {
				console.log(`      ${frame}`);
			}
		}
		if (run.ok) {
			rmSync(run.profiles, { recursive: true, force: true });
		} else {
			console.log(`\nThe run failed; its whole output is in ${join(run.profiles, 'run.log')}`);
		}
	}
	await coreParseTimes();
	process.exitCode = ok ? 0 : 1;
}

void main();
