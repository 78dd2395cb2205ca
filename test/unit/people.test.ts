import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/core/article';
import { PersonMention, collectPeople, extractPeople } from '../../src/core/people';
import { splitParagraphs } from '../../src/core/segment';

const SEEDS = join(__dirname, '../../corpus/putin-kim-pact-2024');
const bodyOf = (file: string) => parseArticle(readFileSync(join(SEEDS, file), 'utf8')).body;
const FT = bodyOf('geopolist-why-is-xi-jinping-cautious-about-kim-jong-uns-close.md');
const CNN = bodyOf('cnn-brasil-analysis-china-remains-cautious-as-putin-and-kim-forge-new.md');
const RU = bodyOf('russian-commentary-why-china-is-not-enthusiastic-about-the-new.md');

/** Mentions by name: affiliation and quotes, the compact view the seed tests compare. */
function byName(mentions: readonly PersonMention[]): Map<string, { affiliation?: string; quotes: string[] }> {
	const people = new Map<string, { affiliation?: string; quotes: string[] }>();
	for (const mention of mentions) {
		const person = people.get(mention.name) ?? { affiliation: mention.affiliation, quotes: [] };
		if (mention.quote) {
			person.quotes.push(mention.quote.text);
		}
		people.set(mention.name, person);
	}
	return people;
}

function assertValidOffsets(body: string, mentions: readonly PersonMention[]): void {
	for (const mention of mentions) {
		ok(mention.start >= 0 && mention.start < mention.end && mention.end <= body.length, `bad span for ${mention.name}`);
		if (mention.via === 'name' || mention.via === 'surname') {
			const span = body.slice(mention.start, mention.end);
			ok(mention.name.split(/\s+/).some(word => span.includes(word)), `"${span}" does not name ${mention.name}`);
		}
		if (mention.quote) {
			strictEqual(body.slice(mention.quote.start, mention.quote.end), mention.quote.text);
		}
	}
}

describe('extractPeople on the seed articles', () => {
	it('finds everyone the Geopolist/FT piece quotes, with their affiliation', () => {
		const people = byName(extractPeople(FT));
		deepStrictEqual([...people.keys()].sort(), ['Kim Jong Un', 'Ren Xiao', 'Shen Dingli', 'Yun Sun']);
		strictEqual(people.get('Shen Dingli')!.affiliation, 'a Chinese professor of international studies');
		strictEqual(people.get('Ren Xiao')!.affiliation, 'a professor at Fudan University’s Institute of International Studies');
		strictEqual(people.get('Yun Sun')!.affiliation, 'director of the China programme at the Stimson Center, a think-tank in Washington');
		strictEqual(people.get('Shen Dingli')!.quotes.length, 3);
		ok(people.get('Ren Xiao')!.quotes[0].includes('does not mean automatic military involvement'));
		deepStrictEqual(people.get('Yun Sun')!.quotes, ['The caveat is what would constitute assistance', 'So it seems that they left that pretty blurry.']);
		ok(people.get('Kim Jong Un')!.quotes[0].includes('most honest friend'));
	});

	it('finds everyone the CNN piece quotes, with their affiliation', () => {
		const people = byName(extractPeople(CNN));
		deepStrictEqual([...people.keys()].sort(), ['Edward Howell', 'Kim Jong-un', 'Liu Dongshu', 'Vladimir Putin', 'Yun Sun']);
		strictEqual(people.get('Liu Dongshu')!.affiliation, 'an assistant professor focusing on Chinese politics. at the City University of Hong Kong');
		strictEqual(people.get('Edward Howell')!.affiliation, 'a professor of politics at the University of Oxford in the United Kingdom');
		strictEqual(people.get('Yun Sun')!.affiliation, 'director of the China program at the Washington-based think tank Stimson Center');
		strictEqual(people.get('Vladimir Putin')!.affiliation, 'Russian President');
		strictEqual(people.get('Liu Dongshu')!.quotes.length, 6);
		strictEqual(people.get('Edward Howell')!.quotes.length, 2);
		deepStrictEqual(people.get('Vladimir Putin')!.quotes, ['Russia and North Korea had taken ties to a “new level.”', 'the imperialist policy of the United States and its satellites.']);
		ok(people.get('Kim Jong-un')!.quotes[0].includes('watershed moment'));
	});

	it('finds the one person the Russian commentary quotes, and takes the paragraph after "believes:" as his words', () => {
		const mentions = extractPeople(RU);
		deepStrictEqual(mentions.map(mention => [mention.name, mention.affiliation]), [['John Delury', 'Seoul sinologist, Professor']]);
		ok(mentions[0].quote!.text.startsWith('This agreement between Moscow and Pyongyang is bad news for Beijing.'));
		ok(mentions[0].quote!.text.endsWith('benefiting from peacekeeping activities.'));
	});

	it('gives Yun Sun a different quote in the FT piece and in the CNN piece', () => {
		const ft = byName(extractPeople(FT)).get('Yun Sun')!.quotes;
		const cnn = byName(extractPeople(CNN)).get('Yun Sun')!.quotes;
		ok(ft.some(quote => quote.includes('The caveat is what would constitute assistance')));
		ok(cnn.some(quote => quote.includes('But they know that China plays an irreplaceable role')));
		ok(!cnn.some(quote => quote.includes('caveat')));
		ok(!ft.some(quote => quote.includes('irreplaceable')));
	});

	it('resolves a lone surname to the full name given earlier in the article', () => {
		const shen = extractPeople(FT).filter(mention => FT.slice(mention.start, mention.end).startsWith('Shen '));
		deepStrictEqual(shen.map(mention => [mention.name, mention.via]), [['Shen Dingli', 'surname'], ['Shen Dingli', 'surname']]);
		const liu = extractPeople(CNN).filter(mention => /\bLiu said\b/.test(CNN.slice(mention.start, mention.end)));
		strictEqual(liu.length, 3);
		ok(liu.every(mention => mention.name === 'Liu Dongshu'));
	});

	it('attributes "she said" and a following all-quote paragraph to the previous speaker', () => {
		const mentions = extractPeople(CNN);
		const she = mentions.find(mention => mention.via === 'pronoun' && CNN.slice(mention.start, mention.end) === 'she said');
		strictEqual(she?.name, 'Yun Sun');
		const continued = mentions.find(mention => mention.via === 'continuation' && mention.quote!.text.startsWith('Russia will know very well'));
		strictEqual(continued?.name, 'Edward Howell');
	});

	it('keeps institutions that speak out of the people: Xinhua, ministries, countries, analysts', () => {
		const names = [FT, CNN, RU].flatMap(body => extractPeople(body).map(mention => mention.name));
		for (const institution of ['Xinhua', 'Beijing', 'Japan', 'Pyongyang', 'NK News', 'Foreign Ministry', 'Analysts']) {
			ok(!names.some(name => name.includes(institution)), `${institution} is not a person`);
		}
	});

	it('gives every mention a valid span that contains the name or the surname', () => {
		for (const body of [FT, CNN, RU]) {
			assertValidOffsets(body, extractPeople(body));
		}
	});
});

