import * as vscode from 'vscode';
import { Corpus, CorpusArticle, CorpusFile, CorpusProblem, isCorpusFileName, loadCorpus } from '../core/corpus';
import { checkInputSize } from '../core/decode';
import { ParallaxError, isParallaxError } from '../core/errors';
import { Disposable } from '../util/dispose';
import { CorpusLocation, resolveCorpusFolders } from './corpusFolders';

/** Folders deeper than this are not scanned, so a symlink loop cannot hang the scan. */
const MAX_DEPTH = 8;
/** Coalesces bursts of file events (a git checkout, a save-all) into one reload. */
const RELOAD_DELAY_MS = 150;

/**
 * Owns the corpus: finds the folders, reads and parses the articles on first use, and reloads
 * when files or the `parallax.corpusPaths` setting change.
 */
export class CorpusService extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires after the corpus was reloaded. */
	readonly onDidChange = this._onDidChange.event;

	private _loading: Promise<LoadedCorpus> | undefined;
	private _watchers: vscode.Disposable[] = [];
	private _reloadTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly _extensionUri: vscode.Uri) {
		super();
		this._register(vscode.workspace.onDidChangeConfiguration(event => {
			if (event.affectsConfiguration('parallax.corpusPaths')) {
				this.reload();
			}
		}));
		this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()));
		this._register({ dispose: () => this._disposeWatchers() });
	}

	/** The current corpus, loading it on first call. */
	get(): Promise<LoadedCorpus> {
		this._loading ??= this._load();
		return this._loading;
	}

	/** Finds an article by id. */
	async find(id: string): Promise<CorpusArticle | undefined> {
		return (await this.get()).articles.find(article => article.meta.id === id);
	}

	/** Forgets the loaded corpus and reads it again. */
	reload(): Promise<LoadedCorpus> {
		clearTimeout(this._reloadTimer);
		this._loading = this._load();
		void this._loading.then(() => this._onDidChange.fire());
		return this._loading;
	}

	private _scheduleReload(): void {
		clearTimeout(this._reloadTimer);
		this._reloadTimer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
	}

	private async _load(): Promise<LoadedCorpus> {
		const location = await resolveCorpusFolders(this._extensionUri);
		this._watch(location);
		const files: CorpusFile[] = [];
		const problems: CorpusProblem[] = [];
		for (const folder of location.folders) {
			for (const uri of await listArticleFiles(folder)) {
				try {
					checkInputSize((await vscode.workspace.fs.stat(uri)).size);
					files.push({ path: uri.toString(), bytes: await vscode.workspace.fs.readFile(uri) });
				} catch (error) {
					problems.push({ path: uri.toString(), error: asUserError(error, uri) });
				}
			}
		}
		const corpus = loadCorpus(files);
		return { ...corpus, problems: [...corpus.problems, ...problems], location };
	}

	private _watch(location: CorpusLocation): void {
		this._disposeWatchers();
		if (this.isDisposed) {
			return;
		}
		for (const folder of location.folders) {
			const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*.{md,markdown}'));
			watcher.onDidCreate(() => this._scheduleReload());
			watcher.onDidChange(() => this._scheduleReload());
			watcher.onDidDelete(() => this._scheduleReload());
			this._watchers.push(watcher);
		}
		// A new `corpus` folder in the workspace replaces the bundled sample.
		if (location.isSample) {
			for (const workspaceFolder of vscode.workspace.workspaceFolders ?? []) {
				const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspaceFolder, 'corpus/**'));
				watcher.onDidCreate(() => this._scheduleReload());
				this._watchers.push(watcher);
			}
		}
	}

	private _disposeWatchers(): void {
		clearTimeout(this._reloadTimer);
		for (const watcher of this._watchers.splice(0)) {
			watcher.dispose();
		}
	}
}

/** A corpus and where it was read from. */
export interface LoadedCorpus extends Corpus {
	location: CorpusLocation;
}

async function listArticleFiles(folder: vscode.Uri, depth = 0): Promise<vscode.Uri[]> {
	let entries: [string, vscode.FileType][];
	try {
		entries = await vscode.workspace.fs.readDirectory(folder);
	} catch {
		return [];
	}
	const files: vscode.Uri[] = [];
	for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		if (name.startsWith('.')) {
			continue;
		}
		const uri = vscode.Uri.joinPath(folder, name);
		if ((type & vscode.FileType.Directory) !== 0 && (type & vscode.FileType.SymbolicLink) === 0 && depth < MAX_DEPTH) {
			files.push(...(await listArticleFiles(uri, depth + 1)));
		} else if ((type & vscode.FileType.File) !== 0 && isCorpusFileName(name)) {
			files.push(uri);
		}
	}
	return files;
}

function asUserError(error: unknown, uri: vscode.Uri): ParallaxError {
	if (isParallaxError(error)) {
		return error.inFile(uri.toString());
	}
	return new ParallaxError(`could not read the file: ${error instanceof Error ? error.message : String(error)}`, uri.toString());
}
