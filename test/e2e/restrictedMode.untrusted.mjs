// UI test in a real browser, on a server that asks about workspace trust (issue 6): in Restricted Mode
// Parallax lists and compares the articles, ignores a workspace `parallax.corpusPaths` that points
// outside the folder, and offers no import; once the folder is trusted, both apply, and importing
// over an existing article asks first and keeps the article on Cancel.
// Usage: node restrictedMode.untrusted.mjs ORIGIN FOLDER RESULTS_DIR
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparisonView, runCommand, runUiTest } from '../vscode/browser.mjs';

const [origin, folder, results] = process.argv.slice(2);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outside = `${folder}-outside`;
const OUTSIDE_TITLE = 'Lighthouse keeper retires after forty years';

rmSync(folder, { recursive: true, force: true });
rmSync(outside, { recursive: true, force: true });
cpSync(join(ROOT, 'corpus'), join(folder, 'corpus'), { recursive: true });
cpSync(join(ROOT, 'test', 'fixtures', 'pages', 'harbour-gazette.html'), join(folder, 'harbour-gazette.html'));
mkdirSync(join(outside, 'coast'), { recursive: true });
writeFileSync(join(outside, 'coast', 'lighthouse.md'), `---
id: lighthouse
title: ${OUTSIDE_TITLE}
outlet: Coast Courier
story: coast
---

The keeper of the north lighthouse retired on Friday after forty years of service.
`);
mkdirSync(join(folder, '.vscode'));
writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'parallax.corpusPaths': ['corpus', outside] }, null, '\t'));

await runUiTest('restricted-mode', `${origin}/?folder=${encodeURIComponent(folder)}`, results, async (page, problems) => {
	const pane = title => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
	const articleRows = pane('Articles').locator('.pane-body .monaco-list-row');
	// VS Code in the browser opens a folder it has not seen in Restricted Mode, without asking.
	await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });

	// Reading works: the seed articles are listed, but not the folder the workspace setting adds.
	await page.click('.activitybar a.action-label[aria-label="Parallax"]');
	await articleRows.filter({ hasText: 'Geopolist' }).first().waitFor();
	const restrictedRows = (await articleRows.allInnerTexts()).join('\n');
	if (restrictedRows.includes('coast') || restrictedRows.includes(OUTSIDE_TITLE)) {
		problems.push('Restricted Mode applied the workspace corpusPaths that points outside the folder');
	}
	// No import: the view's button is not offered and the palette does not run the command.
	await pane('Articles').hover();
	if (await pane('Articles').locator('.actions-container a.action-label[aria-label="Import Article…"]:not(.disabled)').count() > 0) {
		problems.push('the Articles view offers Import Article in Restricted Mode');
	}
	await page.keyboard.press('F1');
	await page.locator('.quick-input-widget input').fill('>Parallax: Import Article');
	await page.waitForTimeout(1000);
	const offered = await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Parallax: Import Article' }).count();
	await page.keyboard.press('Escape');
	if (offered > 0) {
		problems.push('the palette offers Import Article in Restricted Mode');
	}
	// Comparing works.
	await runCommand(page, 'Parallax: Compare Story');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'putin-kim-pact-2024' }).first().click();
	await comparisonView(page).locator('.row', { hasText: 'declined to comment' }).first().waitFor({ timeout: 90_000 });
	await page.screenshot({ path: join(results, 'restricted-mode.png') });

	// Trusting the folder applies its corpusPaths and enables import.
	await runCommand(page, 'View: Close All Editors');
	await runCommand(page, 'Workspaces: Manage Workspace Trust');
	await page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first().click();
	await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'hidden' });
	await runCommand(page, 'View: Close All Editors');
	await articleRows.filter({ hasText: 'coast' }).first().waitFor({ timeout: 30_000 });

	// Import the page, edit the imported article, then import the page again: Parallax asks, and Cancel keeps the edit.
	const importPage = async () => {
		// Not a click on the activity bar: a second click would hide the Explorer.
		await runCommand(page, 'View: Show Explorer');
		await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'harbour-gazette.html' }).click({ button: 'right' });
		const item = page.locator('.context-view .action-label', { hasText: 'Import Article…' });
		await item.click();
		// The workbench ignores a click that comes too soon after the menu opened; the highlighted item then takes Enter.
		await page.waitForTimeout(500);
		if (await item.isVisible()) {
			await page.keyboard.press('Enter');
		}
		await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New story' }).first().waitFor();
		await page.locator('.quick-input-widget input').fill('coast');
		await page.locator('.quick-input-list .monaco-list-row', { hasText: 'coast' }).first().waitFor();
		await page.keyboard.press('Enter');
	};
	await importPage();
	await page.locator('.tab', { hasText: '.md' }).first().waitFor();
	// Imports go to the first corpus folder, under the chosen story.
	const imported = join(folder, 'corpus', 'coast', readdirSync(join(folder, 'corpus', 'coast'))[0]);
	const edited = `${readFileSync(imported, 'utf8')}\nA paragraph the user added by hand.\n`;
	writeFileSync(imported, edited);
	await runCommand(page, 'View: Close All Editors');
	await importPage();
	const question = page.locator('.monaco-dialog-box', { hasText: 'already exists' });
	await question.waitFor();
	await page.screenshot({ path: join(results, 'import-replace-question.png') });
	await question.locator('.monaco-button', { hasText: 'Cancel' }).click();
	await question.waitFor({ state: 'hidden' });
	await page.waitForTimeout(1000);
	if (readFileSync(imported, 'utf8') !== edited) {
		problems.push('importing over an existing article changed it although the user cancelled');
	}
});
