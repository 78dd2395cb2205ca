import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { activateParallax, EXTENSION_ID, treeRows } from './helpers';

suite('Extension', () => {
	test('activates and exports the corpus and tree services', async () => {
		const api = await activateParallax();
		assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
		assert.strictEqual(typeof api.corpus.get, 'function');
		assert.strictEqual(typeof api.tree.getChildren, 'function');
	});

	test('registers every command that package.json contributes', async () => {
		await activateParallax();
		const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; category: string }[] } };
		const registered = new Set(await vscode.commands.getCommands(true));
		const contributed = manifest.contributes.commands;
		assert.ok(contributed.length >= 4, `only ${contributed.length} commands contributed`);
		for (const { command, category } of contributed) {
			assert.ok(registered.has(command), `${command} is not registered`);
			assert.strictEqual(category, 'Parallax', `${command} has category ${category}`);
		}
	});

	test('the Articles tree shows the three seed articles under one story', async () => {
		const api = await activateParallax();
		const rows = await treeRows(api);
		const stories = rows.filter(row => row.kind === 'story');
		const articles = rows.filter(row => row.kind === 'article');
		assert.deepStrictEqual(stories.map(story => [story.label, story.description]), [['putin-kim-pact-2024', '3 articles']]);
		assert.strictEqual(articles.length, 3);
		assert.ok(articles.every(article => article.depth === 1));
		assert.ok(articles.some(article => article.label.startsWith('Geopolist · 2024-07-20 · Why is Xi Jinping cautious')), JSON.stringify(articles));
		assert.ok(articles.some(article => article.label.startsWith('CNN Brasil')), JSON.stringify(articles));
		assert.deepStrictEqual(rows.filter(row => row.kind === 'corpusProblem'), []);
	});
});
