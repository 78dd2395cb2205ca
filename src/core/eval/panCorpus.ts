/**
 * Reads a PAN text alignment corpus (PAN 2013 layout): `susp/` and `src/` hold the documents, and
 * each category folder (`02-no-obfuscation`, …) holds one truth XML per document pair, named
 * `<susp stem>-<src stem>.xml`, whose `<feature name="plagiarism" …/>` elements give the reused
 * passages by character offset and length in both documents.
 *
 * This is the one core module that touches the file system: it serves the evaluation script only,
 * never the extension. The parsers (`parsePanTruth`, `parseXmlAttributes`) are pure.
 *
 * Offsets: JavaScript string indexes (UTF-16 code units) into the UTF-8-decoded text. In the PAN 2013
 * development subset no document holds a character outside the BMP, so code points and UTF-16 units
 * coincide; every verbatim case's two slices are equal up to whitespace (line wraps differ), which
 * confirms the offsets count characters, not bytes. Control characters (U+0000, U+0019, …) occur
 * in the texts and count as one character each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../errors';
import { CharRange, PanPassage } from './panMeasures';

/** A reused passage as a truth (or detection) XML gives it. */
export interface PanFeature {
	/** Range in the document the XML is about (the suspicious document). */
	susp: CharRange;
	/** File name of the source document, e.g. `source-document01326.txt`. */
	srcReference: string;
	src: CharRange;
	/** Every attribute of the element, e.g. `obfuscation`, `type`, `translator_1`. */
	attributes: Record<string, string>;
}

/** The content of one truth XML: the suspicious document it is about and its reused passages. */
export interface PanTruth {
	/** File name of the suspicious document, e.g. `suspicious-document00044.txt`. */
	reference: string;
	features: PanFeature[];
}

/** One document pair of the corpus with its gold passages. */
export interface PanPair {
	/** `suspicious-document00044-source-document01326`: the truth file's name, unique in the corpus. */
	id: string;
	/** Category folder name without its number, e.g. `no-obfuscation`. */
	category: string;
	suspFile: string;
	srcFile: string;
	/** Gold passages, with `pair` set to `id`. */
	cases: PanPassage[];
}

/** A pair with both document texts loaded. */
export interface LoadedPanPair extends PanPair {
	suspText: string;
	srcText: string;
}

/**
 * Lists the document pairs of the corpus at `dir`, category by category (folders named `NN-name`),
 * each category's pairs in file name order, with their gold passages.
 * @throws ParallaxError naming the file when a truth XML is malformed or does not match its name
 */
export function listPanPairs(dir: string): PanPair[] {
	const categories = readdirSync(dir)
		.filter((name) => /^\d+-/.test(name) && statSync(join(dir, name)).isDirectory())
		.sort();
	if (categories.length === 0) {
		throw new ParallaxError('no category folders (such as 02-no-obfuscation) here; is this a PAN text alignment corpus?', dir);
	}
	return categories.flatMap((folder) => readdirSync(join(dir, folder))
		.filter((name) => name.endsWith('.xml'))
		.sort()
		.map((name) => {
			const path = join(dir, folder, name);
			try {
				return pairFromTruth(name.slice(0, -'.xml'.length), folder.replace(/^\d+-/, ''), parsePanTruth(readFileSync(path, 'utf8')));
			} catch (error) {
				throw error instanceof ParallaxError ? error.inFile(path) : error;
			}
		}));
}

/**
 * Reads both documents of `pair` from `dir/susp` and `dir/src`.
 * @throws ParallaxError when a document is not UTF-8 or a gold passage lies outside it
 */
export function loadPanPair(dir: string, pair: PanPair): LoadedPanPair {
	const suspText = readPanText(join(dir, 'susp', pair.suspFile));
	const srcText = readPanText(join(dir, 'src', pair.srcFile));
	for (const { susp, src } of pair.cases) {
		if (susp.end > suspText.length || src.end > srcText.length) {
			throw new ParallaxError(`gold passage ${susp.start}–${susp.end} / ${src.start}–${src.end} of pair ${pair.id} ends beyond its documents (${suspText.length} / ${srcText.length} characters)`);
		}
	}
	return { ...pair, suspText, srcText };
}

/** Parses a PAN truth or detection XML: the `<document reference>` and its `*plagiarism` features. */
export function parsePanTruth(xml: string): PanTruth {
	let reference: string | undefined;
	const features: PanFeature[] = [];
	for (const tag of startTags(xml)) {
		if (tag.name === 'document') {
			reference = tag.attributes.reference;
		} else if (tag.name === 'feature' && (tag.attributes.name ?? '').endsWith('plagiarism')) {
			// As PAN's script does, `endsWith` also takes the `detected-plagiarism` of detection files.
			features.push(featureFrom(tag.attributes));
		}
	}
	if (reference === undefined) {
		throw new ParallaxError('no <document reference="…"> element');
	}
	return { reference, features };
}

