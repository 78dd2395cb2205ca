import { parentPort } from 'node:worker_threads';
import { AlignInput, alignArticles } from '../core/align';
import { ColumnMeta, buildViewModel } from '../core/viewModel';

/** What the extension sends the alignment worker. */
export interface AlignRequest {
	inputs: AlignInput[];
	meta: [string, ColumnMeta][];
}

/**
 * Worker thread: aligns articles and builds the view model off the extension host's main thread,
 * so a big comparison never freezes the editor. Replies with `{ comparison, model }` or `{ error }`.
 */
parentPort?.on('message', (request: AlignRequest) => {
	try {
		const comparison = alignArticles(request.inputs);
		parentPort!.postMessage({ comparison, model: buildViewModel(comparison, new Map(request.meta)) });
	} catch (error) {
		parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
	}
});
