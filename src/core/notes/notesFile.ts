import { ParallaxError } from '../errors';
import { parseJsonText, schemaErrorAt, SchemaError } from './jsonText';
import { ANNOTATION_CONTEXT, AnchorRequest, NoteAnnotation, NoteBody, NoteTarget } from './model';
import { checkAnchorInput, checkAnnotation } from './notesSchema';

/** What one window saves into a notes file: annotations it added or changed, and ids it deleted. */
export interface NotesChanges {
	upsert: NoteAnnotation[];
	remove: string[];
	/** Ids of comments (bodies) this window deleted from annotations it upserts. */
	removeBodies?: string[];
}

/**
 * Reads a notes file: a JSON array of annotations (see model.ts). Throws a ParallaxError naming the
 * line and, for a bad entry, its index and field, rather than guessing: the store sets such a file
 * aside instead of overwriting notes it could not read. Unknown keys are kept; a position selector
 * written before its quote selector is put back in the model's order.
 */
export function parseNotesFile(text: string): NoteAnnotation[] {
	const json = parseJsonText(text, 'notes file');
	if (!Array.isArray(json)) {
		throw new ParallaxError('the notes file must hold a JSON array of annotations ([ … ])', undefined, 1);
	}
	const indexById = new Map<string, number>();
	return json.map((entry, index) => {
		try {
			const annotation = checkAnnotation(entry);
			const first = indexById.get(annotation.id);
			if (first !== undefined) {
				throw new SchemaError('id', `repeats the id of entry [${first}]`);
			}
			indexById.set(annotation.id, index);
			return annotation;
		} catch (error) {
			throw error instanceof SchemaError ? schemaErrorAt(text, index, entry, error) : error;
		}
	});
}

/**
 * Writes annotations as a notes file that diffs well in git: sorted by passage (then creation time
 * and id), keys in one fixed order whatever order they came in (unknown keys after the known ones,
 * sorted), one field per line, tab-indented, ending with a newline.
 */
export function serializeNotesFile(annotations: readonly NoteAnnotation[]): string {
	return `${JSON.stringify(sortAnnotations(annotations).map(canonicalAnnotation), null, '\t')}\n`;
}

/** Annotations in file order: by the first target's passage, then creation time, then id (a copy). */
export function sortAnnotations(annotations: readonly NoteAnnotation[]): NoteAnnotation[] {
	const position = (a: NoteAnnotation) => a.target[0]?.selector[1];
	return [...annotations].sort((a, b) =>
		(position(a)?.start ?? 0) - (position(b)?.start ?? 0)
		|| (position(a)?.end ?? 0) - (position(b)?.end ?? 0)
		|| compareText(a.created, b.created)
		|| compareText(a.id, b.id));
}

/** A copy of an annotation with its keys, and those of its parts, in the file's fixed order. */
export function canonicalAnnotation(annotation: NoteAnnotation): NoteAnnotation {
	return ordered(annotation, ANNOTATION_KEYS, {
		body: bodies => (bodies as NoteBody[]).map(body => ordered(body, BODY_KEYS)),
		target: targets => (targets as NoteTarget[]).map(target => ordered(target, TARGET_KEYS, {
			selector: ([quote, position]: NoteTarget['selector']) => [ordered(quote, QUOTE_KEYS), ordered(position, POSITION_KEYS)],
		})),
	}) as unknown as NoteAnnotation;
}

/**
 * Re-read-and-merge by id, so that two windows saving the same file lose nothing: `remove` deletes,
 * `upsert` adds or replaces — unless the copy on disk was modified strictly later (another window
 * saved a newer edit), which is kept. Either way the thread keeps the comments of both copies (two
 * windows replying at once both keep their reply), except those `removeBodies` names; of a comment
 * in both, the later edit wins. Annotations on disk that the changes do not mention stay. An id both
 * upserted and removed is removed.
 */
export function mergeNotes(onDisk: readonly NoteAnnotation[], changes: NotesChanges): NoteAnnotation[] {
	const removed = new Set(changes.remove);
	const removedBodies = new Set(changes.removeBodies);
	const byId = new Map(onDisk.filter(annotation => !removed.has(annotation.id)).map(annotation => [annotation.id, annotation]));
	for (const mine of changes.upsert) {
		if (removed.has(mine.id)) {
			continue;
		}
		const theirs = byId.get(mine.id);
		if (!theirs) {
			byId.set(mine.id, mine);
			continue;
		}
		const [winner, loser] = isLater(theirs.modified, mine.modified) ? [theirs, mine] : [mine, theirs];
		byId.set(mine.id, { ...winner, body: mergeBodies(winner.body, loser.body).filter(body => !removedBodies.has(body.id)) });
	}
	return [...byId.values()];
}

/** The comments of two copies of one thread: the winner's, with the loser's added or newer ones, oldest first. */
function mergeBodies(winner: readonly NoteBody[], loser: readonly NoteBody[]): NoteBody[] {
	const byId = new Map(winner.map(body => [body.id, body]));
	for (const body of loser) {
		const kept = byId.get(body.id);
		if (!kept || isLater(body.modified, kept.modified)) {
			byId.set(body.id, body);
		}
	}
	// The first comment (a note's text, a link's relation) stays first; replies follow by time.
	const [first, ...rest] = [...byId.values()];
	return first ? [first, ...rest.sort((a, b) => compareText(a.created, b.created))] : [];
}

/** A fresh annotation or body id, `urn:uuid:…` (Web Crypto, so it also runs outside Node). */
export function newAnnotationId(): string {
	return `urn:uuid:${crypto.randomUUID()}`;
}

