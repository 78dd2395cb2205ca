/**
 * V8's Intl.Segmenter slows down super-linearly on long strings (a 160,000-character text takes
 * seconds, 16 chunks of it milliseconds), so long texts are segmented in chunks cut at whitespace,
 * after sentence punctuation where possible.
 */
export const MAX_CHUNK = 8000;

/** Pieces of `text` of at most about `max` characters with their offsets; together they are `text`. */
export function* chunksOf(text: string, max = MAX_CHUNK): Generator<{ offset: number; chunk: string }> {
	let offset = 0;
	while (text.length - offset > max) {
		const window = text.slice(offset, offset + max);
		const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '), window.lastIndexOf('\n'));
		const space = window.lastIndexOf(' ');
		const cut = sentenceEnd > max / 2 ? sentenceEnd + 1 : space > max / 2 ? space + 1 : max;
		yield { offset, chunk: text.slice(offset, offset + cut) };
		offset += cut;
	}
	yield { offset, chunk: text.slice(offset) };
}
