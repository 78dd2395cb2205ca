/**
 * Every fuzz target of issue 6: one per parser or algorithm that takes user data, each with its
 * input generator, its properties and a time bound per input. `npm run fuzz` runs them at full
 * size (scripts/fuzz.ts), the unit tests briefly (test/unit/fuzz.test.ts).
 */
import { articleTarget, corpusTarget, decodeTarget } from './fileTargets';
import { importHtmlTarget, importTextTarget } from './importTargets';
import { notesAnchorTarget, notesFileTarget } from './notesTargets';
import { FuzzTarget } from './runTarget';
import { alignTarget, chunksTarget, highlightTarget, normalizeTarget, peopleTarget, segmentTarget } from './textTargets';

export type { FuzzReport, FuzzTarget } from './runTarget';
export { preview, runTarget } from './runTarget';

/** The targets in the order they run: cheap parsers first, the aligner last. */
export const TARGETS = [
	articleTarget,
	corpusTarget,
	decodeTarget,
	importTextTarget,
	importHtmlTarget,
	segmentTarget,
	chunksTarget,
	normalizeTarget,
	peopleTarget,
	highlightTarget,
	notesAnchorTarget,
	notesFileTarget,
	alignTarget,
] as FuzzTarget[];
