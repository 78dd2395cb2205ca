import * as vscode from 'vscode';
import { alignInWorker } from '../alignment/alignInWorker';
import { Comparison, passageKey } from '../core/comparison';
import { CorpusArticle } from '../core/corpus';
import { CorpusService } from '../corpus/corpusService';
import { revealInArticle } from '../corpus/revealInArticle';

/** A passage of another article that corresponds to the selection. */
export interface ParallelPassage {
	article: CorpusArticle;
	start: number;
	end: number;
	text: string;
	score: number;
	kind: string;
}

/**
 * Finds the passages of the other articles of the story that correspond to the selected text of an
 * article, ranked by score, and lets the user open one. Returns them (for scripts and tests).
 */
export async function findParallelPassages(corpus: CorpusService): Promise<ParallelPassage[] | undefined> {
	const editor = vscode.window.activeTextEditor;
	const article = editor && (await corpus.get()).articles.find(candidate => candidate.path === editor.document.uri.toString());
	if (!editor || !article) {
		void vscode.window.showInformationMessage('Parallax: select text in a corpus article first.');
		return undefined;
	}
	const selection = editor.selection.isEmpty ? editor.document.lineAt(editor.selection.active.line).range : editor.selection;
	const start = editor.document.offsetAt(selection.start) - article.bodyOffset;
	const end = editor.document.offsetAt(selection.end) - article.bodyOffset;
	if (end <= 0) {
		void vscode.window.showInformationMessage('Parallax: the selection is in the front matter; select text of the article body.');
		return undefined;
	}
	const { stories } = await corpus.get();
	const siblings = stories.find(story => story.articles.includes(article))?.articles ?? [];
	if (siblings.length < 2) {
		void vscode.window.showInformationMessage(`Parallax: "${article.meta.title}" is the only article of its story.`);
		return undefined;
	}
	const result = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Notification, title: 'Parallax: finding parallel passages', cancellable: true },
		(_progress, token) => alignInWorker(siblings, token),
	);
	if (!result) {
		return undefined;
	}
	const found = parallelTo(result.comparison, article.meta.id, Math.max(0, start), end, siblings);
	if (found.length === 0) {
		void vscode.window.showInformationMessage('Parallax: no other article of the story has a passage parallel to the selection.');
		return found;
	}
	void pickAndReveal(found);
	return found;
}

/** Members of the groups that hold a passage of `articleId` overlapping [start, end), best first. */
export function parallelTo(comparison: Comparison, articleId: string, start: number, end: number, articles: readonly CorpusArticle[]): ParallelPassage[] {
	const passages = new Map(comparison.articles.flatMap(article => article.passages.map(passage => [passageKey({ article: article.id, passage: passage.id }), passage] as const)));
	const found: ParallelPassage[] = [];
	for (const group of comparison.groups) {
		const touches = group.members.some(member => {
			const passage = member.article === articleId ? passages.get(passageKey(member)) : undefined;
			return passage !== undefined && passage.start < end && start < passage.end;
		});
		if (!touches) {
			continue;
		}
		for (const member of group.members.filter(other => other.article !== articleId)) {
			const passage = passages.get(passageKey(member));
			const article = articles.find(candidate => candidate.meta.id === member.article);
			if (passage && article) {
				found.push({ article, start: passage.start, end: passage.end, text: passage.text, score: group.score, kind: group.kind });
			}
		}
	}
	return found.sort((x, y) => y.score - x.score);
}

async function pickAndReveal(found: ParallelPassage[]): Promise<void> {
	const picked = await vscode.window.showQuickPick(
		found.map(passage => ({ label: passage.article.meta.outlet || passage.article.meta.title, description: `${passage.kind} · ${passage.score.toFixed(2)}`, detail: passage.text, passage })),
		{ title: 'Parallax: Parallel Passages', placeHolder: 'Open a passage beside this article', matchOnDetail: true },
	);
	if (!picked) {
		return;
	}
	const { article, start, end } = picked.passage;
	await revealInArticle(article, start, end, { viewColumn: vscode.ViewColumn.Beside });
}
