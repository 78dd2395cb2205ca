import { ParallaxError } from './errors';

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
	// Binary search on the prefix that still decodes; the error position is for the user's hex editor.
	let low = 0;
	let high = bytes.length;
	while (high - low > 1) {
		const middle = (low + high) >> 1;
		try {
			// stream: a multi-byte character cut at the end of the prefix is not an error.
			new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
			low = middle;
		} catch {
			high = middle;
		}
	}
	// `low` ends a valid prefix; an unfinished multi-byte sequence just before it is the culprit.
	for (let start = low - 1; start >= Math.max(0, low - 3); start--) {
		if (bytes[start] >= 0xc0) {
			const length = bytes[start] >= 0xf0 ? 4 : bytes[start] >= 0xe0 ? 3 : 2;
			return start + length > low ? start : low;
		}
	}
	return low;
}
