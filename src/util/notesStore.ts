import { randomUUID } from 'node:crypto';
import { Dirent, promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { decodeText, formatSize } from '../core/decode';
import { isParallaxError, ParallaxError } from '../core/errors';
import { NoteAnnotation } from '../core/notes/model';
import { mergeNotes, NotesChanges, parseNotesFile, serializeNotesFile } from '../core/notes/notesFile';
import { writeFileAtomic } from './atomicWrite';

/** What updateNotes saves: re-exported so that callers of the store need not reach into the core. */
export type { NotesChanges } from '../core/notes/notesFile';

/**
 * Largest notes file Parallax reads. Far above the 8 MB article limit because bodies are free
 * Markdown (a pasted 1 MB transcript is fine), yet low enough that a stray huge file cannot stall
 * the extension host; a bigger file is set aside like a corrupt one, never overwritten.
 */
export const MAX_NOTES_FILE_BYTES = 64 * 1024 * 1024;

/** How long updateNotes waits for another writer's lock before giving up. */
const LOCK_TIMEOUT_MS = 5000;
/** A lock this old is left over from a crash: a save takes milliseconds. */
const STALE_LOCK_MS = 10_000;
/** Article ids as the corpus allows them (article.ts), which also keeps them safe as file names. */
const ARTICLE_ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
/** Files set aside by quarantine(): `<id>.corrupt-2026-11-23T21-40-00-000Z[-n].json`. */
const SET_ASIDE = /\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z(?:-\d+)?\.json$/;

/** Notes as read from one file, and what went wrong reading it, in words for the user. */
export interface NotesRead {
	annotations: NoteAnnotation[];
	problem?: string;
}

/** The notes file of an article: `<root>/.parallax/notes/<articleId>.json`. Throws for an id that is not a corpus article id. */
export function notesFilePath(workspaceRoot: string, articleId: string): string {
	if (!ARTICLE_ID.test(articleId)) {
		throw new ParallaxError(`"${articleId}" is not an article id: ids are letters, digits, ".", "_" and "-", starting with a letter or digit`);
	}
	return join(notesFolder(workspaceRoot), `${articleId}.json`);
}

/** The notes files of a workspace with the article id each belongs to, by id; set-aside copies, temp and lock files are left out. */
export async function listNotesFiles(workspaceRoot: string): Promise<{ articleId: string; path: string }[]> {
	let entries: Dirent[];
	try {
		entries = await fs.readdir(notesFolder(workspaceRoot), { withFileTypes: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return [];
		}
		throw error;
	}
	return entries
		.filter(entry => entry.isFile() && entry.name.endsWith('.json') && !SET_ASIDE.test(entry.name) && ARTICLE_ID.test(entry.name.slice(0, -5)))
		.map(entry => ({ articleId: entry.name.slice(0, -5), path: join(notesFolder(workspaceRoot), entry.name) }))
		.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
}

/**
 * Reads a notes file; a missing file holds no notes. A file that cannot be read as notes (bad JSON,
 * wrong schema, binary, too big) is renamed aside to `<id>.corrupt-<time>.json` — never overwritten
 * or deleted — and reported in `problem`, so that the next save starts a fresh file instead of
 * overwriting notes it could not read. With `quarantine: false` (read-only callers such as
 * `parallax notes export`) it is only reported. Errors reading the file itself (permissions) throw.
 */
export async function readNotes(path: string, options: { quarantine?: boolean } = {}): Promise<NotesRead> {
	const loaded = await load(path);
	if (!('error' in loaded)) {
		return { annotations: loaded.annotations };
	}
	if (options.quarantine === false) {
		return { annotations: [], problem: `${loaded.error.describe()} (the file was left as it is)` };
	}
	return withLock(path, async () => {
		// Under the lock, read again: another window may have set it aside and saved a fresh file meanwhile.
		const again = await load(path);
		return 'error' in again ? { annotations: [], problem: await quarantine(path, again.error) } : { annotations: again.annotations };
	});
}

/**
 * Saves changes to a notes file so that concurrent savers (two windows, the CLI) lose nothing:
 * under a lock file it re-reads the file, merges by id (mergeNotes), and writes atomically. A corrupt
 * file is set aside first, as readNotes does, and the save starts from an empty file. An empty result
 * is written as `[]` rather than deleting the file, so that git shows the notes going away.
 * Returns the notes now in the file.
 */
export async function updateNotes(path: string, changes: NotesChanges): Promise<NotesRead> {
	return withLock(path, async () => {
		const loaded = await load(path);
		const text = serializeNotesFile(mergeNotes('error' in loaded ? [] : loaded.annotations, changes));
		let annotations: NoteAnnotation[];
		try {
			// Never write a file that the next read would have to set aside.
			annotations = parseNotesFile(text);
		} catch (error) {
			throw isParallaxError(error) ? new ParallaxError(`these notes cannot be saved: ${error.message}`, path) : error;
		}
		const problem = 'error' in loaded ? await quarantine(path, loaded.error) : undefined;
		if ('error' in loaded || text !== loaded.text) {
			await removeLeftoverTemps(path);
			await writeFileAtomic(path, text, { overwrite: true });
		}
		return problem === undefined ? { annotations } : { annotations, problem };
	});
}

function notesFolder(workspaceRoot: string): string {
	return join(workspaceRoot, '.parallax', 'notes');
}

type Loaded = { annotations: NoteAnnotation[]; text?: string } | { error: ParallaxError };

/** Reads and parses a notes file; an unusable file is an `error` (to set aside), an unreadable one throws. */
async function load(path: string): Promise<Loaded> {
	let bytes: Buffer;
	try {
		const { size } = await fs.stat(path);
		if (size > MAX_NOTES_FILE_BYTES) {
			return { error: new ParallaxError(`the notes file is ${formatSize(size)}; Parallax reads notes files up to ${formatSize(MAX_NOTES_FILE_BYTES)}`, path) };
		}
		bytes = await fs.readFile(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') {
			return { annotations: [] };
		}
		throw new ParallaxError(`could not read the notes file: ${code ?? String(error)}`, path);
	}
	try {
		const text = decodeText(bytes, MAX_NOTES_FILE_BYTES);
		return { annotations: parseNotesFile(text), text };
	} catch (error) {
		if (isParallaxError(error)) {
			return { error: new ParallaxError(error.message, path, error.line) };
		}
		throw error;
	}
}

/**
 * Moves an unusable notes file aside and says so. A hard link then unlink, not a rename, so that an
 * earlier set-aside copy with the same name can never be replaced; the caller holds the lock.
 */
async function quarantine(path: string, error: ParallaxError): Promise<string> {
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const stem = path.endsWith('.json') ? path.slice(0, -5) : path;
	for (let attempt = 0; ; attempt++) {
		const aside = `${stem}.corrupt-${stamp}${attempt > 0 ? `-${attempt}` : ''}.json`;
		try {
			await fs.link(path, aside);
			await fs.unlink(path);
		} catch (linkError) {
			const code = (linkError as NodeJS.ErrnoException).code;
			if (code === 'EEXIST') {
				continue;
			}
			if (code === 'ENOENT') {
				return `${error.describe()}; it disappeared before it could be set aside`;
			}
			// File systems without hard links: rename, having checked that nothing has the name.
			if (await exists(aside)) {
				continue;
			}
			await fs.rename(path, aside);
		}
		return `${error.describe()}. It was set aside as ${aside} (nothing was deleted) and new notes go to a fresh ${path}.`;
	}
}

/** Runs `task` holding `<path>.lock`, created exclusively; waits for another holder, and breaks a lock left by a crash. */
async function withLock<T>(path: string, task: () => Promise<T>): Promise<T> {
	const lock = `${path}.lock`;
	const token = JSON.stringify({ pid: process.pid, host: hostname(), token: randomUUID() });
	await fs.mkdir(dirname(path), { recursive: true });
	const deadline = Date.now() + LOCK_TIMEOUT_MS;
	for (;;) {
		try {
			await fs.writeFile(lock, token, { flag: 'wx' });
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}
		if (await breakStaleLock(lock)) {
			continue;
		}
		if (Date.now() > deadline) {
			throw new ParallaxError(`the notes file is locked by another Parallax process (${lock}); try again, or delete the lock file if no Parallax is running`, path);
		}
		// Jitter, so that waiting processes do not retry in lockstep.
		await new Promise(resolve => setTimeout(resolve, 5 + Math.random() * 25));
	}
	try {
		return await task();
	} finally {
		// Only remove our own lock: a holder slower than STALE_LOCK_MS may have had its lock broken and taken over.
		if (await fs.readFile(lock, 'utf8').catch(() => undefined) === token) {
			await fs.rm(lock, { force: true });
		}
	}
}

/** Removes a lock older than STALE_LOCK_MS, held by a process of this machine that no longer exists, or left empty; true if it is gone. */
async function breakStaleLock(lock: string): Promise<boolean> {
	let content: string;
	let mtimeMs: number;
	try {
		[content, { mtimeMs }] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
	} catch {
		return true; // Released meanwhile: try again at once.
	}
	const age = Date.now() - mtimeMs;
	// A holder writes its id right after creating the lock, so a lock still empty after a second lost its holder in between.
	if (age < STALE_LOCK_MS && !heldByDeadProcess(content) && !(content === '' && age > 1000)) {
		return false;
	}
	// Move it aside and check that it is still the lock judged stale: another waiter may already have replaced it with a live one.
	const aside = `${lock}.${randomUUID()}.stale`;
	try {
		await fs.rename(lock, aside);
	} catch {
		return true;
	}
	if (await fs.readFile(aside, 'utf8').catch(() => undefined) !== content) {
		await fs.link(aside, lock).catch(() => undefined);
	}
	await fs.rm(aside, { force: true });
	return true;
}

function heldByDeadProcess(content: string): boolean {
	let holder: { pid?: unknown; host?: unknown };
	try {
		holder = JSON.parse(content);
	} catch {
		return false; // Being written right now, or not ours: age decides.
	}
	if (typeof holder.pid !== 'number' || holder.host !== hostname() || holder.pid === process.pid) {
		return false;
	}
	try {
		process.kill(holder.pid, 0);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ESRCH';
	}
}

/**
 * Deletes temp files that writeFileAtomic left for this file when a save was killed (a hidden
 * `.<name>.<hex>.tmp` of up to the file's size). Every save holds the lock, so a temp file older than
 * a stale lock belongs to no running save.
 */
async function removeLeftoverTemps(path: string): Promise<void> {
	const prefix = `.${basename(path)}.`;
	const folder = dirname(path);
	for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
		if (name.startsWith(prefix) && /^[0-9a-f]+\.tmp$/.test(name.slice(prefix.length))) {
			const stat = await fs.stat(join(folder, name)).catch(() => undefined);
			if (stat && Date.now() - stat.mtimeMs > STALE_LOCK_MS) {
				await fs.rm(join(folder, name), { force: true });
			}
		}
	}
}

async function exists(path: string): Promise<boolean> {
	return fs.access(path).then(() => true, () => false);
}
