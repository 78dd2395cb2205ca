import type { AlignInput } from '../../src/core/align';
import { seeds } from './seedArticles';

/** One paragraph of a wire-story article: which source paragraph it copies, and where it is. */
export interface WireParagraph {
	source: number;
	start: number;
	end: number;
}

/** A story made of wire copy: every article is a different mix of the same source paragraphs. */
export interface WireStory {
	articles: AlignInput[];
	/** The source paragraphs, as written in the seed articles. */
	sources: string[];
	/** Each article's paragraphs, in order. */
	paragraphs: WireParagraph[][];
}

/** Deterministic pseudo-random numbers (the generator of the UI edge-case test), so every run builds the same story. */
function random(seed: number): () => number {
	return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/**
 * Builds a wire story as the UI edge-case test does: each article keeps each paragraph of the three
 * seed articles with probability `share`, in their order, and capitalises some words (a retouched copy).
 */
export function wireStory(count: number, share = 0.3, seed = 42): WireStory {
	const sources = seeds.flatMap(article => article.body.split(/\n\n+/)).filter(paragraph => paragraph.trim().length > 80);
	const next = random(seed);
	const articles: AlignInput[] = [];
	const paragraphs: WireParagraph[][] = [];
	for (let index = 1; index <= count; index++) {
		let body = '';
		const own: WireParagraph[] = [];
		sources.forEach((text, source) => {
			if (next() < share) {
				const copy = text.replace(/\b(said|China|treaty)\b/g, word => (next() < 0.5 ? word : word.toUpperCase()));
				body += body ? '\n\n' : '';
				own.push({ source, start: body.length, end: body.length + copy.length });
				body += copy;
			}
		});
		const name = String(index).padStart(3, '0');
		articles.push({ id: `article-${name}`, path: `article-${name}.md`, title: `Article ${name}`, outlet: `Outlet ${name}`, body });
		paragraphs.push(own);
	}
	return { articles, sources, paragraphs };
}
