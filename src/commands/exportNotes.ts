import * as vscode from 'vscode';
import { NoteAnnotation } from '../core/notes/model';
import { notesToAnnotationCollection, notesToMarkdown } from '../core/notes/notesExport';
import { CorpusService } from '../corpus/corpusService';
import { AnchoredNote, NotesService } from '../notes/notesService';
import { writeFileAtomic } from '../util/atomicWrite';

/** Export formats, by file extension. */
const FORMATS = {
	md: { label: 'Markdown (by article, each note under its passage)' },
	json: { label: 'W3C AnnotationCollection (JSON-LD)' },
} as const;

/** A notes export format, as the file extension. */
export type NotesExportFormat = keyof typeof FORMATS;

/** Writes every note and link to Markdown or to a W3C AnnotationCollection, as `parallax notes export` does. */
export async function exportNotes(notes: NotesService, corpus: CorpusService, target?: vscode.Uri, format?: NotesExportFormat): Promise<vscode.Uri | undefined> {
	const all = await notes.all();
	if (all.length === 0) {
		void vscode.window.showInformationMessage('Parallax: there are no notes to export yet.');
		return undefined;
	}
	const chosen = format ?? (await vscode.window.showQuickPick(
		(Object.keys(FORMATS) as NotesExportFormat[]).map(key => ({ label: FORMATS[key].label, format: key })),
		{ title: 'Parallax: Export Notes', placeHolder: 'Format' },
	))?.format;
	if (!chosen) {
		return undefined;
	}
	const folder = notes.root;
	const uri = target ?? (await vscode.window.showSaveDialog({
		title: 'Export Notes',
		saveLabel: 'Export',
		defaultUri: folder && vscode.Uri.joinPath(folder, chosen === 'md' ? 'notes.md' : 'notes.jsonld'),
		filters: { [FORMATS[chosen].label]: chosen === 'md' ? ['md'] : ['jsonld', 'json'] },
	}));
	if (!uri) {
		return undefined;
	}
	const annotations = all.map(asExported);
	const { articles } = await corpus.get();
	const content = chosen === 'md'
		? notesToMarkdown({ articles: articles.map(({ meta }) => ({ id: meta.id, title: meta.title, outlet: meta.outlet })), annotations })
		: `${JSON.stringify(notesToAnnotationCollection(annotations, { label: 'Parallax notes' }), null, 2)}\n`;
	await writeFileAtomic(uri.fsPath, content, { overwrite: true });
	void vscode.window.showInformationMessage(`Parallax exported ${all.length} notes and links to ${vscode.workspace.asRelativePath(uri, false)}.`, 'Open').then(answer => {
		if (answer === 'Open') {
			void vscode.commands.executeCommand('vscode.open', uri);
		}
	});
	return uri;
}

/** The annotation as it stands now: a target that cannot be anchored in the current text is marked orphaned. */
function asExported({ annotation, anchors }: AnchoredNote): NoteAnnotation {
	return {
		...annotation,
		target: annotation.target.map((target, index) => {
			const current = { ...target, 'parallax:orphaned': true as const };
			if (anchors[index]) {
				delete (current as Partial<typeof current>)['parallax:orphaned'];
			}
			return current;
		}),
	};
}
