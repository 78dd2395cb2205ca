import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../bench/corpusBuilder';

/**
 * Builds the hostile workspaces of issue 6 (huge and odd inputs) from the seed articles: plain
 * Node, no `vscode`, so that the integration suite and `npm run bench:hostile` share it.
 */

/** How big the generated inputs are: `fast` for `npm test`, `full` for the benchmark. */
export interface HostileScale {
	/** Size of the one huge article, in bytes. */
	hugeArticleBytes: number;
	/** Articles of the big folder, and the size of each. */
	bigFolderFiles: number;
	bigFolderFileBytes: number;
	/** Articles of the "many tiny articles" folder, and the stories they are spread over. */
	tinyArticles: number;
	tinyStories: number;
	/** Rewrites of the changing file while the corpus loads. */
	rewrites: number;
}

/** Inputs small enough for `npm test` (a few seconds each) that still take every code path. */
export const FAST_SCALE: HostileScale = {
	hugeArticleBytes: 1024 * 1024, bigFolderFiles: 20, bigFolderFileBytes: 250 * 1024, tinyArticles: 2000, tinyStories: 4, rewrites: 40,
};

/** The sizes of the issue: a 5 MB article, a 50 MB folder, 2,000 tiny articles. */
export const FULL_SCALE: HostileScale = {
	hugeArticleBytes: 5 * 1024 * 1024, bigFolderFiles: 100, bigFolderFileBytes: 500 * 1024, tinyArticles: 2000, tinyStories: 4, rewrites: 200,
};

