import { ParallaxError } from './errors';

/** How much of the start of a file the UTF-16 guess looks at. */
const SAMPLE_BYTES = 4096;

/**
 * Throws a {@link ParallaxError} that names the encoding when a file is UTF-16 or UTF-32, which
 * Windows editors still write. decodeText calls it before its binary check, since such a file holds
 * zero bytes and "binary" would send the user looking for the wrong problem.
 */
export function checkUnicodeEncoding(bytes: Uint8Array): void {
	const encoding = unicodeEncodingOf(bytes);
	if (encoding) {
		throw new ParallaxError(`the file is ${encoding.name} text, and Parallax reads UTF-8 only; save it as UTF-8 (VS Code: Save with Encoding; or \`iconv -f ${encoding.iconv} -t UTF-8\`)`);
	}
}

/** The encoding the bytes look like, if UTF-16 or UTF-32, with its name for `iconv`. */
function unicodeEncodingOf(bytes: Uint8Array): { name: string; iconv: string } | undefined {
	const [b0, b1, b2, b3] = bytes;
	if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
		return { name: 'UTF-32', iconv: 'UTF-32' };
	}
	if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
		return { name: 'UTF-16', iconv: 'UTF-16' };
	}
	// Without a byte-order mark, Latin-script UTF-16 has a zero in every other byte and (almost) none in between.
	const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1);
	if (sample.length < 16) {
		return undefined;
	}
	const zeros = [0, 0];
	sample.forEach((byte, index) => {
		if (byte === 0) {
			zeros[index % 2]++;
		}
	});
	const [even, odd] = [zeros[0] / (sample.length / 2), zeros[1] / (sample.length / 2)];
	if (Math.min(even, odd) >= 0.02) {
		return undefined;
	}
	// Little-endian puts the zero (high) byte second.
	return odd > 0.5 ? { name: 'UTF-16 (little-endian, no byte-order mark)', iconv: 'UTF-16LE' }
		: even > 0.5 ? { name: 'UTF-16 (big-endian, no byte-order mark)', iconv: 'UTF-16BE' } : undefined;
}
