import { deepStrictEqual, strictEqual } from 'node:assert';
import { splitParagraphs } from '../../src/core/segment';

describe('segment', () => {
	it('splits paragraphs at blank lines and keeps exact offsets', () => {
		const body = '  First line\nstill first.\n\n\nSecond. \r\n \r\nThird';
		const paragraphs = splitParagraphs(body);
		deepStrictEqual(paragraphs.map(p => p.text), ['First line\nstill first.', 'Second.', 'Third']);
		for (const paragraph of paragraphs) {
			strictEqual(body.slice(paragraph.start, paragraph.end), paragraph.text);
		}
	});

	it('returns nothing for an empty or blank body', () => {
		deepStrictEqual(splitParagraphs(''), []);
		deepStrictEqual(splitParagraphs(' \n\n \t\n'), []);
	});

	it('counts offsets in UTF-16 code units across emoji and CJK', () => {
		const body = '😀 表情\n\nنص عربي';
		const [, second] = splitParagraphs(body);
		strictEqual(second.start, body.indexOf('نص'));
		strictEqual(second.text, 'نص عربي');
	});
});
