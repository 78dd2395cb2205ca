import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never half of it:
 * a temp file in the same folder, fsync, then rename over the target.
 * With `overwrite: false` an existing file is left alone and the call fails with EEXIST.
 */
export async function writeFileAtomic(path: string, content: string, options: { overwrite: boolean }): Promise<void> {
	await fs.mkdir(dirname(path), { recursive: true });
	const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
	const handle = await fs.open(temp, 'wx');
	try {
		await handle.writeFile(content, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		if (options.overwrite) {
			await fs.rename(temp, path);
		} else {
			// link() fails if the target exists, so two writers cannot both create it.
			await fs.link(temp, path);
		}
	} finally {
		await fs.rm(temp, { force: true });
	}
}
