/** A span of an article body: `text === body.slice(start, end)`, offsets in UTF-16 code units. */
export interface Span {
	start: number;
	end: number;
	text: string;
}

/** Splits a body into paragraphs at blank lines, trimming each and skipping empty ones. */
export function splitParagraphs(body: string): Span[] {
	const paragraphs: Span[] = [];
	const separator = /\n[ \t]*(?:\r?\n[ \t]*)+|\r\n[ \t]*(?:\r?\n[ \t]*)+/g;
	let from = 0;
	for (;;) {
		const match = separator.exec(body);
		const to = match ? match.index : body.length;
		pushTrimmed(paragraphs, body, from, to);
		if (!match) {
			return paragraphs;
		}
		from = match.index + match[0].length;
	}
}

function pushTrimmed(spans: Span[], body: string, from: number, to: number): void {
	let start = from;
	let end = to;
	while (start < end && /\s/.test(body[start])) {
		start++;
	}
	while (end > start && /\s/.test(body[end - 1])) {
		end--;
	}
	if (end > start) {
		spans.push({ start, end, text: body.slice(start, end) });
	}
}
