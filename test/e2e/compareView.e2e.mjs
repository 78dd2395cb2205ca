// UI test in a real browser: "Parallax: Compare Story" from the palette shows the aligned seed
// story in the webview: one column per article, rows of parallel passages with word highlights. Usage: node compareView.e2e.mjs ORIGIN FOLDER RESULTS_DIR
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { comparisonView, runCommand, runUiTest } from '../vscode/browser.mjs';

const [origin, folder, results] = process.argv.slice(2);

await runUiTest('compare-view', `${origin}/?folder=${encodeURIComponent(folder)}`, results, async (page, problems) => {
	// As a user would: open the Parallax sidebar, look at the articles, then compare.
	await page.click('.activitybar a.action-label[aria-label="Parallax"]');
	await page.locator('.pane-body .monaco-list-row', { hasText: 'Geopolist' }).first().waitFor();
	await page.waitForTimeout(2000);
	await runCommand(page, 'Parallax: Compare Story');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'putin-kim-pact-2024' }).first().waitFor();
	const started = Date.now();
	await page.keyboard.press('Enter');

	const view = comparisonView(page);
	await page.locator('iframe.webview.ready').first().waitFor({ timeout: 60_000 });
	const frameReady = Date.now() - started;
	await view.locator('#comparison').waitFor({ timeout: 60_000 });
	const documentReady = Date.now() - started;
	await view.locator('.row').first().waitFor({ timeout: 60_000 });
	console.log(`webview frame after ${frameReady} ms, its document after ${documentReady} ms`);
	// A measurement for the record, not a timed assertion (the first run includes the worker's start).
	console.log(`command to first row on screen: ${Date.now() - started} ms`);
	const outlets = (await view.locator('.column-header .outlet').allInnerTexts()).map(text => text.trim());
	console.log('comparison columns:', outlets);
	if (outlets.length !== 3) {
		problems.push(`expected 3 columns, saw ${outlets.length}`);
	}
	// CNN's "declined to comment" sits in one row with the Russian commentary's "refused to comment",
	// and the two verbs are highlighted as synonyms.
	const row = view.locator('.row', { hasText: 'declined to comment' });
	const rowText = await row.innerText();
	if (!rowText.includes('refused to comment')) {
		problems.push('"declined to comment" and "refused to comment" are not in one row');
	}
	const synonyms = await row.locator('.hl-synonym').allInnerTexts();
	console.log('synonym highlights in that row:', synonyms);
	if (!synonyms.some(text => /declined|refused/.test(text))) {
		problems.push('declined/refused are not highlighted as synonyms');
	}
	const onlyRows = await view.locator('.row.kind-only').count();
	const groupRows = await view.locator('.row:not(.kind-only)').count();
	console.log(`rows: ${groupRows} groups, ${onlyRows} only-in`);
	if (groupRows < 5 || onlyRows < 5) {
		problems.push(`too few rows: ${groupRows} groups, ${onlyRows} only-in`);
	}
	const csp = await view.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
	if (!csp?.includes("default-src 'none'") || !/script-src 'nonce-[^']+'/.test(csp)) {
		problems.push(`the webview's CSP is not strict: ${csp}`);
	}
	await page.screenshot({ path: join(results, 'compare-view.png') });

	// F7 moves the focus to the next divergent row.
	await view.locator('.passage').first().focus();
	await page.keyboard.press('F7');
	const focusedDiverges = await view.locator('.row[data-diverges="true"] .passage:focus').count();
	if (focusedDiverges !== 1) {
		problems.push('F7 did not focus a divergent row');
	}

	// Enter on a passage opens its article beside the panel with the passage selected.
	await view.locator('.passage', { hasText: 'Xinhua news agency' }).first().focus();
	await page.keyboard.press('Enter');
	await page.locator('.tab', { hasText: '.md' }).first().waitFor();
	const selected = await page.locator('.monaco-editor .selected-text').count();
	if (selected === 0) {
		problems.push('no selection in the opened article');
	}
	// The selection in the article marks the row that holds it.
	await view.locator('.row.selected', { hasText: 'Xinhua news agency' }).first().waitFor({ timeout: 10_000 })
		.catch(() => problems.push('the row of the selected passage is not marked'));
	await page.screenshot({ path: join(results, 'compare-reveal.png') });
});

await runUiTest('compare-themes-and-reload', `${origin}/?folder=${encodeURIComponent(folder)}`, results, async (page, problems) => {
	await runCommand(page, 'Parallax: Compare Story');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'putin-kim-pact-2024' }).first().waitFor();
	await page.keyboard.press('Enter');
	const view = comparisonView(page);
	await view.locator('.row').first().waitFor({ timeout: 60_000 });

	// The panel comes back after a window reload, with its columns and rows, also right after it
	// opened, before the workbench has stored the view's state.
	await page.reload();
	await page.locator('.activitybar a.action-label[aria-label="Parallax"]').waitFor({ timeout: 90_000 });
	await comparisonView(page).locator('.row').first().waitFor({ timeout: 60_000 })
		.catch(() => problems.push('the comparison did not come back after a reload'));
	const columns = await comparisonView(page).locator('.column-header').count();
	if (columns !== 3) {
		problems.push(`after a reload the panel shows ${columns} columns`);
	}

	// Light, dark and high-contrast themes: the workspace setting switches the theme live.
	const settings = join(folder, '.vscode', 'settings.json');
	mkdirSync(dirname(settings), { recursive: true });
	for (const [theme, webviewClass] of [['Default Light Modern', 'vscode-light'], ['Default Dark Modern', 'vscode-dark'], ['Default High Contrast', 'vscode-high-contrast']]) {
		writeFileSync(settings, JSON.stringify({ 'workbench.colorTheme': theme }));
		await comparisonView(page).locator(`body.${webviewClass}`).waitFor({ timeout: 30_000 })
			.catch(() => problems.push(`the panel did not switch to ${theme}`));
		await page.waitForTimeout(500);
		await page.screenshot({ path: join(results, `compare-${webviewClass}.png`) });
	}
	rmSync(settings);
});
