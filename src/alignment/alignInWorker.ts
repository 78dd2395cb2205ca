import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import { Comparison, Person } from '../core/comparison';
import { CorpusArticle } from '../core/corpus';
import type { AliasGroup } from '../core/entities';
import type { UserLink } from '../core/userLinks';
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
export function alignInWorker(articles: readonly CorpusArticle[], token: vscode.CancellationToken, person?: string, userLinks?: UserLink[]): Promise<AlignResult | undefined> {
	const meta = articles.map(({ meta }): [string, ColumnMeta] => [meta.id, { published: meta.published, via: meta.via }]);
	return runInWorker<AlignResult>({ kind: 'align', inputs: toInputs(articles), meta, aliases: userAliases(), person, userLinks }, token);
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

/** The worker stays up between requests: loading the engine's data (WordNet, the NLP model) once. */
let shared: SharedWorker | undefined;

interface SharedWorker {
	worker: Worker;
	nextId: number;
	pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

function sharedWorker(): SharedWorker {
	if (shared) {
		return shared;
	}
	const worker = new Worker(path.join(__dirname, 'alignWorker.js'));
	// An idle worker must not keep the extension host alive.
	worker.unref();
	const state: SharedWorker = { worker, nextId: 1, pending: new Map() };
	worker.on('message', (reply: { id: number; result?: unknown; error?: string }) => {
		const waiting = state.pending.get(reply.id);
		state.pending.delete(reply.id);
		if (reply.result !== undefined) {
			waiting?.resolve(reply.result);
		} else {
			waiting?.reject(new Error(reply.error ?? 'the alignment worker failed'));
		}
	});
	const fail = (error: Error) => {
		for (const waiting of state.pending.values()) {
			waiting.reject(error);
		}
		state.pending.clear();
		if (shared === state) {
			shared = undefined;
		}
	};
	worker.on('error', fail);
	worker.on('exit', () => fail(new Error('the alignment worker stopped')));
	shared = state;
	return state;
}

function runInWorker<T>(request: WorkerRequest, token?: vscode.CancellationToken): Promise<T | undefined> {
	const state = sharedWorker();
	const id = state.nextId++;
	return new Promise((resolve, reject) => {
		const cancel = token?.onCancellationRequested(() => {
			// The engine cannot be interrupted mid-run: stop the thread; the next request starts a new one.
			state.pending.delete(id);
			resolve(undefined);
			stopAlignWorker();
		});
		state.pending.set(id, {
			resolve: value => {
				cancel?.dispose();
				resolve(value as T);
			},
			reject: error => {
				cancel?.dispose();
				reject(error);
			},
		});
		state.worker.postMessage({ id, request });
	});
}

/**
 * Starts the worker and has it load the engine's data (WordNet table, NLP model) before the first
 * comparison is asked for; called when the Parallax views appear. Does nothing if it runs already.
 */
export function warmUpAlignWorker(): void {
	if (shared) {
		return;
	}
	const sample = [
		{ id: 'a', path: 'a', title: 'a', outlet: 'a', body: 'The spokesman declined to comment, said Ana Lima, a professor.' },
		{ id: 'b', path: 'b', title: 'b', outlet: 'b', body: 'The spokesman refused to comment, Lima said.' },
	];
	runInWorker({ kind: 'align', inputs: sample, meta: [], aliases: [] }).catch(() => undefined);
}

/** Stops the worker thread (on cancel, and when the extension is deactivated). */
export function stopAlignWorker(): void {
	const state = shared;
	shared = undefined;
	void state?.worker.terminate();
}
