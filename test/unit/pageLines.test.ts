import { deepStrictEqual, strictEqual } from 'node:assert';
import { classify, isDateOnly, toPageLines } from '../../src/core/import/pageLines';

describe('pageLines', () => {
	it('calls running text prose and menus, headlines and labels not', () => {
		strictEqual(classify('Putin’s latest visit will do nothing to allay such concerns.').prose, true);
		strictEqual(classify('“North Korea has put China in a very dangerous situation,” Shen said.').prose, true);
		strictEqual(classify('Seoul sinologist, Professor John Delury believes:').prose, false);
		strictEqual(classify('For Comrade Xi, this is very inopportune, as Professor John Delury believes:').prose, true);
		strictEqual(classify('Why is Xi Jinping cautious about Kim Jong Un’s close relationship with Vladimir Putin?').prose, false);
		strictEqual(classify('The End of Vertical War: Operation Spiderweb and the Rise of Horizontal War-Making').prose, false);
		strictEqual(classify('Home').prose, false);
	});

	it('recognises list items by their marker', () => {
		strictEqual(classify('1. First point of the summary.').listItem, true);
		strictEqual(classify('• Energy').listItem, true);
		strictEqual(classify('2024 was a hard year.').listItem, false);
	});

	it('recognises lines that are only a date', () => {
		strictEqual(isDateOnly('June 4, 2025'), true);
		strictEqual(isDateOnly('Tuesday 14 November 2023 06:30 GMT'), true);
		strictEqual(isDateOnly('2024-07-20'), true);
		strictEqual(isDateOnly('Market report 2024'), false);
		strictEqual(isDateOnly('Home'), false);
	});

	it('trims lines, collapses spaces, drops control characters and joins hard-wrapped sentences', () => {
		const lines = toPageLines('  • Home\r\nThe council said on Monday that the new bridge\nwould open in May.\u0000\n\nNext');
		deepStrictEqual(lines.map(line => line.text), ['• Home', 'The council said on Monday that the new bridge would open in May.', '', 'Next']);
	});
});
