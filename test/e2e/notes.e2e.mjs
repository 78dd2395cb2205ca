// UI test in a real browser: a note added through the comment widget lands on disk and is back
// after a window reload; two passages linked from the comparison panel show the link beside both.
// Usage: node notes.e2e.mjs ORIGIN FOLDER RESULTS_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparisonView, runCommand, runUiTest } from '../vscode/browser.mjs';

const [origin, folder, results] = process.argv.slice(2);
const NOTE = 'Check the <b>wording</b> against the Russian text';
const notesFolder = join(folder, '.parallax', 'notes');

/** Every annotation stored in the workspace, read from disk. */
function notesOnDisk() {
	try {
		return readdirSync(notesFolder).filter(name => name.endsWith('.json')).flatMap(name => JSON.parse(readFileSync(join(notesFolder, name), 'utf8')));
	} catch {
		return [];
	}
}

async function openParallax(page) {
	await page.click('.activitybar a.action-label[aria-label="Parallax"]');
	await page.locator('.pane-body .monaco-list-row', { hasText: 'CNN Brasil' }).first().waitFor();
}

await runUiTest('notes', `${origin}/?folder=${encodeURIComponent(folder)}`, results, async (page, problems) => {
	await openParallax(page);
	await page.locator('.pane-body .monaco-list-row', { hasText: 'CNN Brasil' }).first().click();
	await page.locator('.tab', { hasText: '.md' }).first().waitFor();
	// Select the phrase with the editor's own Find, then add a note on it from the palette.
	await page.locator('.monaco-editor .view-lines').first().click();
	await page.keyboard.press('Control+F');
	await page.keyboard.type('declined to comment on the treaty');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Escape');
	await runCommand(page, 'Parallax: Add Note');
	const widget = page.locator('.review-widget').first();
	await widget.waitFor();
	await widget.locator('.monaco-editor').first().click();
	await page.keyboard.type(NOTE);
	await widget.getByRole('button', { name: 'Add Note' }).click();
	await widget.locator('.review-comment-contents', { hasText: 'Check the' }).first().waitFor();
	await page.screenshot({ path: join(results, 'notes-thread.png') });

	// On disk: a W3C annotation quoting the selection, the note as typed.
	let stored = [];
	for (let tries = 0; tries < 50 && stored.length === 0; tries++) {
		stored = notesOnDisk();
		await page.waitForTimeout(100);
	}
	const note = stored.find(annotation => annotation.body?.[0]?.value === NOTE);
	if (!note) {
		problems.push(`the note is not on disk: ${JSON.stringify(stored).slice(0, 300)}`);
	} else if (note.target[0].selector[0].exact !== 'declined to comment on the treaty') {
		problems.push(`the note quotes "${note.target[0].selector[0].exact}"`);
	}
	// The HTML the user typed is shown as the text it is, not rendered.
	const shown = await widget.locator('.review-comment-contents').first().innerText();
	if (!shown.includes('<b>wording</b>') || (await widget.locator('.review-comment-contents b').count()) > 0) {
		problems.push(`the note's HTML was not shown as text: ${shown}`);
	}

	// Reload the window: the note is back in the Notes view, and opens in the article.
	await page.reload();
	await page.locator('.activitybar a.action-label[aria-label="Parallax"]').waitFor({ timeout: 90_000 });
	await openParallax(page);
	const noteRow = page.locator('.pane-body .monaco-list-row', { hasText: 'Check the' }).first();
	await noteRow.waitFor({ timeout: 30_000 });
	await noteRow.click();
	await page.locator('.review-widget .review-comment-contents', { hasText: 'Check the' }).first().waitFor({ timeout: 30_000 })
		.catch(() => problems.push('after a reload the note does not open in the article'));
	await page.screenshot({ path: join(results, 'notes-after-reload.png') });

	// Link two passages from the comparison panel: FT's Shen Dingli and the Russian "refused to comment".
	await runCommand(page, 'Parallax: Compare Story');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'putin-kim-pact-2024' }).first().waitFor();
	await page.keyboard.press('Enter');
	const view = comparisonView(page);
	await view.locator('.row').first().waitFor({ timeout: 60_000 });
	const linkButton = text => view.locator('.passage-box', { hasText: text }).first().locator('.passage-link');
	await view.locator('.passage-box', { hasText: 'said Shen Dingli' }).first().hover();
	await linkButton('said Shen Dingli').click();
	await view.locator('.link-status', { hasText: 'Linking' }).waitFor();
	// The second end by keyboard: the link buttons are reachable with Tab and pressed with Enter.
	await linkButton('refused to comment').focus();
	await page.keyboard.press('Enter');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'contradicts' }).first().click();
	await page.locator('.quick-input-widget input').fill('Shen reads the treaty otherwise');
	await page.keyboard.press('Enter');
	await view.locator('.row .user-link', { hasText: 'contradicts' }).first().waitFor({ timeout: 60_000 })
		.catch(() => problems.push('no row shows the link'));
	const linkedRow = view.locator('.row', { has: view.locator('.user-link') }).first();
	const rowText = await linkedRow.innerText().catch(() => '');
	if (!rowText.includes('Shen Dingli') || !rowText.includes('refused to comment')) {
		problems.push('the linked passages are not in one row');
	}
	await view.locator('.margin-note.link').nth(1).waitFor({ timeout: 10_000 })
		.catch(() => problems.push('the link is not shown beside both passages'));
	const link = notesOnDisk().find(annotation => annotation.motivation === 'linking');
	if (!link || link.target.length !== 2) {
		problems.push('the link is not stored with two targets');
	}
	await page.screenshot({ path: join(results, 'notes-link.png') });
});
