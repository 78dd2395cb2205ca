// UI test in a real browser (issue #6, XSS): the vectors of test/fixtures/xss/vectors.json, placed in
// article titles, outlets, bodies, quotes, affiliations and notes, are shown literally and run nothing
// in the Articles, People and Notes views, their tooltips, the comment threads, the comparison panel
// (whose CSP is checked) and the exported HTML reports opened in Chromium. Every vector would set the
// global `pwned`, load <origin>/pwned-<n> or open a dialog if it ran; all three are watched.
// Usage: node xss.e2e.mjs ORIGIN FOLDER RESULTS_DIR
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadVectors, STORY, writeXssWorkspace } from '../fixtures/xss/xssWorkspace.mjs';
import { comparisonView, runCommand, runUiTest } from '../vscode/browser.mjs';

const [origin, sharedFolder, results] = process.argv.slice(2);
// A workspace of its own, gone on exit, also when runUiTest exits early on a failure.
const folder = `${sharedFolder}-xss`;
rmSync(folder, { recursive: true, force: true });
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
const vectors = loadVectors(origin);
const layout = writeXssWorkspace(folder, vectors);
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
console.log(`${vectors.length} vectors in ${new Set(vectors.map(vector => vector.category)).size} categories`);

const PWNED_URL = /\/pwned-(\d+)/;
const flat = text => text.replace(/\s+/g, ' ').trim();

/** Vectors (or lines of them) that `text` does not show literally, as "#n". */
function missing(text, expected) {
	const haystack = flat(text);
	return expected.filter(vector => !vector.text.split('\n').map(flat).every(line => haystack.includes(line))).map(vector => `#${vector.index}`);
}

function expectLiteral(problems, where, text, expected) {
	const absent = missing(text, expected);
	if (absent.length > 0) {
		problems.push(`${where}: ${absent.length} of ${expected.length} vectors not shown literally: ${absent.join(' ')}`);
	}
}

/**
 * Dialogs, and requests to a pwned URL, from a page and all its frames. The workbench is watched from
 * before it loads; each report page watches itself, into its own list of problems.
 */
function watchPage(page, problems) {
	page.on('dialog', dialog => {
		problems.push(`a dialog opened: ${dialog.message()}`);
		void dialog.dismiss().catch(() => {});
	});
	page.on('request', request => {
		const match = PWNED_URL.exec(request.url());
		if (match) {
			problems.push(`vector #${match[1]} loaded ${request.url()}`);
		}
	});
}

/**
 * The global marker in every frame of `page`: set only by a vector that ran. A frame that does not
 * answer (one a vector made and the CSP blocked, say) is reported rather than waited on forever.
 */
async function checkFrames(page, problems, where) {
	for (const frame of page.frames()) {
		const answer = await Promise.race([
			frame.evaluate(() => globalThis.pwned).then(value => ({ value }), () => ({ value: undefined })),
			new Promise(resolve => setTimeout(() => resolve(undefined), 10_000)),
		]);
		if (!answer) {
			problems.push(`${where}: a frame does not answer: ${frame.url().slice(0, 80)}`);
		} else if (answer.value !== undefined) {
			problems.push(`${where}: vector #${answer.value} ran in ${frame.url().slice(0, 80)}`);
		}
		// Frames a vector would create (srcdoc, data:, javascript:, or one the CSP blocked).
		if (/^(about:srcdoc|data:|javascript:|chrome-error:)/.test(frame.url())) {
			problems.push(`${where}: a vector made a frame ${frame.url().slice(0, 80)}`);
		}
	}
}

/** Tags, handler attributes and URL attributes under `root` (evaluated in the page). */
function describeDom(root) {
	const elements = [...root.querySelectorAll('*')];
	return {
		tags: [...new Set(elements.map(element => element.localName))],
		handlers: elements.flatMap(element => [...element.attributes].filter(attribute => /^on/i.test(attribute.name)).map(attribute => `${element.localName}[${attribute.name}]`)),
		urls: elements.flatMap(element => [...element.attributes]
			.filter(attribute => /^(href|src|srcdoc|action|formaction|data|xlink:href|background|poster)$/i.test(attribute.name))
			.map(attribute => `${element.localName}[${attribute.name}=${attribute.value}]`)),
	};
}

