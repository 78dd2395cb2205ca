import { deepStrictEqual, ok, strictEqual, throws } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, serializeArticle } from '../../src/core/article';
import { decodeText } from '../../src/core/decode';
import { MissingOutletError, ParallaxError } from '../../src/core/errors';
import { ImportOptions, ImportedArticle, importPage } from '../../src/core/import/importPage';

const SEEDS = join(__dirname, '../../../shared/seeds');
const CORPUS = join(__dirname, '../../corpus/putin-kim-pact-2024');
const STORY = 'putin-kim-pact-2024';

/** The seeds as scripts/buildCorpus.mjs imports them. */
const seedOptions: Record<string, ImportOptions> = {
	'000_20d5136f34053dfd.txt': { story: STORY, language: 'en' },
	'002_cf9c33d1cd31f511.txt': { story: STORY, language: 'en' },
	'004_f53cb4871c78bf90.txt': { story: STORY, language: 'en', outlet: 'Russian commentary (translated)' },
};

function seedText(file: string): string {
	return decodeText(readFileSync(join(SEEDS, file)));
}

function importSeed(file: string): ImportedArticle {
	return importPage(seedText(file), { ...seedOptions[file], sourceName: file });
}

function paragraphs(article: ImportedArticle): string[] {
	return article.body.split('\n\n');
}

function assertNoneSurvive(body: string, lines: readonly string[]): void {
	for (const line of lines) {
		strictEqual(body.includes(line), false, `page chrome survived: "${line}"`);
	}
}

/** Asserts that `run` throws a ParallaxError whose message matches `pattern`. */
function throwsParallaxError(run: () => unknown, pattern: RegExp): void {
	throws(run, (error: unknown) => error instanceof ParallaxError && pattern.test(error.message));
}

