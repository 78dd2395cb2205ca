// UI test in a real browser: stories that are hard on the comparison view. Hostile markup in
// titles, outlets and text shows literally and runs nothing; articles with nothing in common give
// a view of "only in" rows; a 100-article story paints its first row (the time is printed).
// Usage: node compareEdgeCases.e2e.mjs ORIGIN FOLDER RESULTS_DIR
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparisonView, runCommand, runUiTest } from '../vscode/browser.mjs';

const [origin, sharedFolder, results] = process.argv.slice(2);
// A workspace of its own, so its extra stories never reach the other UI tests; gone on exit,
// also when runUiTest exits early on a failure.
const folder = `${sharedFolder}-edge-cases`;
cpSync(join(sharedFolder, 'corpus', 'putin-kim-pact-2024'), join(folder, 'corpus', 'putin-kim-pact-2024'), { recursive: true });
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
const corpus = join(folder, 'corpus');

function writeArticle(story, id, meta, body) {
	mkdirSync(join(corpus, story), { recursive: true });
	const yaml = Object.entries({ id, ...meta, story }).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n');
	writeFileSync(join(corpus, story, `${id}.md`), `---\n${yaml}\n---\n\n${body}\n`);
}

/** Deterministic pseudo-random numbers, so every run compares the same 100 articles. */
function random(seed) {
	return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

// Markup that would run or load something if it were ever parsed as HTML.
const PAYLOADS = [
	'<script>top.postMessage("pwned", "*"); window.pwned = 1</script>',
	'<img src=x onerror="window.pwned = 1">',
	'<a href="javascript:window.pwned = 1">click</a>',
	'<svg onload="window.pwned = 1"></svg>',
	'&lt;b&gt;entities&amp;amp; stay as typed',
];
const shared = 'The ministry said the agreement would be signed in Geneva on Friday after months of talks.';
writeArticle('hostile-input', 'hostile-a', { title: `Talks end ${PAYLOADS[1]}`, outlet: `Outlet ${PAYLOADS[0]}` },
	`${shared} ${PAYLOADS[0]}\n\nA second paragraph with ${PAYLOADS[2]} and ${PAYLOADS[3]}.\n\n${PAYLOADS[4]}`);
writeArticle('hostile-input', 'hostile-b', { title: 'Talks end in Geneva', outlet: `Other ${PAYLOADS[3]}` },
	`${shared}\n\nOfficials from both sides declined to comment ${PAYLOADS[1]}.`);
writeArticle('nothing-in-common', 'weather-report', { title: 'Rain all week', outlet: 'Weather Desk' },
	'Heavy rain is expected across the valley until Sunday.\n\nFarmers welcomed the change after a dry spring.');
writeArticle('nothing-in-common', 'chess-final', { title: 'A draw in round nine', outlet: 'Chess Weekly' },
	'The challenger offered a draw after forty moves in a quiet endgame.\n\nThe match resumes on Tuesday with the champion playing white.');
const seedParagraphs = readdirSync(join(corpus, 'putin-kim-pact-2024')).flatMap(name =>
	readFileSync(join(corpus, 'putin-kim-pact-2024', name), 'utf8').split(/^---$/m).slice(2).join('').split(/\n\n+/).filter(p => p.trim().length > 80));
const next = random(42);
for (let index = 1; index <= 100; index++) {
	const paragraphs = seedParagraphs.filter(() => next() < 0.3).map(p => p.replace(/\b(said|China|treaty)\b/g, word => (next() < 0.5 ? word : word.toUpperCase())));
	const name = String(index).padStart(3, '0');
	writeArticle('hundred-articles', `article-${name}`, { title: `Article ${name}`, outlet: `Outlet ${name}` }, paragraphs.join('\n\n') || shared);
}

async function compareStory(page, story) {
	await runCommand(page, 'Parallax: Compare Story');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: story }).first().waitFor();
	await page.locator('.quick-input-widget input').fill(story);
	// Once the filter leaves one story, Enter picks it.
	const rows = page.locator('.quick-input-list .monaco-list-row');
	for (let tries = 0; tries < 50 && (await rows.count()) !== 1; tries++) {
		await page.waitForTimeout(100);
	}
	await page.keyboard.press('Enter');
}

await runUiTest('compare-edge-cases', `${origin}/?folder=${encodeURIComponent(folder)}`, results, async (page, problems) => {
	page.on('dialog', dialog => {
		problems.push(`a dialog opened: ${dialog.message()}`);
		void dialog.dismiss();
	});
	await page.click('.activitybar a.action-label[aria-label="Parallax"]');
	await page.locator('.pane-body .monaco-list-row', { hasText: 'hundred-articles' }).first().waitFor({ timeout: 30_000 });

	await compareStory(page, 'hostile-input');
	const view = comparisonView(page);
	await view.locator('.row').first().waitFor({ timeout: 60_000 });
	const text = await view.locator('#comparison').innerText();
	for (const payload of PAYLOADS) {
		if (!text.includes(payload)) {
			problems.push(`not shown literally: ${payload}`);
		}
	}
	// The one sentence both articles share is one row, its payload around it shown as text.
	if ((await view.locator('.row:not(.kind-only)', { hasText: 'signed in Geneva' }).count()) !== 1) {
		problems.push('the shared sentence of the hostile articles is not one row');
	}
	const injected = await view.locator('#comparison img, #comparison script, #comparison svg, #comparison a[href]').count();
	if (injected > 0) {
		problems.push(`${injected} elements came from article text`);
	}
	for (const frame of page.frames()) {
		if (await frame.evaluate(() => globalThis.pwned).catch(() => undefined)) {
			problems.push(`a payload ran in ${frame.url().slice(0, 80)}`);
		}
	}
	await page.screenshot({ path: join(results, 'compare-hostile.png') });

	await compareStory(page, 'nothing-in-common');
	await view.locator('.summary', { hasText: '0 groups' }).waitFor({ timeout: 60_000 })
		.catch(() => problems.push('articles with nothing in common do not show "0 groups"'));
	const onlyRows = await view.locator('.row.kind-only').count();
	if (onlyRows < 2) {
		problems.push(`articles with nothing in common show ${onlyRows} "only in" rows`);
	}

	const started = Date.now();
	await compareStory(page, 'hundred-articles');
	await view.locator('.column-header', { hasText: 'Outlet 100' }).waitFor({ timeout: 120_000 });
	await view.locator('.row').first().waitFor({ timeout: 120_000 });
	// A measurement for the record, not a timed assertion.
	console.log(`100-article story: command to first row on screen: ${Date.now() - started} ms, ${await view.locator('.row').count()} rows rendered so far`);
	await page.screenshot({ path: join(results, 'compare-hundred.png') });
});
