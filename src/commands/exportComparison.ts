import * as vscode from 'vscode';
import { Comparison } from '../core/comparison';
import { renderHtml } from '../core/report/html';
import { renderMarkdown } from '../core/report/markdown';
import { writeFileAtomic } from '../util/atomicWrite';

/** Export formats, by file extension. */
const FORMATS = {
	md: { label: 'Markdown', render: renderMarkdown },
	html: { label: 'HTML (self-contained, no scripts)', render: renderHtml },
	json: { label: 'JSON (the `parallax align --json` contract)', render: (comparison: Comparison) => `${JSON.stringify(comparison, null, 2)}\n` },
} as const;

/** A format name, as the file extension. */
export type ExportFormat = keyof typeof FORMATS;

/**
 * Writes the comparison on screen as Markdown, HTML or JSON, to `target` or to a file chosen in a
 * save dialog. The content is what the panel shows: the same groups, passages and highlights.
 */
export async function exportComparison(comparison: Comparison | undefined, target?: vscode.Uri, format?: ExportFormat): Promise<vscode.Uri | undefined> {
	if (!comparison) {
		void vscode.window.showInformationMessage('Parallax: open a comparison first (Compare Articles… or Compare Story), then export it.');
		return undefined;
	}
	const chosen = format ?? (await pickFormat());
	if (!chosen) {
		return undefined;
	}
	const uri = target ?? (await vscode.window.showSaveDialog({
		title: 'Export Comparison',
		saveLabel: 'Export',
		defaultUri: defaultTarget(chosen),
		filters: { [FORMATS[chosen].label]: [chosen] },
	}));
	if (!uri) {
		return undefined;
	}
	await writeFileAtomic(uri.fsPath, FORMATS[chosen].render(comparison), { overwrite: true });
	void vscode.window.showInformationMessage(`Parallax exported the comparison to ${vscode.workspace.asRelativePath(uri, false)}.`, 'Open').then(answer => {
		if (answer === 'Open') {
			void vscode.commands.executeCommand('vscode.open', uri);
		}
	});
	return uri;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
	const picked = await vscode.window.showQuickPick(
		(Object.keys(FORMATS) as ExportFormat[]).map(format => ({ label: FORMATS[format].label, format })),
		{ title: 'Parallax: Export Comparison', placeHolder: 'Format' },
	);
	return picked?.format;
}

function defaultTarget(format: ExportFormat): vscode.Uri | undefined {
	const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
	return folder && vscode.Uri.joinPath(folder, `comparison.${format}`);
}
