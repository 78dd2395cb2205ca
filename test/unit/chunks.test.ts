import { deepStrictEqual, strictEqual } from 'node:assert';
import { chunksOf } from '../../src/core/chunks';

describe('chunks', () => {
	const join = (text: string, max: number) => [...chunksOf(text, max)];

	it('cuts long text into pieces that put back together exactly, with their offsets', () => {
		const text = 'A sentence ends here. Another one follows it, longer. '.repeat(200);
		const chunks = join(text, 500);
		strictEqual(chunks.map(chunk => chunk.chunk).join(''), text);
		for (const { offset, chunk } of chunks) {
			strictEqual(text.slice(offset, offset + chunk.length), chunk);
			strictEqual(chunk.length <= 500, true);
		}
		strictEqual(chunks.slice(0, -1).every(({ chunk }) => /[.!?]\s$/.test(chunk)), true, 'cuts after sentence ends');
	});

	it('never splits a surrogate pair when there is no break to cut at', () => {
		const text = '😀'.repeat(3000);
		for (const { chunk } of join(text, 999)) {
			strictEqual(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(chunk), false);
		}
	});

	it('gets through surrogate pairs one code unit at a time when at most one is allowed, and keeps them whole from two (issue 6)', () => {
		deepStrictEqual(join('a😀b', 1).map(({ chunk }) => chunk), ['a', '\ud83d', '\ude00', 'b']);
		deepStrictEqual(join('a😀b😀', 2).map(({ chunk }) => chunk), ['a', '😀', 'b', '😀']);
		deepStrictEqual(join('ab', 0).map(({ chunk }) => chunk), ['a', 'b']);
	});

	it('cuts Chinese text after its punctuation', () => {
		const text = '中国外交部发言人拒绝评论，他说这是双边问题。'.repeat(300);
		const chunks = join(text, 1000);
		strictEqual(chunks.map(chunk => chunk.chunk).join(''), text);
		strictEqual(chunks.slice(0, -1).every(({ chunk }) => /[。，]$/.test(chunk)), true);
	});
});