describe('extractPeople patterns', () => {
	it('reads the common attribution orders of news prose', () => {
		const body = [
			'“We will not back down,” said Maria Keller, a spokeswoman for the Berlin Senate.',
			'“Prices will rise,” Keller said.',
			'According to Tomasz Nowak, an economist at Warsaw University, the cut came too late.',
			'Nowak warned that “the worst is yet to come”.',
		].join('\n\n');
		const mentions = extractPeople(body);
		deepStrictEqual(mentions.map(mention => [mention.name, mention.via, mention.quote?.text]), [
			['Maria Keller', 'name', 'We will not back down'],
			['Maria Keller', 'surname', 'Prices will rise'],
			['Tomasz Nowak', 'name', 'the cut came too late'],
			['Tomasz Nowak', 'surname', 'the worst is yet to come'],
		]);
		strictEqual(mentions[0].affiliation, 'a spokeswoman for the Berlin Senate');
		strictEqual(mentions[2].affiliation, 'an economist at Warsaw University');
		assertValidOffsets(body, mentions);
	});

	it('leaves the listener of "told" and the words before an unseparated subject out of the quote', () => {
		const body = 'President Joe Biden told reporters that the deal was “dangerous”. Critics such as Maria Lopez argued the move was illegal.';
		deepStrictEqual(extractPeople(body).map(mention => [mention.name, mention.affiliation, mention.quote?.text]), [
			['Joe Biden', 'President', 'the deal was “dangerous”'],
			['Maria Lopez', undefined, 'the move was illegal'],
		]);
	});

	it('keeps a one-word quote, even with a stray word after the attribution', () => {
		deepStrictEqual(extractPeople('“Hi,” said Yun Sun, a director at the Stimson Center. “Yes,” Sun said, smiling.').map(mention => mention.quote?.text), ['Hi', 'Yes']);
	});

	it('does not take a speech verb inside a quote for an attribution', () => {
		const mentions = extractPeople('“Peter Brandt said no, and that was it,” Anna Lindqvist, a lawyer in Malmö, said.');
		deepStrictEqual(mentions.map(mention => mention.name), ['Anna Lindqvist']);
	});

	it('leaves an ambiguous surname unresolved rather than guessing', () => {
		const body = 'Anna Lindqvist, a lawyer, and Erik Lindqvist, a judge, met. “It was fine,” Lindqvist said.';
		deepStrictEqual(extractPeople(body), []);
		deepStrictEqual(extractPeople(body, { partial: true }).map(mention => [mention.name, mention.partial]), [['Lindqvist', true]]);
	});
});

