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

/** What the extension exports to other extensions and to its own integration tests. */
export interface ParallaxApi {
	corpus: CorpusService;
	tree: CorpusTreeProvider;
	people: PeopleService;
	peopleTree: PeopleTreeProvider;
}

/** Composition root: builds the services and registers everything; the corpus loads on first use. */
export function activate(context: vscode.ExtensionContext): ParallaxApi {
	const corpus = new CorpusService(context.extensionUri);
	const tree = new CorpusTreeProvider(corpus);
	const people = new PeopleService(corpus);
	const peopleTree = new PeopleTreeProvider(people, corpus);
	context.subscriptions.push(
		corpus,
		tree,
		people,
		peopleTree,
		createArticlesView(corpus, tree),
		vscode.window.createTreeView('parallax.people', { treeDataProvider: peopleTree }),
		registerCommands({ extensionUri: context.extensionUri, corpus, people }),
		vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
			deserializeWebviewPanel: (panel, state: WebviewState | undefined) => ComparePanel.revive(panel, context.extensionUri, corpus, state),
		}),
	);
	return { corpus, tree, people, peopleTree };
}

export function deactivate(): void {
	stopAlignWorker();
}
