import { NAME_RUN, classifyName, hasVerb, isDescription, startsDescription } from './names';

/**
 * What an article says a person is, read from the words around the name: an apposition
 * ("Yun Sun, director of the China program at … Stimson Center, said"), an "of" phrase ("Liu of
 * the City University of Hong Kong"), or a title and description in front ("Seoul sinologist,
 * Professor John Delury", "Russian President Vladimir Putin").
 */

/** An affiliation and where its words end in the body. */
export interface Described {
	text: string;
	/** Body offset just after the description (the end of the apposition). */
	end: number;
	kind: 'apposition' | 'of' | 'title';
}

const MAX_APPOSITION = 300;
/** Marks that end an apposition: quotes, brackets, dashes, semicolons. */
const APPOSITION_STOP = /[“”"«»;()–—]|\s-\s/;
const RELATIVE = /\s+(?:who|which|whose|where|when)\s[\s\S]*$/;
const OF_PHRASE = /^\s+of\s+((?:the\s+)?\p{Lu}[^,.;:“”"«»()–—]{0,150})/u;
const RUN_BEFORE = new RegExp(String.raw`(${NAME_RUN})\s$`, 'u');

/**
 * The apposition or "of" phrase after a name ending at `nameEnd`, within the sentence ending at
 * `sentenceEnd`. A first comma part must read as a description ("director of…", not "said…" or
 * "who…"); later parts only when they start with an article (", a think-tank in Washington").
 */
export function describedAfter(body: string, nameEnd: number, sentenceEnd: number): Described | undefined {
	const text = body.slice(nameEnd, Math.min(sentenceEnd, nameEnd + MAX_APPOSITION));
	const of = OF_PHRASE.exec(text);
	if (of) {
		return { text: tidy(of[1]), end: nameEnd + of[0].length, kind: 'of' };
	}
	const comma = /^,\s+/.exec(text);
	if (!comma) {
		return undefined;
	}
	const stop = APPOSITION_STOP.exec(text);
	const rest = text.slice(comma[0].length, stop ? stop.index : text.length);
	const parts: string[] = [];
	let consumed = 0;
	let position = 0;
	for (const part of rest.split(/(?<=,)\s+/)) {
		const partStart = rest.indexOf(part, position);
		position = partStart + part.length;
		const clean = part.replace(/,$/, '');
		const first = parts.length === 0;
		// After the first part, only a noun phrase describing the last one (", a think-tank in Washington"), not the main clause resuming.
		if (!clean.trim() || (first ? !startsDescription(clean) : !/^(?:a|an|the)\s/.test(clean) || hasVerb(clean))) {
			break;
		}
		const relative = RELATIVE.exec(clean);
		parts.push(relative ? clean.slice(0, relative.index) : clean);
		consumed = partStart + (relative ? relative.index : clean.length);
		if (relative) {
			break;
		}
	}
	const description = tidy(parts.join(', '));
	return description.length >= 3 ? { text: description, end: nameEnd + comma[0].length + consumed, kind: 'apposition' } : undefined;
}

/**
 * Title words and a description in front of a name at `[nameStart, nameEnd)` in the
 * sentence starting at `sentenceStart`: "Seoul sinologist, Professor John Delury" → "Seoul sinologist,
 * Professor".
 */
export function describedBefore(body: string, nameStart: number, nameEnd: number, sentenceStart: number): string | undefined {
	const before = body.slice(Math.max(sentenceStart, nameStart - 120), nameStart);
	const run = RUN_BEFORE.exec(before);
	// The name run itself may start with its title ("Professor John Delury"): classify from the run's start.
	const runStart = run ? nameStart - before.length + run.index : nameStart;
	const title = classifyName(body.slice(runStart, nameEnd)).title;
	const prefix = body.slice(sentenceStart, runStart);
	const lead = /^([^,;:.“”"«»]{2,60}),\s*$/.exec(prefix);
	const description = lead && isDescription(lead[1]) ? lead[1].trim() : undefined;
	const text = [description, title].filter(Boolean).join(', ');
	return text || undefined;
}

function tidy(text: string): string {
	return text.replace(/\s+/g, ' ').replace(/[\s.,;:]+$/, '').trim();
}
