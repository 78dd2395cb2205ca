import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert';
import { Highlight, highlightMarkup, highlightPair } from '../../src/core/wordDiff';

/** Highlights two whole texts and serialises both sides as `A | B`. */
function markup(a: string, b: string): string {
	const result = highlightPair(a, { start: 0, end: a.length }, b, { start: 0, end: b.length });
	assertCovers(result.a, 0, a.length);
	assertCovers(result.b, 0, b.length);
	return `${highlightMarkup(a, result.a)} | ${highlightMarkup(b, result.b)}`;
}

/** Every highlight is non-empty and inside the range; together they tile it in order. */
function assertCovers(highlights: readonly Highlight[], start: number, end: number): void {
	let cursor = start;
	for (const highlight of highlights) {
		strictEqual(highlight.start, cursor, `highlight ${JSON.stringify(highlight)} should start at ${cursor}`);
		ok(highlight.end > highlight.start, `highlight ${JSON.stringify(highlight)} is empty`);
		cursor = highlight.end;
	}
	strictEqual(cursor, end);
}

describe('wordDiff', () => {
	it('marks an exact copy as shared, leaving the final punctuation plain', () => {
		strictEqual(markup('Kim met Putin.', 'Kim met Putin.'), '<eq>Kim met Putin</eq>. | <eq>Kim met Putin</eq>.');
	});

	it('marks one replaced word as removed on one side and added on the other', () => {
		strictEqual(
			markup('The old house stood.', 'The new house stood.'),
			'<eq>The</eq> <del>old</del> <eq>house stood</eq>. | <eq>The</eq> <ins>new</ins> <eq>house stood</eq>.',
		);
	});

	it('compares words by stem, so inflections count as shared', () => {
		strictEqual(markup('Talks continued', 'talk continues'), '<eq>Talks continued</eq> | <eq>talk continues</eq>');
	});

	it('pairs WordNet synonyms and marks them as such', () => {
		strictEqual(
			markup('China declined to comment, calling it a bilateral matter.', 'China refused to comment, recalling that this is a purely personal matter.'),
			'<eq>China</eq> <syn>declined</syn> <eq>to comment</eq>, <del>calling it a bilateral</del> <eq>matter</eq>.'
			+ ' | <eq>China</eq> <syn>refused</syn> <eq>to comment</eq>, <ins>recalling that this is a purely personal</ins> <eq>matter</eq>.',
		);
	});

	it('treats reordered words as shared, since both passages have them', () => {
		strictEqual(
			markup('Putin met Kim in Pyongyang on Wednesday.', 'On Wednesday, in Pyongyang, Kim met Putin.'),
			'<eq>Putin met Kim in Pyongyang on Wednesday</eq>. | <eq>On Wednesday, in Pyongyang, Kim met Putin</eq>.',
		);
	});

	it('compares numbers by value', () => {
		strictEqual(markup('About 260,000 troops', 'About 260000 troops'), '<eq>About 260,000 troops</eq> | <eq>About 260000 troops</eq>');
		strictEqual(markup('About 260,000 troops', 'About 270,000 troops'), '<eq>About</eq> <del>260,000</del> <eq>troops</eq> | <eq>About</eq> <ins>270,000</ins> <eq>troops</eq>');
	});

	it('keeps a lone shared stopword between two changes inside the divergent stretch', () => {
		strictEqual(
			markup('He told the press it was over.', 'She said the minister it was over.'),
			'<del>He told the press</del> <eq>it was over</eq>. | <ins>She said the minister</ins> <eq>it was over</eq>.',
		);
	});

	it('keeps a stopword shared when the passage starts with it', () => {
		strictEqual(markup('The talks ended', 'The summit ended'), '<eq>The</eq> <del>talks</del> <eq>ended</eq> | <eq>The</eq> <ins>summit</ins> <eq>ended</eq>');
	});

	it('covers Chinese text exactly, word by word', () => {
		strictEqual(
			markup('中国对普京和金正恩的协议保持谨慎。', '中国对协议保持谨慎，普京和金正恩。'),
			'<eq>中国对普京和金正恩</eq><del>的</del><eq>协议保持谨慎</eq>。 | <eq>中国对协议保持谨慎，普京和金正恩</eq>。',
		);
	});

	it('covers Arabic text exactly', () => {
		strictEqual(
			markup('رفض التعليق على الأمر', 'رفض الوزير التعليق'),
			'<eq>رفض التعليق</eq> <del>على الأمر</del> | <eq>رفض</eq> <ins>الوزير</ins> <eq>التعليق</eq>',
		);
	});

	it('marks a passage without words as plain and an empty passage as nothing', () => {
		strictEqual(markup('  —  ', '...'), '  —   | ...');
		deepStrictEqual(highlightPair('', { start: 0, end: 0 }, 'Words here', { start: 0, end: 10 }), {
			a: [],
			b: [{ start: 0, end: 10, kind: 'added' }],
		});
	});

	it('gives offsets into the body when the passage is not at its start', () => {
		const bodyA = 'Intro line.\n\nKim met Putin in June.';
		const bodyB = 'Kim met Putin in July. More text follows.';
		const a = { start: 13, end: bodyA.length };
		const b = { start: 0, end: 22 };
		const result = highlightPair(bodyA, a, bodyB, b);
		assertCovers(result.a, a.start, a.end);
		assertCovers(result.b, b.start, b.end);
		strictEqual(highlightMarkup(bodyA, result.a), '<eq>Kim met Putin in</eq> <del>June</del>.');
		strictEqual(highlightMarkup(bodyB, result.b), '<eq>Kim met Putin in</eq> <ins>July</ins>.');
		deepStrictEqual(result.a[0], { start: 13, end: 29, kind: 'same' });
	});

	it('covers a long passage without spaces exactly, never cutting a surrogate pair', () => {
		const text = '中国😀'.repeat(1500);
		const result = highlightPair(text, { start: 0, end: text.length }, text, { start: 0, end: text.length });
		assertCovers(result.a, 0, text.length);
		for (const { start, end } of result.a) {
			ok(!/[\uDC00-\uDFFF]/.test(text[start]) && (end === text.length || !/[\uDC00-\uDFFF]/.test(text[end])));
		}
	});

	it('refuses a passage range outside its body', () => {
		throws(() => highlightPair('short', { start: 2, end: 9 }, 'text', { start: 0, end: 4 }), RangeError);
		throws(() => highlightPair('short', { start: 3, end: 2 }, 'text', { start: 0, end: 4 }), RangeError);
	});

	it('highlights two divergent 20,000-word passages in under two seconds', () => {
		const words = (seed: number, count: number) => Array.from({ length: count }, (_, index) => `w${(index * seed) % 7919}`).join(' ');
		const a = words(31, 20000);
		const b = words(37, 20000);
		const started = performance.now();
		const result = highlightPair(a, { start: 0, end: a.length }, b, { start: 0, end: b.length });
		const elapsed = performance.now() - started;
		assertCovers(result.a, 0, a.length);
		assertCovers(result.b, 0, b.length);
		// The bound is loose for slow CI machines; without the guards this took over 40 s.
		ok(elapsed < 2000, `took ${Math.round(elapsed)} ms`);
	});

	it('highlights a 20,000-word near-copy in under two seconds and finds its one change', () => {
		const text = Array.from({ length: 20000 }, (_, index) => `word${index % 5003}`).join(' ');
		const changed = text.replace('word2500 ', 'changed ');
		const started = performance.now();
		const result = highlightPair(text, { start: 0, end: text.length }, changed, { start: 0, end: changed.length });
		ok(performance.now() - started < 2000);
		deepStrictEqual(result.a.filter(highlight => highlight.kind === 'removed').map(highlight => text.slice(highlight.start, highlight.end)), ['word2500']);
		deepStrictEqual(result.b.filter(highlight => highlight.kind === 'added').map(highlight => changed.slice(highlight.start, highlight.end)), ['changed']);
	});
});
