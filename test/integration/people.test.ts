import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { ComparePanel } from '../../src/panel/comparePanel';
import { activateParallax } from './helpers';

suite('People', () => {
	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	test('the People view lists everyone the seeds quote, with affiliations and their articles', async () => {
		const api = await activateParallax();
		const nodes = await api.peopleTree.getChildren();
		const labels = nodes.map(node => String(node.label));
		for (const name of ['Yun Sun', 'Liu Dongshu', 'Shen Dingli', 'Ren Xiao', 'Edward Howell', 'John Delury']) {
			assert.ok(labels.includes(name), `${name} is missing from ${JSON.stringify(labels)}`);
		}
		const yunSun = nodes.find(node => node.label === 'Yun Sun')!;
		assert.match(String(yunSun.description), /Stimson Center.*2 articles/);
		const articles = await api.peopleTree.getChildren(yunSun);
		assert.deepStrictEqual(articles.map(node => String(node.label)).sort(), ['CNN Brasil', 'Geopolist']);
	});

	test('Compare on Person shows FT vs CNN on Yun Sun', async () => {
		await activateParallax();
		const panel = await vscode.commands.executeCommand<ComparePanel>('parallax.compareOnPerson', 'Yun Sun');
		await panel.shown;
		assert.match(panel.panel.title, /^Yun Sun: /);
		assert.strictEqual(panel.articleIds.length, 2);
		const quotes = panel.comparison!.people.find(person => person.name === 'Yun Sun')!.mentions.map(mention => mention.quote ?? '');
		assert.ok(quotes.some(quote => quote.includes('The caveat is what would constitute assistance')), JSON.stringify(quotes));
		assert.ok(quotes.some(quote => quote.includes('irreplaceable role')), JSON.stringify(quotes));
	});
});