describe('importPage', () => {
	describe('the republished page (seed 000)', () => {
		const article = importSeed('000_20d5136f34053dfd.txt');

		it('keeps the article from its first sentence to its last', () => {
			ok(article.body.startsWith('In an article on Vladimir Putin’s recent visit to North Korea, China’s state-owned Xinhua news agency proclaimed that the trip must have “touched a raw nerve” in Washington.'));
			ok(article.body.endsWith('For Xi, who boasts of his personal rapport with Putin, the episode is a reminder that friendship counts for little in statecraft, even a “no limits” partnership like the one China claims to have with Russia.'));
			strictEqual(paragraphs(article).length, 21);
		});

		it('drops menus, widgets, forms, footers and the site’s own summary list', () => {
			assertNoneSurvive(article.body, [
				'By using this site, you agree to the Privacy Policy and Terms of Use.',
				'Geopolist | Istanbul Center for Geopolitics',
				'Discover professional insights into international relations',
				'Caught in the Heat: How Egypt’s Energy Dreams Turned Into a Strategic Trap',
				'Font ResizerAa',
				'Have an existing account? Sign In',
				'© 2022 Foxiz News Network. Ruby Design Company. All Rights Reserved.',
				'Last updated: August 11, 2024 5:22 pm',
				'Published July 20, 2024 493 Views 8 Min Read',
				'Summary by',
				'The article explores the tensions arising from recent diplomatic developments',
				'For more details, read the full article here below.',
				'Source: Financial Times',
				'You Might Also Like',
				'Share This Article',
				'Previous Article Renewables',
				'Leave a Reply Cancel reply',
				'Your email address will not be published.',
				'TwitterFollow',
				'Find Us on Socials',
				'Sign in to your account',
				'Lost your password?',
			]);
			deepStrictEqual(article.warnings, ["left out a 6-item list above the article text (it reads as the site's summary of the article)"]);
		});

		it('takes the headline, the site as outlet, the publication date and the original outlet as via', () => {
			deepStrictEqual(article.meta, {
				id: 'geopolist-why-is-xi-jinping-cautious-about-kim-jong-uns-close',
				title: 'Why is Xi Jinping cautious about Kim Jong Un’s close relationship with Vladimir Putin?',
				outlet: 'Geopolist',
				story: STORY,
				published: '2024-07-20',
				language: 'en',
				via: 'Financial Times',
			});
		});
	});

	describe('the translated piece without a site name (seed 002)', () => {
		const article = importSeed('002_cf9c33d1cd31f511.txt');

		it('keeps the article from its first sentence to its last', () => {
			ok(article.body.startsWith('As Russian President Vladimir Putin glided through the crowded streets of Pyongyang atop a luxury Mercedes-Benz alongside his North Korean host Kim Jong-un last week, the two autocrats’ most important partner watched from the sidelines.'));
			ok(article.body.endsWith('They still need to trust China despite their alliance.”'));
			ok(paragraphs(article).includes('China ‘intends to control the situation’'), 'the subheading is kept');
		});

		it('drops every line of the page around the article', () => {
			assertNoneSurvive(article.body, [
				'untitled design',
				'Analysis: China remains cautious as Putin and Kim forge new ‘alliance’',
				'Source: CNN Brasil',
				'You may also like',
				'Get the latest',
				'Stay Informed: Get the Latest Updates and Insights',
				'Most popular',
			]);
		});

		it('uses the credited outlet as outlet when the page names no site, without a via', () => {
			deepStrictEqual(article.meta, {
				id: 'cnn-brasil-analysis-china-remains-cautious-as-putin-and-kim-forge-new',
				title: 'Analysis: China remains cautious as Putin and Kim forge new ‘alliance’',
				outlet: 'CNN Brasil',
				story: STORY,
				language: 'en',
			});
			deepStrictEqual(article.warnings, ['the page names no site; used the outlet it credits, "CNN Brasil"']);
		});
	});

	describe('the commentary with interleaved headings (seed 004)', () => {
		const article = importSeed('004_f53cb4871c78bf90.txt');

		it('keeps the article from its first sentence to its last, with its subheadings', () => {
			ok(article.body.startsWith('The defense pact signed by Vladimir Putin and Kim Jong-un between the Russian Federation and the DPRK is a Chinese headache out of the blue.'));
			ok(article.body.endsWith('Despite its de facto alliance with Pyongyang, Beijing has made it clear that it is a neutral participant in this political games (however, as always).'));
			const kept = paragraphs(article);
			for (const heading of ['Disappointment and dissatisfaction will have to be hidden', 'Russian-Korean performance staged for an American-Chinese audience', 'Who influences whom more?', 'Asian multi-move']) {
				ok(kept.includes(heading), heading);
			}
		});

		it('drops the headline and the stray line after the article', () => {
			assertNoneSurvive(article.body, ['Why China is not enthusiastic about the new initiative of North Korea and Russia', 'Information']);
			strictEqual(paragraphs(article).length, 20);
		});

		it('takes the outlet from the options, since the page names none', () => {
			deepStrictEqual(article.meta, {
				id: 'russian-commentary-why-china-is-not-enthusiastic-about-the-new',
				title: 'Why China is not enthusiastic about the new initiative of North Korea and Russia',
				outlet: 'Russian commentary (translated)',
				story: STORY,
				language: 'en',
			});
		});

		it('asks for an outlet when neither the page nor the options name one', () => {
			throws(() => importPage(seedText('004_f53cb4871c78bf90.txt')), MissingOutletError);
		});
	});

	describe('every seed', () => {
		for (const file of Object.keys(seedOptions)) {
			it(`reads back unchanged after serialising (${file})`, () => {
				const article = importSeed(file);
				const parsed = parseArticle(serializeArticle(article));
				deepStrictEqual(parsed.meta, article.meta);
				strictEqual(parsed.body, article.body);
			});

			it(`is in the sample corpus as the importer writes it today (${file})`, () => {
				const article = importSeed(file);
				strictEqual(readFileSync(join(CORPUS, `${article.meta.id}.md`), 'utf8'), serializeArticle(article));
			});
		}
	});

	describe('options', () => {
		const page = 'Home\nNews\n\nHarbour wall to be rebuilt\nBy Ann Lee\n\nThe harbour wall will be rebuilt next year at a cost of two million pounds, the council said on Monday.\nWork will start in March and should take eight months, weather permitting.\n\nSource: Coast Weekly\n';

		it('lets the given outlet win and keeps a different credited outlet as via', () => {
			const article = importPage(page, { outlet: 'Shore News', url: 'https://shore.example/wall' });
			strictEqual(article.meta.outlet, 'Shore News');
			strictEqual(article.meta.via, 'Coast Weekly');
			strictEqual(article.meta.url, 'https://shore.example/wall');
			strictEqual(article.meta.author, 'Ann Lee');
		});

		it('drops via when it names the outlet itself', () => {
			strictEqual(importPage(page, { outlet: 'coast weekly' }).meta.via, undefined);
		});

		it('uses the id as story when no story is given', () => {
			const article = importPage(page);
			strictEqual(article.meta.id, 'coast-weekly-harbour-wall-to-be-rebuilt');
			strictEqual(article.meta.story, article.meta.id);
		});

		it('uses the first sentence as title when the page has no headline, and says so', () => {
			const article = importPage('The ferry will not run on Sunday because of high winds expected along the coast. A bus will run instead.', { outlet: 'Test' });
			strictEqual(article.meta.title, 'The ferry will not run on Sunday because of high winds expected along the coast.');
			deepStrictEqual(article.warnings, ['no headline found; used the first sentence of the article as the title']);
		});

		it('refuses a URL that is not one', () => {
			throwsParallaxError(() => importPage(page, { url: 'not a url' }), /URL is not valid/);
		});
	});

	describe('bad input', () => {
		it('refuses an empty or blank page with a clear error', () => {
			throwsParallaxError(() => importPage(''), /the page is empty/);
			throwsParallaxError(() => importPage(' \n\t\n  \r\n'), /the page is empty/);
		});

		it('refuses a page that is only menus and links', () => {
			const menu = ['Home', 'News', 'World', 'Sport', 'Sign in', 'Subscribe', '• About us', '• Contact', 'Latest News', 'Storm hits coast', 'June 4, 2025', '© 2025 Some Site'].join('\n');
			throwsParallaxError(() => importPage(menu, { outlet: 'X' }), /no article text found/);
		});

		it('refuses 10 MB of text quickly, naming the size limit', () => {
			const started = Date.now();
			throwsParallaxError(() => importPage('a'.repeat(10 * 1024 * 1024)), /10\.0 MB; Parallax reads files up to 8\.0 MB/);
			ok(Date.now() - started < 2000);
		});

		it('cleans a 7 MB page of menus around one article in linear time', () => {
			const menu = 'Home\nNews\nTop stories of the week\nJune 4, 2025\n'.repeat(70000);
			const article = 'Storm closes harbour\n\n' + 'The harbour was closed on Monday after the storm broke the outer wall. '.repeat(3) + '\n\nRepairs will take a month, the harbour master said on Tuesday afternoon.\n';
			const started = Date.now();
			const imported = importPage(menu + article + menu, { outlet: 'Test' });
			ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
			strictEqual(imported.meta.title, 'Storm closes harbour');
			ok(imported.body.endsWith('the harbour master said on Tuesday afternoon.'));
		});

		it('keeps markup written in a text dump as literal text', () => {
			const page = 'Local\n\nReaders send odd things\n\nOne reader pasted <img src=x onerror=alert(1)> into the form, and another wrote <script>alert(1)</script> in a letter to the editor.\nNeither did any harm, since the paper prints letters as plain text and nothing else.\n';
			const article = importPage(page, { outlet: 'Test' });
			ok(article.body.includes('<img src=x onerror=alert(1)>'));
			ok(article.body.includes('<script>alert(1)</script>'));
		});

		it('drops control characters that slipped past the decoder', () => {
			const page = 'Pier closed\n\nThe pier was closed\u0000 on Monday after inspectors found rust in the main supports.\nIt will reopen\u0007 in May, the council said in a short statement on Tuesday.\n';
			const article = importPage(page, { outlet: 'Test' });
			strictEqual(article.body.includes('\u0000') || article.body.includes('\u0007'), false);
			ok(article.body.startsWith('The pier was closed on Monday'));
		});

		it('never reaches the importer with a Latin-1 or binary file: decoding refuses them first', () => {
			throwsParallaxError(() => decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9])), /not valid UTF-8/);
			throwsParallaxError(() => decodeText(Uint8Array.from([0x50, 0x00, 0x01])), /binary/);
		});
	});
});
