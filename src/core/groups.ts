import { AlignInput, PairwiseAlignment } from './align';
import { COMPARISON_VERSION, Comparison, Disagreement, Evidence, Group, GroupKind, Passage, PassageRef } from './comparison';
import { Match, Unit } from './features';
import { PassagePair } from './extend';
import { PreparedText } from './prepare';

/** A sentence range of one text, a node of the correspondence graph. */
interface Node {
	text: number;
	from: number;
	to: number;
}

/**
 * Turns pairwise passage pairs into an N-way comparison: passages that overlap within an article,
 * or correspond across articles, join one group (union-find); each article's remaining sentences
 * become "only in" passages, one per paragraph run.
 */
export function buildComparison(inputs: readonly AlignInput[], alignment: PairwiseAlignment): Comparison {
	const { texts } = alignment;
	const nodes: Node[] = [];
	const links: { x: number; y: number; pair: PassagePair }[] = [];
	for (const { textA, textB, passages } of alignment.pairs) {
		for (const pair of passages) {
			nodes.push({ text: textA, from: pair.a[0], to: pair.a[1] }, { text: textB, from: pair.b[0], to: pair.b[1] });
			links.push({ x: nodes.length - 2, y: nodes.length - 1, pair });
		}
	}
	const parent = nodes.map((_, index) => index);
	const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index])));
	const union = (x: number, y: number) => void (parent[find(x)] = find(y));
	for (const link of links) {
		union(link.x, link.y);
	}
	// Within a text, overlapping ranges are the same passage.
	const byText = nodes.map((node, index) => ({ node, index })).sort((p, q) => p.node.text - q.node.text || p.node.from - q.node.from);
	let reach = -1;
	for (let i = 1; i < byText.length; i++) {
		const previous = byText[i - 1];
		const current = byText[i];
		reach = previous.node.text === current.node.text ? Math.max(reach, previous.node.to) : -1;
		if (current.node.from <= reach) {
			union(previous.index, current.index);
		}
	}

	const passages = inputs.map(() => [] as (Passage & { group?: number })[]);
	const components = new Map<number, number[]>();
	nodes.forEach((_, index) => components.set(find(index), [...(components.get(find(index)) ?? []), index]));
	const groups: Group[] = [];
	const passageOf = new Map<number, PassageRef>();
	for (const members of components.values()) {
		const groupIndex = groups.length;
		const refs: PassageRef[] = [];
		for (const [text, ranges] of mergeRanges(members.map(index => nodes[index]))) {
			for (const range of ranges) {
				const passage = toPassage(inputs[text].id, texts[text], range.from, range.to);
				passages[text].push({ ...passage, group: groupIndex });
				const ref = { article: inputs[text].id, passage: passage.id };
				refs.push(ref);
				for (const index of members.filter(i => nodes[i].text === text && nodes[i].from >= range.from && nodes[i].to <= range.to)) {
					passageOf.set(index, ref);
				}
			}
		}
		const groupLinks = links.filter(link => members.includes(link.x));
		const evidence = groupLinks.map(link => ({ a: passageOf.get(link.x)!, b: passageOf.get(link.y)!, score: round(link.pair.match.score), evidence: describeMatch(link.pair.match) }));
		groups.push({
			id: `g${groupIndex + 1}`,
			score: round(Math.max(...groupLinks.map(link => link.pair.match.score))),
			kind: groupKind(groupLinks.map(link => link.pair)),
			members: refs,
			evidence,
			disagreements: groupLinks.flatMap(link => disagreements(link.pair, texts[nodes[link.x].text], texts[nodes[link.y].text], passageOf.get(link.x)!, passageOf.get(link.y)!)),
		});
	}

	const unaligned: PassageRef[] = [];
	inputs.forEach((input, text) => {
		const covered = new Set(passages[text].flatMap(passage => sentencesIn(texts[text], passage)));
		for (const run of uncoveredRuns(texts[text], covered)) {
			const passage = toPassage(input.id, texts[text], run.from, run.to);
			passages[text].push(passage);
			unaligned.push({ article: input.id, passage: passage.id });
		}
	});
	return {
		version: COMPARISON_VERSION,
		articles: inputs.map((input, text) => ({
			id: input.id, path: input.path, title: input.title, outlet: input.outlet,
			passages: passages[text].sort((p, q) => p.start - q.start).map(({ id, start, end, text: passageText }) => ({ id, start, end, text: passageText })),
		})),
		groups: orderGroups(groups, passages),
		unaligned,
		people: [],
	};
}

