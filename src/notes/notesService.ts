import * as vscode from 'vscode';
import { parseArticle } from '../core/article';
import { CorpusArticle } from '../core/corpus';
import { anchorNotes } from '../core/notes/anchor';
import { NoteAnnotation, NoteTarget, anchorRequestOf, articleIdOf, targetAt } from '../core/notes/model';
import { CorpusService } from '../corpus/corpusService';
import { Disposable } from '../util/dispose';
import { shiftAnchor } from '../core/notes/shiftAnchor';
import { NotesFolder } from './notesFolder';

/** Where a target sits in the article's current text, in body offsets; undefined when orphaned. */
export type NoteAnchor = { start: number; end: number } | undefined;

/** An annotation with where each of its targets is now. */
export interface AnchoredNote {
	annotation: NoteAnnotation;
	/** The article whose notes file holds the annotation. */
	fileArticle: string;
	/** One per target, in target order. */
	anchors: NoteAnchor[];
}

/** Waits this long after the last keystroke before re-anchoring an edited article. */
const REANCHOR_DELAY_MS = 250;

/**
 * Owns the notes: reads `.parallax/notes/*.json` on first use, keeps every note anchored in the
 * current text of its article (open editors included, saved or not), and writes changes through
 * the store, which re-reads and merges so that another window's notes survive.
 */