function expectDom(problems, where, dom, allowedTags, allowedUrls = () => false) {
	const extra = dom.tags.filter(tag => !allowedTags.includes(tag));
	if (extra.length > 0) {
		problems.push(`${where}: elements that came from the text: ${extra.join(', ')}`);
	}
	if (dom.handlers.length > 0) {
		problems.push(`${where}: event handler attributes: ${dom.handlers.join(', ')}`);
	}
	const urls = dom.urls.filter(url => !allowedUrls(url));
	if (urls.length > 0) {
		problems.push(`${where}: URL attributes: ${urls.map(url => url.slice(0, 100)).join(', ')}`);
	}
}

const pane = (page, title) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
const paneRows = (page, title) => pane(page, title).locator('.pane-body .monaco-list-row');
const paneText = async (page, title) => (await paneRows(page, title).evaluateAll(rows => rows.map(row => row.textContent))).join('\n');

/** Opens or closes a sidebar view so that the one being checked has room for all its rows. */
async function setExpanded(page, title, expanded) {
	const header = pane(page, title).locator('.pane-header');
	if ((await header.getAttribute('aria-expanded')) !== String(expanded)) {
		await header.click();
	}
}

/**
 * The text of the hover that opens over a list row (and a screenshot of it, if named). The mouse rests near the row's start: hovering
 * the label itself would scroll its clipped container sideways to the label's middle (Playwright
 * brings an element's centre into view), leaving the row blank on screenshots.
 */
async function hoverText(page, row, screenshot) {
	const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
	// A hover opens after the mouse rests on the item; move away and back if it did not.
	for (let tries = 0; tries < 3; tries++) {
		await page.mouse.move(900, 880);
		await row.hover({ position: { x: 90, y: 10 } });
		if (await hover.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
			break;
		}
	}
	await hover.waitFor({ timeout: 5_000 });
	// A tooltip resolved on hover (resolveTreeItem) shows "Loading..." first.
	let text = await hover.textContent();
	for (let tries = 0; tries < 50 && /^\s*Loading/.test(text ?? ''); tries++) {
		await page.waitForTimeout(200);
		text = await hover.textContent();
	}
	if (screenshot) {
		await page.screenshot({ path: join(results, screenshot) });
	}
	await page.mouse.move(900, 880);
	await hover.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
	return text ?? '';
}

/** What rendered Markdown may hold; an `img` is not among them, since it would load its source. */
const MARKDOWN_TAGS = ['p', 'a', 'span', 'code', 'pre', 'strong', 'em', 'del', 's', 'br', 'blockquote', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const REPORT_TAGS = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'span', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'blockquote', 'ul', 'li'];

/**
 * Opens an HTML report from disk with JavaScript on and checks it: nothing ran or loaded, only the
 * report's own elements, every vector shown as text, and (when `csp`) the CSP that forbids loading.
 */
async function checkReport(page, problems, file, where, { csp = true, settle = 1000 } = {}) {
	const report = await page.context().newPage();
	watchPage(report, problems);
	try {
		await report.goto(pathToFileURL(file).href);
		// Nothing to wait for when all goes well: give refreshes, timers and loads a moment to happen.
		await report.waitForTimeout(settle);
		await checkFrames(report, problems, where);
		const dom = await report.locator('html').evaluate(describeDom);
		expectDom(problems, where, dom, REPORT_TAGS);
		expectLiteral(problems, where, await report.locator('body').textContent(), vectors);
		if (csp) {
			const policies = await report.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll(metas => metas.map(meta => meta.content));
			if (policies.length !== 1 || policies[0] !== "default-src 'none'; style-src 'unsafe-inline'") {
				problems.push(`${where}: the CSP is ${JSON.stringify(policies)}`);
			}
		}
		await report.screenshot({ path: join(results, `xss-${where.replace(/\W+/g, '-')}.png`) });
	} finally {
		await report.close();
	}
}

