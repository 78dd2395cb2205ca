// UI test in a real browser: "Parallax: Compare Story" from the palette shows one column per
// seed article in the webview, with the article text as text. Usage: node compareView.e2e.mjs ORIGIN FOLDER RESULTS_DIR
import { join } from 'node:path';
import { browserDied, launchBrowser } from '../vscode/browser.mjs';

const [origin, folder, results] = process.argv.slice(2);

async function runCommand(page, title) {
	await page.keyboard.press('F1');
	await page.locator('.quick-input-widget input').fill(`>${title}`);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
	await page.keyboard.press('Enter');
}

async function attempt() {
	const { page, close } = await launchBrowser();
	page.setDefaultTimeout(30_000);
	const problems = [];
	try {
		await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`);
		await page.locator('.activitybar a.action-label[aria-label="Parallax"]').waitFor({ timeout: 90_000 });
		await runCommand(page, 'Parallax: Compare Story');
		await page.locator('.quick-input-list .monaco-list-row', { hasText: 'putin-kim-pact-2024' }).first().waitFor();
		await page.keyboard.press('Enter');

		// The webview's document is two iframes deep: iframe.webview > #active-frame.
		const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
		await view.locator('section.column').nth(2).waitFor();
		const outlets = (await view.locator('.column-header .outlet').allInnerTexts()).map(text => text.trim());
		console.log('comparison columns:', outlets);
		if (outlets.length !== 3) {
			problems.push(`expected 3 columns, saw ${outlets.length}`);
		}
		const text = await view.locator('#comparison').innerText();
		for (const phrase of ['Xinhua news agency', 'Liu Dongshu', 'John Delury']) {
			if (!text.includes(phrase)) {
				problems.push(`the comparison does not show "${phrase}"`);
			}
		}
		const focusable = await view.locator('.passage[tabindex="0"]').count();
		if (focusable < 30) {
			problems.push(`only ${focusable} keyboard-focusable passages`);
		}
		await page.screenshot({ path: join(results, 'compare-view.png') });

		// Enter on a passage opens its article beside the panel with the passage selected.
		await view.locator('.passage', { hasText: 'Xinhua news agency' }).first().focus();
		await page.keyboard.press('Enter');
		await page.locator('.tab', { hasText: '.md' }).first().waitFor();
		const selected = await page.locator('.monaco-editor .selected-text').count();
		if (selected === 0) {
			problems.push('no selection in the opened article');
		}
		await page.screenshot({ path: join(results, 'compare-reveal.png') });
	} catch (error) {
		problems.push(error.message);
		await page.screenshot({ path: join(results, 'compare-view-failure.png') }).catch(() => {});
	} finally {
		await close();
	}
	return problems;
}

let problems = await attempt();
if (problems.some(browserDied)) {
	console.log('Chromium died; retrying once');
	problems = await attempt();
}
if (problems.length > 0) {
	console.error('UI test failed:', problems);
	process.exit(1);
}
console.log('UI test passed: comparison view');
