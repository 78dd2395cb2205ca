import * as vscode from 'vscode';
import { CorpusArticle } from '../core/corpus';
import { articleIdOf, NoteAnnotation } from '../core/notes/model';
import { relationOf } from '../core/notes/notesFile';
import { CorpusService } from '../corpus/corpusService';
import { Disposable } from '../util/dispose';
import { inertNoteMarkdown, literalMarkdown } from '../util/markdownText';
import { NoteComment, noteMarkdown } from './noteComment';
import { AnchoredNote, NotesService } from './notesService';

/** Id of the one comment controller; package.json menus match `commentController == parallax.notes`. */
export const NOTES_CONTROLLER_ID = 'parallax.notes';

/**
 * Shows notes and links as comment threads in the article editors, and lets the user add notes
 * on the article body (never on the front matter). Keeps the threads in step with the notes service.
 */
export class NotesController extends Disposable {
	readonly controller: vscode.CommentController;
	/** Threads by annotation id and target index (`id#0`, `id#1` for the two ends of a link). */
	private readonly _threads = new Map<string, vscode.CommentThread>();
	private _syncing = Promise.resolve();
	/** The annotation each thread's comments were last built from. */
	private readonly _filled = new WeakMap<vscode.CommentThread, NoteAnnotation>();

	constructor(private readonly _corpus: CorpusService, private readonly _notes: NotesService) {
		super();
		this.controller = this._register(vscode.comments.createCommentController(NOTES_CONTROLLER_ID, 'Parallax Notes'));
		this.controller.options = { prompt: 'Add a note on this passage…', placeHolder: 'A note in Markdown' };
		this.controller.commentingRangeProvider = {
			provideCommentingRanges: async document => {
				const article = await this.articleAt(document.uri);
				return article ? [new vscode.Range(document.positionAt(article.bodyOffset), document.positionAt(document.getText().length))] : [];
			},
		};
		this._register(_notes.onDidChange(() => this.sync()));
		this._register({ dispose: () => this._threads.forEach(thread => thread.dispose()) });
	}

	/** The corpus article shown in the document at `uri`, if it is one. */
	async articleAt(uri: vscode.Uri): Promise<CorpusArticle | undefined> {
		return (await this._corpus.get()).articles.find(article => article.path === uri.toString());
	}

	/** The thread of an annotation's target, if it is anchored. */
	threadOf(annotationId: string, targetIndex = 0): vscode.CommentThread | undefined {
		return this._threads.get(`${annotationId}#${targetIndex}`);
	}

	/** The annotation a thread shows, if any. */
	annotationOf(thread: vscode.CommentThread): { id: string; targetIndex: number } | undefined {
		for (const [key, candidate] of this._threads) {
			if (candidate === thread) {
				const at = key.lastIndexOf('#');
				return { id: key.slice(0, at), targetIndex: Number(key.slice(at + 1)) };
			}
		}
		return undefined;
	}

	/** Makes `thread` (one the user opened with the gutter's +) the thread of a new annotation. */
	adopt(thread: vscode.CommentThread, annotationId: string): void {
		this._threads.set(`${annotationId}#0`, thread);
	}

	/** Brings the threads in line with the notes: creates, moves, refreshes and disposes them. Resolves when done. */
	sync(): Promise<void> {
		this._syncing = this._syncing.then(() => this._sync()).catch(error => console.error('Parallax: could not show the notes', error));
		return this._syncing;
	}

