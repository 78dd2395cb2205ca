import * as vscode from 'vscode';
import { LINK_RELATIONS } from '../core/notes/model';
import { createLink } from '../core/notes/notesFile';
import { CorpusService } from '../corpus/corpusService';
import { NotesService } from '../notes/notesService';
import type { PassageRange } from '../protocol';

export type { PassageRange };

const RELATION_HELP: Record<(typeof LINK_RELATIONS)[number], string> = {
	'same-quote': 'Both quote the same words of the same person',
	contradicts: 'One says what the other denies, or gives other figures',
	copies: 'One copies or closely rewrites the other',
	context: 'One gives background the other leaves out',
	'not-parallel': 'Parallax paired them, but they do not correspond: split them',
};

/**
 * Links two passages of different articles with a relation and an optional note, asking for what
 * is not given. The link is stored with the notes; the comparison then always shows the pair in
 * one row, or, for `not-parallel`, never does.
 */
export async function linkPassages(notes: NotesService, corpus: CorpusService, a: PassageRange, b: PassageRange, relation?: string, note?: string): Promise<string | undefined> {
	const [articleA, articleB] = await Promise.all([corpus.find(a.article), corpus.find(b.article)]);
	if (!articleA || !articleB) {
		void vscode.window.showWarningMessage('Parallax: one of these articles is no longer in the corpus.');
		return undefined;
	}
	if (articleA.meta.id === articleB.meta.id) {
		void vscode.window.showInformationMessage('Parallax: a link joins passages of two different articles.');
		return undefined;
	}
	const chosen = relation ?? (await pickRelation());
	if (!chosen) {
		return undefined;
	}
	const text = note ?? (await vscode.window.showInputBox({
		title: `Link: ${chosen}`,
		prompt: `A note on this link between ${articleA.meta.outlet} and ${articleB.meta.outlet} (optional, Markdown)`,
	}));
	if (text === undefined) {
		return undefined;
	}
	const link = createLink(notes.targetIn(articleA, a.start, a.end), notes.targetIn(articleB, b.start, b.end), chosen, text.trim() || undefined);
	try {
		await notes.save(link);
	} catch (error) {
		void vscode.window.showErrorMessage(`Parallax: the link could not be saved: ${error instanceof Error ? error.message : String(error)}`);
		return undefined;
	}
	return link.id;
}

async function pickRelation(): Promise<string | undefined> {
	const other = { label: '$(edit) Other label…', relation: undefined };
	const picked = await vscode.window.showQuickPick(
		[...LINK_RELATIONS.map(relation => ({ label: relation, detail: RELATION_HELP[relation], relation: relation as string | undefined })), other],
		{ title: 'Parallax: Link Passages', placeHolder: 'How do these passages relate?' },
	);
	if (!picked) {
		return undefined;
	}
	if (picked.relation) {
		return picked.relation;
	}
	const label = await vscode.window.showInputBox({ title: 'Link label', prompt: 'A short label for how the passages relate', validateInput: value => (value.trim() ? undefined : 'Give a label') });
	return label?.trim() || undefined;
}
