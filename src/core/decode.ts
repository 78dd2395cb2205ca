import { ParallaxError } from './errors';
import { checkUnicodeEncoding } from './textEncoding';

/** Largest article or page Parallax reads, in bytes; bigger files get a clear error instead of a stalled editor. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/**
 * Turns file bytes into text, refusing what is not a text article: too large, binary, or not UTF-8
 * (a Latin-1 file would otherwise turn every accent into U+FFFD silently). One leading byte-order
 * mark is dropped.
 */
export function decodeText(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): string {
	checkInputSize(bytes.length, maxBytes);
	if (bytes.length === 0) {
		throw new ParallaxError('the file is empty');
	}
	checkUnicodeEncoding(bytes);
	const sample = bytes.subarray(0, 8192);
	if (sample.includes(0)) {
		throw new ParallaxError('the file is binary, not text');
	}
	let text: string;
	try {
		// ignoreBOM leaves a byte-order mark in the text for the line below to drop. By default
		// TextDecoder drops it itself, and that line then took a second U+FEFF, which is text.
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		throw new ParallaxError(`the file is not valid UTF-8 (byte ${firstInvalidUtf8Byte(bytes)}); convert it to UTF-8 first, e.g. \`iconv -f latin1 -t utf-8\``);
	}
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Throws the size-limit error; callers that can stat a file check before reading it. */
export function checkInputSize(size: number, maxBytes = MAX_INPUT_BYTES): void {
	if (size > maxBytes) {
		throw new ParallaxError(`the file is ${formatSize(size)}; Parallax reads files up to ${formatSize(maxBytes)}`);
	}
}

/** "12.3 MB", "512 KB", "80 B". */
export function formatSize(bytes: number): string {
	if (bytes >= 1024 * 1024) {
		return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
	}
	return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} B`;
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
	// One lenient decode: the first U+FFFD that the file does not spell out itself (EF BF BD) marks the
	// first bad sequence; every character before it is valid, so its UTF-8 length is the byte offset.
	const text = new TextDecoder('utf-8').decode(bytes);
	const encoder = new TextEncoder();
	let offset = 0;
	let previous = 0;
	for (let index = text.indexOf('\ufffd'); index >= 0; index = text.indexOf('\ufffd', index + 1)) {
		offset += encoder.encode(text.slice(previous, index)).length;
		previous = index;
		if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
			return offset;
		}
	}
	return bytes.length;
}
