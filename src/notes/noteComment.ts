import * as vscode from 'vscode';
import { NoteBody } from '../core/notes/model';
import { inertNoteMarkdown } from '../util/markdownText';

/** One comment of a note thread, backed by one body of the annotation. */
export class NoteComment implements vscode.Comment {
	/** Shown while not editing; restored by Cancel. */
	private readonly _savedBody: vscode.MarkdownString;
	body: string | vscode.MarkdownString;
	mode = vscode.CommentMode.Preview;
	readonly author: vscode.CommentAuthorInformation;
	readonly timestamp: Date;
	/** `note` for the first comment, `reply` for the others; `link` on link threads. Menus match on it. */
	readonly contextValue: string;
	readonly label: string | undefined;

	/**
	 * @param annotationId the annotation the comment belongs to
	 * @param bodyId the body it shows
	 * @param thread the thread it is in, so commands on a comment can find the rest
	 */
	constructor(readonly annotationId: string, readonly bodyId: string, private readonly _body: NoteBody, kind: 'note' | 'reply' | 'link', readonly thread: vscode.CommentThread) {
		this._savedBody = noteMarkdown(_body.value);
		this.body = this._savedBody;
		this.author = { name: _body.creator ?? 'You' };
		this.timestamp = new Date(_body.modified);
		this.contextValue = kind;
		this.label = _body.modified !== _body.created ? 'edited' : undefined;
	}

	/** The text as the user typed it (in edit mode the body is the raw string). */
	get text(): string {
		return typeof this.body === 'string' ? this.body : this.body.value;
	}

	/** Shows the note's Markdown source, as stored, for editing. */
	startEdit(): void {
		this.body = this._body.value;
		this.mode = vscode.CommentMode.Editing;
	}

	/** Goes back to the stored text. */
	cancelEdit(): void {
		this.body = this._savedBody;
		this.mode = vscode.CommentMode.Preview;
	}
}

/**
 * Note bodies are the user's Markdown, rendered without command links, with any HTML shown as the
 * text it is and images as text (nothing loaded), since notes may be pasted from anywhere.
 */
export function noteMarkdown(value: string): vscode.MarkdownString {
	const markdown = new vscode.MarkdownString(inertNoteMarkdown(value), false);
	markdown.isTrusted = false;
	markdown.supportHtml = false;
	return markdown;
}
