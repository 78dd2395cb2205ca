import { deepStrictEqual, strictEqual } from 'node:assert';
import { splitParagraphs, splitSentences } from '../../src/core/segment';

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

describe('splitSentences', () => {
	const sentences = (body: string) => splitSentences(body).map(sentence => sentence.text);

	it('does not break after abbreviations, initials or in numbers', () => {
		deepStrictEqual(sentences('The U.S. has accused China. Dr. Smith said on Jan. 5 that No. 3 weighs 260,000 tons, or 3.5 per cent. He left.'), [
			'The U.S. has accused China.',
			'Dr. Smith said on Jan. 5 that No. 3 weighs 260,000 tons, or 3.5 per cent.',
			'He left.',
		]);
	});

	it('keeps quotations, ellipses and dashes inside their sentence', () => {
		deepStrictEqual(sentences('“North Korea has put China in danger,” Shen said. It is… complicated — or not? “Yes.” Then it ended.'), [
			'“North Korea has put China in danger,” Shen said.',
			'It is… complicated — or not?',
			'“Yes.”',
			'Then it ended.',
		]);
	});

	it('rejoins a break before a lower-case continuation', () => {
		deepStrictEqual(sentences('Watched from the sidelines. from abroad, in Beijing.'), ['Watched from the sidelines. from abroad, in Beijing.']);
	});

	it('never crosses a paragraph and numbers the paragraphs', () => {
		const result = splitSentences('One ends here\n\nTwo starts. Three.');
		deepStrictEqual(result.map(sentence => [sentence.text, sentence.paragraph]), [['One ends here', 0], ['Two starts.', 1], ['Three.', 1]]);
	});

	it('segments Chinese and Arabic with exact offsets', () => {
		const body = '中国外交部发言人拒绝评论。他说：好。\n\nنص عربي. جملة ثانية؟';
		const result = splitSentences(body);
		deepStrictEqual(result.map(sentence => sentence.text), ['中国外交部发言人拒绝评论。', '他说：好。', 'نص عربي.', 'جملة ثانية؟']);
		for (const sentence of result) {
			strictEqual(body.slice(sentence.start, sentence.end), sentence.text);
		}
	});

	it('splits an overlong run-on "sentence" at its line breaks', () => {
		const lines = Array.from({ length: 12 }, (_, index) => `Heading number ${index} without a full stop`);
		strictEqual(splitSentences(lines.join('\n')).length, 12);
	});

	it('segments a 300,000-character paragraph in linear time and exactly', () => {
		const body = 'Pyongyang supplied shells to Moscow. '.repeat(8000).trim();
		const result = splitSentences(body);
		strictEqual(result.length, 8000);
		strictEqual(result.map(sentence => sentence.text).join(' '), body);
	});
});
