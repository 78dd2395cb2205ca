import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateParallax, eventually, nextEvent, treeRows, workspaceUri } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);

suite('Corpus in the Articles tree', () => {
	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('a broken article shows as an error item naming the line, and the tree refreshes when it is fixed and deleted', async () => {
		const api = await activateParallax();
		await api.corpus.get();
		const broken = vscode.Uri.joinPath(workspaceUri(), 'corpus', 'broken.md');
		await vscode.workspace.fs.writeFile(broken, encode('---\nid: broken-one\ntitle: Broken\npublished: last Tuesday\nstory: putin-kim-pact-2024\n---\nBody.\n'));
		try {
			const problem = await eventually(async () => (await treeRows(api)).find(row => row.kind === 'corpusProblem'));
			assert.strictEqual(problem.label, 'corpus/broken.md');
			assert.strictEqual(problem.description, '"published" must be an ISO date such as 2024-07-20 (got "last Tuesday")');
			assert.strictEqual((await api.corpus.get()).problems[0].error.line, 4);
			assert.strictEqual((await treeRows(api)).filter(row => row.kind === 'article').length, 3, 'the good articles still load');

			await vscode.workspace.fs.writeFile(broken, encode('---\nid: broken-one\ntitle: Fixed now\noutlet: Test Outlet\nstory: putin-kim-pact-2024\n---\nBody.\n'));
			const fixed = await eventually(async () => (await treeRows(api)).find(row => row.label === 'Test Outlet · Fixed now'));
			assert.strictEqual(fixed.kind, 'article');
			assert.strictEqual((await treeRows(api)).find(row => row.kind === 'story')?.description, '4 articles');
		} finally {
			await vscode.workspace.fs.delete(broken);
		}
		await eventually(async () => ((await treeRows(api)).some(row => row.label.includes('Fixed now')) ? undefined : true));
	});

	test('a duplicate id is reported on the second file and the first article stays', async () => {
		const api = await activateParallax();
		const { articles } = await api.corpus.get();
		const original = articles[0];
		const copy = vscode.Uri.joinPath(workspaceUri(), 'corpus', 'zz-copy.md');
		await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(vscode.Uri.parse(original.path)));
		try {
			const problem = await eventually(async () => (await api.corpus.get()).problems.find(p => p.path.endsWith('zz-copy.md')));
			assert.match(problem.error.message, new RegExp(`duplicate id "${original.meta.id}"`));
			assert.ok((await api.corpus.get()).articles.some(article => article.path === original.path));
		} finally {
			await vscode.workspace.fs.delete(copy);
		}
	});

	test('Open Article opens the file with the cursor at the start of the body', async () => {
		const api = await activateParallax();
		const [article] = (await api.corpus.get()).articles;
		const editor = await vscode.commands.executeCommand<vscode.TextEditor>('parallax.openArticle', article.meta.id);
		assert.strictEqual(editor.document.uri.toString(), article.path);
		const offset = editor.document.offsetAt(editor.selection.active);
		assert.strictEqual(offset, article.bodyOffset);
		assert.ok(editor.document.getText().slice(offset).startsWith(article.body.slice(0, 40)));
	});

	test('Import Article writes a corpus file from an HTML page and the tree lists it', async () => {
		const api = await activateParallax();
		const page = vscode.Uri.joinPath(workspaceUri(), 'page.html');
		await vscode.workspace.fs.writeFile(page, encode(`<!doctype html><html><head><title>Harbour bridge reopens after repairs | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier"><meta property="article:published_time" content="2025-03-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Sunday after eight months of repairs to its steel deck, the city council said.</p>
<p>Engineers replaced 1,200 rivets and repainted the main span, and the council said the work came in under its budget of four million euros.</p>
<p>Residents of the north shore had faced a detour of forty minutes while the bridge was closed, and local shops reported fewer customers.</p>
<p onclick="alert(1)">Ferry services that ran during the closure will keep a reduced timetable until the end of the month.<script>alert(1)</script></p>
</article><footer>© Coast Courier. All rights reserved.</footer></body></html>`));
		try {
			const written = await vscode.commands.executeCommand<vscode.Uri>('parallax.importArticle', page, { story: 'harbour-bridge' });
			assert.ok(written, 'the command returned no file');
			assert.ok(written.path.endsWith('.md'));
			assert.ok(written.path.includes('/corpus/harbour-bridge/'));
			const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(written));
			assert.match(text, /^---\n/);
			assert.match(text, /title: Harbour bridge reopens after repairs/);
			assert.match(text, /outlet: Coast Courier/);
			assert.ok(text.includes('The harbour bridge reopened to traffic on Sunday'));
			assert.ok(!text.includes('<script') && !text.includes('alert(1)') && !text.includes('All rights reserved'));
			const rows = await treeRows(api);
			assert.ok(rows.some(row => row.kind === 'story' && row.label === 'harbour-bridge'), JSON.stringify(rows));
			await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceUri(), 'corpus', 'harbour-bridge'), { recursive: true });
		} finally {
			await vscode.workspace.fs.delete(page);
		}
	});

	test('without a corpus folder the bundled sample corpus is shown', async () => {
		const api = await activateParallax();
		const config = vscode.workspace.getConfiguration('parallax');
		const changed = nextEvent(api.corpus.onDidChange);
		await config.update('corpusPaths', ['no-such-folder'], vscode.ConfigurationTarget.Workspace);
		try {
			await changed;
			const corpus = await api.corpus.get();
			assert.strictEqual(corpus.location.isSample, true);
			assert.ok(corpus.articles.length >= 3);
			assert.ok(corpus.articles.every(article => !article.path.startsWith(workspaceUri().toString())));
		} finally {
			await config.update('corpusPaths', undefined, vscode.ConfigurationTarget.Workspace);
		}
		await eventually(async () => ((await api.corpus.get()).location.isSample ? undefined : true));
	});
});
