import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlignInput } from '../../src/core/align';
import { parseArticle } from '../../src/core/article';

const CORPUS = join(__dirname, '../../corpus/putin-kim-pact-2024');

/** The three seed articles of the sample corpus, as the engine takes them. */
export const seeds: AlignInput[] = readdirSync(CORPUS).sort().map(name => {
	const { meta, body } = parseArticle(readFileSync(join(CORPUS, name), 'utf8'));
	return { id: meta.id, path: name, title: meta.title, outlet: meta.outlet, body };
});

/** The seed whose outlet starts with `prefix` (Geopolist, CNN, Russian). */
export function seedByOutlet(prefix: string): AlignInput {
	const seed = seeds.find(article => article.outlet.startsWith(prefix));
	if (!seed) {
		throw new Error(`no seed article from ${prefix}`);
	}
	return seed;
}
