import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { Comparison, Person } from '../core/comparison';
import { CorpusArticle } from '../core/corpus';
import type { AliasGroup } from '../core/entities';
import type { ColumnMeta, ComparisonViewModel } from '../core/viewModel';
import type { WorkerRequest } from './alignWorker';

/** A comparison and the view model built from it. */
export interface AlignResult {
	comparison: Comparison;
	model: ComparisonViewModel;
}

/**
 * Aligns articles in a worker thread (dist/alignWorker.js), optionally focused on one person, or
 * returns undefined when cancelled: cancelling terminates the worker, so nothing runs on.
 */
export function alignInWorker(articles: readonly CorpusArticle[], token: vscode.CancellationToken, person?: string): Promise<AlignResult | undefined> {
	const meta = articles.map(({ meta }): [string, ColumnMeta] => [meta.id, { published: meta.published, via: meta.via }]);
	return runInWorker<AlignResult>({ kind: 'align', inputs: toInputs(articles), meta, aliases: userAliases(), person }, token);
}

/** The people quoted or named in the articles, computed in the worker thread. */
export function peopleInWorker(articles: readonly CorpusArticle[], token: vscode.CancellationToken): Promise<Person[] | undefined> {
	return runInWorker<Person[]>({ kind: 'people', inputs: toInputs(articles) }, token);
}

/** The `parallax.aliases` setting, keeping only well-formed entries. */
function userAliases(): AliasGroup[] {
	const entries = vscode.workspace.getConfiguration('parallax').get<unknown[]>('aliases', []);
	return entries.filter((entry): entry is AliasGroup => {
		const candidate = entry as Partial<AliasGroup> | null;
		return typeof candidate?.id === 'string' && Array.isArray(candidate.names) && candidate.names.every(name => typeof name === 'string');
	});
}

function toInputs(articles: readonly CorpusArticle[]): WorkerRequest['inputs'] {
	return articles.map(({ meta, path: file, body }) => ({ id: meta.id, path: file, title: meta.title, outlet: meta.outlet, body }));
}

function runInWorker<T>(request: WorkerRequest, token: vscode.CancellationToken): Promise<T | undefined> {
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
		worker.once('message', (reply: { result?: T; error?: string }) => {
			finish();
			if (reply.result !== undefined) {
				resolve(reply.result);
			} else {
				reject(new Error(reply.error ?? 'the alignment worker failed'));
			}
		});
		worker.once('error', error => {
			finish();
			reject(error);
		});
		worker.postMessage(request);
	});
}
