import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { Comparison } from '../core/comparison';
import { CorpusArticle } from '../core/corpus';
import { ComparisonViewModel } from '../core/viewModel';
import type { AlignRequest } from './alignWorker';

/** A comparison and the view model built from it. */
export interface AlignResult {
	comparison: Comparison;
	model: ComparisonViewModel;
}

/**
 * Aligns articles in a worker thread (dist/alignWorker.js), or returns undefined when cancelled:
 * cancelling terminates the worker, so no work goes on in the background.
 */
export function alignInWorker(articles: readonly CorpusArticle[], token: vscode.CancellationToken): Promise<AlignResult | undefined> {
	const request: AlignRequest = {
		inputs: articles.map(({ meta, path: file, body }) => ({ id: meta.id, path: file, title: meta.title, outlet: meta.outlet, body })),
		meta: articles.map(({ meta }) => [meta.id, { published: meta.published, via: meta.via }]),
	};
	return new Promise((resolve, reject) => {
		const worker = new Worker(path.join(__dirname, 'alignWorker.js'));
		const cancel = token.onCancellationRequested(() => {
			void worker.terminate();
			resolve(undefined);
		});
		const finish = () => {
			cancel.dispose();
			void worker.terminate();
		};
		worker.once('message', (reply: Partial<AlignResult> & { error?: string }) => {
			finish();
			if (reply.model && reply.comparison) {
				resolve({ comparison: reply.comparison, model: reply.model });
			} else {
				reject(new Error(`alignment failed: ${reply.error}`));
			}
		});
		worker.once('error', error => {
			finish();
			reject(error);
		});
		worker.postMessage(request);
	});
}