/** A new note on one passage, its first comment `markdown`. */
export function createNote(target: NoteTarget, markdown: string, now = new Date()): NoteAnnotation {
	const time = now.toISOString();
	return {
		'@context': ANNOTATION_CONTEXT, id: newAnnotationId(), type: 'Annotation', motivation: 'commenting',
		created: time, modified: time, body: [newBody('commenting', markdown, time)], target: [target],
	};
}

/** The note with a reply added at the end of its thread. */
export function addReply(note: NoteAnnotation, markdown: string, now = new Date()): NoteAnnotation {
	const time = now.toISOString();
	return { ...note, modified: time, body: [...note.body, newBody('replying', markdown, time)] };
}

/** The annotation with the text of one body changed; throws if that body is gone (deleted in another window). */
export function editBody(annotation: NoteAnnotation, bodyId: string, markdown: string, now = new Date()): NoteAnnotation {
	if (!annotation.body.some(body => body.id === bodyId)) {
		throw new ParallaxError('this comment no longer exists; it may have been deleted in another window');
	}
	const time = now.toISOString();
	return { ...annotation, modified: time, body: annotation.body.map(body => body.id === bodyId ? { ...body, value: markdown, modified: time } : body) };
}

/**
 * The annotation without one body. Deleting a body that is already gone changes nothing; deleting a
 * whole note or link is the caller's `remove`, not this.
 */
export function removeBody(annotation: NoteAnnotation, bodyId: string, now = new Date()): NoteAnnotation {
	const body = annotation.body.filter(candidate => candidate.id !== bodyId);
	return body.length === annotation.body.length ? annotation : { ...annotation, modified: now.toISOString(), body };
}

/** The note marked resolved or open again. */
export function setResolved(note: NoteAnnotation, resolved: boolean, now = new Date()): NoteAnnotation {
	const copy: NoteAnnotation = { ...note, modified: now.toISOString(), 'parallax:resolved': true };
	if (!resolved) {
		delete copy['parallax:resolved'];
	}
	return copy;
}

/** A link between two passages: `relation` (one of LINK_RELATIONS or a free label) and an optional note. */
export function createLink(targetA: NoteTarget, targetB: NoteTarget, relation: string, note?: string, now = new Date()): NoteAnnotation {
	if (relation.trim() === '') {
		throw new ParallaxError('a link needs a relation, e.g. "contradicts"');
	}
	const time = now.toISOString();
	const body = [newBody('tagging', relation.trim(), time)];
	if (note !== undefined && note.trim() !== '') {
		body.push(newBody('commenting', note, time));
	}
	return { '@context': ANNOTATION_CONTEXT, id: newAnnotationId(), type: 'Annotation', motivation: 'linking', created: time, modified: time, body, target: [targetA, targetB] };
}

/** True for a link (two passages), false for a note. */
export function isLink(annotation: NoteAnnotation): boolean {
	return annotation.motivation === 'linking';
}

/** A link's relation (its tagging body), or undefined for a note. */
export function relationOf(annotation: NoteAnnotation): string | undefined {
	return annotation.body.find(body => body.purpose === 'tagging')?.value;
}

/**
 * Reads the input of `parallax notes anchor`: `{ text, notes: [{ id, exact, prefix, suffix, start, end }] }`
 * (DESIGN.md, CLI notes anchoring). Throws a ParallaxError naming the field at fault.
 */
export function parseAnchorInput(text: string): { text: string; notes: AnchorRequest[] } {
	const json = parseJsonText(text, 'input');
	try {
		return checkAnchorInput(json);
	} catch (error) {
		throw error instanceof SchemaError ? new ParallaxError(`${error.path || 'the input'} ${error.message}`) : error;
	}
}

const ANNOTATION_KEYS = ['@context', 'id', 'type', 'motivation', 'created', 'modified', 'parallax:resolved', 'body', 'target'];
const BODY_KEYS = ['id', 'type', 'purpose', 'value', 'format', 'creator', 'created', 'modified'];
const TARGET_KEYS = ['source', 'selector', 'parallax:orphaned'];
const QUOTE_KEYS = ['type', 'exact', 'prefix', 'suffix'];
const POSITION_KEYS = ['type', 'start', 'end'];

/**
 * `value`'s known keys in `keys` order, then its other keys sorted. Built with fromEntries so that a
 * `__proto__` key read from a file stays a plain key instead of setting the prototype.
 */
function ordered<T extends object>(value: T, keys: readonly string[], convert: Record<string, (field: never) => unknown> = {}): Record<string, unknown> {
	const record = value as Record<string, unknown>;
	const extra = Object.keys(record).filter(key => !keys.includes(key)).sort();
	return Object.fromEntries([...keys.filter(key => record[key] !== undefined), ...extra].map(key => {
		const field = record[key];
		return [key, keys.includes(key) ? (convert[key]?.(field as never) ?? field) : canonicalJson(field)];
	}));
}

/** Unknown values with their object keys sorted, so that they too serialize the same whatever their order. */
function canonicalJson(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(canonicalJson);
	}
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.keys(value).sort().map(key => [key, canonicalJson((value as Record<string, unknown>)[key])]));
	}
	return value;
}

function newBody(purpose: NoteBody['purpose'], value: string, time: string): NoteBody {
	return { id: newAnnotationId(), type: 'TextualBody', purpose, value, format: 'text/markdown', created: time, modified: time };
}

function isLater(a: string, b: string): boolean {
	const timeA = Date.parse(a);
	const timeB = Date.parse(b);
	return Number.isNaN(timeA) || Number.isNaN(timeB) ? a > b : timeA > timeB;
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
