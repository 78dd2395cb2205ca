import * as vscode from 'vscode';
import { peopleInWorker } from '../alignment/alignInWorker';
import { Person } from '../core/comparison';
import { CorpusService } from '../corpus/corpusService';
import { Disposable } from '../util/dispose';

/** The people quoted or named across the corpus, computed in the worker on first use and after corpus changes. */
export class PeopleService extends Disposable {
	private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
	/** Fires when the people were computed again. */
	readonly onDidChange = this._onDidChange.event;
	private _people: Promise<Person[]> | undefined;

	constructor(private readonly _corpus: CorpusService) {
		super();
		this._register(_corpus.onDidChange(() => {
			this._people = undefined;
			this._onDidChange.fire();
		}));
	}

	/** Everyone quoted or named, most-cited first. */
	get(): Promise<Person[]> {
		this._people ??= this._compute();
		return this._people;
	}

	private async _compute(): Promise<Person[]> {
		const { articles } = await this._corpus.get();
		const source = new vscode.CancellationTokenSource();
		try {
			return (await peopleInWorker(articles, source.token)) ?? [];
		} finally {
			source.dispose();
		}
	}
}
