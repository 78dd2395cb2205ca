import * as vscode from 'vscode';
import { Person } from '../core/comparison';
import { CorpusArticle } from '../core/corpus';
import { CorpusService } from '../corpus/corpusService';
import { PeopleService } from '../people/peopleService';
import { Disposable } from '../util/dispose';
import { literalMarkdown } from '../util/markdownText';
import { CommandId } from '../commands/commandIds';

/** A person quoted or named as a source; a click compares the articles on them. */
export class PersonNode extends vscode.TreeItem {
	constructor(readonly person: Person, articleCount: number) {
		super(person.name, vscode.TreeItemCollapsibleState.Collapsed);
		this.id = `person:${person.name}`;
		const quotes = person.mentions.filter(mention => mention.quote).length;
		this.description = [person.affiliation, `${articleCount} ${articleCount === 1 ? 'article' : 'articles'}, ${quotes} ${quotes === 1 ? 'quote' : 'quotes'}`].filter(Boolean).join(' · ');
		this.tooltip = new vscode.MarkdownString(literalMarkdown(`${person.name}${person.affiliation ? `, ${person.affiliation}` : ''}`));
		this.iconPath = new vscode.ThemeIcon('person');
		this.contextValue = 'person';
		this.command = { command: CommandId.CompareOnPerson, title: 'Compare on Person', arguments: [person.name] };
	}
}

/** An article that quotes or names a person, with the first quote. */
export class PersonArticleNode extends vscode.TreeItem {
	constructor(article: CorpusArticle, person: Person) {
		const mentions = person.mentions.filter(mention => mention.article === article.meta.id);
		super(article.meta.outlet || article.meta.title, vscode.TreeItemCollapsibleState.None);
		const quote = mentions.find(mention => mention.quote)?.quote;
		this.description = quote ? `“${quote}”` : 'named';
		this.tooltip = new vscode.MarkdownString(mentions.map(mention => literalMarkdown(mention.quote ?? '(named)')).join('\n\n'));
		this.iconPath = new vscode.ThemeIcon('quote');
		this.contextValue = 'personArticle';
		this.command = { command: CommandId.OpenArticle, title: 'Open Article', arguments: [article.meta.id] };
	}
}

type PeopleNode = PersonNode | PersonArticleNode;

/** The People view: everyone quoted or cited in the corpus, with the articles that quote them. */
export class PeopleTreeProvider extends Disposable implements vscode.TreeDataProvider<PeopleNode> {
	private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<PeopleNode | undefined | void>());
	readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

	constructor(private readonly _people: PeopleService, private readonly _corpus: CorpusService) {
		super();
		this._register(_people.onDidChange(() => this._onDidChangeTreeData.fire()));
	}

	getTreeItem(node: PeopleNode): vscode.TreeItem {
		return node;
	}

	async getChildren(node?: PeopleNode): Promise<PeopleNode[]> {
		const { articles } = await this._corpus.get();
		if (node instanceof PersonNode) {
			const ids = new Set(node.person.mentions.map(mention => mention.article));
			return articles.filter(article => ids.has(article.meta.id)).map(article => new PersonArticleNode(article, node.person));
		}
		if (node) {
			return [];
		}
		return (await this._people.get()).map(person => new PersonNode(person, new Set(person.mentions.map(mention => mention.article)).size));
	}
}
