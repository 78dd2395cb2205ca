import { strictEqual } from 'node:assert';
import { classify } from '../../src/core/import/pageLines';
import { findSiteName, repeatedUnit } from '../../src/core/import/siteName';

const lines = (...texts: string[]) => texts.map(classify);

describe('siteName', () => {
	it('finds a text written several times in a row', () => {
		strictEqual(repeatedUnit('Name | TaglineName | TaglineName | Tagline'), 'Name | Tagline');
		strictEqual(repeatedUnit('abcab'), undefined);
		strictEqual(repeatedUnit(''), undefined);
	});

	it('takes the name part of a banner repeated on one line', () => {
		strictEqual(findSiteName(lines('Hill Post — news from the hillsHill Post — news from the hills', 'Home'), 2), 'Hill Post');
	});

	it('ignores a doubled one-word button', () => {
		strictEqual(findSiteName(lines('ShareShare', 'Home'), 2), undefined);
	});

	it('takes a "Name | Tagline" header that recurs on the page, and the site part of "Title | Site"', () => {
		strictEqual(findSiteName(lines('River Times | Since 1890', 'Home', 'River Times | Since 1890 > Local > Floods'), 2), 'River Times');
		strictEqual(findSiteName(lines('Floods recede | River Times', 'x', 'Floods recede | River Times'), 2, 'Floods recede'), 'River Times');
	});

	it('takes a copyright holder only when the page names it again', () => {
		strictEqual(findSiteName(lines('RIVER TIMES', 'Article text.', '© 2024 River Times Ltd. All rights reserved.'), 1), 'River Times');
		strictEqual(findSiteName(lines('Article text.', '© 2022 Theme Company. All rights reserved.'), 0), undefined);
	});
});
