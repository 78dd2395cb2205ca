import { parentPort } from 'node:worker_threads';
import { AlignInput, DEFAULT_ALIGN_OPTIONS, alignArticles } from '../core/align';
import { AliasGroup } from '../core/entities';
import { collectPeople } from '../core/people';
import { splitParagraphs } from '../core/segment';
import { UserLink } from '../core/userLinks';
import { ColumnMeta, buildPersonViewModel, buildViewModel } from '../core/viewModel';

/** What the extension sends the worker: align articles (optionally focused on one person), or list their people. */
export type WorkerRequest =
	| { kind: 'align'; inputs: AlignInput[]; meta: [string, ColumnMeta][]; aliases: AliasGroup[]; person?: string; userLinks?: UserLink[] }
	| { kind: 'people'; inputs: AlignInput[] };

/**
 * Worker thread: the engine runs here, off the extension host's main thread, so a big comparison
 * never freezes the editor. Each request carries an id; the reply is `{ id, result }` or `{ id, error }`.
 */
parentPort?.on('message', ({ id, request }: { id: number; request: WorkerRequest }) => {
	try {
		parentPort!.postMessage({ id, result: handle(request) });
	} catch (error) {
		console.error(error);
		parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});

function handle(request: WorkerRequest): unknown {
	if (request.kind === 'people') {
		// Paragraphs are the passages here: the People view names articles, not alignment rows.
		return collectPeople(request.inputs.map(input => ({
			id: input.id,
			body: input.body,
			passages: splitParagraphs(input.body).map((paragraph, index) => ({ id: `${input.id}:p${index}`, ...paragraph })),
		})));
	}
	const comparison = alignArticles(request.inputs, { ...DEFAULT_ALIGN_OPTIONS, aliases: request.aliases, userLinks: request.userLinks });
	const meta = new Map(request.meta);
	const model = request.person ? buildPersonViewModel(comparison, request.person, meta) : buildViewModel(comparison, meta);
	if (!model) {
		throw new Error(`nobody called "${request.person}" is quoted or named in these articles`);
	}
	return { comparison, model };
}
