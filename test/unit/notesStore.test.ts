import { deepStrictEqual, ok, rejects, strictEqual, throws } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParallaxError } from '../../src/core/errors';
import { NoteAnnotation } from '../../src/core/notes/model';
import { parseNotesFile, serializeNotesFile } from '../../src/core/notes/notesFile';
import { listNotesFiles, MAX_NOTES_FILE_BYTES, notesFilePath, readNotes, updateNotes } from '../../src/util/notesStore';
import { bundleFixture, killWritersRepeatedly, startWriter } from './fixtures/childProcess';
import { smallNote, versionNote } from './fixtures/notesVersions';

/** The writer child process, bundled once for the whole suite. */
let notesWriter: { script: string; dispose: () => void };

describe('notesStore', () => {
	let root: string;
	let file: string;

	before(() => {
		notesWriter = bundleFixture(join(__dirname, 'fixtures', 'notesWriter.ts'));
	});

	after(() => notesWriter.dispose());

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'parallax-notes-'));
		file = notesFilePath(root, 'cnn-article');
	});

	afterEach(() => {
		rmSync(root, { recursive: true, force: true });
	});

	const asideFiles = () => readdirSync(join(root, '.parallax', 'notes')).filter(name => name.includes('.corrupt-'));

	it('puts notes files in .parallax/notes and refuses ids that are not article ids', () => {
		strictEqual(notesFilePath('/w', 'cnn-2024.analysis_1'), join('/w', '.parallax', 'notes', 'cnn-2024.analysis_1.json'));
		strictEqual(notesFilePath('/w', 'россия-статья'), join('/w', '.parallax', 'notes', 'россия-статья.json'));
		for (const bad of ['', '../escape', 'a/b', 'a\\b', '.hidden', '-x', 'a b', 'a:b']) {
			throws(() => notesFilePath('/w', bad), ParallaxError, bad);
		}
	});

	it('reads a missing notes file as no notes, without a problem', async () => {
		deepStrictEqual(await readNotes(file), { annotations: [] });
	});

	it('saves, merges and reads back notes', async () => {
		const first = await updateNotes(file, { upsert: [smallNote('w', 2), smallNote('w', 1)], remove: [] });
		deepStrictEqual(first.annotations.map(a => a.id), ['urn:uuid:w-1', 'urn:uuid:w-2']);
		strictEqual(first.problem, undefined);
		await updateNotes(file, { upsert: [smallNote('w', 3)], remove: ['urn:uuid:w-1'] });
		deepStrictEqual((await readNotes(file)).annotations.map(a => a.id), ['urn:uuid:w-2', 'urn:uuid:w-3']);
		strictEqual(readFileSync(file, 'utf8'), serializeNotesFile([smallNote('w', 2), smallNote('w', 3)]));
	});

	it('writes [] when the last note goes, and leaves no lock file behind', async () => {
		await updateNotes(file, { upsert: [smallNote('w', 1)], remove: [] });
		await updateNotes(file, { upsert: [], remove: ['urn:uuid:w-1'] });
		strictEqual(readFileSync(file, 'utf8'), '[]\n');
		deepStrictEqual(readdirSync(join(root, '.parallax', 'notes')), ['cnn-article.json']);
	});

	it('does not rewrite a file that the changes leave as it is', async () => {
		await updateNotes(file, { upsert: [smallNote('w', 1)], remove: [] });
		utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
		await updateNotes(file, { upsert: [smallNote('w', 1)], remove: ['urn:uuid:never-there'] });
		strictEqual(statSync(file).mtime.getUTCFullYear(), 2020);
	});

	it('refuses to save a note the file could not hold, leaving the file alone', async () => {
		await updateNotes(file, { upsert: [smallNote('w', 1)], remove: [] });
		const before = readFileSync(file, 'utf8');
		const broken = { ...smallNote('w', 2), target: [] } as unknown as NoteAnnotation;
		await rejects(updateNotes(file, { upsert: [broken], remove: [] }), /these notes cannot be saved: entry \[\d\] \(urn:uuid:w-2\): target must hold 1 target/);
		strictEqual(readFileSync(file, 'utf8'), before);
	});

	it('sets a corrupt file aside with its bytes, names both files, and starts afresh', async () => {
		mkdirSync(join(root, '.parallax', 'notes'), { recursive: true });
		const corrupt = `${serializeNotesFile([smallNote('w', 1)]).slice(0, 200)}`;
		writeFileSync(file, corrupt);
		const read = await readNotes(file);
		deepStrictEqual(read.annotations, []);
		const [aside] = asideFiles();
		ok(/^cnn-article\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.json$/.test(aside), aside);
		const asidePath = join(root, '.parallax', 'notes', aside);
		strictEqual(readFileSync(asidePath, 'utf8'), corrupt);
		const problem = read.problem ?? '';
		ok(problem.includes(file) && problem.includes(asidePath) && problem.includes('it was cut off'), problem);
		strictEqual(statSync(file, { throwIfNoEntry: false }), undefined);
		deepStrictEqual(await listNotesFiles(root), []);

		await updateNotes(file, { upsert: [smallNote('w', 2)], remove: [] });
		deepStrictEqual((await readNotes(file)).annotations.map(a => a.id), ['urn:uuid:w-2']);
		strictEqual(readFileSync(asidePath, 'utf8'), corrupt);
	});

	it('sets a corrupt file aside before saving into it, and reports it', async () => {
		mkdirSync(join(root, '.parallax', 'notes'), { recursive: true });
		writeFileSync(file, '{"not": "an array"}');
		const saved = await updateNotes(file, { upsert: [smallNote('w', 1)], remove: [] });
		deepStrictEqual(saved.annotations.map(a => a.id), ['urn:uuid:w-1']);
		ok(saved.problem?.includes('must hold a JSON array'), saved.problem);
		strictEqual(readFileSync(join(root, '.parallax', 'notes', asideFiles()[0]), 'utf8'), '{"not": "an array"}');
	});

	it('never replaces an earlier set-aside copy', async () => {
		mkdirSync(join(root, '.parallax', 'notes'), { recursive: true });
		for (const content of ['first {', 'second [', Buffer.from([0xff, 0xfe, 0x00, 0x41]), '']) {
			writeFileSync(file, content);
			ok((await readNotes(file)).problem);
		}
		const contents = asideFiles().map(name => readFileSync(join(root, '.parallax', 'notes', name), 'latin1')).sort();
		deepStrictEqual(contents, ['', 'first {', 'second [', '\xff\xfe\x00A']);
	});

	it('with quarantine off, only reports a corrupt file', async () => {
		mkdirSync(join(root, '.parallax', 'notes'), { recursive: true });
		writeFileSync(file, '[1,');
		const read = await readNotes(file, { quarantine: false });
		ok(read.problem?.startsWith(`${file}:1: the notes file ends in the middle`), read.problem);
		strictEqual(readFileSync(file, 'utf8'), '[1,');
		deepStrictEqual(asideFiles(), []);
	});

	it('sets aside a file over the size limit without reading it', async () => {
		mkdirSync(join(root, '.parallax', 'notes'), { recursive: true });
		writeFileSync(file, '[');
		truncateSync(file, MAX_NOTES_FILE_BYTES + 1);
		const read = await readNotes(file);
		ok(read.problem?.includes('the notes file is 64.0 MB; Parallax reads notes files up to 64.0 MB'), read.problem);
		strictEqual(asideFiles().length, 1);
	});

	it('lists the notes files by article id, leaving out set-aside, temp, lock and other files', async () => {
		deepStrictEqual(await listNotesFiles(root), []);
		const folder = join(root, '.parallax', 'notes');
		mkdirSync(join(folder, 'sub.json'), { recursive: true });
		for (const name of ['b.json', 'a-1.json', 'a-1.corrupt-2026-11-23T21-40-00-000Z.json', 'a-1.corrupt-2026-11-23T21-40-00-000Z-2.json', '.a-1.json.0a1b2c.tmp', 'a-1.json.lock', 'notes.txt', 'bad id.json']) {
			writeFileSync(join(folder, name), '[]');
		}
		deepStrictEqual(await listNotesFiles(root), [{ articleId: 'a-1', path: join(folder, 'a-1.json') }, { articleId: 'b', path: join(folder, 'b.json') }]);
	});

	it('breaks a lock left by a crashed process or too old, at once', async () => {
		mkdirSync(join(root, '.parallax', 'notes'), { recursive: true });
		const dead = spawn(process.execPath, ['-e', '']);
		await once(dead, 'exit');
		writeFileSync(`${file}.lock`, JSON.stringify({ pid: dead.pid, host: hostname(), token: 'x' }));
		let started = Date.now();
		await updateNotes(file, { upsert: [smallNote('w', 1)], remove: [] });
		ok(Date.now() - started < 1000);
		writeFileSync(`${file}.lock`, '');
		utimesSync(`${file}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
		started = Date.now();
		await updateNotes(file, { upsert: [smallNote('w', 2)], remove: [] });
		ok(Date.now() - started < 1000);
		// Created but never filled in: the holder died between the two steps.
		writeFileSync(`${file}.lock`, '');
		utimesSync(`${file}.lock`, new Date(Date.now() - 2000), new Date(Date.now() - 2000));
		started = Date.now();
		await updateNotes(file, { upsert: [smallNote('w', 3)], remove: [] });
		ok(Date.now() - started < 1000);
		deepStrictEqual(readdirSync(join(root, '.parallax', 'notes')), ['cnn-article.json']);
		strictEqual((await readNotes(file)).annotations.length, 3);
	});

	it('waits for a lock held by a live process', async () => {
		mkdirSync(join(root, '.parallax', 'notes'), { recursive: true });
		writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), token: 'other' }));
		setTimeout(() => rmSync(`${file}.lock`), 300);
		const started = Date.now();
		await updateNotes(file, { upsert: [smallNote('w', 1)], remove: [] });
		ok(Date.now() - started >= 290, String(Date.now() - started));
		strictEqual((await readNotes(file)).annotations.length, 1);
	});

	it('deletes temp files left by a killed save, once they are old', async () => {
		const folder = join(root, '.parallax', 'notes');
		mkdirSync(folder, { recursive: true });
		const old = join(folder, '.cnn-article.json.0a1b2c3d4e5f.tmp');
		const fresh = join(folder, '.cnn-article.json.abcdef012345.tmp');
		const other = join(folder, '.other.json.0a1b2c3d4e5f.tmp');
		for (const path of [old, fresh, other]) {
			writeFileSync(path, '[');
		}
		for (const path of [old, other]) {
			utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
		}
		await updateNotes(file, { upsert: [smallNote('w', 1)], remove: [] });
		deepStrictEqual(readdirSync(folder).sort(), ['.cnn-article.json.abcdef012345.tmp', '.other.json.0a1b2c3d4e5f.tmp', 'cnn-article.json']);
	});

	it('loses no note when one process saves many at once', async () => {
		await Promise.all(Array.from({ length: 20 }, (_, index) => updateNotes(file, { upsert: [smallNote('w', index)], remove: [] })));
		strictEqual((await readNotes(file)).annotations.length, 20);
	});

	it('loses no note when two processes each save 30 at the same time', async function () {
		this.timeout(30_000);
		const writers = await Promise.all(['one', 'two'].map(name => startWriter(notesWriter.script, ['add', file, name, '30'])));
		const exits = writers.map(({ child }) => once(child, 'exit'));
		for (const { child } of writers) {
			child.stdin!.write('go\n');
		}
		const codes = await Promise.all(exits);
		deepStrictEqual(codes.map(([code]) => code), [0, 0], writers.map(writer => writer.stderr()).join('\n'));
		const ids = new Set((await readNotes(file)).annotations.map(a => a.id));
		strictEqual(ids.size, 60);
		for (let index = 0; index < 30; index++) {
			ok(ids.has(`urn:uuid:one-${index}`) && ids.has(`urn:uuid:two-${index}`), String(index));
		}
	});

	it('leaves one whole version of the file whenever a writer is killed', async function () {
		this.timeout(60_000);
		const versions = [serializeNotesFile([versionNote('a')]), serializeNotesFile([versionNote('b')])];
		const seen = new Set<number>();
		await killWritersRepeatedly(notesWriter.script, file, { rounds: 15, maxDelayMs: 120 }, round => {
			const text = readFileSync(file, 'utf8');
			const index = versions.indexOf(text);
			ok(index >= 0, `round ${round}: the file is neither version (${text.length} characters)`);
			seen.add(index);
			deepStrictEqual(parseNotesFile(text).map(a => a.id), [versionNote(index === 0 ? 'a' : 'b').id]);
		});
		ok(seen.size === 2, 'both versions were seen');
		deepStrictEqual(asideFiles(), []);
		strictEqual((await updateNotes(file, { upsert: [smallNote('w', 1)], remove: [] })).annotations.length, 2);
	});
});
