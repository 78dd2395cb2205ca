// Launches Debian's Chromium through playwright-core with a fresh profile, offline-safe flags,
// and a log line for any request that leaves the machine.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/** Opens a browser page; `close()` also deletes the profile (about 10 MB each). */
export async function launchBrowser() {
	const profile = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		viewport: { width: 1400, height: 900 },
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
			// Any host but loopback fails at once instead of waiting on the closed network.
			'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
	});
	const leavesMachine = url => {
		const { protocol, hostname } = new URL(url);
		return /^(https?|wss?):$/.test(protocol) && !LOOPBACK.has(hostname);
	};
	// asWebviewUri() requests go to *.vscode-cdn.net but are answered by the webview's service worker.
	context.on('response', response => {
		if (leavesMachine(response.url()) && !response.fromServiceWorker()) {
			console.log('[external response]', response.url().slice(0, 160));
		}
	});
	const page = context.pages()[0] ?? await context.newPage();
	const close = async () => {
		await context.close().catch(() => {});
		rmSync(profile, { recursive: true, force: true });
	};
	return { page, close };
}

/** True for the rare Chromium death at launch, which is retried once; a failed assertion never is. */
export function browserDied(error) {
	return /Target page, context or browser has been closed|Target crashed/.test(String(error?.message ?? error));
}

/**
 * Runs one UI scenario against the workbench at `url`: `scenario(page, problems)` drives the page and
 * pushes what is wrong. A failure leaves `<name>-failure.png` in `results`; a Chromium death is
 * retried once; the process exits 1 if any problem remains. `watch(page, problems)`, if given, runs
 * before the workbench loads, for listeners that must see everything (requests, dialogs).
 */
export async function runUiTest(name, url, results, scenario, watch) {
	const attempt = async () => {
		const { page, close } = await launchBrowser();
		page.setDefaultTimeout(30_000);
		const problems = [];
		try {
			await watch?.(page, problems);
			await page.goto(url);
			await page.locator('.activitybar a.action-label[aria-label="Parallax"]').waitFor({ timeout: 90_000 });
			// The workbench restores the editors of the previous scenario in this workspace: start clean.
			await runCommand(page, 'View: Close All Editors');
			await scenario(page, problems);
		} catch (error) {
			problems.push(error.message);
			await page.screenshot({ path: `${results}/${name}-failure.png` }).catch(() => {});
		} finally {
			await close();
		}
		return problems;
	};
	let problems = await attempt();
	if (problems.some(browserDied)) {
		console.log('Chromium died; retrying once');
		problems = await attempt();
	}
	if (problems.length > 0) {
		console.error(`UI test ${name} failed:`, problems);
		process.exit(1);
	}
	console.log(`UI test passed: ${name}`);
}

/** Runs a command from the palette (F1), as a user would, by its full title. */
export async function runCommand(page, title) {
	await page.keyboard.press('F1');
	await page.locator('.quick-input-widget input').fill(`>${title}`);
	await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
	await page.keyboard.press('Enter');
}

/** The comparison webview's document, two iframes deep: iframe.webview > #active-frame. */
export function comparisonView(page) {
	return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
