import * as vscode from 'vscode';
import { CorpusArticle, articleLabel } from '../core/corpus';
import { articleIdOf } from '../core/notes/model';
import { relationOf } from '../core/notes/notesFile';
import { CommandId } from '../commands/commandIds';
import { CorpusService } from '../corpus/corpusService';
import { AnchoredNote, NotesService } from '../notes/notesService';
import { Disposable } from '../util/dispose';
import { literalMarkdown } from '../util/markdownText';

/** The notes of one article. */
export class NotesArticleNode extends vscode.TreeItem {
	constructor(readonly article: CorpusArticle, readonly notes: AnchoredNote[]) {
		super(articleLabel(article.meta), vscode.TreeItemCollapsibleState.Expanded);
		this.id = `notes:${article.meta.id}`;
		this.description = notes.length === 1 ? '1 note' : `${notes.length} notes`;
		this.iconPath = new vscode.ThemeIcon('file-text');
		this.contextValue = 'notesArticle';
	}
}

/** Notes whose passage is gone from the text, or whose article is gone from the corpus. */
export class OrphanedNode extends vscode.TreeItem {
	constructor(readonly notes: AnchoredNote[]) {
		super('Orphaned', vscode.TreeItemCollapsibleState.Expanded);
		this.id = 'notes:orphaned';
		this.description = `${notes.length} · kept with their quotes`;
		this.tooltip = 'The text these notes were about is no longer in the article. Select a new passage and choose "Re-attach Note to Selection".';
		this.iconPath = new vscode.ThemeIcon('warning');
		this.contextValue = 'notesOrphaned';
	}
}

/** A note or link; a click shows it in the article. */
export class NoteNode extends vscode.TreeItem {
	constructor(readonly note: AnchoredNote, readonly targetIndex: number, orphaned: boolean) {
		const { annotation } = note;
		const isLink = annotation.motivation === 'linking';
		const first = annotation.body.find(body => body.purpose !== 'tagging')?.value ?? '';
		super(isLink ? `${relationOf(annotation)}${first ? `: ${firstLine(first)}` : ''}` : firstLine(first) || '(empty note)', vscode.TreeItemCollapsibleState.None);
		this.id = `note:${annotation.id}#${targetIndex}`;
		const quote = annotation.target[targetIndex].selector[0].exact;
		this.description = `“${shorten(quote, 60)}”`;
		const tooltip = new vscode.MarkdownString('', false);
		tooltip.isTrusted = false;
		tooltip.supportHtml = false;
		tooltip.appendMarkdown(`> ${literalMarkdown(shorten(quote, 400))}\n\n${literalMarkdown(shorten(first, 1000))}`);
		this.tooltip = tooltip;
		const resolved = annotation['parallax:resolved'] === true;
		this.iconPath = new vscode.ThemeIcon(orphaned ? 'debug-disconnect' : isLink ? 'link' : resolved ? 'pass' : annotation.body.length > 1 ? 'comment-discussion' : 'comment');
		this.contextValue = orphaned ? 'note orphaned' : isLink ? 'note link' : 'note';
		if (!orphaned) {
			this.command = { command: CommandId.RevealNote, title: 'Show Note', arguments: [annotation.id, targetIndex] };
		}
	}
}

/** Any node of the Notes view. */
export type NotesTreeNode = NotesArticleNode | OrphanedNode | NoteNode;

/** The Notes view: notes by article in reading order, then the orphaned ones. */
export class NotesTreeProvider extends Disposable implements vscode.TreeDataProvider<NotesTreeNode> {
	private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<NotesTreeNode | undefined | void>());
	readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

	constructor(private readonly _notes: NotesService, private readonly _corpus: CorpusService) {
		super();
		this._register(_notes.onDidChange(() => this._onDidChangeTreeData.fire()));
		this._register(_corpus.onDidChange(() => this._onDidChangeTreeData.fire()));
	}

	getTreeItem(node: NotesTreeNode): vscode.TreeItem {
		return node;
	}

	async getChildren(node?: NotesTreeNode): Promise<NotesTreeNode[]> {
		if (node instanceof NotesArticleNode) {
			return node.notes
				.flatMap(note => note.annotation.target.map((target, index) => ({ note, index, target })))
				.filter(({ note, index, target }) => articleIdOf(target.source) === node.article.meta.id && note.anchors[index])
				.sort((x, y) => x.note.anchors[x.index]!.start - y.note.anchors[y.index]!.start)
				.map(({ note, index }) => new NoteNode(note, index, false));
		}
		if (node instanceof OrphanedNode) {
			return node.notes.map(note => new NoteNode(note, Math.max(0, note.anchors.findIndex(anchor => !anchor)), true));
		}
		if (node) {
			return [];
		}
		const notes = await this._notes.all();
		const { articles } = await this._corpus.get();
		const rows: NotesTreeNode[] = [];
		for (const article of articles) {
			const mine = notes.filter(note => note.annotation.target.some((target, index) => articleIdOf(target.source) === article.meta.id && note.anchors[index]));
			if (mine.length > 0) {
				rows.push(new NotesArticleNode(article, mine));
			}
		}
		const orphaned = notes.filter(note => note.anchors.length === 0 || note.anchors.some(anchor => !anchor));
		if (orphaned.length > 0) {
			rows.push(new OrphanedNode(orphaned));
		}
		return rows;
	}
}

function firstLine(text: string): string {
	return shorten(text.trim().split('\n')[0] ?? '', 80);
}

function shorten(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
