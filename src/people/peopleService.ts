import * as vscode from 'vscode';
import { peopleInWorker } from '../alignment/alignInWorker';
import { Person } from '../core/comparison';
import { CorpusArticle } from '../core/corpus';
import { CorpusService } from '../corpus/corpusService';
import { Disposable } from '../util/dispose';

/** View id of the People tree (package.json), which shows a progress bar while the people are found. */
const PEOPLE_VIEW_ID = 'parallax.people';

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
		if (!this._people) {
			const people = this._compute();
			this._people = people;
			// A failed run is not kept: the next call tries again instead of failing for good.
			people.catch(() => {
				if (this._people === people) {
					this._people = undefined;
				}
			});
			// On a big corpus this takes seconds (in the worker): say so in the view.
			void vscode.window.withProgress({ location: { viewId: PEOPLE_VIEW_ID } }, () => people.catch(() => undefined));
		}
		return this._people;
	}

	private async _compute(): Promise<Person[]> {
		const { articles } = await this._corpus.get();
		try {
			return await this._inWorker(articles);
		} catch {
			// Cancelling a comparison stops the shared worker, failing the request queued behind it: ask once more.
			return this._inWorker(articles);
		}
	}

	private async _inWorker(articles: readonly CorpusArticle[]): Promise<Person[]> {
		const source = new vscode.CancellationTokenSource();
		try {
			return (await peopleInWorker(articles, source.token)) ?? [];
		} finally {
			source.dispose();
		}
	}
}
