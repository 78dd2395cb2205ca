/**
 * Fuzz targets of the notes: re-anchoring notes in edited text, and reading notes files that were
 * hand-edited, merged badly, cut off or replaced by something else. Notes are irreplaceable, so a
 * file is read whole or refused with a ParallaxError, never half-read.
 */
import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import fc from 'fast-check';
import { anchorNotes } from '../../src/core/notes/anchor';
import { ANNOTATION_CONTEXT, AnchorRequest, NoteAnnotation, anchorRequestOf, targetAt } from '../../src/core/notes/model';
import { parseNotesFile, serializeNotesFile } from '../../src/core/notes/notesFile';
import { assertInside, userErrorOr } from './checks';
import { FuzzTarget } from './runTarget';
import { articleBody, hostileField, hostileText, realSentences } from './strings';

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const body = fc.oneof(hostileText(80), articleBody(realSentences().slice(0, 30), 10));

/** Offsets a notes file or a buggy caller might hold. */
const garbageOffset = fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.double(), fc.constantFrom(NaN, Infinity, -0, Number.MAX_SAFE_INTEGER, 2 ** 60));

type AnchorCase = {
	original: string;
	notes: { range: [number, number]; id: string; garbage?: Partial<AnchorRequest> }[];
	edits: { at: number; remove: number; insert: string }[];
};

const anchorCase: fc.Arbitrary<AnchorCase> = fc.record({
	original: body,
	notes: fc.array(fc.record({
		range: fc.tuple(fraction, fraction),
		id: fc.oneof(fc.uuid().map(uuid => `urn:uuid:${uuid}`), hostileField),
		garbage: fc.record({ exact: hostileText(6), prefix: hostileText(4), suffix: hostileText(4), start: garbageOffset, end: garbageOffset }, { requiredKeys: [] }),
	}, { requiredKeys: ['range', 'id'] }), { maxLength: 6 }),
	edits: fc.array(fc.record({ at: fraction, remove: fc.nat({ max: 40 }), insert: hostileText(5) }), { maxLength: 6 }),
});

/**
 * Re-anchoring runs on the extension host when an article opens or changes (notesService.ts):
 * the notes of an article may not hold it up for more than a second.
 */
const ANCHOR_TIME_LIMIT_MS = 1000;

/** Every note gets one result, in order, under its id; an anchored one lies inside the edited text. */
export const notesAnchorTarget: FuzzTarget<AnchorCase> = {
	name: 'notesAnchor',
	covers: 'anchorNotes (notes/anchor.ts)',
	arbitrary: anchorCase,
	timeLimitMs: ANCHOR_TIME_LIMIT_MS,
	property: ({ original, notes, edits }) => {
		const requests = notes.map(({ range: [x, y], id, garbage }) => {
			const [start, end] = [Math.floor(Math.min(x, y) * original.length), Math.floor(Math.max(x, y) * original.length)];
			return { ...anchorRequestOf(id, targetAt('article', original, start, end)), ...garbage };
		});
		let edited = original;
		for (const { at, remove, insert } of edits) {
			const start = Math.floor(at * edited.length);
			edited = edited.slice(0, start) + insert + edited.slice(start + remove);
		}
		const results = anchorNotes(edited, requests);
		deepStrictEqual(results.map(result => result.id), requests.map(request => request.id), 'one result per note, in order');
		results.forEach((result, index) => {
			if ('start' in result) {
				assertInside(edited, result, `note ${index}`);
			} else {
				strictEqual(result.orphaned, true);
			}
		});
	},
};

const isoTime = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map(date => date.toISOString());

const noteBody = fc.record({
	id: fc.uuid().map(uuid => `urn:uuid:${uuid}`),
	type: fc.constant('TextualBody' as const),
	purpose: fc.constantFrom('commenting' as const, 'replying' as const),
	value: hostileText(10),
	format: fc.constant('text/markdown' as const),
	creator: hostileField,
	created: isoTime,
	modified: isoTime,
}, { requiredKeys: ['id', 'type', 'purpose', 'value', 'format', 'created', 'modified'] });

const noteTarget = fc.tuple(fc.constantFrom('putin-kim', 'ft-article', '北京'), hostileText(20), fraction, fraction)
	.map(([article, text, x, y]) => targetAt(article, text, Math.floor(Math.min(x, y) * text.length), Math.floor(Math.max(x, y) * text.length)));

