import * as vscode from 'vscode';
import { CorpusArticle } from '../core/corpus';
import { CorpusService } from '../corpus/corpusService';
import { revealInArticle } from '../corpus/revealInArticle';
import { ArticleNode } from '../tree/corpusNodes';

/**
 * Opens an article with the start of its body in view. Takes a tree node, an article id, or
 * nothing (then asks with a quick pick). Returns the editor, or undefined when cancelled.
 */
export async function openArticle(corpus: CorpusService, target?: ArticleNode | string): Promise<vscode.TextEditor | undefined> {
	const article = await resolveArticle(corpus, target);
	if (!article) {
		return undefined;
	}
	return revealInArticle(article, 0, 0, { preview: true });
}

async function resolveArticle(corpus: CorpusService, target?: ArticleNode | string): Promise<CorpusArticle | undefined> {
	if (target instanceof ArticleNode) {
		return target.article;
	}
	if (typeof target === 'string') {
		const article = await corpus.find(target);
		if (!article) {
			void vscode.window.showErrorMessage(`Parallax: there is no article with id "${target}".`);
		}
		return article;
	}
	const { articles } = await corpus.get();
	const picked = await vscode.window.showQuickPick(
		articles.map(article => ({ label: article.meta.title, description: [article.meta.outlet, article.meta.published].filter(Boolean).join(' · '), detail: article.meta.story, article })),
		{ title: 'Parallax: Open Article', placeHolder: 'Type to filter by title or outlet', matchOnDescription: true },
	);
	return picked?.article;
}
