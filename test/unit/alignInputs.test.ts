import { deepStrictEqual, rejects, strictEqual, throws } from 'node:assert';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignInputFromText, readAlignInputs } from '../../src/util/alignInputs';

const ARTICLE = `---
id: ft-china-caution
title: China keeps its distance
outlet: Financial Times
story: putin-kim-pact
---

Beijing declined to comment.
`;

describe('alignInputs', () => {
	let folder: string;

	beforeEach(async () => {
		folder = await fs.mkdtemp(join(tmpdir(), 'parallax-align-'));
	});

	afterEach(async () => {
		await fs.rm(folder, { recursive: true, force: true });
	});

	async function write(name: string, content: string | Uint8Array): Promise<string> {
		const path = join(folder, name);
		await fs.writeFile(path, content);
		return path;
	}

	it('reads a corpus article: id, title and outlet from the front matter, the body without it', async () => {
		const path = await write('ft.md', ARTICLE);
		deepStrictEqual(await readAlignInputs([path]), [
			{ id: 'ft-china-caution', path, title: 'China keeps its distance', outlet: 'Financial Times', body: 'Beijing declined to comment.' },
		]);
	});

	it('reads a text file whole, so body offsets are offsets into the file', async () => {
		const text = '\n  CNN: China refuses to comment  \r\nBeijing refused to comment.\r\n';
		const path = await write('cnn-brasil.txt', text);
		const [input] = await readAlignInputs([path]);
		deepStrictEqual(input, { id: 'cnn-brasil', path, title: 'CNN: China refuses to comment', outlet: 'cnn-brasil.txt', body: text });
		strictEqual(input.body.indexOf('Beijing'), text.indexOf('Beijing'));
	});

	it('keeps the order of the files given', async () => {
		const paths = [await write('b.txt', 'Second'), await write('a.md', ARTICLE)];
		deepStrictEqual((await readAlignInputs(paths)).map(input => input.id), ['b', 'ft-china-caution']);
	});

	it('refuses two inputs with the same id and names both files', async () => {
		const first = await write('one.md', ARTICLE);
		const second = await write('two.md', ARTICLE);
		await rejects(readAlignInputs([first, second]), (error: Error & { file?: string }) => {
			strictEqual(error.name, 'ParallaxError');
			strictEqual(error.file, second);
			strictEqual(error.message, `the id "ft-china-caution" is also the id of ${first}; give each article its own id`);
			return true;
		});
	});

	it('says so when one file is given twice', async () => {
		const path = await write('one.md', ARTICLE);
		await rejects(readAlignInputs([path, path]), /the file is given twice/);
	});

	it('names the file and line of malformed front matter', async () => {
		const path = await write('bad.md', '---\ntitle: No id here\n---\n\nText.\n');
		await rejects(readAlignInputs([path]), (error: Error & { file?: string; line?: number }) => {
			strictEqual(error.file, path);
			strictEqual(error.message, 'the front matter has no "id"');
			strictEqual(error.line, 1);
			return true;
		});
	});

	it('names the file that is missing, binary, empty or of an unknown kind', async () => {
		const cases: [string, RegExp][] = [
			[join(folder, 'missing.txt'), /no such file/],
			[await write('image.txt', Uint8Array.from([0x89, 0x50, 0x00, 0x01])), /binary/],
			[await write('empty.txt', ''), /empty/],
			[await write('blank.txt', ' \n\n '), /has no text/],
			[await write('page.html', '<p>Hi</p>'), /cannot align a "\.html" file/],
		];
		for (const [path, message] of cases) {
			await rejects(readAlignInputs([path]), (error: Error & { file?: string }) => {
				strictEqual(error.file, path);
				strictEqual(message.test(error.message), true, error.message);
				return true;
			});
		}
	});

	it('refuses a folder', async () => {
		await rejects(readAlignInputs([folder]), /not a file/);
	});

	it('falls back to the via outlet, then the file name, when the front matter names no outlet', () => {
		const withoutOutlet = ARTICLE.replace('outlet: Financial Times\n', '');
		strictEqual(alignInputFromText('x/ft.md', withoutOutlet).outlet, 'ft.md');
		strictEqual(alignInputFromText('x/ft.md', withoutOutlet.replace('story:', 'via: FT\nstory:')).outlet, 'FT');
		throws(() => alignInputFromText('notes', 'text'), /extensionless/);
	});
});