/** The sentences of the seed bodies (front matter dropped), the raw material of every generated article. */
export async function seedSentences(corpusFolder: string): Promise<string[]> {
	const sentences: string[] = [];
	const visit = async (folder: string): Promise<void> => {
		for (const entry of (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) {
				await visit(path);
			} else if (entry.name.endsWith('.md')) {
				const body = (await fs.readFile(path, 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '');
				sentences.push(...body.split(/(?<=[.!?”])\s+/).map(s => s.trim()).filter(s => s.length > 30));
			}
		}
	};
	await visit(corpusFolder);
	if (sentences.length === 0) {
		throw new Error(`no seed sentences under ${corpusFolder}`);
	}
	return sentences;
}

const NUMBER = /\d+/g;
const SWAPS: [RegExp, string][] = [[/\bsaid\b/g, 'stated'], [/\bChina\b/g, 'Beijing'], [/\bRussia\b/g, 'Moscow'], [/\bcautious\b/g, 'wary']];

/**
 * Realistic prose of about `bytes` UTF-8 bytes: seed sentences drawn at random, a few words swapped
 * and numbers changed so that no two paragraphs are identical, four sentences to a paragraph.
 */
export function prose(sentences: readonly string[], bytes: number, random: () => number): string {
	const paragraphs: string[] = [];
	let size = 0;
	while (size < bytes) {
		const paragraph: string[] = [];
		for (let i = 0; i < 4; i++) {
			let sentence = sentences[Math.floor(random() * sentences.length)];
			const [pattern, replacement] = SWAPS[Math.floor(random() * SWAPS.length)];
			if (random() < 0.5) {
				sentence = sentence.replace(pattern, replacement);
			}
			paragraph.push(sentence.replace(NUMBER, digits => String(Number(digits) + Math.floor(random() * 9))));
		}
		const text = paragraph.join(' ');
		paragraphs.push(text);
		size += Buffer.byteLength(text) + 2;
	}
	return paragraphs.join('\n\n');
}

/** A corpus file: front matter, a blank line, the body. */
export function articleFile(meta: { id: string; title: string; outlet: string; story: string; published?: string }, body: string): string {
	const lines = ['---', `id: ${meta.id}`, `title: ${JSON.stringify(meta.title)}`, `outlet: ${JSON.stringify(meta.outlet)}`, `story: ${meta.story}`];
	if (meta.published) {
		lines.push(`published: ${meta.published}`);
	}
	return `${lines.join('\n')}\n---\n\n${body}\n`;
}

/** What {@link writeHostileCorpora} wrote, for the checks. */
export interface HostileLayout {
	/** Each folder is meant to be the one corpus folder of a run (`parallax.corpusPaths`). */
	huge: { folder: string; id: string; bytes: number };
	/** `ids` are the big articles; the folder also holds two short ones (`short-a`, `short-b`) and the oversized file. */
	big: { folder: string; ids: string[]; bytes: number; oversized: { path: string; bytes: number } };
	tiny: { folder: string; ids: string[]; stories: string[] };
	odd: { folder: string; latin1: string; utf16: string; utf16NoBom: string; binary: string; good: string };
	changing: { folder: string; path: string; id: string };
}

/** Writes every hostile folder under `root` (created if needed) and says what is where. */
export async function writeHostileCorpora(root: string, sentences: readonly string[], scale: HostileScale): Promise<HostileLayout> {
	const random = seededRandom(20250606);
	const write = async (path: string, content: string | Uint8Array) => {
		await fs.mkdir(join(path, '..'), { recursive: true });
		await fs.writeFile(path, content);
	};

	// (a) One huge article, beside a normal one of the same story so that Compare Story has a pair.
	const hugeFolder = join(root, 'huge');
	const hugeBody = prose(sentences, scale.hugeArticleBytes, random);
	await write(join(hugeFolder, 'huge-story', 'huge-article.md'), articleFile({ id: 'huge-article', title: 'A very long article', outlet: 'Huge Outlet', story: 'huge-story', published: '2024-06-20' }, hugeBody));
	await write(join(hugeFolder, 'huge-story', 'normal-article.md'), articleFile({ id: 'normal-article', title: 'A normal article', outlet: 'Normal Outlet', story: 'huge-story', published: '2024-06-21' }, prose(sentences, 6000, random)));

	// (b) Many big articles, plus one over the size limit that must show as an error item.
	const bigFolder = join(root, 'big');
	const bigIds: string[] = [];
	let bigBytes = 0;
	for (let i = 0; i < scale.bigFolderFiles; i++) {
		const id = `big-${String(i).padStart(3, '0')}`;
		const text = articleFile({ id, title: `Big article ${i}`, outlet: `Outlet ${i % 7}`, story: `big-story-${i % 5}` }, prose(sentences, scale.bigFolderFileBytes, random));
		await write(join(bigFolder, `big-story-${i % 5}`, `${id}.md`), text);
		bigIds.push(id);
		bigBytes += Buffer.byteLength(text);
	}
	// Two short articles, to show that a comparison right after a cancelled one is not queued behind it.
	for (const id of ['short-a', 'short-b']) {
		const text = articleFile({ id, title: `Short ${id}`, outlet: `Outlet ${id}`, story: 'short-story' }, prose(sentences, 3000, random));
		await write(join(bigFolder, 'short-story', `${id}.md`), text);
		bigBytes += Buffer.byteLength(text);
	}
	// Just over the 8 MB limit (src/core/decode.ts MAX_INPUT_BYTES), made of repeated prose to keep generation quick.
	const oversizedPath = join(bigFolder, 'oversized.md');
	const chunk = prose(sentences, 64 * 1024, random);
	const oversized = articleFile({ id: 'oversized', title: 'Too big', outlet: 'Nobody', story: 'big-story-0' }, chunk.repeat(Math.ceil((8 * 1024 * 1024 + 1) / Buffer.byteLength(chunk)) + 1));
	await write(oversizedPath, oversized);

	// (c) Thousands of tiny articles over a few stories.
	const tinyFolder = join(root, 'tiny');
	const tinyIds: string[] = [];
	const stories = Array.from({ length: scale.tinyStories }, (_, i) => `tiny-story-${i}`);
	for (let i = 0; i < scale.tinyArticles; i++) {
		const id = `tiny-${String(i).padStart(4, '0')}`;
		const story = stories[i % stories.length];
		const day = String(1 + (i % 28)).padStart(2, '0');
		await write(join(tinyFolder, story, `${id}.md`), articleFile({ id, title: `Tiny article ${i}`, outlet: `Outlet ${i % 13}`, story, published: `2024-06-${day}` }, prose(sentences, 200, random)));
		tinyIds.push(id);
	}

	// (d) Files that are not UTF-8: Latin-1, UTF-16 with and without a byte-order mark, random bytes; and one good file.
	const oddFolder = join(root, 'odd');
	const latinText = articleFile({ id: 'latin1-article', title: 'Café à São Paulo', outlet: 'Jornal', story: 'odd-story' }, 'O presidente disse que a reunião foi útil e que não haverá mudanças.');
	const latin1 = join(oddFolder, 'latin1.md');
	await write(latin1, Buffer.from(latinText, 'latin1'));
	const utf16 = join(oddFolder, 'utf16.md');
	await write(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(articleFile({ id: 'utf16-article', title: 'Wide', outlet: 'Wide Outlet', story: 'odd-story' }, 'Saved by an editor as UTF-16.'), 'utf16le')]));
	const utf16NoBom = join(oddFolder, 'utf16-no-bom.md');
	await write(utf16NoBom, Buffer.from(articleFile({ id: 'utf16-no-bom', title: 'Wide', outlet: 'Wide Outlet', story: 'odd-story' }, 'Saved by a script as UTF-16LE.'), 'utf16le'));
	const binary = join(oddFolder, 'binary.md');
	await write(binary, Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
	const good = join(oddFolder, 'good.md');
	await write(good, articleFile({ id: 'good-article', title: 'Plain UTF-8', outlet: 'Good Outlet', story: 'odd-story' }, prose(sentences, 2000, random)));

	// (e) The folder of the file that will be rewritten while the corpus loads (see rewriteVersion).
	const changingFolder = join(root, 'changing');
	const changingPath = join(changingFolder, 'changing.md');
	await write(changingPath, rewriteVersion(sentences, 0));
	for (let i = 0; i < 30; i++) {
		await write(join(changingFolder, `steady-${i}.md`), articleFile({ id: `steady-${i}`, title: `Steady ${i}`, outlet: 'Steady', story: 'changing-story' }, prose(sentences, 20_000, random)));
	}

	return {
		huge: { folder: hugeFolder, id: 'huge-article', bytes: Buffer.byteLength(hugeBody) },
		big: { folder: bigFolder, ids: bigIds, bytes: bigBytes + Buffer.byteLength(oversized), oversized: { path: oversizedPath, bytes: Buffer.byteLength(oversized) } },
		tiny: { folder: tinyFolder, ids: tinyIds, stories },
		odd: { folder: oddFolder, latin1, utf16, utf16NoBom, binary, good },
		changing: { folder: changingFolder, path: changingPath, id: 'changing' },
	};
}

