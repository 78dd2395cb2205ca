import * as vscode from 'vscode';
import { addReply, createNote, editBody, removeBody, setResolved } from '../core/notes/notesFile';
import { revealInArticle } from '../corpus/revealInArticle';
import { NoteComment } from './noteComment';
import { NotesController } from './notesController';
import { NotesService } from './notesService';

/**
 * The handlers behind the comment widget's buttons and the note commands of the palette. Each one
 * builds the changed annotation with the pure builders of core/notes and hands it to the service.
 */
export class NoteCommands {
	constructor(private readonly _notes: NotesService, private readonly _controller: NotesController) {}

	/**
	 * Opens the note widget on the selection (or the cursor's line) of the active article editor, with
	 * the focus in it: VS Code's own Add Comment, which asks this controller for the commenting range.
	 */
	async addNote(): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		const article = editor && (await this._controller.articleAt(editor.document.uri));
		if (!editor || !article) {
			void vscode.window.showInformationMessage('Parallax: open a corpus article and select the passage the note is about.');
			return;
		}
		const bodyStart = editor.document.positionAt(article.bodyOffset);
		if (editor.selection.end.isBefore(bodyStart) || (editor.selection.isEmpty && editor.selection.active.line < bodyStart.line)) {
			void vscode.window.showInformationMessage('Parallax: notes go on the article text, not on the front matter.');
			return;
		}
		await vscode.commands.executeCommand('workbench.action.addComment');
	}

	/** The first comment of a new thread: creates the note. On an existing note it is a reply. */
	async create(reply: vscode.CommentReply): Promise<void> {
		if (this._controller.annotationOf(reply.thread)) {
			return this.reply(reply);
		}
		const { thread, text } = reply;
		const article = await this._controller.articleAt(thread.uri);
		const document = await vscode.workspace.openTextDocument(thread.uri);
		if (!article || !thread.range) {
			thread.dispose();
			void vscode.window.showWarningMessage('Parallax: notes can be added to corpus articles only.');
			return;
		}
		let start = document.offsetAt(thread.range.start) - article.bodyOffset;
		let end = document.offsetAt(thread.range.end) - article.bodyOffset;
		if (start === end) {
			// A note on a line (the gutter's +) is about the whole line.
			const line = document.lineAt(thread.range.start.line).range;
			[start, end] = [document.offsetAt(line.start) - article.bodyOffset, document.offsetAt(line.end) - article.bodyOffset];
		}
		const annotation = createNote(this._notes.targetIn(article, Math.max(0, start), Math.max(0, end)), text);
		this._controller.adopt(thread, annotation.id);
		await this._run(() => this._notes.save(annotation));
	}

	/** Adds a reply to a note. */
	async reply({ thread, text }: vscode.CommentReply): Promise<void> {
		const note = await this._noteOf(thread);
		if (note) {
			await this._run(() => this._notes.save(addReply(note, text)));
		}
	}

	/** Puts a comment in edit mode. */
	edit(comment: NoteComment): void {
		comment.startEdit();
		this._refresh(comment);
	}

	/** Stores an edited comment. */
	async save(comment: NoteComment): Promise<void> {
		const note = await this._notes.get(comment.annotationId);
		if (note) {
			await this._run(() => this._notes.save(editBody(note.annotation, comment.bodyId, comment.text)));
		}
	}

	/** Leaves edit mode without saving. */
	cancel(comment: NoteComment): void {
		comment.cancelEdit();
		this._refresh(comment);
	}

	/** Deletes one comment after asking; deleting a note's first comment deletes the note and its replies. */
	async delete(comment: NoteComment): Promise<void> {
		const note = await this._notes.get(comment.annotationId);
		if (!note) {
			return;
		}
		const whole = comment.contextValue !== 'reply';
		const replies = note.annotation.body.length - 1;
		const question = whole
			? `Delete this ${note.annotation.motivation === 'linking' ? 'link' : 'note'}${replies > 0 && note.annotation.motivation !== 'linking' ? ` and its ${replies} ${replies === 1 ? 'reply' : 'replies'}` : ''}?`
			: 'Delete this reply?';
		if ((await vscode.window.showWarningMessage(question, { modal: true, detail: 'This cannot be undone.' }, 'Delete')) !== 'Delete') {
			return;
		}
		await this._run(() => (whole ? this._notes.remove(note.annotation.id) : this._notes.save(removeBody(note.annotation, comment.bodyId))));
	}

	/** Deletes a whole thread after asking. */
	async deleteThread(thread: vscode.CommentThread): Promise<void> {
		const first = thread.comments[0];
		if (first instanceof NoteComment) {
			await this.delete(first);
		} else {
			thread.dispose(); // a thread the user opened but never wrote in
		}
	}

	/** Marks a note resolved (true) or open again (false). */
	async setResolved(thread: vscode.CommentThread, resolved: boolean): Promise<void> {
		const note = await this._noteOf(thread);
		if (note) {
			await this._run(() => this._notes.save(setResolved(note, resolved)));
		}
	}

	/** Opens the article at a note's passage and unfolds its thread. */
	async reveal(id: string, targetIndex = 0): Promise<void> {
		const note = await this._notes.get(id);
		const anchor = note?.anchors[targetIndex];
		const article = note && (await this._notes.articleOf(note.annotation.target[targetIndex]));
		if (!note || !anchor || !article) {
			void vscode.window.showWarningMessage('Parallax: this note has no place in the article any more; it is listed under Orphaned.');
			return;
		}
		await revealInArticle(article, anchor.start, anchor.end);
		const thread = this._controller.threadOf(id, targetIndex);
		if (thread) {
			thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
		}
	}

	/** Attaches an orphaned note (or one end of a link) to the selection in the active article editor. */
	async reattach(id: string, targetIndex = 0): Promise<void> {
		const note = await this._notes.get(id);
		const editor = vscode.window.activeTextEditor;
		const article = editor && (await this._controller.articleAt(editor.document.uri));
		if (!note || !editor || !article || editor.selection.isEmpty) {
			void vscode.window.showInformationMessage('Parallax: select the passage in an article editor first, then re-attach the note to it.');
			return;
		}
		const start = editor.document.offsetAt(editor.selection.start) - article.bodyOffset;
		const end = editor.document.offsetAt(editor.selection.end) - article.bodyOffset;
		const target = note.annotation.target.map((current, index) =>
			index === targetIndex ? this._notes.targetIn(article, Math.max(0, start), Math.max(0, end)) : current);
		await this._run(() => this._notes.save({ ...note.annotation, target, modified: new Date().toISOString() }));
	}

	private async _noteOf(thread: vscode.CommentThread) {
		const ref = this._controller.annotationOf(thread);
		return ref && (await this._notes.get(ref.id))?.annotation;
	}

	private _refresh(comment: NoteComment): void {
		comment.thread.comments = comment.thread.comments.map(other => other);
	}

	/**
	 * Runs a change. A failed write keeps the note on screen (the service holds it in memory) and
	 * offers to try again, so a full disk or a locked file never swallows what the user typed.
	 */
	private async _run(change: () => Promise<void>): Promise<void> {
		try {
			await change();
		} catch (error) {
			const message = `Parallax: the note could not be saved: ${error instanceof Error ? error.message : String(error)}`;
			if ((await vscode.window.showErrorMessage(message, 'Retry')) === 'Retry') {
				await this._run(change);
			}
		}
	}
}
