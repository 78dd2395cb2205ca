import * as vscode from 'vscode';
import { CorpusArticle, CorpusProblem, Story, articleLabel } from '../core/corpus';
import { CommandId } from '../commands/commandIds';
import { literalMarkdown } from '../util/markdownText';

/** A story: the articles that share a `story` id. */
export class StoryNode extends vscode.TreeItem {
	constructor(readonly story: Story) {
		super(story.id, vscode.TreeItemCollapsibleState.Expanded);
		this.id = `story:${story.id}`;
		this.description = story.articles.length === 1 ? '1 article' : `${story.articles.length} articles`;
		this.iconPath = new vscode.ThemeIcon('library');
		this.contextValue = 'story';
	}
}

/** An article, labelled outlet · date · title; a click opens it. */
export class ArticleNode extends vscode.TreeItem {
	constructor(readonly article: CorpusArticle) {
		super(articleLabel(article.meta), vscode.TreeItemCollapsibleState.None);
		const { meta } = article;
		this.id = `article:${meta.id}`;
		this.resourceUri = vscode.Uri.parse(article.path);
		this.iconPath = new vscode.ThemeIcon('file-text');
		// No tooltip here: VS Code parses every Markdown tooltip as the item is sent, 2,000 of them blocked
		// the extension host for about half a second; CorpusTreeProvider.resolveTreeItem adds it on hover.
		this.contextValue = 'article';
		this.command = { command: CommandId.OpenArticle, title: 'Open Article', arguments: [this] };
	}
}

/** A corpus file that failed to load: shown with its message instead of silently missing. */
export class ProblemNode extends vscode.TreeItem {
	constructor(readonly problem: CorpusProblem) {
		const uri = vscode.Uri.parse(problem.path);
		super(vscode.workspace.asRelativePath(uri, false), vscode.TreeItemCollapsibleState.None);
		this.id = `problem:${problem.path}`;
		this.description = problem.error.message;
		this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
		this.tooltip = `${vscode.workspace.asRelativePath(uri, false)}${problem.error.line ? `:${problem.error.line}` : ''}: ${problem.error.message}`;
		this.contextValue = 'corpusProblem';
		this.command = { command: CommandId.ShowCorpusError, title: 'Show Corpus Error', arguments: [this] };
	}
}

/** Any node of the Articles tree. */
export type CorpusNode = StoryNode | ArticleNode | ProblemNode;

/** The tooltip of an article row: title, then outlet, via, date, author, URL, id and file. */
export function articleTooltip(article: CorpusArticle): vscode.MarkdownString {
	const { meta } = article;
	const tooltip = new vscode.MarkdownString('', true);
	// Front matter is untrusted text: append it as text, never as Markdown or HTML (appendText lets `<` and `&` through).
	tooltip.isTrusted = false;
	tooltip.supportHtml = false;
	tooltip.appendMarkdown(`**${literalMarkdown(meta.title)}**\n\n`);
	const rows: [string, string | undefined][] = [
		['Outlet', meta.outlet], ['Via', meta.via], ['Published', meta.published], ['Author', meta.author],
		['URL', meta.url], ['Id', meta.id], ['File', vscode.workspace.asRelativePath(vscode.Uri.parse(article.path), false)],
	];
	for (const [name, value] of rows) {
		if (value) {
			tooltip.appendMarkdown(`${name}: ${literalMarkdown(value)}  \n`);
		}
	}
	return tooltip;
}
