import * as vscode from 'vscode';
import { Corpus, CorpusArticle, CorpusProblem } from '../core/corpus';
import { ParallaxError } from '../core/errors';
import { Disposable } from '../util/dispose';
import { listArticleFiles, parseArticleFiles, readArticleFiles } from './corpusReader';
import { CorpusLocation, resolveCorpusFolders } from './corpusFolders';

/** Coalesces bursts of file events (a git checkout, a save-all) into one reload. */
const RELOAD_DELAY_MS = 150;
/** A load that takes longer than this gets a notification with a Cancel button. */
const SLOW_LOAD_MS = 2000;
/** View id of the Articles tree (package.json), where every load shows a progress bar. */
const ARTICLES_VIEW_ID = 'parallax.articles';

/**
 * Owns the corpus: finds the folders, reads and parses the articles on first use, and reloads
 * when files or the `parallax.corpusPaths` setting change. Loading never holds the extension
 * host for long, shows progress, can be cancelled, and a newer load replaces an older one.
 */
export class CorpusService extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires after the corpus was reloaded. */
	readonly onDidChange = this._onDidChange.event;

	private _loading: Promise<LoadedCorpus> | undefined;
	/** Counts loads; a load that is no longer the latest stops reading and hands over to the latest. */
	private _generation = 0;
	/** Cancels the running load's reading. */
	private _stopCurrent: vscode.CancellationTokenSource | undefined;
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
		// Restricted Mode ignores the workspace's `corpusPaths`; once trusted, they apply.
		this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()));
		this._register({ dispose: () => this._disposeWatchers() });
		this._register({ dispose: () => this._stopCurrent?.cancel() });
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

	/**
	 * Forgets the loaded corpus and reads it again. Cancelling `token` (or the notification of a slow
	 * load) keeps the articles read so far, with a problem item saying the rest was not read.
	 */
	reload(token?: vscode.CancellationToken): Promise<LoadedCorpus> {
		clearTimeout(this._reloadTimer);
		const loading = this._load(token);
		this._loading = loading;
		// A load replaced by a newer one resolves with the newer one's result, which fires the event itself.
		void loading.then(() => {
			if (this._loading === loading) {
				this._onDidChange.fire();
			}
		});
		return loading;
	}

	private _scheduleReload(): void {
		clearTimeout(this._reloadTimer);
		this._reloadTimer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
	}

	private async _load(token?: vscode.CancellationToken): Promise<LoadedCorpus> {
		const generation = ++this._generation;
		// A newer load makes the older one pointless: stop its reading.
		this._stopCurrent?.cancel();
		const stop = (this._stopCurrent = new vscode.CancellationTokenSource());
		const listeners = [token?.onCancellationRequested(() => stop.cancel())];
		const superseded = () => generation !== this._generation;
		let report: (done: number, total: number) => void = () => undefined;
		const loaded = (async (): Promise<LoadedCorpus | undefined> => {
			const location = await resolveCorpusFolders(this._extensionUri);
			if (superseded()) {
				return undefined;
			}
			this._watch(location);
			const uris = await listArticleFiles(location.folders);
			const read = await readArticleFiles(uris, stop.token, (done, total) => report(done, total));
			// Cancelled by the user, the files read so far are still shown; replaced by a newer load, nothing is.
			const corpus = superseded() ? undefined : await parseArticleFiles(read, superseded);
			if (!corpus || superseded()) {
				return undefined;
			}
			if (read.length < uris.length) {
				corpus.problems.push(cancelledProblem(location, read.length, uris.length));
			}
			return { ...corpus, location };
		})();
		// Every load shows a bar in the Articles view; a slow one also gets a notification that can cancel it.
		void vscode.window.withProgress({ location: { viewId: ARTICLES_VIEW_ID } }, () => loaded);
		const slow = setTimeout(() => void vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: 'Parallax: reading the corpus', cancellable: true },
			(progress, notificationToken) => {
				listeners.push(notificationToken.onCancellationRequested(() => stop.cancel()));
				let shown = 0;
				report = (done, total) => {
					// Each report is a message to the workbench: one per percent, not one per file.
					const percent = Math.floor((100 * done) / total);
					if (percent > shown) {
						progress.report({ message: `${done.toLocaleString('en')} of ${total.toLocaleString('en')} files`, increment: percent - shown });
						shown = percent;
					}
				};
				return loaded;
			},
		), SLOW_LOAD_MS);
		// Clean up as soon as this load ends, not when the newer one it may hand over to ends.
		const result = await loaded.finally(() => {
			clearTimeout(slow);
			listeners.forEach(listener => listener?.dispose());
			stop.dispose();
			if (this._stopCurrent === stop) {
				this._stopCurrent = undefined;
			}
		});
		// A load replaced by a newer one hands over to it, so that whoever waits gets the current corpus.
		return result ?? this.get();
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

/** The problem item of a load cancelled after `read` of `total` files: the corpus is incomplete. */
function cancelledProblem(location: CorpusLocation, read: number, total: number): CorpusProblem {
	const folder = location.folders[0].toString();
	const message = `reading was cancelled after ${read.toLocaleString('en')} of ${total.toLocaleString('en')} files, so articles are missing; run "Parallax: Refresh Articles" to read them all`;
	return { path: folder, error: new ParallaxError(message, folder) };
}
