import * as vscode from 'vscode';
import { serializeArticle } from '../core/article';
import { checkInputSize, decodeText } from '../core/decode';
import { MissingOutletError, isParallaxError } from '../core/errors';
import { ImportedArticle, importPage } from '../core/import/importPage';
import { importFolder } from '../corpus/corpusFolders';
import { CorpusService } from '../corpus/corpusService';
import { writeFileAtomic } from '../util/atomicWrite';

/** Choices the caller may make in advance; whatever is missing is asked for. */
export interface ImportArticleOptions {
	outlet?: string;
	story?: string;
	url?: string;
}

/** Where the page comes from: a file, the clipboard, or (undefined) ask. */
export type ImportSource = vscode.Uri | 'clipboard' | undefined;

/**
 * Imports a web page (saved HTML or a text dump) into the workspace corpus as
 * `<corpus>/<story>/<id>.md`, never replacing an existing article without asking.
 * Returns the new file, or undefined when the user cancelled or the page could not be imported.
 */
export async function importArticle(corpus: CorpusService, source: ImportSource, options: ImportArticleOptions = {}): Promise<vscode.Uri | undefined> {
	if (!vscode.workspace.isTrusted) {
		void vscode.window.showWarningMessage('Parallax: importing writes files into the workspace; trust the workspace first.');
		return undefined;
	}
	const folder = importFolder((await corpus.get()).location);
	if (!folder) {
		void vscode.window.showErrorMessage('Parallax: open a folder first; imported articles are saved in its corpus folder.');
		return undefined;
	}
	try {
		const page = await readSource(source ?? (await pickSource()));
		if (page === undefined) {
			return undefined;
		}
		const imported = await importWithOutlet(page, options);
		if (!imported) {
			return undefined;
		}
		const story = options.story ?? (await pickStory(corpus, imported.meta.story));
		if (!story) {
			return undefined;
		}
		imported.meta.story = story;
		const target = vscode.Uri.joinPath(folder, story, `${imported.meta.id}.md`);
		if (!(await confirmReplace(target))) {
			return undefined;
		}
		await writeFileAtomic(target.fsPath, serializeArticle(imported), { overwrite: true });
		await corpus.reload();
		await vscode.window.showTextDocument(target, { preview: false });
		if (imported.warnings.length > 0) {
			void vscode.window.showWarningMessage(`Parallax imported "${imported.meta.title}" with warnings: ${imported.warnings.join('; ')}`);
		}
		return target;
	} catch (error) {
		if (!isParallaxError(error)) {
			throw error;
		}
		const where = source instanceof vscode.Uri ? `${vscode.workspace.asRelativePath(source, false)}: ` : '';
		void vscode.window.showErrorMessage(`Parallax could not import ${where}${error.message}`);
		return undefined;
	}
}

interface Page {
	text: string;
	sourceName?: string;
}

async function pickSource(): Promise<ImportSource | null> {
	const choice = await vscode.window.showQuickPick(
		[
			{ label: '$(file) From a File…', detail: 'A saved web page (.html) or a page copied as text (.txt)', source: 'file' as const },
			{ label: '$(clippy) From the Clipboard', detail: 'HTML or text copied from a browser', source: 'clipboard' as const },
		],
		{ title: 'Parallax: Import Article', placeHolder: 'Where is the page?' },
	);
	if (choice?.source === 'clipboard') {
		return 'clipboard';
	}
	if (!choice) {
		return null;
	}
	const [file] = (await vscode.window.showOpenDialog({
		title: 'Import Article',
		openLabel: 'Import',
		canSelectMany: false,
		filters: { 'Web pages and text': ['html', 'htm', 'txt', 'text'], 'All files': ['*'] },
	})) ?? [];
	return file ?? null;
}

async function readSource(source: ImportSource | null): Promise<Page | undefined> {
	if (source === null || source === undefined) {
		return undefined;
	}
	if (source === 'clipboard') {
		return { text: await vscode.env.clipboard.readText() };
	}
	checkInputSize((await vscode.workspace.fs.stat(source)).size);
	const bytes = await vscode.workspace.fs.readFile(source);
	// A page saved as UTF-16 would otherwise be refused as "binary".
	return { text: decodeText(bytes), sourceName: source.path.split('/').pop() };
}

async function importWithOutlet(page: Page, options: ImportArticleOptions): Promise<ImportedArticle | undefined> {
	const importOptions = { outlet: options.outlet, story: options.story, url: options.url, sourceName: page.sourceName };
	try {
		return importPage(page.text, importOptions);
	} catch (error) {
		if (!(error instanceof MissingOutletError)) {
			throw error;
		}
		const outlet = await vscode.window.showInputBox({
			title: 'Parallax: Import Article',
			prompt: 'The page does not name the outlet that published it. Which outlet is it?',
			placeHolder: 'e.g. The Daily Courier',
			validateInput: value => (value.trim() ? undefined : 'An outlet name is needed'),
		});
		return outlet ? importPage(page.text, { ...importOptions, outlet: outlet.trim() }) : undefined;
	}
}

async function pickStory(corpus: CorpusService, suggested: string): Promise<string | undefined> {
	const { stories } = await corpus.get();
	const items = [
		...stories.map(story => ({ label: story.id, description: `${story.articles.length} articles`, id: story.id })),
		{ label: `$(add) New story "${suggested}"`, description: '', id: suggested },
	];
	const picked = await vscode.window.showQuickPick(items, { title: 'Parallax: Import Article', placeHolder: 'Which story is this article about?' });
	return picked?.id;
}

async function confirmReplace(target: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(target);
	} catch {
		return true;
	}
	const replace = 'Replace';
	const answer = await vscode.window.showWarningMessage(
		`${vscode.workspace.asRelativePath(target, false)} already exists. Replace it with the imported article?`,
		{ modal: true },
		replace,
	);
	return answer === replace;
}
