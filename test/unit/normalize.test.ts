import { deepStrictEqual, strictEqual } from 'node:assert';
import { defaultAliasTable } from '../../src/core/entities';
import { contentUnits } from '../../src/core/features';
import { areSynonyms } from '../../src/core/lexicon';
import { fold, tokenize } from '../../src/core/normalize';

const keys = (text: string) => contentUnits(tokenize(text), text, 0, defaultAliasTable()).map(unit => unit.key);

describe('normalize', () => {
	it('folds case, accents, curly quotes and possessives', () => {
		strictEqual(fold('Pyongyang’s'), "pyongyang's");
		strictEqual(fold('CAFÉ'), 'cafe');
		deepStrictEqual(tokenize('China’s DPRK').map(token => token.norm), ['china', 'dprk']);
	});

	it('keeps exact offsets for every token', () => {
		const text = 'Kim Jong-un’s “new level” — 260,000 tons.';
		for (const token of tokenize(text, 10)) {
			strictEqual(token.start >= 10 && token.end <= text.length + 10, true);
			strictEqual(fold(text.slice(token.start - 10, token.end - 10)).startsWith(token.norm.slice(0, 2)), true);
		}
	});

	it('reads numbers in digits and words, with multipliers', () => {
		deepStrictEqual(tokenize('260,000 tons, five years, 1.2 million people, 1961').filter(token => token.value !== undefined).map(token => token.value), [260000, 5, 1200000, 1961]);
	});

	it('reads no number into words that name properties of JavaScript objects', () => {
		deepStrictEqual(tokenize('constructor toString five').map(token => token.value), [undefined, undefined, 5]);
	});

	it('stems inflections together and drops function words', () => {
		deepStrictEqual(keys('The treaties were signed'), keys('a treaty is signing'));
	});

	it('maps aliases of one entity to one key, longest name first', () => {
		deepStrictEqual(keys('North Korea'), ['e:north-korea']);
		deepStrictEqual(keys('the DPRK'), ['e:north-korea']);
		deepStrictEqual(keys('Pyongyang'), ['e:north-korea']);
		deepStrictEqual(keys('the North Korean leader'), ['e:kim-jong-un']);
		deepStrictEqual(keys('the US and us'), ['e:united-states']);
	});

	it('takes user aliases beside the bundled ones', () => {
		const aliases = defaultAliasTable([{ id: 'nato', names: ['NATO', 'North Atlantic Treaty Organization'] }]);
		const unitKeys = (text: string) => contentUnits(tokenize(text), text, 0, aliases).map(unit => unit.key);
		deepStrictEqual(unitKeys('the North Atlantic Treaty Organization'), ['e:nato']);
		deepStrictEqual(unitKeys('NATO and Pyongyang'), ['e:nato', 'e:north-korea']);
	});

	it('finds WordNet synonyms by stem', () => {
		strictEqual(areSynonyms('declin', 'refus'), true);
		strictEqual(areSynonyms('pact', 'treati'), true);
		strictEqual(areSynonyms('china', 'korea'), false);
		strictEqual(areSynonyms('pact', 'pact'), false);
	});
});
