import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { CorpusFile, CorpusProblem, isCorpusFileName } from '../core/corpus';
import { checkInputSize } from '../core/decode';
import { ParallaxError } from '../core/errors';

/** Folders deeper than this are not scanned. */
const MAX_DEPTH = 8;

/**
 * Reads the corpus files (`*.md`) under the given folders or files with Node's fs, for the CLI.
 * Unreadable, oversized, UTF-16 and UTF-32 files become problems; hidden entries and symlinked folders are skipped.
 */
export async function readCorpusFiles(paths: readonly string[]): Promise<{ files: CorpusFile[]; problems: CorpusProblem[] }> {
	const files: CorpusFile[] = [];
	const problems: CorpusProblem[] = [];
	const visit = async (path: string, depth: number): Promise<void> => {
		try {
			const stat = await fs.lstat(path);
			if (stat.isDirectory() && depth <= MAX_DEPTH) {
				for (const name of (await fs.readdir(path)).sort()) {
					if (!name.startsWith('.')) {
						await visit(join(path, name), depth + 1);
					}
				}
			} else if (stat.isFile() && (depth === 0 || isCorpusFileName(path))) {
				checkInputSize(stat.size);
				const bytes = await fs.readFile(path);
				files.push({ path, bytes });
			}
		} catch (error) {
			const message = error instanceof ParallaxError ? error.message : `could not read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
			problems.push({ path, error: new ParallaxError(message, path) });
		}
	};
	for (const path of paths) {
		await visit(path, 0);
	}
	return { files, problems };
}
