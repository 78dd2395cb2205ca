/**
 * V8's Intl.Segmenter slows down super-linearly on long strings (a 160,000-character text takes
 * seconds; the same text in 2,000-character chunks, milliseconds), so long texts are segmented in
 * chunks cut after a sentence end where possible, else after a space or CJK punctuation.
 */
export const MAX_CHUNK = 2000;

const SENTENCE_END = /[.!?。！？]\s/g;
const BREAK_AFTER = /[\s。！？，、]/;

/** Pieces of `text` of at most `max` characters with their offsets; together they are `text`. */
export function* chunksOf(text: string, max = MAX_CHUNK): Generator<{ offset: number; chunk: string }> {
	let offset = 0;
	while (text.length - offset > max) {
		const cut = cutPoint(text, offset, offset + max);
		yield { offset, chunk: text.slice(offset, cut) };
		offset = cut;
	}
	yield { offset, chunk: text.slice(offset) };
}

function cutPoint(text: string, from: number, to: number): number {
	const window = text.slice(from, to);
	let sentenceEnd = -1;
	for (const match of window.matchAll(SENTENCE_END)) {
		sentenceEnd = match.index + match[0].length;
	}
	if (sentenceEnd > window.length / 2) {
		return from + sentenceEnd;
	}
	for (let cut = to; cut > to - window.length / 4; cut--) {
		if (BREAK_AFTER.test(text[cut - 1])) {
			return cut;
		}
	}
	// No break in sight: cut anyway, but never inside a surrogate pair.
	return /[\uD800-\uDBFF]/.test(text[to - 1]) ? to - 1 : to;
}
