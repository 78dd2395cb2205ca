import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { CorpusArticle, CorpusFile, CorpusProblem, Story, groupByStory, isCorpusFileName, loadCorpus } from '../core/corpus';
import { checkInputSize } from '../core/decode';
import { ParallaxError, isParallaxError } from '../core/errors';
import { TimeSlicer } from '../util/timeSlice';

/** Folders deeper than this are not scanned, so a symlink loop cannot hang the scan. */
const MAX_DEPTH = 8;
/**
 * Files read at once. Reads are mostly waiting: through `workspace.fs` (about 15 ms a call in
 * code-server) 2,000 small files took 30 s one at a time and 2.3 s sixteen at a time.
 */
const READ_CONCURRENCY = 16;

/** Reports how far the reading got: files done of files found. */
export type ReadProgress = (done: number, total: number) => void;

/** Every corpus file (`*.md`, `*.markdown`) under the folders, in path order, skipping hidden entries and symlinked folders. */
export async function listArticleFiles(folders: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
	const found = (await Promise.all(folders.map(folder => listFolder(folder, 0)))).flat();
	// The core takes files in path order (the first of two files with one id wins): read them in that order too.
	return found.sort((a, b) => compareText(a.toString(), b.toString()));
}

async function listFolder(folder: vscode.Uri, depth: number): Promise<vscode.Uri[]> {
	let entries: [string, vscode.FileType][];
	try {
		entries = await vscode.workspace.fs.readDirectory(folder);
	} catch {
		return [];
	}
	const visible = entries.filter(([name]) => !name.startsWith('.'));
	const files = visible
		.filter(([name, type]) => (type & vscode.FileType.File) !== 0 && isCorpusFileName(name))
		.map(([name]) => vscode.Uri.joinPath(folder, name));
	const subfolders = depth < MAX_DEPTH
		? visible.filter(([, type]) => (type & vscode.FileType.Directory) !== 0 && (type & vscode.FileType.SymbolicLink) === 0)
		: [];
	const nested = await Promise.all(subfolders.map(([name]) => listFolder(vscode.Uri.joinPath(folder, name), depth + 1)));
	return [...files, ...nested.flat()];
}

/**
 * Reads the files, several at a time, keeping their order. A file over the size limit, unreadable,
 * or in UTF-16/UTF-32 becomes a problem. Stops early when `token` is cancelled: the files not read
 * yet are then left out (the caller says so).
 */
export async function readArticleFiles(uris: readonly vscode.Uri[], token: vscode.CancellationToken, progress?: ReadProgress): Promise<(CorpusFile | CorpusProblem)[]> {
	const results: (CorpusFile | CorpusProblem)[] = new Array(uris.length);
	let next = 0;
	let done = 0;
	const readNext = async (): Promise<void> => {
		while (next < uris.length && !token.isCancellationRequested) {
			const index = next++;
			results[index] = await readArticleFile(uris[index]);
			progress?.(++done, uris.length);
		}
	};
	await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, uris.length) }, readNext));
	// Holes are the files left when cancelled.
	return results.filter(result => result !== undefined);
}

async function readArticleFile(uri: vscode.Uri): Promise<CorpusFile | CorpusProblem> {
	try {
		const bytes = uri.scheme === 'file' ? await readLocalFile(uri.fsPath) : await readProviderFile(uri);
		return { path: uri.toString(), bytes };
	} catch (error) {
		return { path: uri.toString(), error: asUserError(error, uri) };
	}
}

/**
 * The extension host runs where the workspace files are (in a remote window too; Parallax does not
 * support virtual workspaces), so Node reads them directly: 2,000 small files took 0.13–0.36 s
 * this way against 2.3–2.6 s through `workspace.fs`, 16 at a time either way.
 */
async function readLocalFile(path: string): Promise<Uint8Array> {
	// Stat first: a file over the limit is refused without reading it into memory. One rewritten
	// since may have grown past it: the decoder checks the size again.
	checkInputSize((await fs.stat(path)).size);
	return fs.readFile(path);
}

async function readProviderFile(uri: vscode.Uri): Promise<Uint8Array> {
	checkInputSize((await vscode.workspace.fs.stat(uri)).size);
	return vscode.workspace.fs.readFile(uri);
}

/** Articles, stories and problems parsed from what {@link readArticleFiles} returned. */
export interface ParsedCorpus {
	stories: Story[];
	articles: CorpusArticle[];
	problems: CorpusProblem[];
}

/**
 * The core's `loadCorpus`, one file at a time with pauses between, so that 2,000 articles or 50 MB
 * never hold the extension host's main thread for long (in one call, 2,000 small files blocked it
 * for 0.65–1.3 s). The result is the same as one call: files in path order, and of two files with
 * one id the first keeps it while the second gets the core's own duplicate-id error. Stops, with
 * undefined, as soon as `isStale` says the result is no longer wanted.
 */
export async function parseArticleFiles(read: readonly (CorpusFile | CorpusProblem)[], isStale: () => boolean = () => false): Promise<ParsedCorpus | undefined> {
	const articles: CorpusArticle[] = [];
	const problems: CorpusProblem[] = [];
	const firstWithId = new Map<string, CorpusFile>();
	const slicer = new TimeSlicer();
	for (const entry of read) {
		await slicer.yield();
		if (isStale()) {
			return undefined;
		}
		if ('error' in entry) {
			problems.push(entry);
			continue;
		}
		const loaded = loadCorpus([entry]);
		problems.push(...loaded.problems);
		for (const article of loaded.articles) {
			const first = firstWithId.get(article.meta.id);
			if (first) {
				// Both files again, so that the message and line are the core's.
				problems.push(...loadCorpus([first, entry]).problems);
			} else {
				firstWithId.set(article.meta.id, entry);
				articles.push(article);
			}
		}
	}
	problems.sort((a, b) => compareText(a.path, b.path));
	return { stories: groupByStory(articles), articles, problems };
}

function asUserError(error: unknown, uri: vscode.Uri): ParallaxError {
	if (isParallaxError(error)) {
		return error.inFile(uri.toString());
	}
	const code = (error as NodeJS.ErrnoException).code;
	const reason = code ? READ_ERRORS[code] ?? code : error instanceof Error ? error.message : String(error);
	return new ParallaxError(`could not read the file: ${reason}`, uri.toString());
}

/** Node's error codes a user may meet while the corpus loads, in words (the path is on the item already). */
const READ_ERRORS: Record<string, string> = {
	ENOENT: 'it was deleted or renamed while the corpus was loading',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EISDIR: 'it is a folder',
	EMFILE: 'too many files are open; try Refresh Articles',
};

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