function toPassage(article: string, text: PreparedText, from: number, to: number): Passage {
	const start = text.sentences[from].start;
	const end = text.sentences[to].end;
	return { id: `${article}:s${from}-${to}`, start, end, text: text.body.slice(start, end) };
}

function mergeRanges(nodes: Node[]): Map<number, { from: number; to: number }[]> {
	const byText = new Map<number, { from: number; to: number }[]>();
	for (const node of [...nodes].sort((p, q) => p.from - q.from)) {
		const ranges = byText.get(node.text) ?? [];
		const last = ranges[ranges.length - 1];
		if (last && node.from <= last.to) {
			last.to = Math.max(last.to, node.to);
		} else {
			ranges.push({ from: node.from, to: node.to });
		}
		byText.set(node.text, ranges);
	}
	return byText;
}

function sentencesIn(text: PreparedText, passage: Passage): number[] {
	return text.sentences.flatMap((sentence, index) => (sentence.start >= passage.start && sentence.end <= passage.end ? [index] : []));
}

/** Runs of sentences not in any group, split at paragraph boundaries. */
function uncoveredRuns(text: PreparedText, covered: Set<number>): { from: number; to: number }[] {
	const runs: { from: number; to: number }[] = [];
	text.sentences.forEach((sentence, index) => {
		if (covered.has(index)) {
			return;
		}
		const last = runs[runs.length - 1];
		if (last && last.to === index - 1 && text.sentences[last.to].paragraph === sentence.paragraph) {
			last.to = index;
		} else {
			runs.push({ from: index, to: index });
		}
	});
	return runs;
}

function groupKind(pairs: PassagePair[]): GroupKind {
	const best = pairs.reduce((x, y) => (y.match.score > x.match.score ? y : x));
	if (best.tier === 'topic') {
		return best.match.evidence >= 20 ? 'paraphrase' : 'topic';
	}
	const exact = best.match.shared.length;
	return best.match.score >= 0.6 && exact >= 3 * best.match.synonyms.length ? 'lexical' : 'paraphrase';
}

function describeMatch(match: Match): Evidence {
	const surfaces = (kind: string) => match.shared.filter(unit => unit.key.startsWith(kind));
	return {
		terms: surfaces('w:').map(unit => unit.surface),
		synonyms: match.synonyms.map(([a, b]) => [a.surface, b.surface]),
		entities: surfaces('e:').map(unit => unit.key.slice(2)),
		numbers: surfaces('n:').map(unit => Number(unit.key.slice(2))),
	};
}

/** Numbers and entities where each side has one the other lacks ("14 years" against "five years"). */
function disagreements(pair: PassagePair, textA: PreparedText, textB: PreparedText, a: PassageRef, b: PassageRef): Disagreement[] {
	const result: Disagreement[] = [];
	for (const [kind, prefix] of [['number', 'n:'], ['entity', 'e:']] as const) {
		const unitsA = unitsWith(textA, pair.a, prefix);
		const unitsB = unitsWith(textB, pair.b, prefix);
		const onlyA = [...unitsA.keys()].filter(key => !unitsB.has(key));
		const onlyB = [...unitsB.keys()].filter(key => !unitsA.has(key));
		// A disagreement is one side saying X where the other says Y; an omission is not one.
		if (onlyA.length > 0 && onlyB.length > 0) {
			result.push({ kind, a: { ref: a, values: onlyA.map(key => unitsA.get(key)!) }, b: { ref: b, values: onlyB.map(key => unitsB.get(key)!) } });
		}
	}
	return result;
}

function unitsWith(text: PreparedText, range: [number, number], prefix: string): Map<string, string> {
	const units = new Map<string, string>();
	for (let index = range[0]; index <= range[1]; index++) {
		for (const unit of text.units[index] as Unit[]) {
			if (unit.key.startsWith(prefix) && !units.has(unit.key)) {
				units.set(unit.key, prefix === 'e:' ? unit.key.slice(2) : unit.surface);
			}
		}
	}
	return units;
}

/** Groups in reading order: by their first member's position in the earliest article that has one. */
function orderGroups(groups: Group[], passages: (Passage & { group?: number })[][]): Group[] {
	const position = (group: Group) => {
		const index = groups.indexOf(group);
		const text = passages.findIndex(list => list.some(p => p.group === index));
		const start = Math.min(...passages[text].filter(p => p.group === index).map(p => p.start));
		return text * 1e9 + start;
	};
	const ordered = [...groups].sort((x, y) => position(x) - position(y));
	return ordered.map((group, index) => ({ ...group, id: `g${index + 1}` }));
}

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}
