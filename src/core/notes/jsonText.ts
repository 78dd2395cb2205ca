import { ParallaxError } from '../errors';

/** A field of a JSON document that breaks its schema: the JSON path of the field (`target[0].source`) and what is wrong. */
export class SchemaError extends Error {
	constructor(readonly path: string, message: string) {
		super(message);
		this.name = 'SchemaError';
	}
}

/**
 * JSON.parse with errors a user can act on: binary content, an empty or cut-off file, or the line
 * and column of a syntax error (V8's own message often gives no position at all).
 */
export function parseJsonText(text: string, what: string): unknown {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	// Raw control characters are never valid JSON (inside strings they must be escaped): this is binary.
	// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
	const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.exec(body);
	if (control) {
		throw new ParallaxError(`the ${what} is binary, not JSON text (byte 0x${control[0].charCodeAt(0).toString(16).padStart(2, '0')})`, undefined, lineAt(body, control.index));
	}
	if (body.trim() === '') {
		throw new ParallaxError(`the ${what} is empty${what === 'notes file' ? '; a notes file without notes holds []' : ''}`);
	}
	try {
		return JSON.parse(body);
	} catch {
		const at = syntaxErrorOffset(body);
		if (at >= body.length) {
			throw new ParallaxError(`the ${what} ends in the middle of its JSON: it was cut off`, undefined, lineAt(body, body.length));
		}
		const column = at - body.lastIndexOf('\n', at - 1);
		throw new ParallaxError(`the ${what} is not valid JSON (column ${column}, at ${JSON.stringify(body.slice(at, at + 20))})`, undefined, lineAt(body, at));
	}
}

/**
 * The ParallaxError for a schema error in entry `index` of the top-level array of `text`: the entry,
 * its id when it has one, the field, and the line where the entry starts.
 */
export function schemaErrorAt(text: string, index: number, entry: unknown, error: SchemaError): ParallaxError {
	const id = entry !== null && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' && (entry as { id: string }).id !== '' ? ` (${(entry as { id: string }).id})` : '';
	const start = entryOffsets(text)[index];
	return new ParallaxError(`entry [${index}]${id}: ${error.path ? `${error.path} ` : ''}${error.message}`, undefined, start === undefined ? undefined : lineAt(text, start));
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
		line++;
	}
	return line;
}

/** Offsets where the entries of a top-level JSON array start (the text is known to be valid JSON). */
function entryOffsets(text: string): number[] {
	const offsets: number[] = [];
	let depth = 0;
	let inString = false;
	let expectEntry = false;
	for (let index = 0; index < text.length; index++) {
		const char = text[index];
		if (inString) {
			if (char === '\\') {
				index++;
			} else if (char === '"') {
				inString = false;
			}
			continue;
		}
		if (depth === 1 && expectEntry && !/[\s\]]/.test(char)) {
			offsets.push(index);
			expectEntry = false;
		}
		if (char === '"') {
			inString = true;
		} else if (char === '[' || char === '{') {
			depth++;
			expectEntry ||= depth === 1;
		} else if (char === ']' || char === '}') {
			depth--;
		} else if (char === ',' && depth === 1) {
			expectEntry = true;
		}
	}
	return offsets;
}

/** Offset of the first JSON syntax error (text.length when the text ends too early); only called once JSON.parse has failed. */
function syntaxErrorOffset(text: string): number {
	let at = 0;
	const fail = (): never => {
		throw at;
	};
	const space = () => {
		while (at < text.length && ' \t\n\r'.includes(text[at])) {
			at++;
		}
	};
	const expect = (char: string) => {
		space();
		if (text[at] !== char) {
			fail();
		}
		at++;
	};
	const string = () => {
		expect('"');
		for (;;) {
			const code = text.charCodeAt(at);
			if (at >= text.length || code < 0x20) {
				fail();
			} else if (code === 0x22) {
				at++;
				return;
			} else if (code === 0x5c) {
				const escape = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(at + 1, at + 6));
				if (escape) {
					at += 1 + escape[0].length;
				} else {
					at = Math.min(at + 1, text.length);
					fail();
				}
			} else {
				at++;
			}
		}
	};
	const scalar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
	const value = (): void => {
		space();
		const open = text[at];
		if (open === '{' || open === '[') {
			const close = open === '{' ? '}' : ']';
			at++;
			space();
			if (text[at] === close) {
				at++;
				return;
			}
			for (;;) {
				if (open === '{') {
					string();
					expect(':');
				}
				value();
				space();
				if (text[at] === close) {
					at++;
					return;
				}
				expect(',');
			}
		} else if (open === '"') {
			string();
		} else {
			scalar.lastIndex = at;
			if (!scalar.test(text)) {
				// `tr` at the very end is a cut-off `true`, not a typo.
				const rest = text.slice(at);
				if (rest !== '' && ['true', 'false', 'null'].some(word => word.startsWith(rest))) {
					at = text.length;
				}
				fail();
			}
			at = scalar.lastIndex;
		}
	};
	try {
		value();
		space();
		return at < text.length ? at : 0;
	} catch (error) {
		// A number is our own position; anything else (a stack overflow on absurd nesting) leaves only the start.
		return typeof error === 'number' ? error : 0;
	}
}
