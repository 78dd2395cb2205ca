import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { alignAll } from '../../src/core/align';
import { defaultAliasTable } from '../../src/core/entities';
import { matchUnits } from '../../src/core/match';
import { prepareText, weightsOf } from '../../src/core/prepare';

const SHARED = [
	'Engineers replaced the rusted gates of the northern lock before the first winter storms arrived.',
	'The council paid four million euros for the repairs, according to the harbour authority.',
	'Ferry captains said the new gates open twice as fast as the old ones.',
];

describe('scoring and extension', () => {
	it('scores identical sentences 1 and unrelated ones near 0', () => {
		const aliases = defaultAliasTable();
		const texts = [prepareText(SHARED.join(' '), aliases), prepareText('Bananas grow in warm climates far from any harbour.', aliases)];
		const weights = weightsOf(texts);
		strictEqual(matchUnits(texts[0].units[0], texts[0].units[0], weights).score, 1);
		ok(matchUnits(texts[0].units[0], texts[1].units[0], weights).score < 0.1);
	});

	it('counts a synonym match less than an exact one', () => {
		const aliases = defaultAliasTable();
		const texts = ['The spokesman declined to comment on the pact.', 'The spokesman refused to comment on the pact.', 'The spokesman agreed to comment on the pact.'].map(text => prepareText(text, aliases));
		const weights = weightsOf(texts);
		const synonym = matchUnits(texts[0].units[0], texts[1].units[0], weights);
		const other = matchUnits(texts[0].units[0], texts[2].units[0], weights);
		ok(synonym.score > other.score && synonym.score < 1, `${synonym.score} vs ${other.score}`);
		deepStrictEqual(synonym.synonyms.map(([a, b]) => [a.surface, b.surface]), [['declined', 'refused']]);
	});

	it('merges adjacent matching sentences into one passage pair, in any order of the articles', () => {
		const a = ['Unrelated opening about the weather in the valley.', ...SHARED, 'A closing line about the library hours.'].join(' ');
		const b = ['The football club signed a new goalkeeper on Monday.', 'Fans queued for tickets in the rain.', ...SHARED].join(' ');
		const { pairs } = alignAll([a, b]);
		strictEqual(pairs.length, 1);
		deepStrictEqual(pairs[0].passages.map(passage => [passage.a, passage.b, passage.tier]), [[[1, 3], [2, 4], 'reuse']]);
	});

	it('keeps two reused passages apart when other text separates them in both articles', () => {
		const gardens = 'Roses need pruning in March. Tulips bloom early. Compost feeds the soil. Slugs eat lettuce at night. Bees visit lavender. Apple trees fruit in autumn.';
		const trains = 'The express left at noon. Signals failed near Leeds. Commuters waited an hour. A new timetable starts soon. Diesel engines are retiring. Tickets cost more now.';
		const a = [SHARED[0], SHARED[1], gardens, SHARED[2]].join(' ');
		const b = [SHARED[2], trains, SHARED[0], SHARED[1]].join(' ');
		const { pairs } = alignAll([a, b]);
		deepStrictEqual(pairs[0].passages.map(passage => [passage.a, passage.b]), [[[0, 1], [7, 8]], [[8, 8], [0, 0]]]);
	});

	it('does not stretch a passage over a line the other text repeats all over (issue 3)', () => {
		const line = 'News releases, publications and statistics from the labour office.';
		const filler = ['Wages rose in the north.', 'Farm jobs fell again.', 'Ports hired more crane drivers.', 'Mines closed early.', 'Rail staff went on strike.', 'Teachers won a pay rise.'];
		// B repeats the line among unrelated lines; A holds it once, inside a copied passage.
		const b = [line, ...filler.slice(0, 3), line, ...filler.slice(3), ...SHARED, line].join(' ');
		const a = ['The weather was mild.', SHARED[0], SHARED[1], line, SHARED[2], 'Football results follow.'].join(' ');
		const { pairs } = alignAll([a, b]);
		const reuse = pairs[0].passages.filter(passage => passage.tier === 'reuse');
		strictEqual(reuse.length, 1);
		// B's copy of the shared sentences (8 to 10) and the line right after it, not the lines before.
		deepStrictEqual(reuse[0].b, [8, 11]);
	});
});
