import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Entry point VS Code calls inside the extension host (`extensionTestsPath`): runs every
 * `*.test.js` next to this file and writes `{failures, passed, failed}` for the harness.
 */
export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, grep: process.env.PARALLAX_TEST_GREP || undefined });
	for (const file of fs.readdirSync(__dirname).filter(name => name.endsWith('.test.js')).sort()) {
		mocha.addFile(path.join(__dirname, file));
	}
	const passed: string[] = [];
	const failed: { title: string; error: string }[] = [];
	return new Promise((resolve, reject) => {
		mocha.run(failures => {
			if (process.env.PARALLAX_RESULT_FILE) {
				fs.writeFileSync(process.env.PARALLAX_RESULT_FILE, JSON.stringify({ failures, passed, failed }, null, '\t'));
			}
			if (failures > 0) {
				reject(new Error(`${failures} integration test(s) failed`));
			} else {
				resolve();
			}
		})
			.on('pass', test => passed.push(test.fullTitle()))
			.on('fail', (test, error) => failed.push({ title: test.fullTitle(), error: String(error) }));
	});
}
