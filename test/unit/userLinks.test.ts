import { ok, strictEqual } from 'node:assert';
import { AlignInput, DEFAULT_ALIGN_OPTIONS, alignArticles } from '../../src/core/align';
import { Comparison } from '../../src/core/comparison';
import { seedByOutlet, seeds } from './seedArticles';
import { UserLink } from '../../src/core/userLinks';

const FT = seedByOutlet('Geopolist');
const CNN = seedByOutlet('CNN');
const RU = seedByOutlet('Russian');

/** Body range of the sentence-ish stretch that starts with `phrase`. */
function rangeOf(article: AlignInput, phrase: string): { article: string; start: number; end: number } {
	const start = article.body.indexOf(phrase);
	ok(start >= 0, `${article.outlet} does not contain "${phrase}"`);
	return { article: article.id, start, end: start + phrase.length };
}

/** The group holding the passages of both ranges, if one does. */
function groupJoining(comparison: Comparison, a: UserLink['a'], b: UserLink['b']) {
	const passageAt = (range: UserLink['a']) => comparison.articles.find(article => article.id === range.article)!.passages
		.find(passage => passage.start <= range.start && range.start < passage.end)!;
	const [passageA, passageB] = [passageAt(a), passageAt(b)];
	return comparison.groups.find(group => group.members.some(m => m.passage === passageA.id) && group.members.some(m => m.passage === passageB.id));
}

const align = (userLinks: UserLink[]) => alignArticles(seeds, { ...DEFAULT_ALIGN_OPTIONS, people: false, userLinks });

describe('user links', () => {
	const shen = rangeOf(FT, 'said Shen Dingli, a Chinese professor');
	const russian = rangeOf(RU, 'refused to comment');
	const pledge = rangeOf(FT, 'pledges immediate military and other assistance');
	const allMeans = rangeOf(CNN, 'using all available means to provide immediate military assistance');

	it('puts a linked pair the engine left apart into one row, naming the link', () => {
		strictEqual(groupJoining(align([]), shen, russian), undefined, 'the engine already aligns these; pick another pair');
		const group = groupJoining(align([{ id: 'urn:uuid:l1', relation: 'contradicts', a: shen, b: russian }]), shen, russian);
		ok(group, 'the linked passages are not in one group');
		ok(group.userLinks?.some(link => link.id === 'urn:uuid:l1' && link.relation === 'contradicts'), JSON.stringify(group.userLinks));
	});

	it('splits a pair the user marked "not parallel"', () => {
		ok(groupJoining(align([]), pledge, allMeans), 'the engine does not align these; pick another pair');
		strictEqual(groupJoining(align([{ id: 'urn:uuid:l2', relation: 'not-parallel', a: allMeans, b: pledge }]), pledge, allMeans), undefined);
	});

	it('ignores links to articles that are not being compared, and links within one article', () => {
		const elsewhere = { article: 'not-in-this-comparison', start: 0, end: 10 };
		const plain = align([]);
		const linked = align([
			{ id: 'urn:uuid:l3', relation: 'context', a: shen, b: elsewhere },
			{ id: 'urn:uuid:l4', relation: 'context', a: shen, b: rangeOf(FT, 'Ren Xiao, a professor at Fudan University') },
		]);
		strictEqual(JSON.stringify(linked.groups), JSON.stringify(plain.groups));
	});

	it('keeps every passage its body slice when links cross passage boundaries', () => {
		const wide = { article: CNN.id, start: 10, end: CNN.body.length - 10 };
		const comparison = align([{ id: 'urn:uuid:l5', relation: 'copies', a: wide, b: russian }]);
		for (const article of comparison.articles) {
			const body = seeds.find(seed => seed.id === article.id)!.body;
			for (const passage of article.passages) {
				strictEqual(passage.text, body.slice(passage.start, passage.end));
			}
		}
	});
});
