/**
 * `npm run fuzz:notes`: re-anchors random notes after random edit sequences on the sample
 * articles and checks the results against the tracked ground truth and the targets.
 *
 *   node --import tsx scripts/fuzzNotes.ts [--cases N] [--seed S] [--show K]
 *
 * --cases  number of generated cases (default 2000)
 * --seed   seed of the first case (default 1); case i uses seed S + i, so a failure can be replayed
 * --show   print up to K failures of each kind with their edits (default 3)
 *
 * Targets: (a) a quote that still occurs re-anchors to an occurrence, to the only one when it is
 * unique; (b) a lightly edited quote re-anchors to a range that covers at least half of the
 * edited passage; (c) a deleted quote is orphaned. Properties: no note lost, every range inside
 * the text. Exits 1 when a target is missed or a property fails.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { anchorNotes } from '../src/core/notes/anchor';
import { AnchorResult } from '../src/core/notes/model';
import { EditCase, generateCase, LIGHT_EDIT_RATIO, loadSampleBodies, LOOKALIKE_MIN_DISTANCE, NoteFate, TrackedNote } from '../test/unit/notesEditGen';

/** Minimum success rates of the scored fates. */
const TARGETS: Partial<Record<NoteFate, number>> = { exact: 0.999, light: 0.98, deleted: 0.97 };

/** A light edit counts as re-anchored when the result covers this share of the edited passage. */
const MIN_OVERLAP = 0.5;

interface Tally {
	notes: number;
	passed: number;
	failures: string[];
}

const { values } = parseArgs({
	options: {
		cases: { type: 'string', default: '2000' },
		seed: { type: 'string', default: '1' },
		show: { type: 'string', default: '3' },
	},
});
const cases = Number(values.cases);
const firstSeed = Number(values.seed);
const show = Number(values.show);

/** Whether `result` is right for `note`, or why not. */
function judge(note: TrackedNote, result: AnchorResult, edited: string): string | undefined {
	const anchored = 'start' in result;
	switch (note.fate) {
		case 'exact': {
			if (!anchored) {
				return 'orphaned though the quote occurs';
			}
			if (edited.slice(result.start, result.end) !== note.request.exact) {
				return `anchored to ${JSON.stringify(edited.slice(result.start, result.end))}, not the quote`;
			}
			return note.occurrences === 1 && result.start !== edited.indexOf(note.request.exact) ? 'not the only occurrence' : undefined;
		}
		case 'light': {
			if (!anchored) {
				return 'orphaned though lightly edited';
			}
			const span = note.span!;
			const overlap = Math.max(0, Math.min(span.end, result.end) - Math.max(span.start, result.start));
			return overlap < MIN_OVERLAP * (span.end - span.start)
				? `anchored to [${result.start}, ${result.end}) ${JSON.stringify(edited.slice(result.start, result.end))}, passage at [${span.start}, ${span.end}) ${JSON.stringify(edited.slice(span.start, span.end))}`
				: undefined;
		}
		case 'deleted':
			return anchored ? `anchored to [${result.start}, ${result.end}) ${JSON.stringify(edited.slice(result.start, result.end))}${note.lookAlike ? ' (look-alike)' : ''}` : undefined;
		default:
			return undefined;
	}
}

/** Property violations of one case: lost or reordered notes, ranges outside the text, a unique quote not found where it is. */
function properties(generated: EditCase, results: AnchorResult[]): string[] {
	const problems: string[] = [];
	if (results.length !== generated.notes.length) {
		problems.push(`${generated.notes.length} notes in, ${results.length} results out`);
	}
	generated.notes.forEach((note, i) => {
		const result = results[i];
		if (!result || result.id !== note.request.id) {
			problems.push(`result ${i} is not note ${note.request.id}`);
		} else if ('start' in result && !(Number.isInteger(result.start) && Number.isInteger(result.end)
			&& 0 <= result.start && result.start <= result.end && result.end <= generated.edited.length)) {
			problems.push(`note ${note.request.id} out of range: [${result.start}, ${result.end})`);
		} else if (note.occurrences === 1 && !('start' in result && result.start === generated.edited.indexOf(note.request.exact))) {
			problems.push(`note ${note.request.id}: its quote occurs once, but it was not anchored there`);
		}
	});
	return problems;
}

