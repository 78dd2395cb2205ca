import * as vscode from 'vscode';
import { Comparison } from '../core/comparison';
import { CorpusArticle } from '../core/corpus';
import { CorpusService } from '../corpus/corpusService';
import { revealInArticle } from '../corpus/revealInArticle';
import { alignInWorker } from '../alignment/alignInWorker';
import { CommandId } from '../commands/commandIds';
import { articleIdOf } from '../core/notes/model';
import { relationOf } from '../core/notes/notesFile';
import { UserLink } from '../core/userLinks';
import { NotesService } from '../notes/notesService';
import { ComparisonViewModel, FromWebview, ToWebview, ViewNote, WebviewState } from '../protocol';
import { Disposable } from '../util/dispose';
import { compareHtml, compareWebviewOptions } from './compareHtml';

/** What the panel needs from the rest of the extension. */
export interface PanelDeps {
	extensionUri: vscode.Uri;
	corpus: CorpusService;
	notes: NotesService;
	/** Where the panel keeps the ids of the articles on show, for a revive without webview state. */
	storageUri?: vscode.Uri;
}

/** Webview type of the comparison panel, also its serializer's key. */
export const COMPARE_VIEW_TYPE = 'parallax.compare';

/** The comparison webview: one column per article. There is at most one; showing it again reuses it. */
export class ComparePanel extends Disposable {
	/** The open panel, if any. */
	static currentPanel: ComparePanel | undefined;

	private _articleIds: string[] = [];
	/** Resolves when the webview has loaded its script and can take messages. */
	private readonly _ready: Promise<void>;
	private _markReady!: () => void;
	private _model: ComparisonViewModel | undefined;
	private _alignment: vscode.CancellationTokenSource | undefined;
	private _comparison: Comparison | undefined;
	/** Resolves when the rows of the latest `show` are on screen (or failed, or were cancelled). */
	private _shown: Promise<void> = Promise.resolve();

	/** Shows `articles` in the panel, creating it beside the active editor if needed. */
	static createOrShow(deps: PanelDeps, articles: CorpusArticle[], person?: string): ComparePanel {
		if (!ComparePanel.currentPanel) {
			const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Parallax Comparison', vscode.ViewColumn.Active, compareWebviewOptions(deps.extensionUri));
			ComparePanel.currentPanel = new ComparePanel(panel, deps);
		}
		const current = ComparePanel.currentPanel;
		current.show(articles, person);
		current.panel.reveal();
		return current;
	}

	/** Brings back a panel VS Code restored after a reload, from the state the webview saved. */
	static async revive(panel: vscode.WebviewPanel, deps: PanelDeps, state: WebviewState | undefined): Promise<void> {
		panel.webview.options = compareWebviewOptions(deps.extensionUri);
		ComparePanel.currentPanel?.dispose();
		const revived = new ComparePanel(panel, deps);
		ComparePanel.currentPanel = revived;
		const { articles } = await deps.corpus.get();
		// The workbench may not have stored the webview's state before a quick reload; our own copy then serves.
		const ids = state?.articleIds ?? (await readShownIds(deps.storageUri));
		const restored = ids.flatMap(id => articles.filter(article => article.meta.id === id));
		if (restored.length < 2) {
			// The workbench had not stored the view's state yet, or the articles left the corpus.
			void revived._ready.then(() => revived._post({ type: 'error', message: 'the comparison could not be restored; run Compare Story or Compare Articles… again' }));
			return;
		}
		revived.show(restored);
	}

	private readonly _corpus: CorpusService;
	private readonly _notes: NotesService;
	private readonly _storageUri: vscode.Uri | undefined;
	private _articles: CorpusArticle[] = [];
	private _person: string | undefined;
	/** The user links the current alignment was computed with, to re-align only when they change. */
	private _linksKey = '';

