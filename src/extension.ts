import * as vscode from 'vscode';
import { stopAlignWorker } from './alignment/alignInWorker';
import { registerCommands } from './commands';
import { CorpusService } from './corpus/corpusService';
import { COMPARE_VIEW_TYPE, ComparePanel } from './panel/comparePanel';
import { WebviewState } from './protocol';
import { createArticlesView } from './tree/articlesView';
import { CorpusTreeProvider } from './tree/corpusTreeProvider';
import { PeopleTreeProvider } from './tree/peopleTreeProvider';
import { PeopleService } from './people/peopleService';
import { NoteCommands } from './notes/noteCommands';
import { NotesBadges } from './notes/notesBadges';
import { NotesController } from './notes/notesController';
import { NotesService } from './notes/notesService';
import { NotesTreeProvider } from './tree/notesTreeProvider';

/** What the extension exports to other extensions and to its own integration tests. */
export interface ParallaxApi {
	corpus: CorpusService;
	tree: CorpusTreeProvider;
	people: PeopleService;
	peopleTree: PeopleTreeProvider;
	notes: NotesService;
	notesController: NotesController;
	notesTree: NotesTreeProvider;
	notesBadges: NotesBadges;
}

/** Composition root: builds the services and registers everything; the corpus loads on first use. */
export function activate(context: vscode.ExtensionContext): ParallaxApi {
	const corpus = new CorpusService(context.extensionUri);
	const tree = new CorpusTreeProvider(corpus);
	const people = new PeopleService(corpus);
	const peopleTree = new PeopleTreeProvider(people, corpus);
	const notes = new NotesService(corpus);
	const notesController = new NotesController(corpus, notes);
	const notesTree = new NotesTreeProvider(notes, corpus);
	const notesBadges = new NotesBadges(notes, corpus);
	context.subscriptions.push(
		corpus,
		tree,
		people,
		peopleTree,
		createArticlesView(corpus, tree),
		vscode.window.createTreeView('parallax.people', { treeDataProvider: peopleTree }),
		notes,
		notesController,
		notesTree,
		notesBadges,
		vscode.window.createTreeView('parallax.notes', { treeDataProvider: notesTree }),
		vscode.window.registerFileDecorationProvider(notesBadges),
		registerCommands({ extensionUri: context.extensionUri, storageUri: context.storageUri, corpus, people, notes, noteCommands: new NoteCommands(notes, notesController) }),
		vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
			deserializeWebviewPanel: (panel, state: WebviewState | undefined) => ComparePanel.revive(panel, { extensionUri: context.extensionUri, corpus, notes, storageUri: context.storageUri }, state),
		}),
	);
	// Threads appear in article editors only once the notes are read; that happens in the background.
	void notesController.sync();
	return { corpus, tree, people, peopleTree, notes, notesController, notesTree, notesBadges };
}

export function deactivate(): void {
	stopAlignWorker();
}
