import { deepStrictEqual, strictEqual } from 'node:assert';
import { shiftAnchor } from '../../src/core/notes/shiftAnchor';

describe('shiftAnchor', () => {
	const anchor = { start: 20, end: 30 };
	const edit = (rangeOffset: number, rangeLength: number, text: string) => ({ rangeOffset, rangeLength, text });

	it('moves a note down when text is typed above it, past the front matter', () => {
		deepStrictEqual(shiftAnchor(anchor, [edit(100 + 5, 0, 'abc')], 100), { start: 23, end: 33 });
	});

	it('leaves a note alone when text changes after it, or right at its end', () => {
		deepStrictEqual(shiftAnchor(anchor, [edit(40, 3, ''), edit(30, 0, 'x')], 0), anchor);
	});

	it('moves a note up when text above it is deleted', () => {
		deepStrictEqual(shiftAnchor(anchor, [edit(0, 10, '')], 0), { start: 10, end: 20 });
	});

	it('stretches and shrinks with edits inside the note', () => {
		deepStrictEqual(shiftAnchor(anchor, [edit(25, 0, 'more')], 0), { start: 20, end: 34 });
		deepStrictEqual(shiftAnchor(anchor, [edit(22, 5, '')], 0), { start: 20, end: 25 });
	});

	it('applies several edits of one change event, each in the text before the event', () => {
		// Two cursors: one inserts above the note, one inside it.
		deepStrictEqual(shiftAnchor(anchor, [edit(5, 0, 'ab'), edit(25, 0, 'cd')], 0), { start: 22, end: 34 });
	});

	it('keeps a note whose whole text was replaced inside the new text', () => {
		const shifted = shiftAnchor(anchor, [edit(15, 20, 'xy')], 0);
		strictEqual(shifted.start, 15);
		strictEqual(shifted.end, 17);
	});

	it('passes an orphaned note through', () => {
		strictEqual(shiftAnchor(undefined, [edit(0, 0, 'x')], 0), undefined);
	});
});
