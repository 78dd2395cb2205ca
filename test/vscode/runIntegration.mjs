// Runs the mocha suites of test/integration inside code-server's real extension host.
// Usage: node runIntegration.mjs ORIGIN WORKSPACE_FOLDER RESULT_FILE
// Exit code 0 only if the workbench reports success and the result file counts passes and no failure.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { browserDied, launchBrowser } from './browser.mjs';

const [origin, folder, resultFile] = process.argv.slice(2);
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = Number(process.env.PARALLAX_TEST_TIMEOUT_MS ?? 300_000);

// The authority of these URIs must be the host:port the browser uses.
const remote = path => `vscode-remote://${new URL(origin).host}${path}`;
const payload = [
	['extensionDevelopmentPath', remote(projectDir)],
	['extensionTestsPath', remote(join(projectDir, 'out', 'test', 'index'))],
	['extensionEnvironment', JSON.stringify({ PARALLAX_RESULT_FILE: resultFile, PARALLAX_TEST_GREP: process.env.PARALLAX_TEST_GREP ?? '' })],
	['skipWelcome', 'true'],
];
const url = `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

async function attempt() {
	const { page, close } = await launchBrowser();
	let finish;
	const exit = new Promise(resolve => (finish = resolve));
	// The web workbench forwards every extension host log line here, and reports the end here.
	await page.exposeFunction('codeAutomationLog', (_type, args) => console.log(format(...[].concat(args))));
	await page.exposeFunction('codeAutomationExit', code => finish(code));
	page.on('crash', () => finish('page crashed'));
	page.on('close', () => finish('page closed'));
	try {
		await page.goto(url);
		return await Promise.race([exit, new Promise(resolve => setTimeout(() => resolve('timeout'), TIMEOUT_MS))]);
	} catch (error) {
		return browserDied(error) ? 'browser died' : String(error);
	} finally {
		page.removeAllListeners('close');
		await close();
	}
}

let code = await attempt();
if (code === 'browser died' || code === 'page crashed') {
	console.log('Chromium died; retrying once');
	code = await attempt();
}
const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
const ok = code === 0 && result?.failures === 0 && result.passed.length > 0;
console.log(`integration: workbench exit ${code}; ${result ? `${result.passed.length} passed, ${result.failures} failed` : 'no result file'}`);
process.exit(ok ? 0 : 1);