/**
 * Parses the attributes of a start tag, `a="1"  b = '2'`, in any order, with either quote and any
 * whitespace around `=`, decoding the XML entities in values.
 * @throws ParallaxError on anything else
 */
export function parseXmlAttributes(text: string): Record<string, string> {
	const attributes: Record<string, string> = {};
	let i = 0;
	const skipSpace = () => {
		while (i < text.length && /\s/.test(text[i])) {
			i++;
		}
	};
	for (skipSpace(); i < text.length; skipSpace()) {
		const nameStart = i;
		while (i < text.length && !/[\s=]/.test(text[i])) {
			i++;
		}
		const name = text.slice(nameStart, i);
		skipSpace();
		if (text[i] !== '=') {
			throw new ParallaxError(`attribute "${name}" has no value`);
		}
		i++;
		skipSpace();
		const quote = text[i];
		const valueEnd = quote === '"' || quote === '\'' ? text.indexOf(quote, i + 1) : -1;
		if (valueEnd < 0) {
			throw new ParallaxError(`attribute "${name}" has no quoted value`);
		}
		attributes[name] = decodeEntities(text.slice(i + 1, valueEnd));
		i = valueEnd + 1;
	}
	return attributes;
}

/** Reads a document as UTF-8, keeping every character so offsets stay exact. */
function readPanText(path: string): string {
	try {
		// ignoreBOM keeps a byte order mark as a character, as the Python and Java tools that made the offsets do.
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(path));
	} catch (error) {
		if (error instanceof TypeError) {
			throw new ParallaxError('the document is not valid UTF-8', path);
		}
		throw error;
	}
}

function pairFromTruth(id: string, category: string, truth: PanTruth): PanPair {
	const suspStem = truth.reference.replace(/\.txt$/, '');
	// The source is named only by the file name: negative pairs have no feature to name it.
	if (!id.startsWith(`${suspStem}-`) || id.length === suspStem.length + 1) {
		throw new ParallaxError(`the file name does not start with its document reference "${suspStem}-"`);
	}
	const srcFile = `${id.slice(suspStem.length + 1)}.txt`;
	const cases = truth.features.map((feature) => {
		if (feature.srcReference !== srcFile) {
			throw new ParallaxError(`a feature refers to ${feature.srcReference}, not to the pair's source ${srcFile}`);
		}
		return { pair: id, susp: feature.susp, src: feature.src };
	});
	return { id, category, suspFile: truth.reference, srcFile, cases };
}

function featureFrom(attributes: Record<string, string>): PanFeature {
	const number = (key: string) => {
		const value = attributes[key];
		if (value === undefined || !/^\d+$/.test(value.trim())) {
			throw new ParallaxError(`a plagiarism feature has no whole number ${key}`);
		}
		return Number(value);
	};
	const range = (offsetKey: string, lengthKey: string) => {
		const start = number(offsetKey);
		return { start, end: start + number(lengthKey) };
	};
	return {
		susp: range('this_offset', 'this_length'),
		srcReference: attributes.source_reference ?? '',
		src: range('source_offset', 'source_length'),
		attributes,
	};
}

/** Start and empty-element tags in document order; comments, declarations and end tags are skipped. */
function* startTags(xml: string): Generator<{ name: string; attributes: Record<string, string> }> {
	for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i)) {
		if (xml.startsWith('<!--', i)) {
			i = endOf(xml, '-->', i);
			continue;
		}
		if (xml[i + 1] === '?' || xml[i + 1] === '!' || xml[i + 1] === '/') {
			i = endOf(xml, '>', i);
			continue;
		}
		// The tag ends at the first '>' outside a quoted value.
		let end = i + 1;
		for (let quote = ''; end < xml.length && (quote || xml[end] !== '>'); end++) {
			if (quote ? xml[end] === quote : xml[end] === '"' || xml[end] === '\'') {
				quote = quote ? '' : xml[end];
			}
		}
		if (end >= xml.length) {
			throw new ParallaxError('an unterminated tag');
		}
		const body = xml.slice(i + 1, xml[end - 1] === '/' ? end - 1 : end);
		const nameEnd = body.search(/\s|$/);
		yield { name: body.slice(0, nameEnd), attributes: parseXmlAttributes(body.slice(nameEnd)) };
		i = end + 1;
	}
}

function endOf(xml: string, terminator: string, from: number): number {
	const at = xml.indexOf(terminator, from);
	if (at < 0) {
		throw new ParallaxError(`no closing "${terminator}"`);
	}
	return at + terminator.length;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'' };

function decodeEntities(value: string): string {
	return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity, body: string) => {
		if (body.startsWith('#x')) {
			return String.fromCodePoint(parseInt(body.slice(2), 16));
		}
		if (body.startsWith('#')) {
			return String.fromCodePoint(parseInt(body.slice(1), 10));
		}
		return NAMED_ENTITIES[body] ?? entity;
	});
}
