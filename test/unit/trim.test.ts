import { strictEqual } from 'node:assert';
import { trimToShared } from '../../src/core/trim';

describe('trim', () => {
	it('starts a passage where shared wording becomes dense, not at a stray shared word before it', () => {
		const reused = 'Engineers will replace the rusted gates of the northern lock before winter, the harbour office said.';
		const a = `Visitors at the winter fair praised the bakery, the choir, the flower stalls and the bread. ${reused}`;
		const b = `${reused} Ferries will run as usual.`;
		const trimmed = trimToShared(a, { start: 0, end: a.length }, b, { start: 0, end: reused.length });
		strictEqual(a.slice(trimmed.a.start, trimmed.a.end), reused);
		strictEqual(b.slice(trimmed.b.start, trimmed.b.end), reused);
	});
});
