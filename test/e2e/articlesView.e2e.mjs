// UI test in a real browser: the Parallax sidebar lists the three seed articles, and the
// palette's "Parallax: Open Article" opens one. Usage: node articlesView.e2e.mjs ORIGIN FOLDER RESULTS_DIR
import { join } from 'node:path';
import { runUiTest } from '../vscode/browser.mjs';

const [origin, folder, results] = process.argv.slice(2);
const SEED_TITLES = [
	'Why is Xi Jinping cautious about Kim Jong Un’s close relationship with Vladimir Putin?',
	'Analysis: China remains cautious as Putin and Kim forge new ‘alliance’',
	'Why China is not enthusiastic about the new initiative of North Korea and Russia',
];

await runUiTest('articles-view', `${origin}/?folder=${encodeURIComponent(folder)}`, results, async (page, problems) => {
	await page.click('.activitybar a.action-label[aria-label="Parallax"]');

	const pane = title => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
	const rows = pane('Articles').locator('.pane-body .monaco-list-row');
	await rows.filter({ hasText: 'putin-kim-pact-2024' }).waitFor();
	for (const title of SEED_TITLES) {
		await rows.filter({ hasText: title }).first().waitFor();
	}
	const labels = (await rows.allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim());
	console.log('Articles view rows:', labels);
	if (labels.length !== 4) {
		problems.push(`expected 1 story + 3 articles, saw ${labels.length} rows`);
	}
	// The People view beside it lists the people the seeds quote.
	const people = pane('People').locator('.pane-body .monaco-list-row');
	await people.filter({ hasText: 'Yun Sun' }).first().waitFor({ timeout: 60_000 });
	console.log('People view rows:', (await people.allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim()));
	await page.screenshot({ path: join(results, 'articles-view.png') });

	// Palette → quick pick → editor tab.
	await page.keyboard.press('F1');
	await page.locator('.quick-input-widget input').fill('>Parallax: Open Article');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Parallax: Open Article' }).first().waitFor();
	await page.keyboard.press('Enter');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Analysis: China remains cautious' }).first().waitFor();
	await page.locator('.quick-input-widget input').fill('China remains cautious');
	await page.keyboard.press('Enter');
	await page.locator('.tab', { hasText: '.md' }).first().waitFor();
	// Monaco renders spaces as no-break spaces.
	const editorText = (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
	if (!editorText.includes('Analysis: China remains cautious')) {
		problems.push('the opened editor does not show the article');
	}
	await page.screenshot({ path: join(results, 'open-article.png') });
});
