/**
 * An inverted index in compressed rows: for each key id, the ascending ids of the sentences that
 * hold it, all in one typed array. Built in two passes (count, then fill), so a corpus of a
 * thousand articles makes a few large arrays instead of a hundred thousand growing ones.
 */
export class Postings {
	/** `ids[starts[key]]..ids[starts[key + 1] - 1]` are the sentences of `key`. */
	readonly starts: Int32Array;
	readonly ids: Int32Array;

	/**
	 * `visitAll(visit)` must call `visit(key, sentence)` for every key of every sentence, sentences
	 * in ascending order, the same way each time it is called (it is called twice). A key met twice
	 * in one sentence is posted once.
	 */
	constructor(keyCount: number, visitAll: (visit: (key: number, sentence: number) => void) => void) {
		const last = new Int32Array(keyCount).fill(-1);
		const counts = new Int32Array(keyCount + 1);
		visitAll((key, sentence) => {
			if (last[key] !== sentence) {
				last[key] = sentence;
				counts[key + 1]++;
			}
		});
		for (let key = 0; key < keyCount; key++) {
			counts[key + 1] += counts[key];
		}
		this.starts = counts;
		this.ids = new Int32Array(counts[keyCount]);
		const next = counts.slice(0, keyCount);
		last.fill(-1);
		visitAll((key, sentence) => {
			if (last[key] !== sentence) {
				last[key] = sentence;
				this.ids[next[key]++] = sentence;
			}
		});
	}

	/** How many sentences hold `key`. */
	count(key: number): number {
		return this.starts[key + 1] - this.starts[key];
	}
}
