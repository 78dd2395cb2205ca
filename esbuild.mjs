// Bundles the extension, the webview script and the CLI into dist/, and the
// extension-host test suites into out/test/. `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: !production, minify: production, logLevel: 'warning' };

/** @type {esbuild.BuildOptions[]} */
const builds = [
	// The importer is loaded on first use (src/commands/index.ts), so it is kept out of the extension bundle.
	{ ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './importArticle.js', './exportComparison.js'] },
	{ ...node, entryPoints: ['src/commands/importArticle.ts'], outfile: 'dist/importArticle.js', external: ['vscode'] },
	{ ...node, entryPoints: ['src/commands/exportComparison.ts'], outfile: 'dist/exportComparison.js', external: ['vscode'] },
	// The alignment engine runs in a worker thread (src/alignment/alignInWorker.ts).
	{ ...node, entryPoints: ['src/alignment/alignWorker.ts'], outfile: 'dist/alignWorker.js' },
	{ ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
	{ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: !production, minify: production, logLevel: 'warning',
		entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' },
	// Suites that run inside a real VS Code extension host (code-server here, or VS Code desktop via test-electron).
	{ ...node, entryPoints: ['test/integration/index.ts', 'test/integration/runElectron.ts',
		...readdirSync('test/integration').filter(f => f.endsWith('.test.ts')).map(f => `test/integration/${f}`)],
	outdir: 'out/test', outbase: 'test/integration', external: ['vscode', 'mocha', '@vscode/test-electron'] },
];

mkdirSync('dist', { recursive: true });
// The webview loads codicons through asWebviewUri, and .vscodeignore drops node_modules.
for (const file of ['codicon.css', 'codicon.ttf']) {
	copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/${file}`);
}

if (watch) {
	for (const options of builds) {
		await (await esbuild.context(options)).watch();
	}
} else {
	await Promise.all(builds.map(options => esbuild.build(options)));
}
