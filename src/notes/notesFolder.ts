import * as vscode from 'vscode';
import { NoteAnnotation } from '../core/notes/model';
import { Disposable } from '../util/dispose';
import { NotesChanges, listNotesFiles, notesFilePath, readNotes, updateNotes } from '../util/notesStore';

/** Coalesces the file events of one save (temp file, rename) into one re-read. */
const RELOAD_DELAY_MS = 300;

/** An annotation as read, with the article whose notes file holds it. */
export interface StoredNote {
	annotation: NoteAnnotation;
	fileArticle: string;
}

/**
 * The workspace's `.parallax/notes` folder: reads every notes file, queues this window's writes to
 * each file one after another (the store locks, re-reads and merges across windows), and reports
 * changes made by others (another window, git, a script).
 */
export class NotesFolder extends Disposable {
	private readonly _onDidChangeOnDisk = this._register(new vscode.EventEmitter<void>());
	/** Fires when a notes file changed on disk and no write of this window is pending. */
	readonly onDidChangeOnDisk = this._onDidChangeOnDisk.event;

	private readonly _writes = new Map<string, Promise<void>>();
	private _problems: string[] = [];

	constructor() {
		super();
		const root = this.root;
		if (!root) {
			return;
		}
		const watcher = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '.parallax/notes/*.json')));
		let timer: ReturnType<typeof setTimeout> | undefined;
		const schedule = () => {
			clearTimeout(timer);
			timer = setTimeout(async () => {
				await Promise.allSettled([...this._writes.values()]);
				if (!this.isDisposed) {
					this._onDidChangeOnDisk.fire();
				}
			}, RELOAD_DELAY_MS);
		};
		this._register(watcher.onDidChange(schedule));
		this._register(watcher.onDidCreate(schedule));
		this._register(watcher.onDidDelete(schedule));
		this._register({ dispose: () => clearTimeout(timer) });
	}

	/** The folder whose `.parallax/notes` holds the notes, or undefined when no local folder is open. */
	get root(): vscode.Uri | undefined {
		const root = vscode.workspace.workspaceFolders?.[0]?.uri;
		return root?.scheme === 'file' ? root : undefined;
	}

	/** Messages about notes files that could not be read at the last read (they were set aside, not lost). */
	get problems(): readonly string[] {
		return this._problems;
	}

	/** Every annotation of every notes file; a file that cannot be read is set aside and reported. */
	async readAll(): Promise<StoredNote[]> {
		const notes: StoredNote[] = [];
		this._problems = [];
		const root = this.root;
		for (const file of root ? await listNotesFiles(root.fsPath) : []) {
			const { annotations, problem } = await readNotes(file.path);
			this._report(problem);
			notes.push(...annotations.map(annotation => ({ annotation, fileArticle: file.articleId })));
		}
		return notes;
	}

	/** Saves changes to the notes file of `fileArticle`, after this window's earlier writes to it. */
	write(fileArticle: string, changes: NotesChanges): Promise<void> {
		const root = this.root;
		if (!root) {
			return Promise.reject(new Error('open a folder to keep notes: they are stored in its .parallax/notes folder'));
		}
		const path = notesFilePath(root.fsPath, fileArticle);
		const next = (this._writes.get(path) ?? Promise.resolve()).catch(() => undefined).then(async () => {
			this._report((await updateNotes(path, changes)).problem);
		});
		this._writes.set(path, next);
		return next;
	}

	private _report(problem: string | undefined): void {
		if (problem) {
			this._problems.push(problem);
			void vscode.window.showWarningMessage(`Parallax: ${problem}`);
		}
	}
}
