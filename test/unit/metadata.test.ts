import { strictEqual } from 'node:assert';
import { findPublished, parseByline, parseDate, parseVia, sameOutlet } from '../../src/core/import/metadata';

describe('metadata', () => {
	it('reads dates in the usual written forms as ISO dates', () => {
		strictEqual(parseDate('Published July 20, 2024 493 Views'), '2024-07-20');
		strictEqual(parseDate('20 July 2024'), '2024-07-20');
		strictEqual(parseDate('Tuesday 14th Nov. 2023 06:30 GMT'), '2023-11-14');
		strictEqual(parseDate('2024-07-20'), '2024-07-20');
		strictEqual(parseDate('2024-07-20T08:15:00+02:00'), '2024-07-20');
		strictEqual(parseDate('2024/7/5'), '2024-07-05');
		strictEqual(parseDate('Sept 1, 2021'), '2021-09-01');
	});

	it('refuses impossible and ambiguous dates', () => {
		strictEqual(parseDate('February 30, 2024'), undefined);
		strictEqual(parseDate('07/08/2024'), undefined);
		strictEqual(parseDate('in 2024'), undefined);
		strictEqual(parseDate('2024-13-01'), undefined);
	});

	it('prefers the published date to an update stamp', () => {
		strictEqual(findPublished(['Last updated: August 11, 2024 5:22 pm', 'By Someone Published July 20, 2024']), '2024-07-20');
		strictEqual(findPublished(['Updated 13 March 2023', '12 March 2023, 08:15']), '2023-03-12');
		strictEqual(findPublished(['Updated 13 March 2023']), undefined);
	});

	it('takes the name from a byline and stops at role, date or site', () => {
		strictEqual(parseByline('By Priya Raman, Transport Correspondent'), 'Priya Raman');
		strictEqual(parseByline('By Tomás Ferreira · 3 November 2022'), 'Tomás Ferreira');
		strictEqual(parseByline('By SITE NAME | Tagline Published July 20, 2024'), 'SITE NAME');
		strictEqual(parseByline('Written by Ann Lee Published 3 May'), 'Ann Lee');
		strictEqual(parseByline('By using this site, you agree to the terms.'), undefined);
		strictEqual(parseByline('Bypass inquiry hears evidence'), undefined);
	});

	it('reads the original outlet from credit lines', () => {
		strictEqual(parseVia('Source: The Daily Example'), 'The Daily Example');
		strictEqual(parseVia('Originally published by The Conversation under a Creative Commons licence.'), 'The Conversation');
		strictEqual(parseVia('This article first appeared in Harbour News.'), 'Harbour News');
		strictEqual(parseVia('Source: https://example.com/x'), undefined);
		strictEqual(parseVia('Sources say the talks will resume next week.'), undefined);
	});

	it('treats a name and its banner or capitalisation as the same outlet', () => {
		strictEqual(sameOutlet('TIDE WATCH', 'Tide Watch | Coastal reporting'), true);
		strictEqual(sameOutlet('Tide Watch', 'Tide Times'), false);
		strictEqual(sameOutlet('', ''), false);
	});
});
