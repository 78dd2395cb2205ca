import * as vscode from 'vscode';
import { CorpusArticle, articleLabel } from '../core/corpus';
import { ComparePanel, PanelDeps } from '../panel/comparePanel';
import { ArticleNode, StoryNode } from '../tree/corpusNodes';

/**
 * Opens the comparison with the given articles (ids), or asks for two or more with a
 * multi-select quick pick; from the tree, the clicked article comes pre-selected.
 */
export async function compareArticles(deps: PanelDeps, target?: string[] | ArticleNode): Promise<ComparePanel | undefined> {
	const { corpus } = deps;
	const { articles } = await corpus.get();
	let chosen: CorpusArticle[];
	if (Array.isArray(target)) {
		chosen = target.map(id => articles.find(article => article.meta.id === id)).filter(article => article !== undefined);
		const missing = target.filter(id => !chosen.some(article => article.meta.id === id));
		if (missing.length > 0) {
			void vscode.window.showErrorMessage(`Parallax: no article with id ${missing.map(id => `"${id}"`).join(', ')}.`);
			return undefined;
		}
	} else {
		const preselected = target instanceof ArticleNode ? target.article.meta.id : undefined;
		const picks = await vscode.window.showQuickPick(
			articles.map(article => ({ label: article.meta.title, description: articleLabel({ ...article.meta, title: '' }), detail: article.meta.story, picked: article.meta.id === preselected, article })),
			{ title: 'Parallax: Compare Articles', placeHolder: 'Pick two or more articles', canPickMany: true, matchOnDescription: true },
		);
		if (!picks) {
			return undefined;
		}
		chosen = picks.map(pick => pick.article);
	}
	if (chosen.length < 2) {
		void vscode.window.showInformationMessage('Parallax: pick at least two articles to compare.');
		return undefined;
	}
	return ComparePanel.createOrShow(deps, chosen);
}

/** Opens the comparison with every article of a story (a tree node, a story id, or asked for). */
export async function compareStory(deps: PanelDeps, target?: StoryNode | string): Promise<ComparePanel | undefined> {
	const { corpus } = deps;
	const { stories } = await corpus.get();
	let storyId = target instanceof StoryNode ? target.story.id : target;
	if (storyId === undefined) {
		const pick = await vscode.window.showQuickPick(
			stories.map(story => ({ label: story.id, description: `${story.articles.length} articles`, id: story.id })),
			{ title: 'Parallax: Compare Story', placeHolder: 'Which story?' },
		);
		storyId = pick?.id;
	}
	const story = stories.find(candidate => candidate.id === storyId);
	if (!story) {
		if (storyId !== undefined) {
			void vscode.window.showErrorMessage(`Parallax: there is no story "${storyId}".`);
		}
		return undefined;
	}
	if (story.articles.length < 2) {
		void vscode.window.showInformationMessage(`Parallax: the story "${story.id}" has only one article; import another to compare.`);
		return undefined;
	}
	return ComparePanel.createOrShow(deps, story.articles);
}
