import { deepStrictEqual, notStrictEqual, ok, strictEqual, throws } from 'node:assert';
import fc from 'fast-check';
import { ParallaxError } from '../../src/core/errors';
import { NoteAnnotation, NoteBody, targetAt } from '../../src/core/notes/model';
import {
	addReply, createLink, createNote, editBody, isLink, mergeNotes, newAnnotationId, parseAnchorInput, parseNotesFile,
	relationOf, removeBody, serializeNotesFile, setResolved, sortAnnotations,
} from '../../src/core/notes/notesFile';

const ARTICLE = 'The pact was signed in Pyongyang. China said nothing. Beijing declined to comment.';
const T0 = '2024-06-21T10:00:00.000Z';

function body(id: string, value: string, purpose: NoteBody['purpose'] = 'commenting', time = T0): NoteBody {
	return { id, type: 'TextualBody', purpose, value, format: 'text/markdown', created: time, modified: time };
}

function note(id: string, start: number, end: number, extra: Partial<NoteAnnotation> = {}): NoteAnnotation {
	return {
		'@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'Annotation', motivation: 'commenting',
		created: T0, modified: T0, body: [body(`${id}-b1`, `Note ${id}`)], target: [targetAt('cnn', ARTICLE, start, end)], ...extra,
	};
}

function link(id: string): NoteAnnotation {
	return {
		...note(id, 0, 10), motivation: 'linking',
		body: [body(`${id}-r`, 'contradicts', 'tagging'), body(`${id}-n`, 'see both')],
		target: [targetAt('cnn', ARTICLE, 0, 10), targetAt('ft', ARTICLE, 34, 52)],
	};
}

