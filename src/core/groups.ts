import { AlignInput, PairwiseAlignment } from './align';
import { COMPARISON_VERSION, Comparison, Disagreement, Evidence, Group, GroupKind, Passage, PassageRef } from './comparison';
import { Match, Unit } from './features';
import { PassagePair } from './extend';
import { PreparedText } from './prepare';
import { UserPassagePair } from './userLinks';

/** A sentence range of one text, a node of the correspondence graph. */
interface Node {
	text: number;
	from: number;
	to: number;
}

/**
 * Turns pairwise passage pairs into an N-way comparison: passages that overlap within an article,
 * or correspond across articles, join one group, with at most one passage per article; each
 * article's remaining sentences become "only in" passages, one per paragraph run.
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
	const components = groupNodes(nodes, links);
	const passages = inputs.map(() => [] as (Passage & { group?: number })[]);
	const claimed = texts.map(text => new Array<boolean>(text.sentences.length).fill(false));
	const groups: Group[] = [];
	// Strongest groups first: where two groups want one sentence, the stronger keeps it.
	const claimedRanges = new Map<number, { from: number; to: number }>();
	for (const component of components) {
		claimedRanges.clear();
		const members = new Map<number, Passage>();
		for (const [text, hull] of component.hulls) {
			const range = longestFreeRun(claimed[text], hull.from, hull.to);
			if (range) {
				claimedRanges.set(text, range);
				members.set(text, toPassage(inputs[text].id, texts[text], range.from, range.to));
			}
		}
		const refs = new Map([...members].map(([text, passage]) => [text, { article: inputs[text].id, passage: passage.id }]));
		const groupLinks = component.links.filter(link => refs.has(nodes[link.x].text) && refs.has(nodes[link.y].text));
		if (refs.size < 2 || groupLinks.length === 0) {
			continue;
		}
		const groupIndex = groups.length;
		for (const [text, passage] of members) {
			const range = claimedRanges.get(text)!;
			claimed[text].fill(true, range.from, range.to + 1);
			passages[text].push({ ...passage, group: groupIndex });
		}
		const refOf = (node: number) => refs.get(nodes[node].text)!;
		const userLinks = groupLinks.flatMap(link => ((link.pair as UserPassagePair).user ? [(link.pair as UserPassagePair).user!] : []));
		groups.push({
			id: `g${groupIndex + 1}`,
			...(userLinks.length > 0 ? { userLinks } : {}),
			score: round(Math.max(...groupLinks.map(link => link.pair.match.score))),
			kind: groupKind(groupLinks.map(link => link.pair)),
			members: [...refs.entries()].sort(([x], [y]) => x - y).map(([, ref]) => ref),
			evidence: groupLinks.map(link => ({ a: refOf(link.x), b: refOf(link.y), score: round(link.pair.match.score), evidence: describeMatch(link.pair.match) })),
			disagreements: groupLinks.flatMap(link => disagreements(link.pair, texts[nodes[link.x].text], texts[nodes[link.y].text], refOf(link.x), refOf(link.y))),
		});
	}

	const unaligned: PassageRef[] = [];
	inputs.forEach((input, text) => {
		for (const run of uncoveredRuns(texts[text], claimed[text])) {
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

/** Runs of sentences not in any group, split at paragraph boundaries. */
function uncoveredRuns(text: PreparedText, covered: readonly boolean[]): { from: number; to: number }[] {
	const runs: { from: number; to: number }[] = [];
	text.sentences.forEach((sentence, index) => {
		if (covered[index]) {
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
	// Position of each group: its first passage in the earliest article that has one.
	const position = new Array<number>(groups.length).fill(Infinity);
	passages.forEach((list, text) => {
		for (const passage of list) {
			if (passage.group !== undefined) {
				position[passage.group] = Math.min(position[passage.group], text * 1e9 + passage.start);
			}
		}
	});
	const order = groups.map((_, index) => index).sort((x, y) => position[x] - position[y]);
	return order.map((index, rank) => ({ ...groups[index], id: `g${rank + 1}` }));
}

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}

/** A set of corresponding nodes: its sentence range (hull) in each text, and the links inside it. */
interface Component {
	hulls: Map<number, { from: number; to: number }>;
	links: Link[];
	score: number;
}

type Link = { x: number; y: number; pair: PassagePair };

/** Nodes that overlap in one text are checked for merging before any cross-text link. */
const OVERLAP_PRIORITY = 2;
/** The user's links merge before anything else, so a linked pair always shares a row. */
const USER_LINK_PRIORITY = 3;
/** Overlapping neighbours considered per node, so dense overlaps stay linear. */
const MAX_OVERLAP_NEIGHBOURS = 8;

/**
 * Union-find with one constraint: a component never holds two disjoint ranges of one text. Merges
 * are tried best first (overlaps within a text, then links by score), so a weak link cannot chain
 * unrelated passages into one giant group.
 */
function groupNodes(nodes: readonly Node[], links: readonly Link[]): Component[] {
	const parent = nodes.map((_, index) => index);
	const hulls = nodes.map(node => new Map([[node.text, { from: node.from, to: node.to }]]));
	const find = (index: number): number => {
		while (parent[index] !== index) {
			parent[index] = parent[parent[index]];
			index = parent[index];
		}
		return index;
	};
	const tryUnion = (x: number, y: number): void => {
		let [rootX, rootY] = [find(x), find(y)];
		if (rootX === rootY) {
			return;
		}
		for (const [text, range] of hulls[rootX]) {
			const other = hulls[rootY].get(text);
			if (other && (other.to < range.from || range.to < other.from)) {
				return;
			}
		}
		if (hulls[rootX].size < hulls[rootY].size) {
			[rootX, rootY] = [rootY, rootX];
		}
		for (const [text, range] of hulls[rootY]) {
			const mine = hulls[rootX].get(text);
			hulls[rootX].set(text, mine ? { from: Math.min(mine.from, range.from), to: Math.max(mine.to, range.to) } : range);
		}
		parent[rootY] = rootX;
	};
	const priority = (link: Link) => ((link.pair as UserPassagePair).user ? USER_LINK_PRIORITY : link.pair.match.score);
	const merges = links.map(link => ({ x: link.x, y: link.y, score: priority(link) }));
	const byText = nodes.map((_, index) => index).sort((p, q) => nodes[p].text - nodes[q].text || nodes[p].from - nodes[q].from);
	for (let i = 0; i < byText.length; i++) {
		const node = nodes[byText[i]];
		for (let j = i + 1; j < byText.length && j <= i + MAX_OVERLAP_NEIGHBOURS; j++) {
			const other = nodes[byText[j]];
			if (other.text !== node.text || other.from > node.to) {
				break;
			}
			merges.push({ x: byText[i], y: byText[j], score: OVERLAP_PRIORITY });
		}
	}
	for (const merge of merges.sort((p, q) => q.score - p.score)) {
		tryUnion(merge.x, merge.y);
	}
	const components = new Map<number, Component>();
	for (const link of links) {
		const root = find(link.x);
		if (root !== find(link.y)) {
			continue; // a link the constraint refused
		}
		let component = components.get(root);
		if (!component) {
			components.set(root, (component = { hulls: hulls[root], links: [], score: 0 }));
		}
		component.links.push(link);
		// A user-linked group claims its sentences first.
		component.score = Math.max(component.score, priority(link));
	}
	return [...components.values()].sort((p, q) => q.score - p.score);
}

/** The longest run of unclaimed sentences within from..to, if any. */
function longestFreeRun(claimed: readonly boolean[], from: number, to: number): { from: number; to: number } | undefined {
	let best: { from: number; to: number } | undefined;
	let start = -1;
	for (let index = from; index <= to + 1; index++) {
		const free = index <= to && !claimed[index];
		if (free && start < 0) {
			start = index;
		} else if (!free && start >= 0) {
			if (!best || index - 1 - start > best.to - best.from) {
				best = { from: start, to: index - 1 };
			}
			start = -1;
		}
	}
	return best;
}
