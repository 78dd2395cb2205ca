import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../../src/core/errors';
import { extractTextDump } from '../../src/core/import/textDump';

const FIXTURES = join(__dirname, '../fixtures/pages');

describe('textDump', () => {
	describe('a page from a site none of the rules were written for', () => {
		const page = extractTextDump(readFileSync(join(FIXTURES, 'northfield-post.txt'), 'utf8'));

		it('keeps the article from its first sentence to its last, with its subheading', () => {
			strictEqual(page.paragraphs[0], 'Trains between Northfield and Harrow Cross will stop running for twelve weeks next summer while the Copperbeck viaduct is rebuilt, the regional rail operator confirmed on Monday.');
			strictEqual(page.paragraphs[page.paragraphs.length - 1], 'The operator said it would publish a revised timetable in the spring after talks with the hospital and the county council.');
			ok(page.paragraphs.includes('What passengers can expect'));
			strictEqual(page.paragraphs.length, 9);
		});

		it('drops the menus, banners, share buttons, promos, teasers, comments and footer', () => {
			const body = page.paragraphs.join('\n\n');
			for (const line of [
				'Skip to main content',
				'This website uses cookies',
				'OK, got it',
				'NORTHFIELD EVENING POST',
				'Log in / Register',
				'News | Sport | Business',
				'Trending: Bypass inquiry',
				'News › Transport › Rail',
				'Commuters face a summer of replacement buses',
				'By Priya Raman, Transport Correspondent',
				'Tuesday 14 November 2023 06:30 GMT',
				'WhatsApp',
				'Copy link',
				'Advertisement',
				'Read more: Northfield bypass inquiry hears final evidence',
				'Related articles',
				'The planning inspector is expected to report',
				'Comments (12)',
				'You must be logged in to comment.',
				'Get the Northfield Briefing in your inbox',
				'Privacy notice',
				'© 2023 Northfield Evening Post Ltd.',
			]) {
				strictEqual(body.includes(line), false, line);
			}
		});

		it('reads the headline, byline, publication date and the site name from the copyright line', () => {
			deepStrictEqual({ ...page, paragraphs: undefined }, {
				paragraphs: undefined,
				title: 'Viaduct closure to cut Northfield rail line in two for three months',
				siteName: 'Northfield Evening Post',
				published: '2023-11-14',
				author: 'Priya Raman',
				via: undefined,
				warnings: [],
			});
		});
	});

	it('takes the site name from a banner repeated on one line and drops a byline that only names the site', () => {
		const page = extractTextDump([
			'Tide Watch | Coastal reportingTide Watch | Coastal reporting',
			'Home',
			'Regions',
			'',
			'Sea levels rise faster along the north shore',
			'By TIDE WATCH | Coastal reporting Published 3 May 2021',
			'',
			'Tide gauges along the north shore recorded a rise of four millimetres a year over the last decade, twice the rate of the previous one.',
			'Researchers said the change was mostly due to warmer water, which takes up more room, rather than melting ice.',
		].join('\n'));
		strictEqual(page.siteName, 'Tide Watch');
		strictEqual(page.author, undefined);
		strictEqual(page.published, '2021-05-03');
		strictEqual(page.title, 'Sea levels rise faster along the north shore');
	});

	it('leaves out a summary list set above the article, and says so', () => {
		const page = extractTextDump([
			'Bridge tolls to rise',
			'',
			'Key points:',
			'',
			'  1. Tolls on the river bridge will rise by a fifth from April, the operator announced.',
			'  2. Regular commuters can buy a cheaper season pass, which will be available from March.',
			'',
			'Tolls on the river bridge will rise by twenty per cent from the first of April, its operator said on Friday, citing higher maintenance costs.',
			'Drivers who cross every day will be able to buy a season pass at the old price, the operator added in a statement.',
		].join('\n'));
		ok(page.paragraphs[0].startsWith('Tolls on the river bridge will rise by twenty per cent'));
		strictEqual(page.paragraphs.length, 2);
		deepStrictEqual(page.warnings, ["left out a 2-item list above the article text (it reads as the site's summary of the article)"]);
	});

	it('keeps a list inside the article', () => {
		const page = extractTextDump([
			'Council sets out its budget',
			'',
			'The council published its budget on Monday, with spending on roads up for the third year running and libraries kept open.',
			'It lists three priorities for the year:',
			'• Repairing the worst potholes before winter comes again.',
			'• Keeping all six libraries open on Saturdays.',
			'The budget goes to a vote of the full council next month, where it is expected to pass easily.',
		].join('\n'));
		strictEqual(page.paragraphs.length, 5);
		deepStrictEqual(page.warnings, []);
	});

	const orchard = [
		'Orchard harvest best in a decade',
		'',
		'Apple growers in the valley picked their largest harvest in ten years, helped by a warm spring and a wet summer.',
		'Prices at the farm gate fell as a result, which growers said would squeeze their margins this winter.',
		'Exports to the continent rose by a third, and two new cold stores opened near the river port in September.',
		'The growers’ association said it would ask the regional government for help with the cost of storage.',
	];

	it('ends the article at a closing credit line followed by little text, and takes it as via', () => {
		const page = extractTextDump([...orchard, 'Originally published by The Valley Grower, with agencies.', 'Sign up for our newsletter to get the harvest report every week.'].join('\n'));
		strictEqual(page.via, 'The Valley Grower');
		strictEqual(page.paragraphs.length, 4);
	});

	it('keeps the text around a source line early in the article, such as a chart credit', () => {
		const page = extractTextDump([...orchard.slice(0, 3), 'Source: Valley Growers’ Association', ...orchard.slice(3)].join('\n'));
		strictEqual(page.via, undefined);
		strictEqual(page.paragraphs.length, 4);
	});

	it('leaves the title empty when no headline stands above the article', () => {
		const page = extractTextDump('The ferry will not run on Sunday because of high winds expected along the coast. A replacement bus will run every hour instead, the operator said.');
		strictEqual(page.title, undefined);
		strictEqual(page.paragraphs.length, 1);
	});

	it('refuses a page with no run of paragraphs', () => {
		throws(() => extractTextDump('Home\nNews\nSport\nWeather\nThe big storm: what we know\nMay 2, 2024'), (error: unknown) => error instanceof ParallaxError && /no article text found/.test(error.message));
	});
});
