import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * The same suites in VS Code desktop, for machines that can download it (`npm run test:electron`).
 * Here and in CI they run in code-server instead (test/vscode/run.sh), which needs no download.
 */
async function main(): Promise<void> {
	const projectDir = path.resolve(__dirname, '..', '..');
	// The suites edit their workspace, so they get a scratch copy of the sample corpus.
	const workspace = mkdtempSync(path.join(tmpdir(), 'parallax-electron-'));
	cpSync(path.join(projectDir, 'corpus'), path.join(workspace, 'corpus'), { recursive: true });
	try {
		await runTests({
			extensionDevelopmentPath: projectDir,
			extensionTestsPath: path.join(__dirname, 'index'),
			launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
		});
	} finally {
		rmSync(workspace, { recursive: true, force: true });
	}
}

main().catch(error => {
	console.error(error);
	process.exit(1);
});