/** The same JSON with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(reverseKeys);
	}
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).reverse().map(([key, field]) => [key, reverseKeys(field)]));
	}
	return value;
}

function parseError(text: string): ParallaxError {
	try {
		parseNotesFile(text);
	} catch (error) {
		ok(error instanceof ParallaxError, `not a ParallaxError: ${String(error)}`);
		return error;
	}
	throw new Error(`parsed: ${text.slice(0, 80)}`);
}

const annotationArbitrary: fc.Arbitrary<NoteAnnotation> = fc.record({
	id: fc.uuid().map(uuid => `urn:uuid:${uuid}`),
	text: fc.string({ unit: 'grapheme', maxLength: 60 }),
	values: fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 3 }),
	start: fc.nat(1000),
	length: fc.nat(50),
	time: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map(date => date.toISOString()),
	resolved: fc.boolean(),
}).map(({ id, text, values, start, length, time, resolved }) => ({
	'@context': 'http://www.w3.org/ns/anno.jsonld' as const, id, type: 'Annotation' as const, motivation: 'commenting' as const, created: time, modified: time,
	body: values.map((value, index) => body(`${id}/${index}`, value, index === 0 ? 'commenting' : 'replying', time)),
	target: [{
		source: 'urn:parallax:article:a', selector: [
			{ type: 'TextQuoteSelector' as const, exact: text, prefix: text.slice(0, 3), suffix: '' },
			{ type: 'TextPositionSelector' as const, start, end: start + length },
		] as NoteAnnotation['target'][0]['selector'],
	}],
	...(resolved ? { 'parallax:resolved': true as const } : {}),
}));

describe('notesFile', () => {
	describe('serialize and parse', () => {
		it('reads back what it wrote, in file order, for any notes', () => {
			fc.assert(fc.property(fc.uniqueArray(annotationArbitrary, { selector: a => a.id, maxLength: 8 }), annotations => {
				deepStrictEqual(parseNotesFile(serializeNotesFile(annotations)), sortAnnotations(annotations));
			}), { numRuns: 200 });
		});

		it('writes the same bytes whatever the order of keys and of notes', () => {
			const annotations = [note('urn:uuid:b', 34, 52, { 'parallax:resolved': true }), link('urn:uuid:l'), note('urn:uuid:a', 0, 10)];
			const shuffled = (reverseKeys(annotations) as NoteAnnotation[]).reverse();
			strictEqual(JSON.stringify(shuffled) === JSON.stringify(annotations), false);
			strictEqual(serializeNotesFile(shuffled), serializeNotesFile(annotations));
		});

		it('writes one field per line, tab-indented, sorted by passage, ending with a newline', () => {
			const text = serializeNotesFile([note('urn:uuid:z', 34, 52), note('urn:uuid:y', 0, 10)]);
			ok(text.endsWith('}\n]\n'));
			ok(text.startsWith('[\n\t{\n\t\t"@context": "http://www.w3.org/ns/anno.jsonld",\n\t\t"id": "urn:uuid:y",\n\t\t"type": "Annotation",\n\t\t"motivation": "commenting",\n'), text);
			ok(text.indexOf('urn:uuid:y') < text.indexOf('urn:uuid:z'));
			strictEqual(serializeNotesFile([]), '[]\n');
		});

		it('sorts notes on one passage by creation time, then id', () => {
			const later = note('urn:uuid:a', 0, 10, { created: '2024-06-22T00:00:00.000Z' });
			deepStrictEqual(sortAnnotations([later, note('urn:uuid:c', 0, 10), note('urn:uuid:b', 0, 10)]).map(a => a.id), ['urn:uuid:b', 'urn:uuid:c', 'urn:uuid:a']);
		});

		it('keeps unknown keys, after the known ones and sorted, nested ones too', () => {
			const annotation = { ...note('urn:uuid:x', 0, 10), zeta: { b: 1, a: [{ d: 2, c: 3 }] }, alpha: 'kept' } as NoteAnnotation;
			const text = serializeNotesFile([annotation]);
			ok(text.indexOf('"target"') < text.indexOf('"alpha"') && text.indexOf('"alpha"') < text.indexOf('"zeta"'));
			ok(/"a": \[\s*\{\s*"c": 3,\s*"d": 2/.test(text), text);
			deepStrictEqual(parseNotesFile(text), [annotation]);
		});

		it('keeps a __proto__ key as data instead of setting the prototype', () => {
			const text = serializeNotesFile([note('urn:uuid:x', 0, 10)]).replace('"type": "Annotation",', '"type": "Annotation", "__proto__": { "polluted": true },');
			const [annotation] = parseNotesFile(text);
			strictEqual(Object.getPrototypeOf(annotation), Object.prototype);
			ok(serializeNotesFile([annotation]).includes('"__proto__": {'));
			strictEqual(({} as { polluted?: boolean }).polluted, undefined);
		});

		it('keeps HTML and script in bodies and quotes as literal text', () => {
			const value = '<script>alert("x")</script><img src=x onerror=alert(1)> & \u2028 ]}';
			const annotation = note('urn:uuid:x', 0, 10, { body: [body('b', value)] });
			annotation.target[0].selector[0].exact = '</script><!--';
			const [read] = parseNotesFile(serializeNotesFile([annotation]));
			strictEqual(read.body[0].value, value);
			strictEqual(read.target[0].selector[0].exact, '</script><!--');
		});

		it('reads and writes a note with a 1 MB body', () => {
			const value = 'Долгий текст «цитата» 😀\n'.repeat(1024 * 1024 / 24);
			const started = performance.now();
			const [read] = parseNotesFile(serializeNotesFile([note('urn:uuid:x', 0, 10, { body: [body('b', value)] })]));
			strictEqual(read.body[0].value, value);
			ok(performance.now() - started < 2000);
		});

		it('puts selectors listed position-first back in the model order', () => {
			const annotation = note('urn:uuid:x', 0, 10);
			const swapped = { ...annotation, target: [{ ...annotation.target[0], selector: [...annotation.target[0].selector].reverse() }] };
			deepStrictEqual(parseNotesFile(JSON.stringify([swapped])), [annotation]);
		});

		it('accepts a byte order mark', () => {
			strictEqual(parseNotesFile(`\ufeff${serializeNotesFile([note('urn:uuid:x', 0, 10)])}`).length, 1);
		});
	});

	describe('corrupt files', () => {
		const good = serializeNotesFile([note('urn:uuid:a', 0, 10, { 'parallax:resolved': true }), link('urn:uuid:l'), note('urn:uuid:b', 34, 52)]);

		it('rejects a file cut off anywhere, saying so and naming the last line', () => {
			for (let length = 1; length < good.length - 2; length += 3) {
				const error = parseError(good.slice(0, length));
				strictEqual(error.message, 'the notes file ends in the middle of its JSON: it was cut off', `cut at ${length}`);
				strictEqual(error.line, good.slice(0, length).split('\n').length);
			}
		});

		it('names the line and column of a syntax error', () => {
			const text = good.replace('"motivation": "linking",', '"motivation": "linking",,');
			const error = parseError(text);
			strictEqual(error.line, text.split('\n').findIndex(line => line.includes(',,')) + 1);
			ok(/^the notes file is not valid JSON \(column \d+, at ",/.test(error.message), error.message);
		});

		it('rejects binary content and an empty file', () => {
			const binary = new TextDecoder().decode(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
			strictEqual(parseError(binary).message, 'the notes file is binary, not JSON text (byte 0x1a)');
			strictEqual(parseError(good.replace('contradicts', 'contra\u0000dicts')).message, 'the notes file is binary, not JSON text (byte 0x00)');
			strictEqual(parseError(' \n').message, 'the notes file is empty; a notes file without notes holds []');
			strictEqual(parseError('{"notes": []}').message, 'the notes file must hold a JSON array of annotations ([ … ])');
		});

		it('rejects random bytes with a ParallaxError, never another error', () => {
			fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), bytes => {
				try {
					parseNotesFile(new TextDecoder().decode(bytes));
				} catch (error) {
					ok(error instanceof ParallaxError, String(error));
				}
			}));
		});

		/** A parsed notes file entry, loosely typed so that tests can break it. */
		type Loose = { [key: string]: unknown; body: Record<string, unknown>[]; target: { [key: string]: unknown; selector: Record<string, unknown>[] }[] };
		const cases: [string, (a: Loose) => void, string][] = [
			['@context', a => { a['@context'] = 'http://example.org'; }, '@context must be "http://www.w3.org/ns/anno.jsonld", not "http://example.org"'],
			['id', a => { a.id = ''; }, 'id must be a non-empty string, not ""'],
			['type', a => { delete a.type; }, 'type is missing'],
			['motivation', a => { a.motivation = 'bookmarking'; }, 'motivation must be "commenting" or "linking", not "bookmarking"'],
			['created', a => { a.created = 'yesterday'; }, 'created must be an ISO date-time, not "yesterday"'],
			['modified', a => { a.modified = 17; }, 'modified must be a string, not 17'],
			['body', a => { a.body = 'text' as never; }, 'body must be an array, not "text"'],
			['empty body', a => { a.body = []; }, 'body must hold at least one comment'],
			['body purpose', a => { a.body[0].purpose = 'editing'; }, 'body[0].purpose must be "commenting" or "replying" or "tagging", not "editing"'],
			['body format', a => { a.body[0].format = 'text/html'; }, 'body[0].format must be "text/markdown", not "text/html"'],
			['body value', a => { a.body[0].value = null; }, 'body[0].value must be a string, not null'],
			['body id', a => { a.body = [a.body[0], a.body[0]]; }, 'body has two comments with the same id'],
			['target count', a => { a.target = []; }, 'target must hold 1 target for motivation "commenting", not 0'],
			['selector', a => { a.target[0].selector = [a.target[0].selector[0]]; }, 'target[0].selector must hold a TextQuoteSelector and a TextPositionSelector'],
			['exact', a => { delete a.target[0].selector[0].exact; }, 'target[0].selector[0].exact is missing'],
			['negative offset', a => { a.target[0].selector[1].start = -1; }, 'target[0].selector[1].start must be a whole number ≥ 0, not -1'],
			['fractional offset', a => { a.target[0].selector[1].end = 2.5; }, 'target[0].selector[1].end must be a whole number ≥ 0, not 2.5'],
			['reversed range', a => { a.target[0].selector[1].start = 60; }, 'target[0].selector[1].start (60) is after end (52)'],
			['resolved flag', a => { a['parallax:resolved'] = false; }, 'parallax:resolved must be true or left out, not false'],
			['orphaned flag', a => { a.target[0]['parallax:orphaned'] = 'yes'; }, 'target[0].parallax:orphaned must be true or left out, not "yes"'],
			['link target count', a => { a.motivation = 'linking'; a.body = [{ ...body('r', 'copies', 'tagging') }]; }, 'target must hold 2 targets for motivation "linking", not 1'],
			['link relation', a => { a.motivation = 'linking'; a.target = [a.target[0], a.target[0]]; }, 'body[0] of a link must be its relation: purpose "tagging" with a non-empty value'],
		];
		for (const [name, breakIt, message] of cases) {
			it(`reports a bad ${name} with its entry, field and line`, () => {
				const annotations = JSON.parse(good) as Loose[];
				breakIt(annotations[2]);
				const text = JSON.stringify(annotations, null, '\t');
				const error = parseError(text);
				strictEqual(error.message, `entry [2]${name === 'id' ? '' : ' (urn:uuid:b)'}: ${message}`);
				const entryStarts = text.split('\n').flatMap((line, index) => (line === '\t{' ? [index + 1] : []));
				strictEqual(error.line, entryStarts[2]);
			});
		}

		it('names an entry that is not an object', () => {
			const error = parseError('[\n5\n]');
			deepStrictEqual([error.line, error.message], [2, 'entry [0]: must be an object, not 5']);
		});

		it('rejects two notes with one id, naming both entries', () => {
			const text = JSON.stringify([note('urn:uuid:a', 0, 10), note('urn:uuid:a', 34, 52)]);
			strictEqual(parseError(text).message, 'entry [1] (urn:uuid:a): id repeats the id of entry [0]');
		});
	});

	describe('mergeNotes', () => {
		const older = '2024-06-21T10:00:00.000Z';
		const newer = '2024-06-21T11:00:00.000Z';
		const version = (id: string, modified: string, value: string) => ({ ...note(id, 0, 10), modified, body: [body(`${id}-b1`, value)] });

		it('keeps notes on disk that the changes do not mention, and adds new ones', () => {
			const merged = mergeNotes([note('urn:uuid:other', 0, 10)], { upsert: [note('urn:uuid:mine', 34, 52)], remove: [] });
			deepStrictEqual(merged.map(a => a.id), ['urn:uuid:other', 'urn:uuid:mine']);
		});

		it('replaces an older or equally old copy on disk, keeps a strictly newer one', () => {
			strictEqual(mergeNotes([version('urn:uuid:x', older, 'disk')], { upsert: [version('urn:uuid:x', newer, 'mine')], remove: [] })[0].body[0].value, 'mine');
			strictEqual(mergeNotes([version('urn:uuid:x', older, 'disk')], { upsert: [version('urn:uuid:x', older, 'mine')], remove: [] })[0].body[0].value, 'mine');
			strictEqual(mergeNotes([version('urn:uuid:x', newer, 'disk')], { upsert: [version('urn:uuid:x', older, 'mine')], remove: [] })[0].body[0].value, 'disk');
		});

		it('compares modification times as times, whatever their time zone', () => {
			const disk = version('urn:uuid:x', '2024-06-21T12:30:00+02:00', 'disk');
			strictEqual(mergeNotes([disk], { upsert: [version('urn:uuid:x', '2024-06-21T11:00:00.000Z', 'mine')], remove: [] })[0].body[0].value, 'mine');
		});

		it('removes ids, also when they are upserted too', () => {
			const merged = mergeNotes([note('urn:uuid:a', 0, 10), note('urn:uuid:b', 0, 10)], { upsert: [note('urn:uuid:b', 0, 10), note('urn:uuid:c', 0, 10)], remove: ['urn:uuid:a', 'urn:uuid:b', 'urn:uuid:gone'] });
			deepStrictEqual(merged.map(a => a.id), ['urn:uuid:c']);
		});

		it('keeps both replies when two windows reply to one note at once, and honours deleted replies', () => {
			const base = version('urn:uuid:x', older, 'the note');
			const reply = (id: string, time: string) => ({ ...body(id, `reply ${id}`), created: time, modified: time });
			const theirs = { ...base, modified: newer, body: [...base.body, reply('urn:uuid:r-theirs', newer)] };
			const mine = { ...base, modified: '2024-06-21T10:30:00.000Z', body: [...base.body, reply('urn:uuid:r-mine', '2024-06-21T10:30:00.000Z')] };
			const merged = mergeNotes([theirs], { upsert: [mine], remove: [] });
			deepStrictEqual(merged[0].body.map(b => b.value), ['the note', 'reply urn:uuid:r-mine', 'reply urn:uuid:r-theirs']);
			const withoutTheirs = mergeNotes([theirs], { upsert: [base], remove: [], removeBodies: ['urn:uuid:r-theirs'] });
			deepStrictEqual(withoutTheirs[0].body.map(b => b.value), ['the note']);
		});

		it('keeps the place of a replaced note', () => {
			const merged = mergeNotes([note('urn:uuid:a', 0, 10), note('urn:uuid:b', 0, 10)], { upsert: [version('urn:uuid:a', newer, 'mine')], remove: [] });
			deepStrictEqual(merged.map(a => `${a.id} ${a.body[0].value}`), ['urn:uuid:a mine', 'urn:uuid:b Note urn:uuid:b']);
		});
	});

	describe('builders', () => {
		const now = new Date(T0);
		const later = new Date('2024-06-22T08:00:00.000Z');
		const target = targetAt('cnn', ARTICLE, 34, 52);

		it('creates notes with fresh urn:uuid ids that a notes file accepts', () => {
			const created = createNote(target, 'Why **nothing**?', now);
			ok(/^urn:uuid:[0-9a-f-]{36}$/.test(created.id));
			notStrictEqual(created.id, createNote(target, 'x', now).id);
			notStrictEqual(newAnnotationId(), newAnnotationId());
			deepStrictEqual({ ...created, id: '', body: [{ ...created.body[0], id: '' }] }, {
				'@context': 'http://www.w3.org/ns/anno.jsonld', id: '', type: 'Annotation', motivation: 'commenting', created: T0, modified: T0,
				body: [{ id: '', type: 'TextualBody', purpose: 'commenting', value: 'Why **nothing**?', format: 'text/markdown', created: T0, modified: T0 }],
				target: [target],
			});
			deepStrictEqual(parseNotesFile(serializeNotesFile([created])), [created]);
		});

		it('adds, edits and removes replies without touching the original', () => {
			const original = Object.freeze(createNote(target, 'first', now));
			const replied = addReply(original, 'second', later);
			deepStrictEqual(replied.body.map(b => [b.purpose, b.value]), [['commenting', 'first'], ['replying', 'second']]);
			strictEqual(replied.modified, later.toISOString());
			strictEqual(original.body.length, 1);
			const edited = editBody(replied, replied.body[1].id, 'second, edited', new Date('2024-06-23T00:00:00Z'));
			deepStrictEqual([edited.body[1].value, edited.body[1].created, edited.body[1].modified, edited.modified], ['second, edited', later.toISOString(), '2024-06-23T00:00:00.000Z', '2024-06-23T00:00:00.000Z']);
			strictEqual(replied.body[1].value, 'second');
			deepStrictEqual(removeBody(edited, edited.body[1].id, later).body.map(b => b.value), ['first']);
			strictEqual(removeBody(edited, 'urn:uuid:gone', later), edited);
			throws(() => editBody(edited, 'urn:uuid:gone', 'x'), ParallaxError);
		});

		it('resolves and reopens a note', () => {
			const resolved = setResolved(createNote(target, 'x', now), true, later);
			strictEqual(resolved['parallax:resolved'], true);
			strictEqual(resolved.modified, later.toISOString());
			const reopened = setResolved(resolved, false, later);
			strictEqual('parallax:resolved' in reopened, false);
			strictEqual(resolved['parallax:resolved'], true);
		});

		it('creates links with a relation and an optional note', () => {
			const other = targetAt('ft', ARTICLE, 0, 10);
			const plain = createLink(target, other, ' contradicts ', undefined, now);
			ok(isLink(plain));
			strictEqual(relationOf(plain), 'contradicts');
			deepStrictEqual(plain.body.map(b => b.purpose), ['tagging']);
			const annotated = createLink(target, other, 'same-quote', 'Both quote Yun Sun.', now);
			deepStrictEqual(annotated.body.map(b => [b.purpose, b.value]), [['tagging', 'same-quote'], ['commenting', 'Both quote Yun Sun.']]);
			deepStrictEqual(annotated.target, [target, other]);
			strictEqual(isLink(createNote(target, 'x', now)), false);
			strictEqual(relationOf(createNote(target, 'x', now)), undefined);
			throws(() => createLink(target, other, ' ', undefined, now), /a link needs a relation/);
			strictEqual(parseNotesFile(serializeNotesFile([plain, annotated])).length, 2);
		});
	});

	describe('parseAnchorInput', () => {
		it('reads the text and the notes', () => {
			const input = { text: 'abc', notes: [{ id: 'n1', exact: 'b', prefix: 'a', suffix: 'c', start: 1, end: 2 }] };
			deepStrictEqual(parseAnchorInput(JSON.stringify(input)), input);
		});

		it('names the field at fault', () => {
			throws(() => parseAnchorInput('{"text": 1, "notes": []}'), { message: 'text must be a string, not 1' });
			throws(() => parseAnchorInput('{"text": "", "notes": [{"id": "n", "exact": "", "prefix": "", "suffix": "", "start": 3, "end": 1}]}'), { message: 'notes[0].start (3) is after end (1)' });
			throws(() => parseAnchorInput('{"text": "", "notes": [{"exact": ""}]}'), { message: 'notes[0].id is missing' });
			throws(() => parseAnchorInput('[]'), { message: 'the input must be an object, not []' });
			throws(() => parseAnchorInput('{"text": "'), { message: 'the input ends in the middle of its JSON: it was cut off' });
		});
	});
});
