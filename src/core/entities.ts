import ALIASES from './data/aliases.json';
import { Token, tokenize } from './normalize';

/** Names that refer to one entity, e.g. North Korea = DPRK = Pyongyang. */
export interface AliasGroup {
	id: string;
	names: string[];
}

/** An entity found in a token sequence. */
export interface EntityMatch {
	id: string;
	/** Index of the first token and number of tokens of the name. */
	index: number;
	length: number;
}

/**
 * Finds entity names in tokens by their folded forms, longest name first ("North Korean leader"
 * before "North Korean"). A one-word name that is a lower-case stopword ("us") never matches.
 */
export class AliasTable {
	private readonly _ids = new Map<string, string>();
	/** First words of all names: most tokens start none, and are rejected without building keys. */
	private readonly _firstWords = new Set<string>();
	private _longest = 1;

	constructor(groups: readonly AliasGroup[]) {
		for (const group of groups) {
			for (const name of group.names) {
				const key = tokenize(name).map(token => token.norm).join(' ');
				if (key) {
					this._ids.set(key, group.id);
					this._firstWords.add(key.split(' ')[0]);
					this._longest = Math.max(this._longest, key.split(' ').length);
				}
			}
		}
	}

	/** The longest entity name starting at `index`, if any. */
	matchAt(tokens: readonly Token[], index: number): EntityMatch | undefined {
		if (!this._firstWords.has(tokens[index].norm)) {
			return undefined;
		}
		for (let length = Math.min(this._longest, tokens.length - index); length >= 1; length--) {
			if (length === 1 && tokens[index].stop) {
				return undefined;
			}
			const key = tokens.slice(index, index + length).map(token => token.norm).join(' ');
			const id = this._ids.get(key);
			if (id) {
				return { id, index, length };
			}
		}
		return undefined;
	}
}

/** The table of the bundled aliases alone, built once: it is the same for every comparison without user aliases. */
let bundledTable: AliasTable | undefined;

/** The aliases that ship with Parallax, plus the user's (which win on a shared name). */
export function defaultAliasTable(extra: readonly AliasGroup[] = []): AliasTable {
	if (extra.length === 0) {
		return (bundledTable ??= new AliasTable(ALIASES.groups as AliasGroup[]));
	}
	return new AliasTable([...(ALIASES.groups as AliasGroup[]), ...extra]);
}