export class NotesService extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires when notes were added, changed, removed or moved. */
	readonly onDidChange = this._onDidChange.event;

	private _loading: Promise<void> | undefined;
	private readonly _notes = new Map<string, AnchoredNote>();
	private readonly _folder = this._register(new NotesFolder());
	private readonly _reanchorTimers = new Map<string, ReturnType<typeof setTimeout>>();
	/** Annotations saved here whose write has not finished: a re-read keeps the version in memory. */
	private readonly _unsaved = new Set<string>();

	constructor(private readonly _corpus: CorpusService) {
		super();
		this._register(_corpus.onDidChange(() => void this._afterCorpusReload()));
		this._register(vscode.workspace.onDidChangeTextDocument(event => this._onEdit(event)));
		this._register(vscode.workspace.onDidSaveTextDocument(document => void this._onSave(document)));
		this._register({ dispose: () => this._reanchorTimers.forEach(timer => clearTimeout(timer)) });
		this._register(this._folder.onDidChangeOnDisk(() => void this._onDiskChange()));
	}

	/** Another window, git or a script changed a notes file: read them again. */
	private async _onDiskChange(): Promise<void> {
		if (!this._loading || this.isDisposed) {
			return;
		}
		const before = this._fingerprint();
		await this._readAll();
		if (this._fingerprint() !== before) {
			this._onDidChange.fire();
		}
	}

	/** What the notes are, to tell whether a re-read changed anything. */
	private _fingerprint(): string {
		return JSON.stringify([...this._notes.values()].map(note => [note.annotation, note.anchors]));
	}

	/** The folder whose `.parallax/notes` holds the notes, or undefined when no folder is open. */
	get root(): vscode.Uri | undefined {
		return this._folder.root;
	}

	/** Every note and link, anchored; loads them on first call. */
	async all(): Promise<AnchoredNote[]> {
		await this._load();
		return [...this._notes.values()];
	}

	/** The notes and links that target `articleId`. */
	async forArticle(articleId: string): Promise<AnchoredNote[]> {
		return (await this.all()).filter(note => note.annotation.target.some(target => articleIdOf(target.source) === articleId));
	}

	/** One note or link by id. */
	async get(id: string): Promise<AnchoredNote | undefined> {
		await this._load();
		return this._notes.get(id);
	}

	/** Messages about notes files that could not be read (they were set aside, not lost). */
	get problems(): readonly string[] {
		return this._folder.problems;
	}

	/** The target for `[start, end)` of an article's current text (the open editor's, if any). */
	targetIn(article: CorpusArticle, start: number, end: number): NoteTarget {
		const body = this._currentBody(article) ?? article.body;
		return targetAt(article.meta.id, body, Math.max(0, Math.min(start, body.length)), Math.max(0, Math.min(end, body.length)));
	}

	/** The corpus article a target points at, if it is still in the corpus. */
	async articleOf(target: NoteTarget): Promise<CorpusArticle | undefined> {
		const id = articleIdOf(target.source);
		return id === undefined ? undefined : this._corpus.find(id);
	}

	/** Stores a new or changed annotation in the notes file of its first target's article. */
	async save(annotation: NoteAnnotation): Promise<void> {
		await this._load();
		const previous = this._notes.get(annotation.id);
		const fileArticle = previous?.fileArticle ?? articleIdOf(annotation.target[0].source) ?? 'unknown';
		// Comments this save drops were deleted here; the merge must not bring them back from disk.
		const kept = new Set(annotation.body.map(body => body.id));
		const removeBodies = previous?.annotation.body.filter(body => !kept.has(body.id)).map(body => body.id) ?? [];
		this._notes.set(annotation.id, { annotation, fileArticle, anchors: this._anchorsOf(annotation) });
		this._onDidChange.fire();
		this._unsaved.add(annotation.id);
		try {
			await this._folder.write(fileArticle, { upsert: [annotation], remove: [], removeBodies });
		} finally {
			this._unsaved.delete(annotation.id);
		}
	}

	/** Deletes an annotation for good. */
	async remove(id: string): Promise<void> {
		await this._load();
		const note = this._notes.get(id);
		if (!note) {
			return;
		}
		this._notes.delete(id);
		this._onDidChange.fire();
		await this._folder.write(note.fileArticle, { upsert: [], remove: [id] });
	}

	/** Reads every notes file again (another window or git changed them). */
	async reload(): Promise<void> {
		this._loading = undefined;
		await this._load();
		this._onDidChange.fire();
	}

	private _load(): Promise<void> {
		this._loading ??= this._readAll();
		return this._loading;
	}

	/** Reads every notes file and anchors the notes; the in-memory notes change in one step at the end. */
	private async _readAll(): Promise<void> {
		const read = new Map((await this._folder.readAll()).map(note => [note.annotation.id, { ...note, anchors: [] as NoteAnchor[] }]));
		const { articles } = await this._corpus.get();
		this._articles = articles;
		for (const id of this._unsaved) {
			const mine = this._notes.get(id);
			if (mine) {
				read.set(id, mine);
			}
		}
		this._notes.clear();
		for (const [id, note] of read) {
			this._notes.set(id, note);
		}
		this._reanchorAll();
	}

	private _reanchorAll(): void {
		const byId = new Map(this._articles.map(article => [article.meta.id, article]));
		for (const note of this._notes.values()) {
			note.anchors = this._anchorsOf(note.annotation, byId);
		}
	}

	/** Anchors each target in its article's current text; a target whose article is gone is orphaned. */
	private _anchorsOf(annotation: NoteAnnotation, byId?: Map<string, CorpusArticle>, hints?: NoteAnchor[]): NoteAnchor[] {
		return annotation.target.map((target, index) => {
			const articleId = articleIdOf(target.source);
			const article = articleId === undefined ? undefined : byId ? byId.get(articleId) : this._cachedArticle(articleId);
			if (!article) {
				return undefined;
			}
			const request = anchorRequestOf(annotation.id, target);
			const hint = hints?.[index];
			const [result] = anchorNotes(this._currentBody(article) ?? article.body, [hint ? { ...request, ...hint } : request]);
			return 'orphaned' in result ? undefined : { start: result.start, end: result.end };
		});
	}

	private _articles: CorpusArticle[] = [];

	private _cachedArticle(id: string): CorpusArticle | undefined {
		return this._articles.find(article => article.meta.id === id);
	}

	/** The body of the article's open editor, saved or not; undefined when closed or unparsable mid-edit. */
	private _currentBody(article: CorpusArticle): string | undefined {
		const document = vscode.workspace.textDocuments.find(candidate => candidate.uri.toString() === article.path);
		if (!document) {
			return undefined;
		}
		try {
			return parseArticle(document.getText()).body;
		} catch {
			return undefined;
		}
	}

	private async _afterCorpusReload(): Promise<void> {
		if (!this._loading) {
			return;
		}
		await this._loading;
		this._articles = (await this._corpus.get()).articles;
		this._reanchorAll();
		this._onDidChange.fire();
		// An article changed on disk: store where its notes went, so the next reader starts there.
		for (const article of this._articles) {
			if (!this._currentBody(article)) {
				await this._persistAnchors(article);
			}
		}
	}

	/** Typing moves the notes below the edit at once; a full re-anchor follows when the typing pauses. */
	private _onEdit(event: vscode.TextDocumentChangeEvent): void {
		if (!this._loading || event.contentChanges.length === 0) {
			return;
		}
		const uri = event.document.uri.toString();
		const article = this._articles.find(candidate => candidate.path === uri);
		if (!article) {
			return;
		}
		const notes = [...this._notes.values()].filter(note => note.annotation.target.some(target => articleIdOf(target.source) === article.meta.id));
		if (notes.length === 0) {
			return;
		}
		for (const note of notes) {
			note.anchors = note.anchors.map((anchor, index) =>
				articleIdOf(note.annotation.target[index].source) === article.meta.id ? shiftAnchor(anchor, event.contentChanges, article.bodyOffset) : anchor);
		}
		this._onDidChange.fire();
		clearTimeout(this._reanchorTimers.get(uri));
		this._reanchorTimers.set(uri, setTimeout(() => this._reanchorArticle(article), REANCHOR_DELAY_MS));
	}

	/** Anchors the article's notes in its current text, starting from where typing moved them. */
	private _reanchorArticle(article: CorpusArticle): void {
		clearTimeout(this._reanchorTimers.get(article.path));
		this._reanchorTimers.delete(article.path);
		for (const note of this._notes.values()) {
			if (note.annotation.target.some(target => articleIdOf(target.source) === article.meta.id)) {
				note.anchors = this._anchorsOf(note.annotation, undefined, note.anchors);
			}
		}
		this._onDidChange.fire();
	}

	private async _onSave(document: vscode.TextDocument): Promise<void> {
		const article = this._articles.find(candidate => candidate.path === document.uri.toString());
		if (article && this._loading) {
			// A save right after an edit comes before the pause that re-anchors: re-anchor first.
			this._reanchorArticle(article);
			await this._persistAnchors(article, parseBody(document.getText()));
		}
	}

	/** Rewrites the selectors of the article's notes that moved or were orphaned, so the file matches the text. */
	private async _persistAnchors(article: CorpusArticle, body = article.body): Promise<void> {
		if (body === undefined) {
			return;
		}
		const changedByFile = new Map<string, NoteAnnotation[]>();
		for (const note of this._notes.values()) {
			let changed = false;
			const target = note.annotation.target.map((current, index) => {
				if (articleIdOf(current.source) !== article.meta.id) {
					return current;
				}
				const anchor = note.anchors[index];
				const next = anchor ? targetAt(article.meta.id, body, anchor.start, anchor.end) : { ...current, 'parallax:orphaned': true as const };
				changed ||= JSON.stringify(next) !== JSON.stringify(current);
				return next;
			});
			if (changed) {
				note.annotation = { ...note.annotation, target };
				changedByFile.set(note.fileArticle, [...(changedByFile.get(note.fileArticle) ?? []), note.annotation]);
			}
		}
		for (const [fileArticle, upsert] of changedByFile) {
			await this._folder.write(fileArticle, { upsert, remove: [] });
		}
	}

}

function parseBody(text: string): string | undefined {
	try {
		return parseArticle(text).body;
	} catch {
		return undefined;
	}
}
