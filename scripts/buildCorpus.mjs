// Regenerates the bundled sample corpus from the raw seed pages in ../shared/seeds with the
// importer itself, so the corpus shows what an import produces. Run: node --import tsx scripts/buildCorpus.mjs
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeArticle } from '../src/core/article.ts';
import { decodeText } from '../src/core/decode.ts';
import { importPage } from '../src/core/import/importPage.ts';
import { writeFileAtomic } from '../src/util/atomicWrite.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedsFolder = resolve(root, '../shared/seeds');
const story = 'putin-kim-pact-2024';
const storyFolder = join(root, 'corpus', story);

// What the importer cannot know from the pages themselves: this is configuration, not an import rule.
const seeds = [
	{ file: '000_20d5136f34053dfd.txt' },
	{ file: '002_cf9c33d1cd31f511.txt' },
	// The commentary names no outlet anywhere on the page.
	{ file: '004_f53cb4871c78bf90.txt', outlet: 'Russian commentary (translated)' },
];

async function main() {
	const written = new Set();
	for (const seed of seeds) {
		const bytes = await fs.readFile(join(seedsFolder, seed.file));
		const imported = importPage(decodeText(bytes), { story, language: 'en', sourceName: seed.file, outlet: seed.outlet });
		const name = `${imported.meta.id}.md`;
		await writeFileAtomic(join(storyFolder, name), serializeArticle(imported), { overwrite: true });
		written.add(name);
		for (const warning of imported.warnings) {
			console.log(`${seed.file}: note: ${warning}`);
		}
		console.log(`${seed.file} → corpus/${story}/${name}`);
	}
	// Articles left from an earlier run under an id the importer no longer produces.
	for (const name of await fs.readdir(storyFolder)) {
		if (name.endsWith('.md') && !written.has(name)) {
			await fs.rm(join(storyFolder, name));
			console.log(`removed stale corpus/${story}/${name}`);
		}
	}
}

main().catch(error => {
	console.error(typeof error?.describe === 'function' ? error.describe() : error);
	process.exitCode = 1;
});
