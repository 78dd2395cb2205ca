import { AlignInput, PairwiseAlignment } from './align';
import { COMPARISON_VERSION, Comparison, Disagreement, Evidence, Group, GroupKind, Passage, PassageRef } from './comparison';
import { Block, SentenceLink, findBlocks } from './blocks';
import { Unit } from './features';
import { Match, matchUnits } from './match';
import { PassagePair } from './extend';
import { PreparedText, unitsOfRange } from './prepare';
import { UserPassagePair } from './userLinks';

/** The user's links join first, so a linked pair always shares a row. */
const USER_LINK_PRIORITY = 3;
/** Seeds of a reuse passage pair outrank lone topic seeds: their neighbours back them up. */
const REUSE_PRIORITY = 1;
/** Up to this many linked pairs of members a group lists them all as evidence; beyond, a spanning tree. */
const MAX_EVIDENCE_PAIRS = 6;

/**
 * Turns pairwise passage pairs into an N-way comparison. Each passage pair's sentence pairs link
 * sentences across texts; {@link findBlocks} groups them into runs that correspond in every
 * article of a group, with one passage per article. Each article's remaining sentences become
 * "only in" passages, one per paragraph run.
 */
export function buildComparison(inputs: readonly AlignInput[], alignment: PairwiseAlignment): Comparison {
	const { texts } = alignment;
	const links: SentenceLink[] = [];
	const origins: PassagePair[] = [];
	const bridged = texts.map(text => new Uint8Array(text.sentences.length));
	for (const { textA, textB, passages } of alignment.pairs) {
		for (const pair of passages) {
			bridged[textA].fill(1, pair.a[0], pair.a[1]);
			bridged[textB].fill(1, pair.b[0], pair.b[1]);
			for (const [a, b, priority] of sentenceLinks(pair)) {
				links.push({ textA, a, textB, b, priority });
				origins.push(pair);
			}
		}
	}
	const hasUserLinks = origins.some(pair => (pair as UserPassagePair).user);
	const blocks = findBlocks(texts.map(text => text.sentences.length), links, bridged);
	const passages = inputs.map(() => [] as (Passage & { group?: number })[]);
	const covered = texts.map(text => new Array<boolean>(text.sentences.length).fill(false));
	const groups: Group[] = [];
	for (const block of blocks) {
		const groupIndex = groups.length;
		const members = [...block.ranges].sort(([x], [y]) => x - y);
		const refs = new Map<number, PassageRef>();
		for (const [text, range] of members) {
			const passage = toPassage(inputs[text].id, texts[text], range.from, range.to);
			covered[text].fill(true, range.from, range.to + 1);
			passages[text].push({ ...passage, group: groupIndex });
			refs.set(text, { article: inputs[text].id, passage: passage.id });
		}
		const pairs = evidencePairs(block, links, origins, alignment);
		const userLinks = hasUserLinks ? uniqueUserLinks(block.links.map(index => origins[index])) : [];
		groups.push({
			id: `g${groupIndex + 1}`,
			...(userLinks.length > 0 ? { userLinks } : {}),
			score: round(Math.max(...pairs.map(pair => pair.pair.match.score))),
			kind: groupKind(pairs.map(pair => pair.pair)),
			members: members.map(([text]) => refs.get(text)!),
			evidence: pairs.map(({ x, y, pair }) => ({ a: refs.get(x)!, b: refs.get(y)!, score: round(pair.match.score), evidence: describeMatch(pair.match) })),
			disagreements: pairs.flatMap(({ x, y, pair }) => disagreements(pair, texts[x], texts[y], refs.get(x)!, refs.get(y)!)),
		});
	}

	const unaligned: PassageRef[] = [];
	inputs.forEach((input, text) => {
		for (const run of uncoveredRuns(texts[text], covered[text])) {
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

/** The sentence pairs a passage pair asserts, `[a, b, priority]`. */
function sentenceLinks(pair: PassagePair): [number, number, number][] {
	if ((pair as UserPassagePair).user) {
		// Every sentence of each range joins the other range's first one: the whole ranges share a row.
		const links: [number, number, number][] = [];
		for (let a = pair.a[0]; a <= pair.a[1]; a++) {
			links.push([a, pair.b[0], USER_LINK_PRIORITY]);
		}
		for (let b = pair.b[0] + 1; b <= pair.b[1]; b++) {
			links.push([pair.a[0], b, USER_LINK_PRIORITY]);
		}
		return links;
	}
	const base = pair.tier === 'reuse' ? REUSE_PRIORITY : 0;
	return pair.seeds.map(seed => [seed.a, seed.b, base + seed.match.score]);
}

/** A pair of a group's members (texts x < y) and how their passages match. */
interface EvidencePair {
	x: number;
	y: number;
	pair: PassagePair;
}

/**
 * The member pairs a group gives evidence for: every pair its links join, or for a large group
 * (wire copy in dozens of articles) a maximum spanning tree of them, strongest links first.
 */
function evidencePairs(block: Block, links: readonly SentenceLink[], origins: readonly PassagePair[], alignment: PairwiseAlignment): EvidencePair[] {
	const best = new Map<number, { x: number; y: number; priority: number; origin: PassagePair }>();
	const textCount = alignment.texts.length;
	for (const index of block.links) {
		const link = links[index];
		const key = link.textA * textCount + link.textB;
		const known = best.get(key);
		if (!known || link.priority > known.priority) {
			best.set(key, { x: link.textA, y: link.textB, priority: link.priority, origin: origins[index] });
		}
	}
	let chosen = [...best.values()].sort((p, q) => q.priority - p.priority);
	if (chosen.length > MAX_EVIDENCE_PAIRS) {
		const parent = new Map<number, number>();
		const find = (text: number): number => {
			while (parent.has(text) && parent.get(text) !== text) {
				text = parent.get(text)!;
			}
			return text;
		};
		chosen = chosen.filter(({ x, y }) => {
			const [rootX, rootY] = [find(x), find(y)];
			if (rootX === rootY) {
				return false;
			}
			parent.set(rootX, rootY);
			return true;
		});
	}
	// One bag per member, however many pairs it is in.
	const bags = new Map<number, readonly Unit[]>();
	const bagOf = (text: number) => {
		let bag = bags.get(text);
		if (!bag) {
			const range = block.ranges.get(text)!;
			bags.set(text, (bag = unitsOfRange(alignment.texts[text], range.from, range.to)));
		}
		return bag;
	};
	return chosen.map(({ x, y, origin }) => {
		const [a, b] = [block.ranges.get(x)!, block.ranges.get(y)!];
		// Most members are exactly a passage pair, already matched.
		const same = origin.a[0] === a.from && origin.a[1] === a.to && origin.b[0] === b.from && origin.b[1] === b.to;
		const match = same ? origin.match : matchUnits(bagOf(x), bagOf(y), alignment.weights);
		return { x, y, pair: { a: [a.from, a.to], b: [b.from, b.to], match, seeds: [], tier: origin.tier } };
	});
}

/** The user's links among a group's passage pairs, each once. */
function uniqueUserLinks(pairs: readonly PassagePair[]): { id: string; relation: string }[] {
	const byId = new Map<string, { id: string; relation: string }>();
	for (const pair of pairs) {
		const user = (pair as UserPassagePair).user;
		if (user && !byId.has(user.id)) {
			byId.set(user.id, user);
		}
	}
	return [...byId.values()];
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
