import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { anchorNote, anchorNotes } from '../../src/core/notes/anchor';
import { AnchorRequest, AnchorResult, anchorRequestOf, targetAt } from '../../src/core/notes/model';
import { loadSampleBodies } from './notesEditGen';

const ARTICLE = [
	'Putin and Kim signed a defence pact in Pyongyang on Wednesday.',
	'The treaty commits each side to help the other if it is attacked, the Kremlin said.',
	'Beijing reacted with caution. A spokesman declined to comment on the agreement.',
	'Analysts in Seoul said the pact raised the stakes for China, which has long been the North’s main ally.',
	'Some diplomats said that the pact would change little on the ground.',
].join('\n\n');

/** The request for a note on the first occurrence of `quote` (after `from`) in `text`. */
function noteOn(text: string, quote: string, from = 0, id = 'n'): AnchorRequest {
	const start = text.indexOf(quote, from);
	ok(start !== -1, `"${quote}" is not in the text`);
	return anchorRequestOf(id, targetAt('a', text, start, start + quote.length));
}

/** What a result covers, or `orphaned`, as one comparable string. */
function covered(text: string, result: AnchorResult): string {
	return 'orphaned' in result ? 'orphaned' : `${result.start}:${text.slice(result.start, result.end)}`;
}

function isInside(text: string, result: AnchorResult): boolean {
	return 'orphaned' in result || (Number.isInteger(result.start) && Number.isInteger(result.end)
		&& 0 <= result.start && result.start <= result.end && result.end <= text.length);
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
	const before = text.charCodeAt(offset - 1);
	const after = text.charCodeAt(offset);
	return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

describe('anchor', () => {
	describe('exact quote', () => {
		it('keeps a quote that is still where it was', () => {
			const note = noteOn(ARTICLE, 'declined to comment');
			deepStrictEqual(anchorNote(ARTICLE, note), { id: 'n', start: note.start, end: note.end });
		});

		it('follows a quote that moved when text was inserted before it', () => {
			const note = noteOn(ARTICLE, 'declined to comment');
			const edited = 'MOSCOW (Reuters) — ' + ARTICLE;
			deepStrictEqual(anchorNote(edited, note), { id: 'n', start: note.start + 19, end: note.end + 19 });
		});

		it('picks among repeated quotes the one whose context agrees, even when another is nearer', () => {
			// "the pact" occurs three times; the note is on the last one.
			const note = noteOn(ARTICLE, 'the pact', ARTICLE.indexOf('Some diplomats'));
			const edited = ARTICLE.replace('Some diplomats', 'Several envoys in Beijing told reporters that the pact mattered. Some diplomats');
			const result = anchorNote(edited, note);
			strictEqual(covered(edited, result), `${edited.indexOf('the pact would')}:the pact`);
		});

		it('picks the occurrence nearest the old position when context does not decide', () => {
			const text = 'x. alpha beta. y. alpha beta. z. alpha beta.';
			const note: AnchorRequest = { id: 'n', exact: 'alpha beta', prefix: 'q', suffix: 'q', start: 20, end: 30 };
			strictEqual(covered(text, anchorNote(text, note)), '18:alpha beta');
		});

		it('anchors a quote that occurs once to that occurrence, wherever it was', () => {
			const note = noteOn(ARTICLE, 'Analysts in Seoul');
			const edited = ARTICLE.slice(ARTICLE.indexOf('Analysts'));
			strictEqual(covered(edited, anchorNote(edited, note)), '0:Analysts in Seoul');
		});
	});

	describe('approximate quote', () => {
		it('finds a quote whose typo was fixed', () => {
			const typo = ARTICLE.replace('commits each side', 'comits each side');
			const note = noteOn(typo, 'The treaty comits each side to help the other');
			const result = anchorNote(ARTICLE, note);
			strictEqual(covered(ARTICLE, result), `${ARTICLE.indexOf('The treaty')}:The treaty commits each side to help the other`);
		});

		it('finds a quote with words replaced, including its last', () => {
			const note = noteOn(ARTICLE, 'Analysts in Seoul said the pact raised the stakes for China');
			const edited = ARTICLE.replace('the pact raised the stakes for China', 'the treaty raised the stakes for Beijing');
			strictEqual(covered(edited, anchorNote(edited, note)), `${edited.indexOf('Analysts')}:Analysts in Seoul said the treaty raised the stakes for Beijing`);
		});

		it('ends a quote where its context begins, though its first word changed', () => {
			// The approximate match alone would begin one character early, on the line break.
			const note = noteOn(ARTICLE, 'Analysts in Seoul said the pact raised the stakes for China');
			const edited = ARTICLE.replace('Analysts in Seoul said the pact raised the stakes for China', 'Experts in Seoul said the pact raised the stakes for Beijing');
			strictEqual(covered(edited, anchorNote(edited, note)), `${edited.indexOf('Experts')}:Experts in Seoul said the pact raised the stakes for Beijing`);
		});

		it('finds an edited quote that moved a little', () => {
			const note = noteOn(ARTICLE, 'Beijing reacted with caution.');
			const edited = ARTICLE.replace('Beijing reacted with caution.', 'Beijing reacted with great caution.')
				.replace('Putin and Kim', 'Russian President Vladimir Putin and North Korean leader Kim Jong Un');
			strictEqual(covered(edited, anchorNote(edited, note)), `${edited.indexOf('Beijing reacted')}:Beijing reacted with great caution.`);
		});

		it('orphans a quote that was rewritten beyond a few words', () => {
			const note = noteOn(ARTICLE, 'Beijing reacted with caution. A spokesman declined to comment on the agreement.');
			const edited = ARTICLE.replace('Beijing reacted with caution. A spokesman declined to comment on the agreement.', 'China said nothing for two days, then called for calm.');
			strictEqual(covered(edited, anchorNote(edited, note)), 'orphaned');
		});
	});

	describe('deleted quote', () => {
		it('orphans a quote whose passage was deleted', () => {
			const note = noteOn(ARTICLE, 'Beijing reacted with caution.');
			strictEqual(covered(ARTICLE, anchorNote(ARTICLE.replace('Beijing reacted with caution. ', ''), note)), 'orphaned');
		});

		it('orphans a deleted quote rather than take a look-alike with other surroundings', () => {
			const note = noteOn(ARTICLE, 'declined to comment on the agreement');
			const edited = ARTICLE.replace('A spokesman declined to comment on the agreement.', '')
				.replace('Some diplomats', 'The ministry declined to comment on the arrangement. Some diplomats');
			strictEqual(covered(edited, anchorNote(edited, note)), 'orphaned');
		});

		it('orphans a deleted quote when a look-alike is far from where it was', () => {
			const filler = 'Markets were calm. '.repeat(60);
			const text = `${ARTICLE}\n\n${filler}`;
			const note = noteOn(text, 'The treaty commits each side to help the other if it is attacked');
			const edited = text.replace('The treaty commits each side to help the other if it is attacked, the Kremlin said.', '')
				+ '\n\nThe treaty commits each side to help the other if it is invaded, the Kremlin said.';
			strictEqual(covered(edited, anchorNote(edited, note)), 'orphaned');
		});

		it('orphans a quote cut from between its context, though a copy with a changed word is near', () => {
			const note = noteOn(ARTICLE, 'raised the stakes for China');
			const edited = ARTICLE.replace('raised the stakes for China', '')
				.replace('Beijing reacted', 'Analysts in Seoul said the pact raised the stakes for Russia, which has long been the North’s main ally. Beijing reacted');
			strictEqual(covered(edited, anchorNote(edited, note)), 'orphaned');
		});
	});

	describe('empty quote', () => {
		it('stays where its context still meets', () => {
			const at = ARTICLE.indexOf('\n\nBeijing') + 1;
			const note = anchorRequestOf('n', targetAt('a', ARTICLE, at, at));
			const edited = 'Updated. ' + ARTICLE;
			deepStrictEqual(anchorNote(edited, note), { id: 'n', start: at + 9, end: at + 9 });
		});

		it('is orphaned when its context no longer meets', () => {
			const at = ARTICLE.indexOf('\n\nBeijing') + 1;
			const note = anchorRequestOf('n', targetAt('a', ARTICLE, at, at));
			strictEqual(covered(ARTICLE, anchorNote(ARTICLE.replace('\n\nBeijing', ' Beijing'), note)), 'orphaned');
		});

		it('keeps its position, clamped, when made on an empty text', () => {
			deepStrictEqual(anchorNote('abc', { id: 'n', exact: '', prefix: '', suffix: '', start: 9, end: 9 }), { id: 'n', start: 3, end: 3 });
		});
	});

	describe('hostile input', () => {
		const quote = 'A spokesman declined to comment on the agreement.';
		const base = noteOn(ARTICLE, quote);
		const edited = ARTICLE.replace('declined', 'refused');
		const expected = covered(edited, anchorNote(edited, { ...base, start: -1 }));

		it('treats garbage offsets as no position', () => {
			strictEqual(expected, `${edited.indexOf('A spokesman')}:A spokesman refused to comment on the agreement.`);
			for (const [start, end] of [[NaN, 3], [-5, 10], [20, 10], [1.5, 40], [Infinity, Infinity], [0, -1], [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER], [2 ** 60, 2 ** 61]]) {
				const result = anchorNote(edited, { ...base, start, end });
				strictEqual(covered(edited, result), expected, `offsets ${start}, ${end}`);
			}
		});

		it('never throws on wrong types, missing fields or sparse lists', () => {
			const odd = [
				undefined,
				{},
				{ id: 'n', exact: 42, prefix: null, suffix: {}, start: '3', end: [] },
				{ id: 'n', exact: quote, prefix: 'x'.repeat(100000), suffix: 'y'.repeat(100000), start: 0, end: 1 },
			] as unknown as AnchorRequest[];
			const sparse: AnchorRequest[] = [];
			sparse[2] = base;
			for (const results of [anchorNotes(ARTICLE, odd), anchorNotes(ARTICLE, sparse), anchorNotes(42 as unknown as string, [base])]) {
				for (const result of results) {
					ok(result && isInside(ARTICLE, result));
				}
			}
			strictEqual(anchorNotes(ARTICLE, sparse).length, 3);
			deepStrictEqual(anchorNotes(ARTICLE, null as unknown as AnchorRequest[]), []);
		});

		it('never splits a surrogate pair, in CJK or emoji text', () => {
			const text = '普京与金正恩签署了𠀋协议🤝，北京表示谨慎😐。分析人士说𠀋这改变了局势🌏。';
			for (let start = 0; start < text.length; start++) {
				for (let end = start + 4; end <= Math.min(text.length, start + 14); end++) {
					if (splitsPair(text, start) || splitsPair(text, end)) {
						// A note is made on whole characters; only re-anchoring could split one.
						continue;
					}
					const note = anchorRequestOf('n', targetAt('a', text, start, end));
					for (const edited of [text.replace('🤝', '🙏'), text.replace('😐', '🙂'), text.replaceAll('𠀋', '𠀌'), text.replace('北京', '北京市')]) {
						const result = anchorNote(edited, note);
						ok(isInside(edited, result));
						if ('start' in result) {
							ok(!splitsPair(edited, result.start) && !splitsPair(edited, result.end), `${start}-${end} → ${result.start}-${result.end} in ${edited}`);
						}
					}
				}
			}
		});

		it('widens an approximate match that would begin inside a surrogate pair', () => {
			const text = '北京说：𠀌𠀌a𠀌𠀌𠀋a';
			const note = noteOn(text, '𠀌𠀌𠀋a');
			const edited = '北京说：𠀌𠀌a𠀌𠀋a';
			strictEqual(covered(edited, anchorNote(edited, note)), '6:𠀌a𠀌𠀋a');
		});

		it('orphans a quote that matches everywhere in a repetitive text instead of guessing', () => {
			const text = 'ab'.repeat(5000);
			strictEqual(covered(text, anchorNote(text, { id: 'n', exact: 'abababababXbababab', prefix: '', suffix: '', start: 100, end: 118 })), 'orphaned');
		});

		it('orphans a long quote that fits a repetitive text with one error almost anywhere (issue 6)', () => {
			// Some 1,500 equally good matches: each used to be traced back to its start before they were counted.
			const text = 'ab.'.repeat(1855);
			const exact = 'ab.'.repeat(1124) + 'x';
			strictEqual(covered(text, anchorNote(text, { id: 'n', exact, prefix: '', suffix: '', start: 0, end: -1 })), 'orphaned');
			strictEqual(covered(text, anchorNote(text, { id: 'n', exact, prefix: '', suffix: '', start: 30, end: 3403 })), 'orphaned');
		});

		it('picks the occurrence of a periodic quote whose context agrees, in long runs of it (issue 6)', () => {
			const text = `Before. ${'='.repeat(3001)} middle ${'='.repeat(2999)} After.`;
			const exact = '='.repeat(40);
			const atEnd = { id: 'n', exact, prefix: '='.repeat(32), suffix: ' After.', start: 2, end: 42 };
			strictEqual(covered(text, anchorNote(text, atEnd)), `${text.indexOf(' After.') - 40}:${exact}`);
			const beforeMiddle = { ...atEnd, suffix: ' middle ==' };
			strictEqual(covered(text, anchorNote(text, beforeMiddle)), `${text.indexOf(' middle') - 40}:${exact}`);
		});
	});

	describe('scale', () => {
		it('anchors every note of a batch, in order, one result each', () => {
			const requests = [noteOn(ARTICLE, 'Putin and Kim', 0, 'a'), noteOn(ARTICLE, 'A spokesman declined to comment', 0, 'b'), noteOn(ARTICLE, 'Some diplomats', 0, 'c')];
			const edited = ARTICLE.replace('declined', 'refused').replace('Some diplomats said that the pact would change little on the ground.', '');
			const results = anchorNotes(edited, requests);
			deepStrictEqual(results.map(result => result.id), ['a', 'b', 'c']);
			deepStrictEqual(results.map(result => covered(edited, result)), [
				'0:Putin and Kim',
				`${edited.indexOf('A spokesman')}:A spokesman refused to comment`,
				'orphaned',
			]);
		});

		it('finds a lightly edited quote in a 5 MB text, with and without its position', () => {
			const filler = 'Markets were calm and trading was thin ahead of the holiday. ';
			const half = filler.repeat(Math.ceil(2_500_000 / filler.length));
			const text = `${half}\n\n${ARTICLE}\n\n${half}`;
			const note = noteOn(text, 'Analysts in Seoul said the pact raised the stakes for China');
			const edited = text.replace('Analysts in Seoul said the pact raised', 'Analysts in Seoul said the treaty raised');
			const want = `${edited.indexOf('Analysts in Seoul')}:Analysts in Seoul said the treaty raised the stakes for China`;
			strictEqual(covered(edited, anchorNote(edited, note)), want);
			strictEqual(covered(edited, anchorNote(edited, { ...note, start: -1, end: -1 })), want);
		});

		it('finds a long quote by its head and tail after an edit in its middle', () => {
			const long = loadSampleBodies().join('\n\n');
			const note = anchorRequestOf('n', targetAt('a', long, 100, 6000));
			const edited = long.slice(0, 3000) + 'An inserted sentence. ' + long.slice(3000);
			deepStrictEqual(anchorNote(edited, note), { id: 'n', start: 100, end: 6022 });
			deepStrictEqual(anchorNote(edited, { ...note, start: NaN }), { id: 'n', start: 100, end: 6022 });
		});

		it('pairs the head of a long quote with the tail that keeps its length, when its tail repeats', () => {
			const body = loadSampleBodies().join('\n\n');
			const repeated = body.slice(9000, 9600);
			const long = body.slice(0, 4000) + repeated + body.slice(4000, 4800) + repeated + body.slice(4800);
			const note = anchorRequestOf('n', targetAt('a', long, 100, 5800));
			const edited = long.slice(0, 2000) + 'An inserted sentence. ' + long.slice(2000);
			deepStrictEqual(anchorNote(edited, note), { id: 'n', start: 100, end: 5822 });
		});
	});
});
