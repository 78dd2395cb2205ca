import * as vscode from 'vscode';
import { warmUpAlignWorker } from '../alignment/alignInWorker';
import { CorpusService } from '../corpus/corpusService';
import { CorpusTreeProvider } from './corpusTreeProvider';

/** View id of the Articles tree in package.json. */
export const ARTICLES_VIEW_ID = 'parallax.articles';

/** Creates the Articles view; its description says when the bundled sample corpus is shown. */
export function createArticlesView(corpus: CorpusService, tree: CorpusTreeProvider): vscode.Disposable {
	const view = vscode.window.createTreeView(ARTICLES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
	// Someone looking at the articles is about to compare them: get the engine ready meanwhile.
	const warmUp = view.onDidChangeVisibility(event => {
		if (event.visible) {
			warmUpAlignWorker();
			warmUp.dispose();
		}
	});
	const describe = async () => {
		const { location } = await corpus.get();
		view.description = location.isSample ? 'sample corpus' : undefined;
	};
	return vscode.Disposable.from(view, warmUp, corpus.onDidChange(describe), view.onDidChangeVisibility(describe));
}
