import { promises as fs } from 'node:fs';
import { basename, extname } from 'node:path';
import type { AlignInput } from '../core/align';
import { parseArticle } from '../core/article';
import { checkInputSize, decodeText } from '../core/decode';
import { ParallaxError, isParallaxError } from '../core/errors';

/** Extensions read as corpus articles (YAML front matter, then the body). */
const MARKDOWN = new Set(['.md', '.markdown']);
/** Extensions read as plain text: the whole file is the body. */
const TEXT = new Set(['.txt', '.text']);

/**
 * Reads the files given to `parallax align`: corpus Markdown articles and plain text files.
 * Every problem is a {@link ParallaxError} naming the file; ids must be unique across the inputs,
 * since passages and groups refer to articles by id.
 */
export async function readAlignInputs(paths: readonly string[]): Promise<AlignInput[]> {
	const inputs: AlignInput[] = [];
	const seen = new Map<string, string>();
	for (const path of paths) {
		const input = alignInputFromText(path, await readText(path));
		const other = seen.get(input.id);
		if (other === path) {
			throw new ParallaxError('the file is given twice', path);
		}
		if (other !== undefined) {
			throw new ParallaxError(`the id "${input.id}" is also the id of ${other}; give each article its own id`, path);
		}
		seen.set(input.id, path);
		inputs.push(input);
	}
	return inputs;
}

/**
 * Turns one file's text into an alignment input. Markdown: front matter gives id, title and outlet,
 * the body is the article body. Text: the body is the whole text, so offsets are into the file as it
 * is; the id is the file name without extension, the title its first non-blank line, the outlet the file name.
 */
export function alignInputFromText(path: string, text: string): AlignInput {
	const extension = extname(path).toLowerCase();
	if (MARKDOWN.has(extension)) {
		try {
			const { meta, body } = parseArticle(text);
			return { id: meta.id, path, title: meta.title, outlet: meta.outlet || meta.via || basename(path), body };
		} catch (error) {
			throw isParallaxError(error) ? error.inFile(path) : error;
		}
	}
	if (TEXT.has(extension)) {
		const title = text.split(/\r?\n/).find(line => line.trim() !== '')?.trim();
		if (title === undefined) {
			throw new ParallaxError('the file has no text', path);
		}
		return { id: basename(path, extname(path)), path, title, outlet: basename(path), body: text };
	}
	throw new ParallaxError(`cannot align a "${extension || 'extensionless'}" file: give corpus articles (.md) or plain text (.txt)`, path);
}

async function readText(path: string): Promise<string> {
	try {
		const stat = await fs.stat(path);
		if (!stat.isFile()) {
			throw new ParallaxError('not a file', path);
		}
		checkInputSize(stat.size);
		const bytes = await fs.readFile(path);
		return decodeText(bytes);
	} catch (error) {
		if (isParallaxError(error)) {
			throw error.file ? error : error.inFile(path);
		}
		const code = (error as NodeJS.ErrnoException).code;
		throw new ParallaxError(code === 'ENOENT' ? 'no such file' : `could not read it: ${code ?? String(error)}`, path);
	}
}
