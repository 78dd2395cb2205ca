/**
 * V8's Intl.Segmenter slows down super-linearly on long strings (a 160,000-character text takes
 * seconds; the same text in 2,000-character chunks, milliseconds), so long texts are segmented in
 * chunks cut after a sentence end where possible, else after a space or CJK punctuation.
 */
export const MAX_CHUNK = 2000;

// Sticky, to be tested at one position of the text: slicing a window and searching it cost more
// than the rest of the chunking when chunks are small.
const SENTENCE_END = /[.!?。！？]\s/y;
const BREAK_AFTER = /[\s。！？，、]/y;

/**
 * Pieces of `text` of at most `max` characters with their offsets; together they are `text`. A
 * surrogate pair is never cut unless `max` is 1.
 */
export function* chunksOf(text: string, max = MAX_CHUNK): Generator<{ offset: number; chunk: string }> {
	// Whole characters, at least one: a smaller chunk would never get through the text.
	const size = Math.max(1, Math.floor(max));
	let offset = 0;
	while (text.length - offset > size) {
		const cut = cutPoint(text, offset, offset + size);
		yield { offset, chunk: text.slice(offset, cut) };
		offset = cut;
	}
	yield { offset, chunk: text.slice(offset) };
}

/** Where to end the chunk that starts at `from`, at most at `to`. */
function cutPoint(text: string, from: number, to: number): number {
	const length = to - from;
	// The last sentence end in the second half of the window.
	for (let end = to; end - from > length / 2 && end - 2 >= from; end--) {
		if (matchesAt(SENTENCE_END, text, end - 2)) {
			return end;
		}
	}
	for (let cut = to; cut > to - length / 4; cut--) {
		if (matchesAt(BREAK_AFTER, text, cut - 1)) {
			return cut;
		}
	}
	// No break in sight: cut anyway, but not inside a surrogate pair, unless the pair alone is over the
	// limit (max 1): cutting before it would yield an empty chunk, over and over.
	const code = text.charCodeAt(to - 1);
	return code >= 0xd800 && code <= 0xdbff && to - 1 > from ? to - 1 : to;
}

/** Whether the sticky `pattern` matches `text` at `at`. */
function matchesAt(pattern: RegExp, text: string, at: number): boolean {
	pattern.lastIndex = at;
	return pattern.test(text);
}
