// Maps, not object literals: a word such as "constructor" must not find Object.prototype's.
/** Cardinal number words of English, the ones news text spells out. */
const UNITS = new Map<string, number>(Object.entries({
	zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
	eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
	nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
	dozen: 12,
}));
const MULTIPLIERS = new Map<string, number>(Object.entries({ hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6 }));
const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/** The value of a number token ("260,000", "3.5", "five"), or undefined when it is not one. */
export function numberValue(norm: string): number | undefined {
	const first = norm.charCodeAt(0);
	if (first >= 0x30 && first <= 0x39 && DIGITS.test(norm)) {
		return Number(norm.replace(/,/g, ''));
	}
	return UNITS.get(norm);
}

/** The factor of a multiplier word ("million" → 1e6) that scales the number before it. */
export function multiplierValue(norm: string): number | undefined {
	return MULTIPLIERS.get(norm);
}
