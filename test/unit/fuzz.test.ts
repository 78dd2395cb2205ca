import { strictEqual } from 'node:assert';
import { TARGETS, runTarget } from '../fuzz/targets';

/**
 * The fast version of `npm run fuzz` (issue 6): a few inputs per target with a fixed seed, so that
 * a run is repeatable and a broken property shows up in `npm test` too. The full run is 10,000 per target.
 */
const CASES: Record<string, number> = { align: 30, importHtml: 30, people: 30, highlight: 40, notesAnchor: 25, normalize: 60 };
const DEFAULT_CASES = 80;
const SEED = 6;

describe('fuzz', () => {
	for (const target of TARGETS) {
		const cases = CASES[target.name] ?? DEFAULT_CASES;
		it(`${target.name}: ${cases} generated inputs keep every property, each within ${target.timeLimitMs} ms`, () => {
			const report = runTarget(target, { cases, seed: SEED, maxFailures: 1 });
			const failure = report.failures[0];
			strictEqual(failure, undefined, failure && `${failure.message}\ninput: ${failure.preview}\nreplay: npm run fuzz -- --target ${target.name} --seed ${failure.seed}`);
			strictEqual(report.cases, cases);
		});
	}
});
