import * as vscode from 'vscode';
import { ComparePanel, PanelDeps } from '../panel/comparePanel';
import { PeopleService } from '../people/peopleService';

/**
 * Compares the articles that quote or name a person, showing only the rows where they do:
 * "FT vs CNN on Yun Sun" puts her different quotes side by side. Asks for the person if not given.
 */
export async function compareOnPerson(deps: PanelDeps, people: PeopleService, name?: string): Promise<ComparePanel | undefined> {
	const { corpus } = deps;
	const everyone = await vscode.window.withProgress(
		{ location: vscode.ProgressLocation.Window, title: 'Parallax: finding the people quoted' },
		() => people.get(),
	);
	const person = name !== undefined
		? everyone.find(candidate => candidate.name === name)
		: (await vscode.window.showQuickPick(
			everyone.map(candidate => ({ label: candidate.name, description: candidate.affiliation, detail: `${new Set(candidate.mentions.map(mention => mention.article)).size} articles`, candidate })),
			{ title: 'Parallax: Compare on Person', placeHolder: 'Whose quotes should be compared?', matchOnDescription: true },
		))?.candidate;
	if (!person) {
		if (name !== undefined) {
			void vscode.window.showErrorMessage(`Parallax: nobody called "${name}" is quoted or named in the corpus.`);
		}
		return undefined;
	}
	const ids = new Set(person.mentions.map(mention => mention.article));
	const articles = (await corpus.get()).articles.filter(article => ids.has(article.meta.id));
	if (articles.length < 2) {
		void vscode.window.showInformationMessage(`Parallax: only one article quotes or names ${person.name}; there is nothing to compare.`);
		return undefined;
	}
	return ComparePanel.createOrShow(deps, articles, person.name);
}
