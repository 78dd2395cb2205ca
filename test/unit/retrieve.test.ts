import { ok, strictEqual } from 'node:assert';
import { defaultAliasTable } from '../../src/core/entities';
import { prepareText, weightsOf } from '../../src/core/prepare';
import { findSeeds } from '../../src/core/retrieve';

describe('retrieve', () => {
	it('finds a sentence copied into so many texts that all its words are common (issue 3)', () => {
		const copied = 'Officials in Geneva confirmed the treaty would be signed after months of difficult talks.';
		const aliases = defaultAliasTable();
		// Every word of the copied sentence is in more sentences than a key may point at (64).
		const texts = Array.from({ length: 100 }, (_, index) => prepareText(`Report number ${index} begins here. ${copied}`, aliases));
		const seeds = findSeeds(texts, weightsOf(texts));
		const linked = new Set(seeds.filter(seed => seed.a === 1 && seed.b === 1).flatMap(seed => [seed.textA, seed.textB]));
		strictEqual(linked.size, 100);
		ok(seeds.every(seed => seed.match.score > 0));
	});
});
