import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { CorpusService } from './corpus/corpusService';
import { COMPARE_VIEW_TYPE, ComparePanel } from './panel/comparePanel';
import { WebviewState } from './protocol';
import { createArticlesView } from './tree/articlesView';
import { CorpusTreeProvider } from './tree/corpusTreeProvider';

/** What the extension exports to other extensions and to its own integration tests. */
export interface ParallaxApi {
	corpus: CorpusService;
	tree: CorpusTreeProvider;
}

/** Composition root: builds the services and registers everything; the corpus loads on first use. */
export function activate(context: vscode.ExtensionContext): ParallaxApi {
	const corpus = new CorpusService(context.extensionUri);
	const tree = new CorpusTreeProvider(corpus);
	context.subscriptions.push(
		corpus,
		tree,
		createArticlesView(corpus, tree),
		registerCommands({ extensionUri: context.extensionUri, corpus }),
		vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
			deserializeWebviewPanel: (panel, state: WebviewState | undefined) => ComparePanel.revive(panel, context.extensionUri, corpus, state),
		}),
	);
	return { corpus, tree };
}

export function deactivate(): void {
	// Everything is in context.subscriptions.
}
