import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { anchorNote, anchorNotes } from '../../src/core/notes/anchor';
import { AnchorRequest, AnchorResult, anchorRequestOf, targetAt } from '../../src/core/notes/model';
import { countOccurrences, generateCase, loadSampleBodies } from './notesEditGen';

/** Few distinct characters, so that quotes repeat; CJK, emoji and lone surrogates among them. */
const character = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom('a', 'b', 'c', ' ', '.') },
	{ weight: 2, arbitrary: fc.constantFrom('😀', '😐', '北', '京', '\n') },
	{ weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map(code => String.fromCharCode(code)) },
);
const text = (maxLength: number) => fc.string({ unit: character, maxLength });

/** Any number a JSON file or a buggy caller might give as an offset. */
const offset = fc.oneof(
	fc.integer({ min: -5, max: 300 }),
	fc.integer(),
	fc.double(),
	fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER, 2 ** 60),
);

/** Replacements applied in order: where (modulo the length), how much to remove, what to insert. */
const edits = fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: text(12) }), { maxLength: 6 });

function applyEdits(original: string, list: readonly { at: number; remove: number; insert: string }[]): string {
	let result = original;
	for (const { at, remove, insert } of list) {
		const start = at % (result.length + 1);
		result = result.slice(0, start) + insert + result.slice(start + remove);
	}
	return result;
}

function assertInside(edited: string, result: AnchorResult): void {
	if ('start' in result) {
		ok(Number.isInteger(result.start) && Number.isInteger(result.end), `offsets ${result.start}, ${result.end}`);
		ok(0 <= result.start && result.start <= result.end && result.end <= edited.length, `[${result.start}, ${result.end}) outside 0..${edited.length}`);
	} else {
		strictEqual(result.orphaned, true);
	}
}

/** Results match the requests one for one, lie inside the text, and a quote found exactly once is found there. */
function assertAnchored(edited: string, requests: readonly AnchorRequest[], results: readonly AnchorResult[]): void {
	deepStrictEqual(results.map(result => result.id), requests.map(request => request.id));
	requests.forEach((request, i) => {
		const result = results[i];
		assertInside(edited, result);
		if (request.exact !== '' && edited.includes(request.exact)) {
			ok('start' in result, `${JSON.stringify(request.exact)} occurs but was orphaned`);
			strictEqual(edited.slice(result.start, result.end), request.exact);
			if (countOccurrences(edited, request.exact) === 1) {
				strictEqual(result.start, edited.indexOf(request.exact));
			}
		}
	});
}

describe('anchor properties', () => {
	const bodies = loadSampleBodies();

	it('anchors or orphans every note of an edited sample article, and finds a quote that still occurs', () => {
		fc.assert(fc.property(fc.integer({ min: 1, max: 0x7fffffff }), seed => {
			const generated = generateCase(seed, { bodies });
			const requests = generated.notes.map(note => note.request);
			assertAnchored(generated.edited, requests, anchorNotes(generated.edited, requests));
		}), { numRuns: 30 });
	});

	it('anchors or orphans every note of an edited random text, and finds a quote that still occurs', () => {
		const ranges = fc.array(fc.record({ at: fc.nat(), length: fc.nat({ max: 24 }) }), { minLength: 1, maxLength: 5 });
		fc.assert(fc.property(text(200), ranges, edits, (original, notes, changes) => {
			const requests = notes.map(({ at, length }, i) => {
				const start = at % (original.length + 1);
				return anchorRequestOf(`n${i}`, targetAt('a', original, start, Math.min(original.length, start + length)));
			});
			const edited = applyEdits(original, changes);
			assertAnchored(edited, requests, anchorNotes(edited, requests));
		}), { numRuns: 40 });
	});

	it('never throws and stays inside the text on arbitrary strings and offsets', () => {
		const request = fc.record({ id: fc.string(), exact: text(40), prefix: text(40), suffix: text(40), start: offset, end: offset });
		fc.assert(fc.property(text(300), request, (body, hostile) => {
			const result = anchorNote(body, hostile);
			strictEqual(result.id, hostile.id);
			assertInside(body, result);
		}), { numRuns: 50 });
	});
});
