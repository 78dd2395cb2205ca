import { deepStrictEqual, ok, rejects, strictEqual } from 'node:assert';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/article';
import { writeFileAtomic } from '../../src/util/atomicWrite';
import { articleVersion } from './fixtures/articleVersions';
import { bundleFixture, killWritersRepeatedly, startWriter } from './fixtures/childProcess';

// Issue 6: corpus writes (import, CLI import, exports) go through writeFileAtomic.
describe('writeFileAtomic', () => {
	let articleWriter: { script: string; dispose: () => void };
	let root: string;
	let file: string;

	before(() => {
		articleWriter = bundleFixture(join(__dirname, 'fixtures', 'articleWriter.ts'));
	});

	after(() => articleWriter.dispose());

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'parallax-atomic-'));
		file = join(root, 'story', 'kill-test.md');
	});

	afterEach(() => {
		rmSync(root, { recursive: true, force: true });
	});

	it('creates the folder, writes the file and leaves no temp file', async () => {
		await writeFileAtomic(file, articleVersion('a'), { overwrite: true });
		strictEqual(readFileSync(file, 'utf8'), articleVersion('a'));
		deepStrictEqual(readdirSync(join(root, 'story')), ['kill-test.md']);
	});

	it('refuses to replace an existing file unless asked to, and keeps it', async () => {
		writeFileSync(join(root, 'existing.md'), 'the user\'s article');
		await rejects(writeFileAtomic(join(root, 'existing.md'), articleVersion('a'), { overwrite: false }), { code: 'EEXIST' });
		strictEqual(readFileSync(join(root, 'existing.md'), 'utf8'), 'the user\'s article');
		deepStrictEqual(readdirSync(root).sort(), ['existing.md']);
	});

	it('lets exactly one of two processes create the same new file', async function () {
		this.timeout(30_000);
		for (let round = 0; round < 5; round++) {
			rmSync(file, { force: true });
			const writers = await Promise.all((['a', 'b'] as const).map(which => startWriter(articleWriter.script, ['create', file, which])));
			const exits = writers.map(({ child }) => once(child, 'exit'));
			for (const { child } of writers) {
				child.stdin!.write('go\n');
			}
			await Promise.all(exits);
			const outcomes = writers.map(({ lines }) => lines.at(-1));
			deepStrictEqual([...outcomes].sort(), ['created', 'exists'], writers.map(writer => writer.stderr()).join('\n'));
			const winner = outcomes[0] === 'created' ? 'a' : 'b';
			strictEqual(readFileSync(file, 'utf8'), articleVersion(winner), `round ${round}: not the creator's whole file`);
		}
	});

	it('leaves one whole version of an article whenever a writer is killed', async function () {
		this.timeout(60_000);
		const versions = [articleVersion('a'), articleVersion('b')];
		const seen = new Set<number>();
		await killWritersRepeatedly(articleWriter.script, file, { rounds: 15, maxDelayMs: 80 }, round => {
			const text = readFileSync(file, 'utf8');
			const index = versions.indexOf(text);
			ok(index >= 0, `round ${round}: the article is neither version (${text.length} characters)`);
			seen.add(index);
			strictEqual(parseArticle(text).meta.title, index === 0 ? 'Version a' : 'Version b');
		});
		strictEqual(seen.size, 2, 'both versions were seen');
		// A killed save may leave its hidden temp file, never a visible article.
		deepStrictEqual(readdirSync(join(root, 'story')).filter(name => !name.startsWith('.')), ['kill-test.md']);
	});
});
