import * as vscode from 'vscode';
import { CorpusService } from '../corpus/corpusService';
import { ComparePanel } from '../panel/comparePanel';
import { PeopleService } from '../people/peopleService';
import { PersonNode } from '../tree/peopleTreeProvider';
import { CommandId } from './commandIds';
import { compareArticles, compareStory } from './compareArticles';
import { compareOnPerson } from './compareOnPerson';
import { findParallelPassages } from './findParallel';
import type { ExportFormat } from './exportComparison';
import type { ImportArticleOptions } from './importArticle';
import { openArticle } from './openArticle';
import { showCorpusError } from './showCorpusError';

export { CommandId };

/** What the command handlers need. */
export interface CommandDeps {
	extensionUri: vscode.Uri;
	corpus: CorpusService;
	people: PeopleService;
}

/**
 * The importer is a bundle of its own (see esbuild.mjs), loaded on first use: its HTML parser
 * would otherwise more than double the extension's load time at activation.
 */
function loadImporter(): typeof import('./importArticle') {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path into dist/, kept out of the bundle
	return require('./importArticle.js');
}

/** The exporters bundle the report writers and the word differ: loaded on first use, like the importer. */
function loadExporter(): typeof import('./exportComparison') {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path into dist/, kept out of the bundle
	return require('./exportComparison.js');
}

/** Registers every command of package.json; the returned disposable unregisters them. */
export function registerCommands({ extensionUri, corpus, people }: CommandDeps): vscode.Disposable {
	return vscode.Disposable.from(
		vscode.commands.registerCommand(CommandId.RefreshArticles, () => corpus.reload()),
		vscode.commands.registerCommand(CommandId.OpenArticle, (target?: Parameters<typeof openArticle>[1]) => openArticle(corpus, target)),
		vscode.commands.registerCommand(CommandId.ImportArticle, (source?: vscode.Uri | 'clipboard', options?: ImportArticleOptions) =>
			loadImporter().importArticle(corpus, source, options)),
		vscode.commands.registerCommand(CommandId.CompareArticles, (target?: Parameters<typeof compareArticles>[2]) => compareArticles(extensionUri, corpus, target)),
		vscode.commands.registerCommand(CommandId.CompareStory, (target?: Parameters<typeof compareStory>[2]) => compareStory(extensionUri, corpus, target)),
		vscode.commands.registerCommand(CommandId.NextDivergence, () => ComparePanel.currentPanel?.navigate(1)),
		vscode.commands.registerCommand(CommandId.PreviousDivergence, () => ComparePanel.currentPanel?.navigate(-1)),
		vscode.commands.registerCommand(CommandId.CompareOnPerson, (target?: string | PersonNode) =>
			compareOnPerson(extensionUri, corpus, people, typeof target === 'string' ? target : target?.person.name)),
		vscode.commands.registerCommand(CommandId.FindParallelPassages, () => findParallelPassages(corpus)),
		vscode.commands.registerCommand(CommandId.ExportComparison, (target?: vscode.Uri, format?: ExportFormat) =>
			loadExporter().exportComparison(ComparePanel.currentPanel?.comparison, target, format)),
		vscode.commands.registerCommand(CommandId.ShowCorpusError, showCorpusError),
	);
}
