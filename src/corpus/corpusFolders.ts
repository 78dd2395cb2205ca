import * as vscode from 'vscode';

/** Where the articles are read from, and whether they are the user's or the bundled sample. */
export interface CorpusLocation {
	folders: vscode.Uri[];
	isSample: boolean;
}

/**
 * Resolves `parallax.corpusPaths` for every workspace folder: the configured folders (relative to
 * the workspace folder, or absolute), else the workspace's `corpus` folder, else the bundled sample.
 */
export async function resolveCorpusFolders(extensionUri: vscode.Uri): Promise<CorpusLocation> {
	const folders: vscode.Uri[] = [];
	for (const workspaceFolder of vscode.workspace.workspaceFolders ?? []) {
		const configured = vscode.workspace.getConfiguration('parallax', workspaceFolder).get<string[]>('corpusPaths', []);
		const candidates = configured.length > 0 ? configured : ['corpus'];
		for (const path of candidates) {
			const uri = isAbsolute(path) ? vscode.Uri.file(path) : vscode.Uri.joinPath(workspaceFolder.uri, path);
			if (await isDirectory(uri)) {
				folders.push(uri);
			}
		}
	}
	if (folders.length > 0) {
		return { folders, isSample: false };
	}
	return { folders: [vscode.Uri.joinPath(extensionUri, 'corpus')], isSample: true };
}

/** The folder new imports go to: the first corpus folder of the workspace, or `corpus/` in it. */
export function importFolder(location: CorpusLocation): vscode.Uri | undefined {
	if (!location.isSample) {
		return location.folders[0];
	}
	const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
	return workspaceFolder && vscode.Uri.joinPath(workspaceFolder.uri, 'corpus');
}

function isAbsolute(path: string): boolean {
	return path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path);
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
	try {
		return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
	} catch {
		return false;
	}
}
