/** A text edit as an editor reports it: `rangeLength` characters at `rangeOffset` replaced by `text`. */
export interface TextEdit {
	rangeOffset: number;
	rangeLength: number;
	text: string;
}

/**
 * Moves a body range through edits made to the file that holds the body at `bodyOffset`, so that a
 * note follows its sentence while the user types. Edits before the range shift it, edits inside
 * stretch or shrink it; the full re-anchoring that follows corrects the rest. The edits of one
 * change event do not overlap and are applied last first, so each offset is in the text before it.
 */
export function shiftAnchor<T extends { start: number; end: number } | undefined>(anchor: T, edits: readonly TextEdit[], bodyOffset: number): T {
	if (!anchor) {
		return anchor;
	}
	let { start, end } = anchor;
	for (const edit of [...edits].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
		const editStart = edit.rangeOffset - bodyOffset;
		const editEnd = editStart + edit.rangeLength;
		const delta = edit.text.length - edit.rangeLength;
		if (editStart >= end) {
			continue;
		}
		if (editEnd <= start) {
			start += delta;
			end += delta;
			continue;
		}
		// The edit overlaps the range: keep the untouched head, and let the tail follow the new text.
		start = Math.min(start, editStart);
		end = Math.max(editStart + edit.text.length, end + delta);
	}
	return { start: Math.max(0, start), end: Math.max(0, start, end) } as T;
}
