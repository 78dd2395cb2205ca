import * as vscode from 'vscode';
import { articleIdOf } from '../core/notes/model';
import { CorpusService } from '../corpus/corpusService';
import { Disposable } from '../util/dispose';
import { NotesService } from './notesService';

/** A count badge on each article that has notes, in the Articles view and the Explorer. */
export class NotesBadges extends Disposable implements vscode.FileDecorationProvider {
	private readonly _onDidChangeFileDecorations = this._register(new vscode.EventEmitter<undefined>());
	readonly onDidChangeFileDecorations = this._onDidChangeFileDecorations.event;

	constructor(private readonly _notes: NotesService, private readonly _corpus: CorpusService) {
		super();
		this._register(_notes.onDidChange(() => this._onDidChangeFileDecorations.fire(undefined)));
		this._register(_corpus.onDidChange(() => this._onDidChangeFileDecorations.fire(undefined)));
	}

	async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
		const article = (await this._corpus.get()).articles.find(candidate => candidate.path === uri.toString());
		if (!article) {
			return undefined;
		}
		const count = (await this._notes.all()).filter(note =>
			note.annotation.target.some((target, index) => articleIdOf(target.source) === article.meta.id && note.anchors[index])).length;
		if (count === 0) {
			return undefined;
		}
		// A badge holds at most two characters.
		return new vscode.FileDecoration(count > 99 ? '99' : String(count), count === 1 ? '1 note' : `${count} notes`);
	}
}