/**
 * Version `n` of the changing file: its title says `n`, and its body is long enough (about 200 KB)
 * that a reader can catch it half written.
 */
export function rewriteVersion(sentences: readonly string[], n: number): string {
	return articleFile({ id: 'changing', title: `Version ${n}`, outlet: 'Changing', story: 'changing-story' }, `${prose(sentences, 200_000, seededRandom(n + 1))}\n\nEnd of version ${n}.`);
}

/** The versions 1…`count` of the changing file, made up front so that making them is not measured. */
export function rewriteVersions(sentences: readonly string[], count: number): Buffer[] {
	return Array.from({ length: count }, (_, index) => Buffer.from(rewriteVersion(sentences, index + 1)));
}

/**
 * Writes the versions over the changing file in turn, as an editor without atomic save would:
 * truncate, then write in pieces, so that a concurrent read can see an empty or half file.
 */
export async function rewriteRepeatedly(path: string, versions: readonly Buffer[]): Promise<void> {
	for (const bytes of versions) {
		const handle = await fs.open(path, 'w');
		try {
			const step = Math.ceil(bytes.length / 4);
			for (let offset = 0; offset < bytes.length; offset += step) {
				await handle.write(bytes, offset, Math.min(step, bytes.length - offset), offset);
				await new Promise(resolve => setImmediate(resolve));
			}
		} finally {
			await handle.close();
		}
	}
}
