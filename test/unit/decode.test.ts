import { strictEqual, throws } from 'node:assert';
import { decodeText, formatSize } from '../../src/core/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decode', () => {
	it('decodes UTF-8 and drops a byte-order mark', () => {
		strictEqual(decodeText(utf8('\ufeffPyongyang – “ok”')), 'Pyongyang – “ok”');
	});

	it('drops only the first of two byte-order marks (issue 6)', () => {
		strictEqual(decodeText(utf8('\ufeff\ufeffPyongyang')), '\ufeffPyongyang');
		strictEqual(decodeText(utf8('\ufeff')), '');
	});

	it('refuses an empty file', () => {
		throws(() => decodeText(new Uint8Array()), /the file is empty/);
	});

	it('refuses a binary file', () => {
		throws(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /binary/);
	});

	it('refuses Latin-1 and says where the first bad byte is', () => {
		const latin1 = Uint8Array.from([...utf8('Caf'), 0xe9, ...utf8(' au lait')]);
		throws(() => decodeText(latin1), /not valid UTF-8 \(byte 3\)/);
		const strayAfterAccent = Uint8Array.from([0xc3, 0xa9, 0xff, 0x41]);
		throws(() => decodeText(strayAfterAccent), /byte 2\)/);
	});

	it('finds the first bad byte past a replacement character the file really contains, and in a cut character (issue 6)', () => {
		throws(() => decodeText(Uint8Array.from([...utf8('a\ufffdé'), 0xe9, 0x41])), /byte 6\)/);
		throws(() => decodeText(Uint8Array.from([...utf8('ab'), 0xe2, 0x82])), /byte 2\)/);
	});

	it('refuses a file over the size limit before decoding it', () => {
		throws(() => decodeText(new Uint8Array(11 * 1024 * 1024).fill(0x61)), /11\.0 MB; Parallax reads files up to 8\.0 MB/);
		strictEqual(decodeText(utf8('abc'), 3), 'abc');
	});

	it('formats sizes for messages', () => {
		strictEqual(formatSize(80), '80 B');
		strictEqual(formatSize(2048), '2 KB');
	});
});
