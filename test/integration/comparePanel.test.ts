import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ComparePanel } from '../../src/panel/comparePanel';
import { activateParallax, eventually } from './helpers';

suite('Comparison panel', () => {
	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('Compare Story opens one panel with every article of the story, and reuses it', async () => {
		const api = await activateParallax();
		const [story] = (await api.corpus.get()).stories;
		const panel = await vscode.commands.executeCommand<ComparePanel>('parallax.compareStory', story.id);
		assert.deepStrictEqual([...panel.articleIds], story.articles.map(article => article.meta.id));
		await panel.shown;
		assert.strictEqual(panel.panel.viewType, 'parallax.compare');
		assert.match(panel.panel.title, /^Compare: /);
		const again = await vscode.commands.executeCommand<ComparePanel>('parallax.compareArticles', story.articles.slice(0, 2).map(article => article.meta.id));
		assert.strictEqual(again, panel, 'a second comparison reuses the open panel');
		assert.strictEqual(again.articleIds.length, 2);
	});

	test('the panel HTML has a strict CSP with a nonce on its only script', async () => {
		const api = await activateParallax();
		const [story] = (await api.corpus.get()).stories;
		const panel = await vscode.commands.executeCommand<ComparePanel>('parallax.compareStory', story.id);
		const html = panel.panel.webview.html;
		const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
		assert.match(csp, /default-src 'none'/);
		const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
		assert.ok(nonce && nonce.length >= 16, csp);
		assert.ok(!/unsafe-inline|unsafe-eval|https?:\/\/(?!.*vscode-cdn)/.test(csp), csp);
		const scripts = html.match(/<script\b[^>]*>/g) ?? [];
		assert.strictEqual(scripts.length, 1);
		assert.ok(scripts[0].includes(`nonce="${nonce}"`));
		assert.ok(!/\son[a-z]+=/.test(html), 'no inline event handlers');
		assert.strictEqual(panel.panel.webview.options.enableForms, false);
		const roots = (panel.panel.webview.options.localResourceRoots ?? []).map(uri => uri.path.split('/').pop());
		assert.deepStrictEqual(roots, ['media', 'dist']);
	});

	test('Export Comparison writes what the panel shows as Markdown, HTML and JSON', async () => {
		const api = await activateParallax();
		const [story] = (await api.corpus.get()).stories;
		const panel = await vscode.commands.executeCommand<ComparePanel>('parallax.compareStory', story.id);
		await panel.shown;
		const comparison = panel.comparison;
		assert.ok(comparison && comparison.groups.length > 0, 'the panel has no comparison');
		const folder = vscode.workspace.workspaceFolders![0].uri;
		const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		try {
			const json = await vscode.commands.executeCommand<vscode.Uri>('parallax.exportComparison', vscode.Uri.joinPath(folder, 'out.json'), 'json');
			assert.deepStrictEqual(JSON.parse(await read(json)), comparison);
			const markdown = await read(await vscode.commands.executeCommand<vscode.Uri>('parallax.exportComparison', vscode.Uri.joinPath(folder, 'out.md'), 'md'));
			assert.ok(markdown.includes(`${comparison.groups.length} groups of parallel passages`), markdown.slice(0, 300));
			const html = await read(await vscode.commands.executeCommand<vscode.Uri>('parallax.exportComparison', vscode.Uri.joinPath(folder, 'out.html'), 'html'));
			assert.ok(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>'));
			assert.ok(!/<script/i.test(html), 'the HTML export has a script');
		} finally {
			for (const name of ['out.json', 'out.md', 'out.html']) {
				await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name)).then(undefined, () => undefined);
			}
		}
	});

	test('Find Parallel Passages finds the Russian commentary\'s "refused to comment" for CNN\'s "declined to comment"', async () => {
		const api = await activateParallax();
		const cnn = (await api.corpus.get()).articles.find(article => article.meta.outlet === 'CNN Brasil')!;
		const editor = await vscode.commands.executeCommand<vscode.TextEditor>('parallax.openArticle', cnn.meta.id);
		const offset = editor.document.getText().indexOf('declined to comment');
		editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset + 19));
		const found = await vscode.commands.executeCommand<{ article: { meta: { outlet: string } }; text: string }[]>('parallax.findParallelPassages');
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		assert.ok(found.some(passage => passage.article.meta.outlet.startsWith('Russian') && passage.text.includes('refused to comment')), JSON.stringify(found.map(p => p.text.slice(0, 60))));
	});

	test('Compare Articles refuses fewer than two articles and unknown ids', async () => {
		const api = await activateParallax();
		const [first] = (await api.corpus.get()).articles;
		assert.strictEqual(await vscode.commands.executeCommand('parallax.compareArticles', [first.meta.id]), undefined);
		assert.strictEqual(await vscode.commands.executeCommand('parallax.compareArticles', [first.meta.id, 'no-such-id']), undefined);
		await eventually(async () => (vscode.window.tabGroups.all.flatMap(group => group.tabs).length === 0 ? true : undefined));
	});
});
