import { AliasTable } from './entities';
import { Unit, Weights, contentUnits } from './features';
import { tokenize } from './normalize';
import { Sentence, splitSentences } from './segment';

/** A text split into sentences, each with its content units. */
export interface PreparedText {
	body: string;
	sentences: Sentence[];
	units: Unit[][];
}

/** Segments and normalises a text once, for any number of comparisons. */
export function prepareText(body: string, aliases: AliasTable): PreparedText {
	const sentences = splitSentences(body);
	const units = sentences.map(sentence => contentUnits(tokenize(sentence.text, sentence.start), sentence.text, sentence.start, aliases));
	return { body, sentences, units };
}

/** Sentence-frequency weights over every sentence of the texts being compared. */
export function weightsOf(texts: readonly PreparedText[]): Weights {
	const weights = new Weights();
	for (const text of texts) {
		for (const units of text.units) {
			weights.add(units);
		}
	}
	return weights;
}

/** The units of sentences `from..to` (inclusive) as one bag, each key once. */
export function unitsOfRange(text: PreparedText, from: number, to: number): readonly Unit[] {
	if (from === to) {
		// The sentence's own bag: no copy needed.
		return text.units[from];
	}
	const units = new Map<string, Unit>();
	for (let index = from; index <= to; index++) {
		for (const unit of text.units[index]) {
			if (!units.has(unit.key)) {
				units.set(unit.key, unit);
			}
		}
	}
	return [...units.values()];
}
