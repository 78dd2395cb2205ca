// Measures what loading the extension costs before activate() runs, with a stand-in `vscode`
// module, next to the importer bundle that is loaded only on first use. Run: npm run bench:activation
import { createRequire } from 'node:module';
import Module from 'node:module';

const require = createRequire(import.meta.url);
// Any vscode.X is a class whose instances answer any method with a disposable.
const anyClass = class { constructor() { return new Proxy(this, { get: (target, key) => key in target ? target[key] : () => ({ dispose() {} }) }); } };
// esbuild's interop copies the module's own keys, so name the ones the bundle reads at load time.
const vscodeStandIn = Object.fromEntries(['TreeItem', 'EventEmitter', 'ThemeIcon', 'ThemeColor', 'MarkdownString', 'Disposable', 'Uri',
	'Range', 'Position', 'RelativePattern', 'TreeItemCollapsibleState', 'ViewColumn', 'FileType', 'ConfigurationTarget'].map(name => [name, anyClass]));
const load = Module._load;
Module._load = function (request, ...rest) {
	return request === 'vscode' ? vscodeStandIn : load.call(this, request, ...rest);
};

function timeRequire(path) {
	const start = process.hrtime.bigint();
	require(path);
	return Number(process.hrtime.bigint() - start) / 1e6;
}

// Run `npm run build` (or `node esbuild.mjs --production` for the shipped, minified size) first.
const extension = timeRequire('../dist/extension.js');
const importer = timeRequire('../dist/importArticle.js');
console.log(`load dist/extension.js (paid at activation): ${extension.toFixed(1)} ms`);
console.log(`load dist/importArticle.js (paid at the first import): ${importer.toFixed(1)} ms`);
console.log(`activation would cost ${((extension + importer) / extension).toFixed(1)}x as much with the importer in the main bundle`);
