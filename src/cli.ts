import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alignArticles } from './core/align';
import { serializeArticle } from './core/article';
import { articleLabel, loadCorpus } from './core/corpus';
import { decodeText } from './core/decode';
import { isParallaxError, ParallaxError } from './core/errors';
import { ImportedArticle, importPage } from './core/import/importPage';
import { anchorNotes } from './core/notes/anchor';
import { NoteAnnotation } from './core/notes/model';
import { notesToAnnotationCollection, notesToMarkdown, withCurrentAnchors } from './core/notes/notesExport';
import { parseAnchorInput } from './core/notes/notesFile';
import { renderHtml } from './core/report/html';
import { renderMarkdown } from './core/report/markdown';
import { readAlignInputs } from './util/alignInputs';
import { writeFileAtomic } from './util/atomicWrite';
import { readCorpusFiles } from './util/corpusFiles';
import { listNotesFiles, MAX_NOTES_FILE_BYTES, readNotes } from './util/notesStore';

const USAGE = `parallax: the Parallax engine on the command line

Usage:
  parallax import FILE [--outlet NAME] [--story ID] [--url URL] [--out DIR] [--force] [--print]
      Turns a saved web page (.html) or a page text dump into a corpus article and writes
      DIR/<story>/<id>.md (DIR defaults to ./corpus). --print writes it to stdout instead.
      An existing article is replaced only with --force.
  parallax align FILE FILE... [--json | --format json|md|html] [--out FILE]
      Finds the parallel passages of two or more articles: corpus Markdown (.md) or plain
      text (.txt, where the file name is the id). Writes a Markdown report by default, the
      comparison as JSON with --json, or a self-contained HTML page; --out writes to FILE.
  parallax list [FOLDER|FILE...] [--json]
      Lists the stories and articles of corpus folders (default ./corpus) and the files that
      fail to load; exits 1 if any does.
  parallax notes anchor FILE.json
      Finds notes again in a changed text, as the extension does. FILE.json (- for stdin) is
      { "text": "...", "notes": [{ "id", "exact", "prefix", "suffix", "start", "end" }] };
      prints { "anchors": [{ "id", "start", "end" } or { "id", "orphaned": true }] }.
  parallax notes export [WORKSPACE] [--format md|json] [--out FILE] [--corpus DIR]
      Exports the notes and links of WORKSPACE/.parallax/notes (WORKSPACE defaults to .) as
      Markdown, by article, or as a W3C AnnotationCollection (JSON-LD). Titles and outlets come
      from the corpus (default WORKSPACE/corpus), where notes are also found again in the current
      text; notes on articles missing from it are exported under their id. Exits 1 if a notes
      file cannot be read (it is left as it is).
  parallax --help | --version

Exit codes: 0 done, 1 bad input (the message names the file and line), 2 bad usage.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
	const [command, ...rest] = argv;
	switch (command) {
		case 'import':
			return importCommand(rest);
		case 'align':
			return alignCommand(rest);
		case 'list':
			return listCommand(rest);
		case 'notes':
			return notesCommand(rest);
		case '--version':
		case '-v':
			console.log(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version);
			return 0;
		case undefined:
		case '--help':
		case '-h':
		case 'help':
			console.log(USAGE);
			return 0;
		default:
			throw new UsageError(`unknown command "${command}"`);
	}
}

async function importCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: {
			outlet: { type: 'string' }, story: { type: 'string' }, url: { type: 'string' },
			out: { type: 'string', default: 'corpus' }, force: { type: 'boolean', default: false }, print: { type: 'boolean', default: false },
		},
	});
	if (positionals.length !== 1) {
		throw new UsageError('import takes exactly one FILE');
	}
	const file = positionals[0];
	let imported: ImportedArticle;
	try {
		imported = importPage(decodeText(readFileSync(file)), { outlet: values.outlet, story: values.story, url: values.url, sourceName: file });
	} catch (error) {
		throw isParallaxError(error) ? error.inFile(file) : error;
	}
	const markdown = serializeArticle(imported);
	for (const warning of imported.warnings) {
		console.error(`${file}: warning: ${warning}`);
	}
	if (values.print) {
		process.stdout.write(markdown);
		return 0;
	}
	const target = resolve(values.out, imported.meta.story, `${imported.meta.id}.md`);
	try {
		await writeFileAtomic(target, markdown, { overwrite: values.force });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			console.error(`parallax: ${target} already exists; use --force to replace it`);
			return 1;
		}
		throw error;
	}
	console.log(target);
	return 0;
}

const ALIGN_FORMATS = ['json', 'md', 'html'] as const;

async function alignCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { json: { type: 'boolean', default: false }, format: { type: 'string' }, out: { type: 'string' } },
	});
	if (positionals.length < 2) {
		throw new UsageError('align takes two or more FILEs');
	}
	if (values.format !== undefined && !(ALIGN_FORMATS as readonly string[]).includes(values.format)) {
		throw new UsageError(`unknown format "${values.format}": use ${ALIGN_FORMATS.join(', ')}`);
	}
	if (values.json && values.format !== undefined && values.format !== 'json') {
		throw new UsageError(`--json contradicts --format ${values.format}`);
	}
	const format = values.json ? 'json' : values.format ?? 'md';
	const comparison = alignArticles(await readAlignInputs(positionals));
	const output = format === 'json'
		? `${JSON.stringify(comparison, null, 2)}\n`
		: format === 'html' ? renderHtml(comparison) : renderMarkdown(comparison);
	if (values.out !== undefined) {
		await writeFileAtomic(resolve(values.out), output, { overwrite: true });
	} else {
		process.stdout.write(output);
	}
	return 0;
}

async function listCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
	const { files, problems: readProblems } = await readCorpusFiles(positionals.length > 0 ? positionals : ['corpus']);
	const corpus = loadCorpus(files);
	const problems = [...readProblems, ...corpus.problems];
	if (values.json) {
		console.log(JSON.stringify({
			stories: corpus.stories.map(story => ({ id: story.id, articles: story.articles.map(article => ({ ...article.meta, path: article.path })) })),
			problems: problems.map(problem => ({ path: problem.path, line: problem.error.line, message: problem.error.message })),
		}, null, 2));
	} else {
		for (const story of corpus.stories) {
			console.log(`${story.id} (${story.articles.length})`);
			for (const { meta, path } of story.articles) {
				console.log(`  ${articleLabel(meta)}  [${path}]`);
			}
		}
		for (const problem of problems) {
			console.error(problem.error.describe());
		}
	}
	return problems.length > 0 ? 1 : 0;
}

async function notesCommand(args: string[]): Promise<number> {
	const [subcommand, ...rest] = args;
	switch (subcommand) {
		case 'anchor':
			return notesAnchorCommand(rest);
		case 'export':
			return notesExportCommand(rest);
		default:
			throw new UsageError(subcommand === undefined ? 'notes needs a command: anchor or export' : `unknown notes command "${subcommand}"`);
	}
}

async function notesAnchorCommand(args: string[]): Promise<number> {
	const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
	if (positionals.length !== 1) {
		throw new UsageError('notes anchor takes exactly one FILE.json (- for stdin)');
	}
	const file = positionals[0];
	const name = file === '-' ? 'stdin' : file;
	let input: ReturnType<typeof parseAnchorInput>;
	try {
		input = parseAnchorInput(decodeText(readInput(file === '-' ? 0 : file), MAX_NOTES_FILE_BYTES));
	} catch (error) {
		throw isParallaxError(error) ? error.inFile(name) : error;
	}
	console.log(JSON.stringify({ anchors: anchorNotes(input.text, input.notes) }, null, 2));
	return 0;
}

const NOTES_FORMATS = ['md', 'json'] as const;

async function notesExportCommand(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { format: { type: 'string', default: 'md' }, out: { type: 'string' }, corpus: { type: 'string' } },
	});
	if (positionals.length > 1) {
		throw new UsageError('notes export takes at most one WORKSPACE folder');
	}
	if (!(NOTES_FORMATS as readonly string[]).includes(values.format)) {
		throw new UsageError(`unknown format "${values.format}": use ${NOTES_FORMATS.join(', ')}`);
	}
	const workspace = resolve(positionals[0] ?? '.');
	if (!statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) {
		throw new ParallaxError('no such folder', workspace);
	}
	const corpusFolder = resolve(values.corpus ?? join(workspace, 'corpus'));
	const { files, problems: readProblems } = values.corpus === undefined && !statSync(corpusFolder, { throwIfNoEntry: false })
		? { files: [], problems: [] }
		: await readCorpusFiles([corpusFolder]);
	const corpus = loadCorpus(files);
	for (const problem of [...readProblems, ...corpus.problems]) {
		console.error(`parallax: warning: ${problem.error.describe()}`);
	}
	const problems: string[] = [];
	let annotations: NoteAnnotation[] = [];
	for (const { path } of await listNotesFiles(workspace)) {
		const read = await readNotes(path, { quarantine: false });
		annotations.push(...read.annotations);
		if (read.problem) {
			problems.push(read.problem);
		}
	}
	annotations = withCurrentAnchors(annotations, new Map(corpus.articles.map(article => [article.meta.id, article.body])));
	const output = values.format === 'json'
		? `${JSON.stringify(notesToAnnotationCollection(annotations, { label: 'Parallax notes' }), null, 2)}\n`
		: notesToMarkdown({ articles: corpus.articles.map(({ meta }) => ({ id: meta.id, title: meta.title, outlet: meta.outlet })), annotations });
	if (values.out !== undefined) {
		await writeFileAtomic(resolve(values.out), output, { overwrite: true });
	} else {
		process.stdout.write(output);
	}
	for (const problem of problems) {
		console.error(`parallax: ${problem}`);
	}
	return problems.length > 0 ? 1 : 0;
}

/** A file's bytes, a missing or unreadable file being bad input rather than a crash. */
function readInput(file: string | 0): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		throw new ParallaxError(`could not read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
	}
}

main(process.argv.slice(2)).then(
	code => process.exit(code),
	error => {
		if (error instanceof UsageError || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
			console.error(`parallax: ${error.message}\n\n${USAGE}`);
			process.exit(2);
		}
		if (isParallaxError(error)) {
			console.error(`parallax: ${error.describe()}`);
			process.exit(1);
		}
		console.error(error);
		process.exit(70);
	},
);
