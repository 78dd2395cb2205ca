import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { AlignInput, alignArticles, alignPair } from '../../src/core/align';
import { Comparison } from '../../src/core/comparison';
import { seedByOutlet, seeds } from './seedArticles';

const FT = seedByOutlet('Geopolist');
const CNN = seedByOutlet('CNN');
const RU = seedByOutlet('Russian');

/** The group whose passage in `article` contains `phrase`. */
function groupWith(comparison: Comparison, article: AlignInput, phrase: string) {
	const passage = comparison.articles.find(a => a.id === article.id)!.passages.find(p => p.text.includes(phrase));
	ok(passage, `no passage of ${article.outlet} contains "${phrase}"`);
	return comparison.groups.find(group => group.members.some(member => member.passage === passage.id));
}

function assertAligned(comparison: Comparison, a: AlignInput, phraseA: string, b: AlignInput, phraseB: string): void {
	const group = groupWith(comparison, a, phraseA);
	ok(group, `"${phraseA}" (${a.outlet}) has no counterpart`);
	const passageB = comparison.articles.find(x => x.id === b.id)!.passages.find(p => p.text.includes(phraseB))!;
	ok(group.members.some(member => member.passage === passageB.id), `"${phraseA}" is not aligned with "${phraseB}"`);
}

function assertOffsets(comparison: Comparison, inputs: readonly AlignInput[]): void {
	for (const article of comparison.articles) {
		const body = inputs.find(input => input.id === article.id)!.body;
		let last = 0;
		for (const passage of article.passages) {
			strictEqual(passage.text, body.slice(passage.start, passage.end));
			ok(passage.start >= last, `${passage.id} overlaps the passage before it`);
			last = passage.end;
		}
	}
}

describe('align', () => {
	const comparison = alignArticles(seeds);

	it('aligns the FT treaty pledge with CNN\'s "all available means" sentence', () => {
		assertAligned(comparison, FT, 'pledges immediate military and other assistance', CNN, 'using all available means to provide immediate military assistance');
	});

	it('aligns "declined to comment" (CNN) with "refused to comment" (Russian commentary) through WordNet synonyms', () => {
		assertAligned(comparison, CNN, 'declined to comment on the treaty, calling it a bilateral matter', RU, 'refused to comment, recalling that this is a purely personal matter');
		const group = groupWith(comparison, CNN, 'declined to comment')!;
		ok(group.evidence.some(pair => pair.evidence.synonyms.some(([a, b]) => a === 'declined' && b === 'refused')), JSON.stringify(group.evidence));
		ok(group.evidence.some(pair => pair.evidence.entities.includes('foreign-ministry')));
	});

	it('aligns the FT "keep its distance" with CNN\'s', () => {
		assertAligned(comparison, FT, 'It still wants to keep its distance', CNN, 'Beijing will be cautious to keep its distance');
	});

	it('leaves the FT\'s Shen Dingli and Ren Xiao passages without a counterpart in the Russian commentary', () => {
		for (const phrase of ['said Shen Dingli, a Chinese professor', 'Ren Xiao, a professor at Fudan University']) {
			const group = groupWith(comparison, FT, phrase);
			ok(!group || !group.members.some(member => member.article === RU.id), `${phrase} is aligned with the Russian commentary`);
		}
	});

	it('marks the group where the FT and CNN both quote Yun Sun as a speaker group', () => {
		const group = groupWith(comparison, CNN, 'Yun Sun, director of the China program');
		ok(group && group.members.some(member => member.article === FT.id), 'the Yun Sun passages are not aligned');
		strictEqual(group.kind, 'speaker');
	});

	it('finds the differing figures of aligned passages', () => {
		const numbers = comparison.groups.flatMap(group => group.disagreements).filter(d => d.kind === 'number');
		ok(numbers.some(d => [...d.a.values, ...d.b.values].includes('14')), JSON.stringify(numbers));
	});

	it('keeps every passage text equal to its body slice, in order, without overlaps', () => {
		assertOffsets(comparison, seeds);
		ok(comparison.unaligned.length > 0);
		ok(comparison.groups.every(group => group.members.length >= 2 && group.score > 0 && group.score <= 1));
	});

	it('finds verbatim reuse across a reworded frame as one passage pair', () => {
		const shared = 'The council approved the harbour budget on Tuesday after a long debate. Engineers will replace the rusted gates of the northern lock before winter. The mayor said the repairs would keep the ferries running through the storms.';
		const a = `Local news in brief.\n\n${shared}\n\nIn other news, the library opens late on Fridays.`;
		const b = `Weather was mild all week across the region, forecasters said.\n\n${shared}`;
		const ranges = alignPair(a, b);
		strictEqual(ranges.length, 1);
		strictEqual(a.slice(ranges[0].a.start, ranges[0].a.end), shared);
		strictEqual(b.slice(ranges[0].b.start, ranges[0].b.end), shared);
	});
});

describe('align on bad input', () => {
	const article = (id: string, body: string): AlignInput => ({ id, path: `${id}.md`, title: id, outlet: id, body });

	it('aligns a verbatim sentence shared by two short articles, also with markup after it', () => {
		const shared = 'The ministry said the agreement would be signed in Geneva on Friday after months of talks.';
		const article = (id: string, body: string) => ({ id, path: id, title: id, outlet: id, body });
		const comparison = alignArticles([
			article('a', `${shared} <script>window.pwned = 1</script>\n\nA second paragraph about something else.`),
			article('b', `${shared}\n\nOfficials from both sides declined to comment.`),
		]);
		strictEqual(comparison.groups.length, 1);
		ok(comparison.groups[0].members.every(member => comparison.articles.find(a => a.id === member.article)!.passages
			.find(p => p.id === member.passage)!.text.startsWith(shared)));
	});

	it('handles empty and one-word articles', () => {
		const result = alignArticles([article('empty', ''), article('word', 'Pyongyang'), FT]);
		deepStrictEqual(result.groups, []);
		strictEqual(result.articles[0].passages.length, 0);
		strictEqual(result.articles[1].passages.length, 1);
	});

	it('aligns an article with an identical copy passage for passage', () => {
		const copy = { ...FT, id: 'copy' };
		const result = alignArticles([FT, copy]);
		assertOffsets(result, [FT, copy]);
		strictEqual(result.unaligned.length, 0);
		ok(result.groups.every(group => group.kind === 'lexical'));
	});

	it('stays bounded with 20 copies of one article', () => {
		const copies = Array.from({ length: 20 }, (_, index) => ({ ...CNN, id: `copy-${index}` }));
		const result = alignArticles(copies);
		ok(result.groups.length > 0);
		ok(result.groups.every(group => new Set(group.members.map(member => member.article)).size >= 2));
	});

	it('handles one 50,000-word paragraph', () => {
		const words = FT.body.split(/\s+/);
		const huge = Array.from({ length: 50_000 }, (_, index) => words[index % words.length]).join(' ');
		const result = alignArticles([article('huge', huge), CNN]);
		assertOffsets(result, [article('huge', huge), CNN]);
	});

	it('handles Chinese and Arabic text', () => {
		const zh = '中国外交部发言人拒绝评论。他说这是双边问题。';
		const ar = 'رفض المتحدث التعليق. وقال إنها مسألة ثنائية.';
		const result = alignArticles([article('zh', zh), article('zh2', zh), article('ar', ar)]);
		assertOffsets(result, [article('zh', zh), article('zh2', zh), article('ar', ar)]);
		ok(result.groups.some(group => group.members.some(member => member.article === 'zh2')));
	});
});