function describe(generated: EditCase, note: TrackedNote, why: string): string {
	const { request } = note;
	return [
		`seed ${generated.seed}, note ${request.id} [${request.start}, ${request.end}) ${JSON.stringify(request.exact)}`,
		`  prefix ${JSON.stringify(request.prefix)} suffix ${JSON.stringify(request.suffix)}`,
		`  ${why}`,
		...generated.log.map(line => `  · ${line}`),
	].join('\n');
}

const bodies = loadSampleBodies();
const tallies = new Map<NoteFate, Tally>();
const propertyFailures: string[] = [];
let lookAlikes = 0;
let lookAlikesOrphaned = 0;
let notesIn = 0;
let anchoredCount = 0;
let orphanedCount = 0;
let slowest = { ms: 0, seed: firstSeed };
const started = performance.now();
for (let i = 0; i < cases; i++) {
	const generated = generateCase(firstSeed + i, { bodies });
	const t0 = performance.now();
	const results = anchorNotes(generated.edited, generated.notes.map(note => note.request));
	const ms = performance.now() - t0;
	if (ms > slowest.ms) {
		slowest = { ms, seed: generated.seed };
	}
	propertyFailures.push(...properties(generated, results).map(problem => `seed ${generated.seed}: ${problem}`));
	notesIn += generated.notes.length;
	for (const result of results) {
		if ('start' in result) {
			anchoredCount++;
		} else if (result.orphaned) {
			orphanedCount++;
		}
	}
	generated.notes.forEach((note, j) => {
		if (note.fate === 'deleted' && note.lookAlike) {
			lookAlikes++;
			lookAlikesOrphaned += Number(results[j] !== undefined && !('start' in results[j]));
		}
		const tally = tallies.get(note.fate) ?? { notes: 0, passed: 0, failures: [] };
		tallies.set(note.fate, tally);
		tally.notes++;
		const why = results[j] ? judge(note, results[j], generated.edited) : 'no result';
		if (why === undefined) {
			tally.passed++;
		} else {
			tally.failures.push(describe(generated, note, why));
		}
	});
}
if (anchoredCount + orphanedCount !== notesIn) {
	propertyFailures.push(`${notesIn} notes in, ${anchoredCount} anchored + ${orphanedCount} orphaned`);
}

let failed = propertyFailures.length > 0;
const labels: Record<NoteFate, string> = {
	exact: '(a) quote still occurs',
	light: '(b) lightly edited',
	deleted: '(c) deleted',
	other: '    other (not scored)',
};
console.log(`light edit: at most ${100 * LIGHT_EDIT_RATIO} % of the quote changed; look-alikes pasted ≥ ${LOOKALIKE_MIN_DISTANCE} characters away`);
console.log(`${cases} cases, ${notesIn} notes: ${anchoredCount} anchored + ${orphanedCount} orphaned, ${(performance.now() - started).toFixed(0)} ms in all`);
for (const fate of ['exact', 'light', 'deleted', 'other'] as NoteFate[]) {
	const tally = tallies.get(fate) ?? { notes: 0, passed: 0, failures: [] };
	const target = TARGETS[fate];
	const rate = tally.notes === 0 ? 1 : tally.passed / tally.notes;
	const met = target === undefined || rate >= target;
	failed ||= !met;
	const verdict = target === undefined ? '' : `  target ≥ ${(100 * target).toFixed(1)} %  ${met ? 'met' : 'MISSED'}`;
	console.log(`${labels[fate]}: ${tally.passed}/${tally.notes} = ${(100 * rate).toFixed(2)} %${verdict}`);
	if (fate === 'deleted') {
		console.log(`    of which with a look-alike elsewhere: ${lookAlikesOrphaned}/${lookAlikes} orphaned`);
	}
	if (target !== undefined) {
		for (const failure of tally.failures.slice(0, show)) {
			console.log(failure);
		}
	}
}
console.log(`slowest case: ${slowest.ms.toFixed(1)} ms (seed ${slowest.seed})`);
console.log(propertyFailures.length === 0 ? 'properties: no note lost, every range inside the text, every unique quote found where it is' : `PROPERTY FAILURES:\n${propertyFailures.slice(0, 20).join('\n')}`);
process.exitCode = failed ? 1 : 0;
