import * as vscode from 'vscode';
import { ProblemNode } from '../tree/corpusNodes';

/** Opens a file that failed to load at the line of the problem, and says what is wrong. */
export async function showCorpusError(node: ProblemNode): Promise<void> {
	const { error, path } = node.problem;
	const uri = vscode.Uri.parse(path);
	const line = Math.max(0, (error.line ?? 1) - 1);
	try {
		const document = await vscode.workspace.openTextDocument(uri);
		const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
		await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
	} catch {
		// Binary or non-UTF-8 files cannot be shown as text; the message below still says why.
	}
	void vscode.window.showErrorMessage(`Parallax could not load ${vscode.workspace.asRelativePath(uri, false)}${error.line ? ` (line ${error.line})` : ''}: ${error.message}`);
}
