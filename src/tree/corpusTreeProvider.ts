import * as vscode from 'vscode';
import { CorpusService } from '../corpus/corpusService';
import { Disposable } from '../util/dispose';
import { ArticleNode, CorpusNode, ProblemNode, StoryNode, articleTooltip } from './corpusNodes';

/** Context key: true when the corpus folders hold no article and no broken file (shows the welcome view). */
const CORPUS_EMPTY_KEY = 'parallax:corpusEmpty';

/** The Articles view: stories, their articles, and the files that failed to load. */
export class CorpusTreeProvider extends Disposable implements vscode.TreeDataProvider<CorpusNode> {
	private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<CorpusNode | undefined | void>());
	readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

	constructor(private readonly _corpus: CorpusService) {
		super();
		this._register(_corpus.onDidChange(() => this.refresh()));
	}

	/** Asks VS Code to read the tree again. */
	refresh(): void {
		this._onDidChangeTreeData.fire();
	}

	getTreeItem(node: CorpusNode): vscode.TreeItem {
		return node;
	}

	async getChildren(node?: CorpusNode): Promise<CorpusNode[]> {
		if (node instanceof StoryNode) {
			return node.story.articles.map(article => new ArticleNode(article));
		}
		if (node) {
			return [];
		}
		const corpus = await this._corpus.get();
		void vscode.commands.executeCommand('setContext', CORPUS_EMPTY_KEY, corpus.articles.length === 0 && corpus.problems.length === 0);
		return [...corpus.stories.map(story => new StoryNode(story)), ...corpus.problems.map(problem => new ProblemNode(problem))];
	}

	/** Builds an article's tooltip when it is first hovered, not for every row of a big corpus up front. */
	resolveTreeItem(item: vscode.TreeItem, node: CorpusNode): vscode.TreeItem {
		if (node instanceof ArticleNode) {
			item.tooltip = articleTooltip(node.article);
		}
		return item;
	}

	async getParent(node: CorpusNode): Promise<CorpusNode | undefined> {
		if (!(node instanceof ArticleNode)) {
			return undefined;
		}
		const story = (await this._corpus.get()).stories.find(s => s.articles.some(a => a.meta.id === node.article.meta.id));
		return story && new StoryNode(story);
	}
}