describe('extractPeople on hostile input', () => {
	it('returns nothing for empty, blank or quote-free text', () => {
		deepStrictEqual(extractPeople(''), []);
		deepStrictEqual(extractPeople(' \n\n\t '), []);
		deepStrictEqual(extractPeople('The weather was fine. Nobody spoke.'), []);
	});

	it('survives unbalanced and stray quotation marks', () => {
		const body = '“Open quote and no end, said nobody.\n\n"straight" " " “ ” ” “\n\n' + '“'.repeat(5000) + ' said Liu ' + '"'.repeat(3001);
		for (const mention of extractPeople(body)) {
			ok(mention.end <= body.length);
		}
	});

	it('finds nothing in CJK or Arabic text and does not crash on it', () => {
		deepStrictEqual(extractPeople('习近平说：“我们是朋友。”\n\nقال بوتين "نحن أصدقاء"\n\n😀 “表情”'), []);
	});

	it('handles a 50,000-word text in bounded time', function () {
		this.timeout(20000);
		extractPeople(FT);
		const body = [FT, CNN, RU].join('\n\n').repeat(18);
		ok(body.split(/\s+/).length > 50000);
		const started = performance.now();
		const mentions = extractPeople(body);
		const elapsed = performance.now() - started;
		ok(elapsed < 5000, `took ${elapsed.toFixed(0)} ms`);
		ok(mentions.length > 18 * 20);
	});
});

describe('collectPeople', () => {
	const article = (id: string, body: string) => ({
		id,
		body,
		passages: splitParagraphs(body).map((paragraph, index) => ({ id: `${id}:p${index + 1}`, start: paragraph.start, end: paragraph.end })),
	});
	const people = collectPeople([article('ft', FT), article('cnn', CNN), article('ru', RU)]);
	const find = (name: string) => people.find(person => person.name === name);

	it('merges one person across articles and keeps each article\'s quotes apart', () => {
		const sun = find('Yun Sun')!;
		ok(sun.affiliation!.includes('Stimson Center'));
		deepStrictEqual([...new Set(sun.mentions.map(mention => mention.article))].sort(), ['cnn', 'ft']);
		ok(sun.mentions.some(mention => mention.article === 'ft' && mention.quote?.includes('The caveat is what would constitute assistance')));
		ok(sun.mentions.some(mention => mention.article === 'cnn' && mention.quote?.includes('irreplaceable role')));
	});

	it('merges spellings that differ only in hyphens and case ("Kim Jong-un" = "Kim Jong Un")', () => {
		const kims = people.filter(person => person.name.startsWith('Kim'));
		strictEqual(kims.length, 1);
		deepStrictEqual([...new Set(kims[0].mentions.map(mention => mention.article))].sort(), ['cnn', 'ft']);
	});

	it('lists every quoted person of the three seeds once, with passages that contain the quote', () => {
		deepStrictEqual(people.map(person => person.name).sort(), ['Edward Howell', 'John Delury', 'Kim Jong Un', 'Liu Dongshu', 'Ren Xiao', 'Shen Dingli', 'Vladimir Putin', 'Yun Sun']);
		const bodies: Record<string, string> = { ft: FT, cnn: CNN, ru: RU };
		const passages = new Map([article('ft', FT), article('cnn', CNN), article('ru', RU)].flatMap(input => input.passages.map(passage => [passage.id, { ...passage, article: input.id }])));
		for (const person of people) {
			for (const mention of person.mentions) {
				const passage = passages.get(mention.passage)!;
				strictEqual(passage.article, mention.article);
				if (mention.quote) {
					ok(bodies[mention.article].slice(passage.start, passage.end).includes(mention.quote), `${mention.passage} holds the quote of ${person.name}`);
				}
			}
		}
	});

	it('merges a lone surname into the one full name that has it', () => {
		const merged = collectPeople([article('a', 'Yun Sun, a scholar at the Stimson Center, said it was late.'), article('b', '“It is late,” Sun said.')]);
		deepStrictEqual(merged.map(person => [person.name, person.mentions.map(mention => mention.article)]), [['Yun Sun', ['a', 'b']]]);
	});

	it('returns no people for articles without passages or text', () => {
		deepStrictEqual(collectPeople([]), []);
		deepStrictEqual(collectPeople([{ id: 'x', body: '', passages: [] }]), []);
	});
});
