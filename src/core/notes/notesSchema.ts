import { SchemaError } from './jsonText';
import { ANNOTATION_CONTEXT, AnchorRequest, NoteAnnotation, NoteBody } from './model';

// Checks of parsed JSON against the notes model. Each throws a SchemaError with the JSON path of the
// field at fault (`target[0].selector[1].start`); the callers add the entry and line.

/**
 * Checks one parsed entry of a notes file against the model and returns it typed, unknown keys kept;
 * a position selector listed before its quote selector is swapped into the model's order (in place).
 */
export function checkAnnotation(value: unknown): NoteAnnotation {
	const annotation = object(value, '');
	literal(annotation, '@context', '', [ANNOTATION_CONTEXT]);
	string(annotation, 'id', '', true);
	literal(annotation, 'type', '', ['Annotation']);
	const motivation = literal(annotation, 'motivation', '', ['commenting', 'linking'] as const);
	date(annotation, 'created', '');
	date(annotation, 'modified', '');
	optionalTrue(annotation, 'parallax:resolved', '');
	const bodies = array(annotation, 'body', '').map((body, index) => checkBody(body, `body[${index}].`));
	if (bodies.length === 0) {
		throw new SchemaError('body', 'must hold at least one comment');
	}
	const ids = new Set(bodies.map(body => body.id));
	if (ids.size !== bodies.length) {
		throw new SchemaError('body', 'has two comments with the same id');
	}
	const targets = array(annotation, 'target', '');
	const expected = motivation === 'linking' ? 2 : 1;
	if (targets.length !== expected) {
		throw new SchemaError('target', `must hold ${expected} target${expected > 1 ? 's' : ''} for motivation "${motivation}", not ${targets.length}`);
	}
	targets.forEach((target, index) => checkTarget(target, `target[${index}].`));
	if (motivation === 'linking' && (bodies[0].purpose !== 'tagging' || bodies[0].value.trim() === '')) {
		throw new SchemaError('body[0]', 'of a link must be its relation: purpose "tagging" with a non-empty value');
	}
	return annotation as unknown as NoteAnnotation;
}

/** Checks the parsed input of `parallax notes anchor` (see parseAnchorInput). */
export function checkAnchorInput(json: unknown): { text: string; notes: AnchorRequest[] } {
	const input = object(json, '');
	const text = string(input, 'text', '');
	const notes = array(input, 'notes', '').map((entry, index) => {
		const path = `notes[${index}].`;
		const note = object(entry, path.slice(0, -1));
		const request: AnchorRequest = {
			id: string(note, 'id', path, true), exact: string(note, 'exact', path), prefix: string(note, 'prefix', path), suffix: string(note, 'suffix', path),
			start: offset(note, 'start', path), end: offset(note, 'end', path),
		};
		return checkRange(request, path);
	});
	return { text, notes };
}

function checkBody(value: unknown, path: string): NoteBody {
	const body = object(value, path.slice(0, -1));
	string(body, 'id', path, true);
	literal(body, 'type', path, ['TextualBody']);
	literal(body, 'purpose', path, ['commenting', 'replying', 'tagging']);
	string(body, 'value', path);
	literal(body, 'format', path, ['text/markdown']);
	if (body.creator !== undefined) {
		string(body, 'creator', path);
	}
	date(body, 'created', path);
	date(body, 'modified', path);
	return body as unknown as NoteBody;
}

function checkTarget(value: unknown, path: string): void {
	const target = object(value, path.slice(0, -1));
	string(target, 'source', path, true);
	optionalTrue(target, 'parallax:orphaned', path);
	const selectors = array(target, 'selector', path).map((selector, index) => object(selector, `${path}selector[${index}]`));
	// Other Web Annotation tools may list the two selectors the other way round.
	if (selectors.length === 2 && selectors[0].type === 'TextPositionSelector' && selectors[1].type === 'TextQuoteSelector') {
		selectors.reverse();
		target.selector = selectors;
	}
	if (selectors.length !== 2) {
		throw new SchemaError(`${path}selector`, 'must hold a TextQuoteSelector and a TextPositionSelector');
	}
	const [quote, position] = selectors;
	const quotePath = `${path}selector[0].`;
	literal(quote, 'type', quotePath, ['TextQuoteSelector']);
	for (const key of ['exact', 'prefix', 'suffix']) {
		string(quote, key, quotePath);
	}
	const positionPath = `${path}selector[1].`;
	literal(position, 'type', positionPath, ['TextPositionSelector']);
	checkRange({ start: offset(position, 'start', positionPath), end: offset(position, 'end', positionPath) }, positionPath);
}

function checkRange<T extends { start: number; end: number }>(range: T, path: string): T {
	if (range.start > range.end) {
		throw new SchemaError(`${path}start`, `(${range.start}) is after end (${range.end})`);
	}
	return range;
}

function object(value: unknown, path: string): Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new SchemaError(path, `must be an object, not ${describeJson(value)}`);
	}
	return value as Record<string, unknown>;
}

function array(record: Record<string, unknown>, key: string, path: string): unknown[] {
	const value = record[key];
	if (!Array.isArray(value)) {
		throw new SchemaError(path + key, value === undefined ? 'is missing' : `must be an array, not ${describeJson(value)}`);
	}
	return value;
}

function string(record: Record<string, unknown>, key: string, path: string, nonEmpty = false): string {
	const value = record[key];
	if (typeof value !== 'string' || (nonEmpty && value === '')) {
		throw new SchemaError(path + key, value === undefined ? 'is missing' : `must be a ${nonEmpty ? 'non-empty ' : ''}string, not ${describeJson(value)}`);
	}
	return value;
}

function literal<T extends string>(record: Record<string, unknown>, key: string, path: string, allowed: readonly T[]): T {
	const value = record[key];
	if (!allowed.includes(value as T)) {
		throw new SchemaError(path + key, value === undefined ? 'is missing' : `must be ${allowed.map(item => JSON.stringify(item)).join(' or ')}, not ${describeJson(value)}`);
	}
	return value as T;
}

function date(record: Record<string, unknown>, key: string, path: string): void {
	if (Number.isNaN(Date.parse(string(record, key, path)))) {
		throw new SchemaError(path + key, `must be an ISO date-time, not ${describeJson(record[key])}`);
	}
}

function offset(record: Record<string, unknown>, key: string, path: string): number {
	const value = record[key];
	if (!Number.isSafeInteger(value) || (value as number) < 0) {
		throw new SchemaError(path + key, value === undefined ? 'is missing' : `must be a whole number ≥ 0, not ${describeJson(value)}`);
	}
	return value as number;
}

function optionalTrue(record: Record<string, unknown>, key: string, path: string): void {
	if (record[key] !== undefined && record[key] !== true) {
		throw new SchemaError(path + key, `must be true or left out, not ${describeJson(record[key])}`);
	}
}

function describeJson(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