	private constructor(readonly panel: vscode.WebviewPanel, deps: PanelDeps) {
		super();
		this._corpus = deps.corpus;
		this._notes = deps.notes;
		this._storageUri = deps.storageUri;
		this._ready = new Promise(resolve => (this._markReady = resolve));
		this._register(panel);
		panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'parallax.svg');
		panel.webview.html = compareHtml(panel.webview, deps.extensionUri);
		this._register(deps.notes.onDidChange(() => void this._onNotesChanged()));
		this._register(panel.onDidDispose(() => this.dispose()));
		this._register(panel.webview.onDidReceiveMessage((message: FromWebview) => this._onMessage(message)));
		this._register(vscode.window.onDidChangeTextEditorSelection(event => this._onSelection(event)));
	}

	/** Ids of the articles on show, in column order. */
	get articleIds(): readonly string[] {
		return this._articleIds;
	}

	/** The comparison on screen, once aligned. */
	get comparison(): Comparison | undefined {
		return this._comparison;
	}

	/** Resolves when the latest comparison is on screen. */
	get shown(): Promise<void> {
		return this._shown;
	}

	/** Aligns `articles` (in a worker, with progress and cancel) and shows the comparison, focused on `person` if given. */
	show(articles: CorpusArticle[], person?: string): void {
		this._articles = articles;
		this._person = person;
		this._articleIds = articles.map(article => article.meta.id);
		void writeShownIds(this._storageUri, this._articleIds);
		const outlets = articles.map(article => article.meta.outlet || article.meta.id).join(' · ');
		this.panel.title = articles.length === 0 ? 'Parallax Comparison' : person ? `${person}: ${outlets}` : `Compare: ${outlets}`;
		// Aligning starts at once, while the webview loads; the rows are posted when it is ready.
		this._shown = this._align(articles, person);
	}

	/** Moves the focus in the panel to the next or previous divergence. */
	navigate(direction: 1 | -1): void {
		void this._post({ type: 'navigate', direction });
	}

	private async _align(articles: CorpusArticle[], person: string | undefined): Promise<void> {
		this._alignment?.cancel();
		this._comparison = undefined;
		this._model = undefined;
		const alignment = (this._alignment = new vscode.CancellationTokenSource());
		const links = await this._userLinks();
		this._linksKey = JSON.stringify(links);
		void this._ready.then(() => this._post({ type: 'loading', columns: articles.map(({ meta }) => ({ id: meta.id, outlet: meta.outlet, title: meta.title })) }));
		try {
			const result = await vscode.window.withProgress(
				{ location: vscode.ProgressLocation.Notification, title: `Parallax: aligning ${articles.length} articles`, cancellable: true },
				(_progress, token) => {
					token.onCancellationRequested(() => alignment.cancel());
					return alignInWorker(articles, alignment.token, person, links);
				},
			);
			if (result && !alignment.token.isCancellationRequested && !this.isDisposed) {
				this._comparison = result.comparison;
				this._model = result.model;
				await this._ready;
				await this._post({ type: 'show', model: result.model });
				await this._postNotes();
			}
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			void this._ready.then(() => this._post({ type: 'error', message }));
			void vscode.window.showErrorMessage(`Parallax: ${message}`);
		} finally {
			alignment.dispose();
		}
	}

	override dispose(): void {
		this._alignment?.cancel();
		if (ComparePanel.currentPanel === this) {
			ComparePanel.currentPanel = undefined;
		}
		super.dispose();
	}

	private async _onMessage(message: FromWebview): Promise<void> {
		switch (message.type) {
			case 'ready': {
				this._markReady();
				// A webview brought back after being hidden starts empty: give it the rows again.
				if (this._model) {
					await this._post({ type: 'show', model: this._model });
					await this._postNotes();
				}
				return;
			}
			case 'link':
				await vscode.commands.executeCommand(CommandId.LinkPassages, message.from, message.to);
				return;
			case 'revealNote':
				await vscode.commands.executeCommand(CommandId.RevealNote, message.id, message.targetIndex);
				return;
			case 'reveal':
				await this._reveal(message.article, message.start, message.end);
				return;
			default: {
				const unknown: never = message;
				console.warn('Parallax: unknown message from the comparison view', unknown);
			}
		}
	}

	/** Selecting text in one of the compared articles marks the rows that hold it. */
	private async _onSelection(event: vscode.TextEditorSelectionChangeEvent): Promise<void> {
		const selection = event.selections[0];
		// Every cursor move in every editor lands here: leave at once unless text is selected.
		if (!selection || selection.isEmpty || event.textEditor.document.uri.scheme !== 'file') {
			return;
		}
		const uri = event.textEditor.document.uri.toString();
		const article = (await this._corpus.get()).articles.find(candidate => candidate.path === uri && this._articleIds.includes(candidate.meta.id));
		if (!article) {
			return;
		}
		const document = event.textEditor.document;
		const start = document.offsetAt(selection.start) - article.bodyOffset;
		const end = document.offsetAt(selection.end) - article.bodyOffset;
		if (end > 0) {
			void this._post({ type: 'selection', article: article.meta.id, start: Math.max(0, start), end });
		}
	}

	private async _reveal(id: string, start: number, end: number): Promise<void> {
		const article = await this._corpus.find(id);
		if (!article) {
			void vscode.window.showWarningMessage(`Parallax: the article "${id}" is no longer in the corpus.`);
			return;
		}
		await revealInArticle(article, start, end, { viewColumn: vscode.ViewColumn.Beside });
	}

	/** The user's links between the articles on show, as the engine takes them. */
	private async _userLinks(): Promise<UserLink[]> {
		const shown = new Set(this._articleIds);
		return (await this._notes.all()).flatMap(({ annotation, anchors }) => {
			const [a, b] = annotation.target.map((target, index) => ({ article: articleIdOf(target.source) ?? '', ...anchors[index]! }));
			const relation = relationOf(annotation);
			return annotation.motivation === 'linking' && relation && a && b && anchors[0] && anchors[1] && shown.has(a.article) && shown.has(b.article)
				? [{ id: annotation.id, relation, a, b }]
				: [];
		});
	}

	/** Notes change: re-align when a link between the articles on show changed, else just redraw the margins. */
	private async _onNotesChanged(): Promise<void> {
		if (this._model && JSON.stringify(await this._userLinks()) !== this._linksKey) {
			this.show(this._articles, this._person);
			return;
		}
		await this._postNotes();
	}

	private async _postNotes(): Promise<void> {
		const shown = new Set(this._articleIds);
		const notes: ViewNote[] = [];
		for (const { annotation, anchors } of await this._notes.all()) {
			annotation.target.forEach((target, index) => {
				const article = articleIdOf(target.source);
				const anchor = anchors[index];
				if (!article || !anchor || !shown.has(article)) {
					return;
				}
				const text = annotation.body.find(body => body.purpose !== 'tagging')?.value ?? '';
				notes.push({
					id: annotation.id, targetIndex: index, article, start: anchor.start, end: anchor.end,
					kind: annotation.motivation === 'linking' ? 'link' : 'note',
					text: text.length > 500 ? `${text.slice(0, 499)}…` : text,
					relation: relationOf(annotation), comments: annotation.body.filter(body => body.purpose !== 'tagging').length,
				});
			});
		}
		await this._ready;
		await this._post({ type: 'notes', notes });
	}

	private _post(message: ToWebview): Thenable<boolean> {
		return this.panel.webview.postMessage(message);
	}
}

const SHOWN_FILE = 'comparison.json';

/** Remembers the articles on show in the extension's workspace storage (a best effort). */
async function writeShownIds(storageUri: vscode.Uri | undefined, articleIds: string[]): Promise<void> {
	if (storageUri) {
		await Promise.resolve(vscode.workspace.fs.createDirectory(storageUri)).catch(() => undefined);
		await Promise.resolve(vscode.workspace.fs.writeFile(vscode.Uri.joinPath(storageUri, SHOWN_FILE), new TextEncoder().encode(JSON.stringify({ articleIds }))))
			.catch(() => undefined);
	}
}

/** The articles that were on show, or none. */
async function readShownIds(storageUri: vscode.Uri | undefined): Promise<string[]> {
	try {
		const stored = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(storageUri!, SHOWN_FILE))));
		return Array.isArray(stored?.articleIds) ? stored.articleIds.filter((id: unknown) => typeof id === 'string') : [];
	} catch {
		return [];
	}
}
