import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alignArticles } from './core/align';
import { serializeArticle } from './core/article';
import { articleLabel, loadCorpus } from './core/corpus';
import { decodeText } from './core/decode';
import { isParallaxError } from './core/errors';
import { ImportedArticle, importPage } from './core/import/importPage';
import { renderHtml } from './core/report/html';
import { renderMarkdown } from './core/report/markdown';
import { readAlignInputs } from './util/alignInputs';
import { writeFileAtomic } from './util/atomicWrite';
import { readCorpusFiles } from './util/corpusFiles';

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
