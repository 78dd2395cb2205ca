import * as vscode from 'vscode';
import { CorpusArticle } from '../core/corpus';

/**
 * Opens an article with body offsets [start, end) selected; offsets are into the body, as
 * everywhere in Parallax, and are mapped past the front matter here.
 */
export async function revealInArticle(article: CorpusArticle, start: number, end: number, options: Omit<vscode.TextDocumentShowOptions, 'selection'> = {}): Promise<vscode.TextEditor> {
	const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(article.path));
	const selection = new vscode.Range(document.positionAt(article.bodyOffset + start), document.positionAt(article.bodyOffset + end));
	return vscode.window.showTextDocument(document, { ...options, selection });
}
