import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { serializeArticle } from '../../src/core/article';
import { anchorRequestOf, targetAt } from '../../src/core/notes/model';
import { createLink, createNote, serializeNotesFile } from '../../src/core/notes/notesFile';

const BODY = 'China remained cautious.\n\nBeijing declined to comment, calling it a bilateral matter.';
const DAY = new Date('2024-06-21T10:00:00.000Z');

/** The CLI, bundled once as dist/cli.js is: `node --import tsx src/cli.ts` takes over a second per run on a loaded machine. */
let cli: string;

async function run(args: string[], options: { cwd?: string; stdin?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd ?? scratch, stdio: ['pipe', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', chunk => (stdout += chunk));
	child.stderr.on('data', chunk => (stderr += chunk));
	child.stdin.end(options.stdin ?? '');
	const [code] = await once(child, 'close');
	return { code, stdout, stderr };
}

function at(article: string, body: string, passage: string) {
	const start = body.indexOf(passage);
	return targetAt(article, body, start, start + passage.length);
}

let scratch: string;

describe('parallax notes', function () {
	// Each run starts node and loads the whole CLI bundle (the alignment engine included): about half a second.
	this.timeout(20_000);

	before(() => {
		scratch = mkdtempSync(join(tmpdir(), 'parallax-cli-notes-'));
		cli = join(scratch, 'cli.js');
		buildSync({ entryPoints: [join(__dirname, '../../src/cli.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: cli, logLevel: 'warning' });
	});

	after(() => {
		rmSync(scratch, { recursive: true, force: true });
	});

	describe('anchor', () => {
		it('finds a note again after an edit and reports one whose passage is gone as orphaned', async () => {
			const edited = `Update: ${BODY.replace('China remained cautious.', 'Nothing was said by officials here.')}`;
			const moved = at('a', BODY, 'declined to comment');
			const lost = at('a', BODY, 'China remained cautious.');
			writeFileSync(join(scratch, 'anchor.json'), JSON.stringify({ text: edited, notes: [anchorRequestOf('moved', moved), anchorRequestOf('lost', lost)] }));
			const { code, stdout, stderr } = await run(['notes', 'anchor', 'anchor.json']);
			strictEqual(code, 0, stderr);
			const start = edited.indexOf('declined to comment');
			deepStrictEqual(JSON.parse(stdout), { anchors: [{ id: 'moved', start, end: start + 'declined to comment'.length }, { id: 'lost', orphaned: true }] });
		});

		it('reads the input from stdin with -', async () => {
			const { code, stdout } = await run(['notes', 'anchor', '-'], { stdin: JSON.stringify({ text: 'abc', notes: [{ id: 'n', exact: 'b', prefix: 'a', suffix: 'c', start: 1, end: 2 }] }) });
			strictEqual(code, 0);
			deepStrictEqual(JSON.parse(stdout), { anchors: [{ id: 'n', start: 1, end: 2 }] });
		});

		it('exits 1 with the file, line and field for bad input, 2 for bad usage', async () => {
			writeFileSync(join(scratch, 'syntax.json'), '{\n  "text": "x",\n  "notes": [}\n}');
			writeFileSync(join(scratch, 'schema.json'), JSON.stringify({ text: 'x', notes: [{ id: 'n', exact: 'x', prefix: '', suffix: '', start: -1, end: 1 }] }));
			const results = await Promise.all([
				run(['notes', 'anchor', 'syntax.json']), run(['notes', 'anchor', 'schema.json']), run(['notes', 'anchor', 'missing.json']), run(['notes', 'anchor']),
			]);
			deepStrictEqual(results.map(({ code, stderr }) => [code, stderr.split('\n')[0]]), [
				[1, 'parallax: syntax.json:3: the input is not valid JSON (column 13, at "}\\n}")'],
				[1, 'parallax: schema.json: notes[0].start must be a whole number ≥ 0, not -1'],
				[1, 'parallax: missing.json: could not read it: ENOENT'],
				[2, 'parallax: notes anchor takes exactly one FILE.json (- for stdin)'],
			]);
			ok(results.every(({ stdout }) => stdout === ''));
		});
	});

	describe('export', () => {
		let workspace: string;

		before(() => {
			workspace = join(scratch, 'workspace');
			const story = join(workspace, 'corpus', 'story');
			const notes = join(workspace, '.parallax', 'notes');
			mkdirSync(story, { recursive: true });
			mkdirSync(notes, { recursive: true });
			// The article was edited after the second note was made: its passage is gone.
			writeFileSync(join(story, 'cnn.md'), serializeArticle({ meta: { id: 'cnn', title: 'China remains cautious', outlet: 'CNN Brasil', story: 'story' }, body: `Edited. ${BODY.replace('a bilateral matter', 'nothing')}` }));
			writeFileSync(join(notes, 'cnn.json'), serializeNotesFile([
				createNote(at('cnn', BODY, 'declined to comment'), 'Note on **CNN**.', DAY),
				createNote(at('cnn', BODY, 'a bilateral matter'), 'Gone now.', DAY),
				createLink(at('cnn', BODY, 'China remained cautious.'), at('gone', 'Old text.', 'Old text.'), 'contradicts', undefined, DAY),
			]));
			writeFileSync(join(notes, 'gone.json'), serializeNotesFile([createNote(at('gone', 'Old text.', 'Old'), 'On a deleted article.', DAY)]));
		});

		it('writes Markdown by article, with the corpus titles, orphans marked and missing articles kept', async () => {
			const { code, stdout, stderr } = await run(['notes', 'export', workspace]);
			strictEqual(code, 0, stderr);
			strictEqual(stderr, '');
			deepStrictEqual(stdout.split('\n').filter(line => line.startsWith('#') || line.startsWith('>') || line.startsWith('**')), [
				'# Parallax notes',
				'## CNN Brasil — China remains cautious', '### Note 1', '> declined to comment', '### Note 2 (orphaned)', '> a bilateral matter',
				'## gone (article not in the corpus)', '### Note 1', '> Old',
				'## Links', '### contradicts', '**CNN Brasil — China remains cautious**', '> China remained cautious.', '**gone (article not in the corpus)**', '> Old text.',
			]);
			ok(stdout.includes('Note on **CNN**.'));
		});

		it('writes a W3C AnnotationCollection to --out, the workspace defaulting to the current folder', async () => {
			const { code, stdout, stderr } = await run(['notes', 'export', '--format', 'json', '--out', join(scratch, 'notes.jsonld')], { cwd: workspace });
			strictEqual(code, 0, stderr);
			strictEqual(stdout, '');
			const collection = JSON.parse(readFileSync(join(scratch, 'notes.jsonld'), 'utf8'));
			deepStrictEqual([collection['@context'], collection.type, collection.total, collection.first.type, collection.first.items.length], ['http://www.w3.org/ns/anno.jsonld', 'AnnotationCollection', 4, 'AnnotationPage', 4]);
			const orphaned = collection.first.items.filter((item: { target: { 'parallax:orphaned'?: true }[] }) => item.target.some(target => target['parallax:orphaned']));
			strictEqual(orphaned.length, 1);
		});

		it('exports the readable files and exits 1 naming a corrupt one, which it leaves alone', async () => {
			const corrupt = join(workspace, '.parallax', 'notes', 'broken.json');
			writeFileSync(corrupt, '[{"id": ');
			try {
				const { code, stdout, stderr } = await run(['notes', 'export', workspace, '--corpus', join(workspace, 'corpus')]);
				strictEqual(code, 1);
				ok(stdout.includes('## CNN Brasil — China remains cautious'));
				strictEqual(stderr, `parallax: ${corrupt}:1: the notes file ends in the middle of its JSON: it was cut off (the file was left as it is)\n`);
				deepStrictEqual(readdirSync(join(workspace, '.parallax', 'notes')).sort(), ['broken.json', 'cnn.json', 'gone.json']);
			} finally {
				rmSync(corrupt);
			}
		});

		it('rejects an unknown format and a missing workspace', async () => {
			const [format, missing] = await Promise.all([run(['notes', 'export', '--format', 'html', workspace]), run(['notes', 'export', join(scratch, 'nowhere')])]);
			deepStrictEqual([format.code, format.stderr.split('\n')[0]], [2, 'parallax: unknown format "html": use md, json']);
			deepStrictEqual([missing.code, missing.stderr], [1, `parallax: ${join(scratch, 'nowhere')}: no such folder\n`]);
		});
	});
});