/** Annotations the schema accepts: notes with a thread, links with their relation. */
const annotation: fc.Arbitrary<NoteAnnotation> = fc.record({
	id: fc.oneof(fc.uuid().map(uuid => `urn:uuid:${uuid}`), fc.constantFrom('urn:uuid:same', 'x')),
	created: isoTime,
	modified: isoTime,
	bodies: fc.uniqueArray(noteBody, { selector: item => item.id, minLength: 1, maxLength: 3 }),
	targets: fc.array(noteTarget, { minLength: 2, maxLength: 2 }),
	link: fc.option(fc.constantFrom('same-quote', 'not-parallel', 'a label'), { nil: undefined }),
	resolved: fc.boolean(),
}).map(({ id, created, modified, bodies, targets, link, resolved }) => ({
	'@context': ANNOTATION_CONTEXT,
	id,
	type: 'Annotation',
	motivation: link ? 'linking' : 'commenting',
	created,
	modified,
	body: link ? [{ ...bodies[0], purpose: 'tagging' as const, value: link }, ...bodies.slice(1)] : bodies,
	target: link ? targets : targets.slice(0, 1),
	...(resolved ? { 'parallax:resolved': true as const } : {}),
}));

/** Replaces the value at the `choice`-th path of a JSON value (or deletes it), as a bad hand edit would. */
function mutate(value: unknown, choice: number, replacement: unknown): unknown {
	const paths: (string | number)[][] = [];
	const walk = (node: unknown, path: (string | number)[]) => {
		paths.push(path);
		if (node !== null && typeof node === 'object') {
			for (const [key, child] of Object.entries(node)) {
				walk(child, [...path, Array.isArray(node) ? Number(key) : key]);
			}
		}
	};
	const copy = JSON.parse(JSON.stringify(value)) as unknown;
	walk(copy, []);
	const path = paths[choice % paths.length];
	if (path.length === 0) {
		return replacement;
	}
	const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy as Record<string | number, unknown>);
	const key = path[path.length - 1];
	if (replacement === undefined && !Array.isArray(parent)) {
		delete parent[key];
	} else {
		parent[key] = replacement;
	}
	return copy;
}

/** A notes file: valid, with one field mangled, cut off, spliced with junk, or not JSON at all. */
const notesText = fc.oneof(
	{ weight: 3, arbitrary: fc.array(annotation, { maxLength: 4 }).map(serializeNotesFile) },
	{ weight: 3, arbitrary: fc.tuple(fc.array(annotation, { minLength: 1, maxLength: 3 }), fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.constantFrom(-1, 1.5, 2 ** 60, '', 'x', 'TextPositionSelector')))
		// The whole file replaced by `undefined` writes nothing: an empty file.
		.map(([annotations, choice, replacement]) => JSON.stringify(mutate(annotations, choice, replacement), null, '\t') ?? '') },
	{ weight: 2, arbitrary: fc.tuple(fc.array(annotation, { minLength: 1, maxLength: 2 }).map(serializeNotesFile), fraction, fc.nat({ max: 30 }), hostileText(3))
		.map(([text, at, remove, insert]) => {
			const start = Math.floor(at * text.length);
			return text.slice(0, start) + insert + text.slice(start + remove);
		}) },
	{ weight: 1, arbitrary: fc.tuple(fc.array(annotation, { minLength: 1, maxLength: 2 }).map(serializeNotesFile), fraction).map(([text, at]) => text.slice(0, Math.floor(at * text.length))) },
	{ weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
	{ weight: 1, arbitrary: hostileText(40) },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('[', '{"a":', '[{"body":'), fc.integer({ min: 1, max: 20000 })).map(([open, depth]) => open.repeat(depth)) },
);

/**
 * A notes file is read whole or refused with a ParallaxError naming a line of it; what is read
 * writes back in the canonical form, which reads back to the same notes.
 */
export const notesFileTarget: FuzzTarget<string> = {
	name: 'notesFile',
	covers: 'parseNotesFile, serializeNotesFile (notes/notesFile.ts, notesSchema.ts, jsonText.ts)',
	arbitrary: notesText,
	timeLimitMs: 200,
	property: text => {
		const notes = userErrorOr(() => parseNotesFile(text), text);
		if (!notes) {
			return;
		}
		const written = serializeNotesFile(notes);
		strictEqual(serializeNotesFile(parseNotesFile(written)), written, 'the canonical form reads back to itself');
		for (const note of notes) {
			for (const target of note.target) {
				const { start, end } = target.selector[1];
				ok(Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start && start <= end, `${note.id}: position [${start}, ${end})`);
				ok(target.source !== '', `${note.id}: a target names its article`);
			}
		}
		ok(new Set(notes.map(note => note.id)).size === notes.length, 'ids are unique');
	},
};