	private async _sync(): Promise<void> {
		const notes = await this._notes.all();
		const { articles } = await this._corpus.get();
		const byId = new Map(articles.map(article => [article.meta.id, article]));
		const live = new Set<string>();
		for (const note of notes) {
			for (const [index, anchor] of note.anchors.entries()) {
				const article = byId.get(articleIdOf(note.annotation.target[index].source) ?? '');
				if (!anchor || !article) {
					continue;
				}
				const key = `${note.annotation.id}#${index}`;
				const uri = vscode.Uri.parse(article.path);
				const document = await vscode.workspace.openTextDocument(uri);
				const range = new vscode.Range(document.positionAt(article.bodyOffset + anchor.start), document.positionAt(article.bodyOffset + anchor.end));
				let thread = this._threads.get(key);
				if (thread && thread.uri.toString() !== uri.toString()) {
					thread.dispose();
					thread = undefined;
				}
				if (!thread) {
					thread = this.controller.createCommentThread(uri, range, []);
					this._threads.set(key, thread);
				} else if (!thread.range || !thread.range.isEqual(range)) {
					thread.range = range;
				}
				// Typing moves threads on every keystroke: refill comments only when the annotation changed.
				if (this._filled.get(thread) !== note.annotation) {
					this._fill(thread, note, index, byId);
					this._filled.set(thread, note.annotation);
				}
				live.add(key);
			}
		}
		for (const [key, thread] of this._threads) {
			if (!live.has(key)) {
				thread.dispose();
				this._threads.delete(key);
			}
		}
	}

	/** Sets a thread's comments, label and state from its annotation, keeping a comment that is being edited. */
	private _fill(thread: vscode.CommentThread, note: AnchoredNote, targetIndex: number, byId: Map<string, CorpusArticle>): void {
		const { annotation } = note;
		const editing = new Map(thread.comments.filter(comment => comment instanceof NoteComment && comment.mode === vscode.CommentMode.Editing)
			.map(comment => [(comment as NoteComment).bodyId, comment]));
		if (annotation.motivation === 'linking') {
			const other = annotation.target[1 - targetIndex];
			const otherArticle = byId.get(articleIdOf(other?.source ?? '') ?? '');
			const relation = relationOf(annotation);
			thread.label = `Link: ${relation} ↔ ${otherArticle?.meta.outlet || articleIdOf(other?.source ?? '') || 'a missing article'}`;
			thread.contextValue = 'link';
			thread.canReply = false;
			thread.state = undefined;
			thread.comments = [linkComment(annotation, targetIndex, otherArticle, thread)];
			return;
		}
		const resolved = annotation['parallax:resolved'] === true;
		thread.label = resolved ? 'Note (resolved)' : 'Note';
		thread.contextValue = resolved ? 'note resolved' : 'note unresolved';
		thread.state = resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
		thread.canReply = true;
		thread.comments = annotation.body
			.filter(body => body.purpose !== 'tagging')
			.map((body, index) => editing.get(body.id) ?? new NoteComment(annotation.id, body.id, body, index === 0 ? 'note' : 'reply', thread));
	}
}

/** A link thread's one comment: the relation, the passage at the other end, and the user's note. */
function linkComment(annotation: NoteAnnotation, targetIndex: number, otherArticle: CorpusArticle | undefined, thread: vscode.CommentThread): NoteComment {
	const other = annotation.target[1 - targetIndex];
	const note = annotation.body.find(body => body.purpose !== 'tagging');
	const relationBody = annotation.body.find(body => body.purpose === 'tagging') ?? annotation.body[0];
	const comment = new NoteComment(annotation.id, relationBody.id, relationBody, 'link', thread);
	const markdown = noteMarkdown('');
	// The relation, outlet, title and quote are shown as written; the note as inert Markdown, as in note threads.
	markdown.appendMarkdown(`**${literalMarkdown(relationOf(annotation) ?? '')}** — `)
		.appendMarkdown(literalMarkdown(otherArticle ? `${otherArticle.meta.outlet}: ${otherArticle.meta.title}` : 'a missing article'));
	markdown.appendMarkdown('\n\n> ').appendMarkdown(literalMarkdown(other?.selector[0].exact.replace(/\s+/g, ' ') ?? ''));
	if (note) {
		markdown.appendMarkdown('\n\n').appendMarkdown(inertNoteMarkdown(note.value));
	}
	comment.body = markdown;
	return comment;
}