/** Checks the report, then the same report without its CSP: escaping alone must keep it inert. */
async function checkReportWithAndWithoutCsp(page, problems, file, where) {
	await checkReport(page, problems, file, where);
	const bare = file.replace(/\.html$/, '-no-csp.html');
	writeFileSync(bare, readFileSync(file, 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
	await checkReport(page, problems, bare, `${where} without its CSP`, { csp: false });
}

/**
 * The checks must be able to fail: a copy of the report with a few vectors pasted in as raw HTML (a
 * script, a handler, a load, a dialog) has to be caught on every channel.
 */
async function checkTheCheckerCatchesRawHtml(page, problems, file) {
	const unsafe = file.replace(/\.html$/, '-unsafe.html');
	const raw = [vectors[0], vectors[14], vectors[19], vectors.find(vector => /src="http/.test(vector.text) && vector.category === 'url-scheme')];
	writeFileSync(unsafe, readFileSync(file, 'utf8')
		.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
		.replace('<body>', `<body>${raw.map(vector => vector.text).join('\n')}`));
	const caught = [];
	await checkReport(page, caught, unsafe, 'unsafe control', { csp: false, settle: 2000 });
	const channels = ['ran in', 'event handler', 'loaded', 'dialog'].filter(channel => !caught.some(problem => problem.includes(channel)));
	if (channels.length > 0) {
		problems.push(`the checks missed raw vectors on: ${channels.join(', ')} (caught: ${caught.join(' | ').slice(0, 400)})`);
	}
	console.log(`control: raw HTML vectors caught ${caught.length} times (${caught.map(problem => problem.split(':')[0]).join(', ').slice(0, 200)})`);
}

/** Waits until a file exists, for commands that write it asynchronously. */
async function waitForFile(page, file) {
	for (let tries = 0; tries < 100 && !existsSync(file); tries++) {
		await page.waitForTimeout(200);
	}
	return existsSync(file);
}

await runUiTest('xss', `${origin}/?folder=${encodeURIComponent(folder)}`, results, async (page, problems) => {
	const [firstArticle] = layout.articles;
	// Seconds per part, printed at the end: a record for the runtime budget, not an assertion.
	const timings = [];
	let mark = Date.now();
	const lap = name => {
		timings.push(`${name} ${((Date.now() - mark) / 1000).toFixed(1)} s`);
		mark = Date.now();
	};
	await page.click('.activitybar a.action-label[aria-label="Parallax"]');

	// Articles view: every title and outlet, literally, in the rows; one tooltip hovered.
	await setExpanded(page, 'People', false);
	await setExpanded(page, 'Notes', false);
	await paneRows(page, 'Articles').filter({ hasText: STORY }).first().waitFor({ timeout: 60_000 });
	await paneRows(page, 'Articles').nth(layout.articles.length).waitFor();
	const articleRows = await paneText(page, 'Articles');
	expectLiteral(problems, 'Articles view', articleRows, layout.articles.flatMap(article => [...article.titleVectors, ...article.outletVectors]));
	const tooltip = await hoverText(page, paneRows(page, 'Articles').filter({ hasText: 'Talks 1:' }).first(), 'xss-articles-tooltip.png');
	expectLiteral(problems, 'Articles view tooltip', tooltip, [...firstArticle.titleVectors, ...firstArticle.outletVectors]);
	const lastArticle = layout.articles[layout.articles.length - 1];
	const lastTooltip = await hoverText(page, paneRows(page, 'Articles').filter({ hasText: `Talks ${layout.articles.length}:` }).first());
	expectLiteral(problems, 'Articles view tooltip', lastTooltip, [...lastArticle.titleVectors, ...lastArticle.outletVectors]);
	await checkFrames(page, problems, 'Articles view');
	await page.screenshot({ path: join(results, 'xss-articles.png') });
	lap('Articles view');

	// People view: the quotes and affiliations, with every person expanded.
	await setExpanded(page, 'Articles', false);
	await setExpanded(page, 'People', true);
	const people = [...new Set(layout.quotes.map(quote => quote.person))];
	for (const person of people) {
		const row = paneRows(page, 'People').filter({ hasText: person }).first();
		await row.waitFor({ timeout: 60_000 });
		if ((await row.getAttribute('aria-expanded')) === 'false') {
			await row.locator('.monaco-tl-twistie').click();
		}
	}
	await paneRows(page, 'People').nth(people.length + layout.quotes.length - 1).waitFor({ timeout: 10_000 })
		.catch(() => problems.push('the People view does not list one article row per quote'));
	const peopleRows = await paneText(page, 'People');
	expectLiteral(problems, 'People view', peopleRows, [...layout.quotes, ...layout.affiliations].map(entry => entry.vector));
	for (const person of people) {
		if (!peopleRows.includes(person)) {
			problems.push(`People view: ${person} is missing`);
		}
	}
	const quoteTooltip = await hoverText(page, paneRows(page, 'People').filter({ hasText: '“' }).first());
	if (!layout.quotes.some(quote => flat(quoteTooltip).includes(flat(quote.vector.text)))) {
		problems.push(`People view tooltip does not show a quote literally: ${quoteTooltip.slice(0, 200)}`);
	}
	await checkFrames(page, problems, 'People view');
	await page.screenshot({ path: join(results, 'xss-people.png') });
	lap('People view');

	// Comparison panel: every vector of every body, title, outlet and note as text, no element
	// from the text, and the strict CSP.
	await runCommand(page, 'Parallax: Compare Story');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: STORY }).first().waitFor();
	await page.keyboard.press('Enter');
	const view = comparisonView(page);
	await view.locator('#comparison[aria-busy="false"] .row').first().waitFor({ timeout: 90_000 });
	const notesShown = layout.notes.length + 2;
	await view.locator('.margin-note').nth(notesShown - 1).waitFor({ timeout: 30_000 })
		.catch(() => problems.push(`the panel does not show the ${notesShown} notes and link ends`));
	const panelText = await view.locator('#comparison').textContent();
	expectLiteral(problems, 'comparison panel', panelText, vectors);
	expectLiteral(problems, 'comparison panel headers', await view.locator('.columns').textContent(), layout.articles.flatMap(article => [...article.titleVectors, ...article.outletVectors]));
	expectLiteral(problems, 'comparison panel notes', await view.locator('.passage-notes').evaluateAll(lists => lists.map(list => list.textContent).join('\n')), vectors);
	const panelDom = await view.locator('html').evaluate(describeDom);
	const ownUrl = url => /^(link\[href|script\[src)=https:\/\/[^/]*vscode-cdn\.net\//.test(url);
	expectDom(problems, 'comparison panel', panelDom, ['head', 'meta', 'link', 'title', 'style', 'script', 'body', 'div', 'main', 'p', 'span', 'button', 'ul', 'li'], ownUrl);
	const shell = await view.locator('html').evaluate(root => ({
		policies: [...root.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map(meta => meta.content),
		scripts: [...root.querySelectorAll('script')].map(script => ({
			nonce: script.nonce, src: script.getAttribute('src') ?? '', inline: script.textContent.length,
			// The one inline script VS Code itself puts in every webview, before our CSP.
			vscode: script.textContent.trim().startsWith('globalThis.acquireVsCodeApi = (function() {'),
		})),
	}));
	checkCsp(problems, shell);
	await checkFrames(page, problems, 'comparison panel');
	await page.screenshot({ path: join(results, 'xss-compare.png') });
	lap('comparison panel');

	// Export Comparison → HTML, through the palette and the save dialog's default file.
	const exported = join(folder, 'comparison.html');
	await runCommand(page, 'Parallax: Export Comparison…');
	await page.locator('.quick-input-list .monaco-list-row', { hasText: 'HTML' }).first().click();
	// The save dialog is VS Code's own (a path in the quick input), filled with the default file.
	const path = page.locator('.quick-input-widget input');
	for (let tries = 0; tries < 75 && !(await path.inputValue()).endsWith('comparison.html'); tries++) {
		await page.waitForTimeout(200);
	}
	await page.keyboard.press('Enter');
	if (!(await waitForFile(page, exported))) {
		problems.push('Export Comparison wrote no HTML file');
	}

	// The HTML reports, from the Export command and from the CLI, opened in Chromium with JavaScript on.
	if (existsSync(exported)) {
		await checkReportWithAndWithoutCsp(page, problems, exported, 'exported report');
		await checkTheCheckerCatchesRawHtml(page, problems, exported);
	}
	const cliReport = join(folder, 'cli-report.html');
	const corpus = join(folder, 'corpus', STORY);
	execFileSync(process.execPath, [cli, 'align', ...readdirSync(corpus).map(name => join(corpus, name)), '--format', 'html', '--out', cliReport]);
	await checkReportWithAndWithoutCsp(page, problems, cliReport, 'CLI report');
	lap('reports');

	// Notes view: the first line of each note and its quote; its tooltip; then the threads in the article.
	await setExpanded(page, 'People', false);
	await setExpanded(page, 'Notes', true);
	const noteRows = paneRows(page, 'Notes');
	await noteRows.nth(layout.notes.length).waitFor({ timeout: 30_000 });
	const notesText = await paneText(page, 'Notes');
	const firstLines = layout.notes.map(note => ({ index: note.vectors[0].index, text: shorten(note.vectors[0].text.split('\n')[0], 80) }));
	expectLiteral(problems, 'Notes view', notesText, [...firstLines, ...layout.notes.map(note => ({ index: note.vectors[0].index, text: shorten(note.anchor, 60) }))]);
	const noteRow = text => pane(page, 'Notes').locator('.monaco-list-row[aria-level="2"]', { hasText: text.slice(0, 20) }).first();
	const noteTooltip = await hoverText(page, noteRow(firstLines[1].text), 'xss-notes-tooltip.png');
	expectLiteral(problems, 'Notes view tooltip', noteTooltip, layout.notes[1].vectors);
	lap('Notes view');
	await noteRow(firstLines[0].text).click({ position: { x: 90, y: 10 } });
	await page.locator('.review-widget .review-comment-contents').first().waitFor({ timeout: 30_000 });
	await runCommand(page, 'Comments: Expand All Comments');
	const widgets = page.locator('.review-widget');
	await widgets.nth(layout.notes.length).waitFor({ state: 'attached', timeout: 30_000 })
		.catch(() => problems.push('not every note of the article shows as a comment thread'));
	const threadText = (await widgets.evaluateAll(nodes => nodes.map(node => node.textContent))).join('\n');
	// Notes are Markdown: HTML in them shows as typed, but Markdown syntax (and a URL, which becomes
	// a link) is rendered, so only the vectors without any are compared.
	const plain = vectors.filter(vector => !/[\\`*_[\]!&~|#]|^\s|\s$|\n|:\/\//.test(vector.text));
	expectLiteral(problems, 'comment threads', threadText, plain);
	expectLiteral(problems, 'reply author', (await page.locator('.review-comment .author').allTextContents()).join('\n'), [layout.reply.author]);
	// The link thread: its relation and the other article's title as written, its note's HTML as text.
	const linkBody = await widgets.filter({ hasText: 'Link:' }).first().locator('.comment-body').first().textContent();
	expectLiteral(problems, 'link thread', linkBody, [layout.link.relation, ...layout.link.note, ...layout.articles[1].titleVectors]);
	const threadDom = await widgets.evaluateAll(nodes => nodes.map(node => [...node.querySelectorAll('.comment-body *')].map(element => ({
		tag: element.localName,
		handlers: [...element.attributes].filter(attribute => /^on/i.test(attribute.name)).map(attribute => attribute.name),
		href: element.getAttribute('href') ?? element.getAttribute('data-href') ?? '',
		src: element.getAttribute('src') ?? '',
	}))).flat());
	const injected = threadDom.filter(element => !MARKDOWN_TAGS.includes(element.tag)
		|| element.handlers.length > 0 || /^\s*(javascript|vbscript|data|command):/i.test(element.href) || element.src);
	if (injected.length > 0) {
		problems.push(`comment threads: ${injected.length} unsafe elements: ${JSON.stringify(injected.slice(0, 5))}`);
	}
	await checkFrames(page, problems, 'comment threads');
	await page.screenshot({ path: join(results, 'xss-notes.png') });
	lap('comment threads');
	await checkFrames(page, problems, 'workbench at the end');
	console.log(`xss scenario: ${timings.join(', ')}`);
}, watchPage);

/** The panel's CSP: default-src 'none', scripts only by nonce, nothing unsafe, and every script carries the nonce. */
function checkCsp(problems, { policies, scripts }) {
	if (policies.length !== 1) {
		problems.push(`the panel has ${policies.length} CSP meta tags`);
		return;
	}
	const directives = new Map(policies[0].split(';').map(part => part.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...values]) => [name, values]));
	if (directives.get('default-src')?.join(' ') !== "'none'") {
		problems.push(`default-src is not 'none': ${policies[0]}`);
	}
	const scriptSources = directives.get('script-src') ?? [];
	const nonces = scriptSources.filter(source => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(source));
	if (nonces.length !== 1 || scriptSources.length !== 1) {
		problems.push(`script-src is not one nonce: ${scriptSources.join(' ')}`);
	}
	// Host wildcards such as https://*.vscode-cdn.net (webview.cspSource) are VS Code's; a bare * or scheme is not.
	const loose = [...directives].filter(([, values]) => values.some(value => /^('unsafe-.*'|'strict-dynamic'|\*|https?:|data:|blob:|filesystem:)$/.test(value)));
	if (loose.length > 0) {
		problems.push(`the CSP allows too much: ${policies[0]}`);
	}
	const nonce = nonces[0]?.slice(7, -1);
	const ours = scripts.filter(script => !script.vscode);
	const others = ours.filter(script => !script.src.includes('/dist/webview.js') || script.nonce !== nonce || script.inline > 0);
	if (ours.length !== 1 || others.length > 0) {
		problems.push(`scripts in the panel other than the nonce'd bundle: ${JSON.stringify(others)}`);
	}
	console.log(`panel CSP: ${policies[0].replace(/'nonce-[^']+'/, "'nonce-…'")}`);
}

function shorten(text, max) {
	const single = flat(text);
	return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}
