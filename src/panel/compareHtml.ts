import * as vscode from 'vscode';
import { createNonce } from '../util/nonce';

/** The only place that builds the webview's HTML: a fixed shell with a strict CSP; data comes later by message. */
export function compareHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
	const nonce = createNonce();
	const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
	const csp = [
		"default-src 'none'",
		`style-src ${webview.cspSource}`,
		`font-src ${webview.cspSource}`,
		`img-src ${webview.cspSource}`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('dist', 'codicon.css')}">
<link rel="stylesheet" href="${uri('media', 'compare.css')}">
<title>Parallax Comparison</title>
</head>
<body>
<div id="status" class="link-status" role="status" aria-live="polite"></div>
<main id="comparison" aria-label="Comparison" aria-busy="true"></main>
<script nonce="${nonce}" src="${uri('dist', 'webview.js')}"></script>
</body>
</html>`;
}

/** Webview options: scripts on, forms off, and only media/ and dist/ loadable. */
export function compareWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
	return {
		enableScripts: true,
		enableForms: false,
		localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
		retainContextWhenHidden: false,
	};
}
