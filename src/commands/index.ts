import * as vscode from 'vscode';
import { CorpusService } from '../corpus/corpusService';
import { ComparePanel } from '../panel/comparePanel';
import { NoteCommands } from '../notes/noteCommands';
import { NotesService } from '../notes/notesService';
import { PeopleService } from '../people/peopleService';
import { NoteNode } from '../tree/notesTreeProvider';
import { PersonNode } from '../tree/peopleTreeProvider';
import { CommandId } from './commandIds';
import { compareArticles, compareStory } from './compareArticles';
import { compareOnPerson } from './compareOnPerson';
import { findParallelPassages } from './findParallel';
import type { ExportFormat } from './exportComparison';
import type { ImportArticleOptions } from './importArticle';
import { NoteComment } from '../notes/noteComment';
import { exportNotes, NotesExportFormat } from './exportNotes';
import { linkPassages, PassageRange } from './linkPassages';
import { openArticle } from './openArticle';
import { showCorpusError } from './showCorpusError';

export { CommandId };

/** What the command handlers need. */
export interface CommandDeps {
	extensionUri: vscode.Uri;
	/** The extension's storage for this workspace, if a folder is open. */
	storageUri?: vscode.Uri;
	corpus: CorpusService;
	people: PeopleService;
	notes: NotesService;
	noteCommands: NoteCommands;
}

/**
 * The importer is a bundle of its own (see esbuild.mjs), loaded on first use: its HTML parser
 * would otherwise more than double the extension's load time at activation.
 */
function loadImporter(): typeof import('./importArticle') {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path into dist/, kept out of the bundle
	return require('./importArticle.js');
}

/** The exporters bundle the report writers and the word differ: loaded on first use, like the importer. */
function loadExporter(): typeof import('./exportComparison') {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path into dist/, kept out of the bundle
	return require('./exportComparison.js');
}

/** Registers every command of package.json; the returned disposable unregisters them. */
export function registerCommands({ extensionUri, storageUri, corpus, people, notes, noteCommands }: CommandDeps): vscode.Disposable {
	/** Note commands take a node of the Notes view, or an annotation id and target index. */
	const noteTarget = (target: NoteNode | string, index?: number): [string, number] =>
		typeof target === 'string' ? [target, index ?? 0] : [target.note.annotation.id, target.targetIndex];
	const panelDeps = { extensionUri, corpus, notes, storageUri };
	return vscode.Disposable.from(
		vscode.commands.registerCommand(CommandId.RefreshArticles, () => corpus.reload()),
		vscode.commands.registerCommand(CommandId.OpenArticle, (target?: Parameters<typeof openArticle>[1]) => openArticle(corpus, target)),
		vscode.commands.registerCommand(CommandId.ImportArticle, (source?: vscode.Uri | 'clipboard', options?: ImportArticleOptions) =>
			loadImporter().importArticle(corpus, source, options)),
		vscode.commands.registerCommand(CommandId.CompareArticles, (target?: Parameters<typeof compareArticles>[1]) => compareArticles(panelDeps, target)),
		vscode.commands.registerCommand(CommandId.CompareStory, (target?: Parameters<typeof compareStory>[1]) => compareStory(panelDeps, target)),
		vscode.commands.registerCommand(CommandId.NextDivergence, () => ComparePanel.currentPanel?.navigate(1)),
		vscode.commands.registerCommand(CommandId.PreviousDivergence, () => ComparePanel.currentPanel?.navigate(-1)),
		vscode.commands.registerCommand(CommandId.CompareOnPerson, (target?: string | PersonNode) =>
			compareOnPerson(panelDeps, people, typeof target === 'string' ? target : target?.person.name)),
		vscode.commands.registerCommand(CommandId.FindParallelPassages, () => findParallelPassages(corpus)),
		vscode.commands.registerCommand(CommandId.ExportComparison, (target?: vscode.Uri, format?: ExportFormat) =>
			loadExporter().exportComparison(ComparePanel.currentPanel?.comparison, target, format)),
		vscode.commands.registerCommand(CommandId.ShowCorpusError, showCorpusError),
		vscode.commands.registerCommand(CommandId.AddNote, () => noteCommands.addNote()),
		vscode.commands.registerCommand(CommandId.CreateNote, (reply: vscode.CommentReply) => noteCommands.create(reply)),
		vscode.commands.registerCommand(CommandId.ReplyNote, (reply: vscode.CommentReply) => noteCommands.reply(reply)),
		vscode.commands.registerCommand(CommandId.EditNote, (comment: NoteComment) => noteCommands.edit(comment)),
		vscode.commands.registerCommand(CommandId.SaveNote, (comment: NoteComment) => noteCommands.save(comment)),
		vscode.commands.registerCommand(CommandId.CancelNote, (comment: NoteComment) => noteCommands.cancel(comment)),
		vscode.commands.registerCommand(CommandId.DeleteNote, (comment: NoteComment) => noteCommands.delete(comment)),
		vscode.commands.registerCommand(CommandId.DeleteNoteThread, (thread: vscode.CommentThread) => noteCommands.deleteThread(thread)),
		vscode.commands.registerCommand(CommandId.ResolveNote, (thread: vscode.CommentThread) => noteCommands.setResolved(thread, true)),
		vscode.commands.registerCommand(CommandId.UnresolveNote, (thread: vscode.CommentThread) => noteCommands.setResolved(thread, false)),
		vscode.commands.registerCommand(CommandId.RevealNote, (target: NoteNode | string, index?: number) => noteCommands.reveal(...noteTarget(target, index))),
		vscode.commands.registerCommand(CommandId.ReattachNote, (target: NoteNode | string, index?: number) => noteCommands.reattach(...noteTarget(target, index))),
		vscode.commands.registerCommand(CommandId.RefreshNotes, () => notes.reload()),
		vscode.commands.registerCommand(CommandId.ExportNotes, (target?: vscode.Uri, format?: NotesExportFormat) => exportNotes(notes, corpus, target, format)),
		vscode.commands.registerCommand(CommandId.LinkPassages, (a: PassageRange, b: PassageRange, relation?: string, note?: string) =>
			linkPassages(notes, corpus, a, b, relation, note)),
	);
}
