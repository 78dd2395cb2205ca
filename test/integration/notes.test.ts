import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { NoteAnnotation } from '../../src/core/notes/model';
import type { ParallaxApi } from '../../src/extension';
import type { ComparePanel } from '../../src/panel/comparePanel';
import { activateParallax, eventually, workspaceUri } from './helpers';

const decoder = new TextDecoder();

/** The annotations stored for an article, read from disk as another tool would. */
async function notesOnDisk(articleId: string): Promise<NoteAnnotation[]> {
	const uri = vscode.Uri.joinPath(workspaceUri(), '.parallax', 'notes', `${articleId}.json`);
	try {
		return JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(uri)));
	} catch {
		return [];
	}
}

/** Opens the article with `phrase` selected. */
async function selectInArticle(api: ParallaxApi, outletPrefix: string, phrase: string) {
	const article = (await api.corpus.get()).articles.find(candidate => candidate.meta.outlet.startsWith(outletPrefix))!;
	const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(article.path));
	const offset = document.getText().indexOf(phrase);
	assert.ok(offset > article.bodyOffset, `${outletPrefix} has no "${phrase}" in its body`);
	const editor = await vscode.window.showTextDocument(document);
	editor.selection = new vscode.Selection(document.positionAt(offset), document.positionAt(offset + phrase.length));
	return { article, document, editor, start: offset - article.bodyOffset };
}

/**
 * Adds a note on the active editor's selection the way the comment widget does: VS Code opens an
 * empty thread of our controller there, and the widget's Add Note button runs the create command.
 */
async function addNoteOnSelection(api: ParallaxApi, text: string): Promise<NoteAnnotation> {
	const before = new Set((await api.notes.all()).map(note => note.annotation.id));
	const editor = vscode.window.activeTextEditor!;
	const thread = api.notesController.controller.createCommentThread(editor.document.uri, editor.selection, []);
	await vscode.commands.executeCommand('parallax.notes.create', { thread, text });
	const added = (await api.notes.all()).find(note => !before.has(note.annotation.id));
	assert.ok(added, 'no note was added');
	return added.annotation;
}

/**
 * Saves a document. code-server's save can report false while it waits on another extension's
 * will-save participant and then complete, so the test waits for the document to be clean.
 */
async function saveDocument(document: vscode.TextDocument): Promise<void> {
	await document.save();
	await eventually(async () => !document.isDirty || undefined);
}

suite('Notes', () => {
	const PHRASE = 'Xi Jinping';
	let original: Map<string, string>;

	suiteSetup(async () => {
		const api = await activateParallax();
		original = new Map((await api.corpus.get()).articles.map(article => [article.path, '']));
		for (const path of original.keys()) {
			original.set(path, decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(path))));
		}
	});

	teardown(async () => {
		await vscode.commands.executeCommand('workbench.action.files.revert');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
		// Put the articles back as they were and forget the notes, so each test starts clean.
		for (const [path, text] of original) {
			const uri = vscode.Uri.parse(path);
			if (decoder.decode(await vscode.workspace.fs.readFile(uri)) === text) {
				continue;
			}
			// Through the editor's model, so that VS Code does not see a conflicting change on disk.
			const document = await vscode.workspace.openTextDocument(uri);
			const edit = new vscode.WorkspaceEdit();
			edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
			await vscode.workspace.applyEdit(edit);
			await saveDocument(document);
		}
		await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceUri(), '.parallax'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
		const api = await activateParallax();
		await api.corpus.reload();
		await api.notes.reload();
	});

	test('a note on a selection is stored as a W3C annotation and shown as a comment thread on that range', async () => {
		const api = await activateParallax();
		const { article, editor, start } = await selectInArticle(api, 'CNN', 'declined to comment on the treaty');
		const annotation = await addNoteOnSelection(api, 'Compare with the **Russian** reading <img src=x onerror=alert(1)>');
		const [stored] = await notesOnDisk(article.meta.id);
		assert.strictEqual(stored.id, annotation.id);
		assert.strictEqual(stored['@context'], 'http://www.w3.org/ns/anno.jsonld');
		assert.strictEqual(stored.type, 'Annotation');
		assert.strictEqual(stored.body[0].value, 'Compare with the **Russian** reading <img src=x onerror=alert(1)>', 'the note is kept as typed');
		const [quote, position] = stored.target[0].selector;
		assert.deepStrictEqual([quote.type, quote.exact], ['TextQuoteSelector', 'declined to comment on the treaty']);
		assert.deepStrictEqual([position.type, position.start, position.end], ['TextPositionSelector', start, start + 'declined to comment on the treaty'.length]);
		const thread = api.notesController.threadOf(annotation.id);
		assert.ok(thread?.range, 'no thread for the note');
		assert.deepStrictEqual([thread.range.start, thread.range.end], [editor.selection.start, editor.selection.end]);
		const body = thread.comments[0].body as vscode.MarkdownString;
		assert.strictEqual(body.supportHtml, false, 'note bodies must not render HTML');
		assert.strictEqual(body.isTrusted, false);
	});

	test('replies, edits and resolving reach the file; the article gets a count badge', async () => {
		const api = await activateParallax();
		const { article } = await selectInArticle(api, 'CNN', PHRASE);
		const annotation = await addNoteOnSelection(api, 'First thought');
		const thread = api.notesController.threadOf(annotation.id)!;
		await vscode.commands.executeCommand('parallax.notes.reply', { thread, text: 'A reply' });
		await vscode.commands.executeCommand('parallax.notes.resolve', thread);
		let [stored] = await notesOnDisk(article.meta.id);
		assert.deepStrictEqual(stored.body.map(body => body.value), ['First thought', 'A reply']);
		assert.strictEqual(stored['parallax:resolved'], true);
		await eventually(async () => (thread.comments.length === 2 && thread.state === vscode.CommentThreadState.Resolved) || undefined);
		const first = thread.comments[0];
		await vscode.commands.executeCommand('parallax.notes.edit', first);
		assert.strictEqual(thread.comments[0].mode, vscode.CommentMode.Editing);
		(first as { body: string | vscode.MarkdownString }).body = 'First thought, corrected';
		await vscode.commands.executeCommand('parallax.notes.save', first);
		[stored] = await notesOnDisk(article.meta.id);
		assert.strictEqual(stored.body[0].value, 'First thought, corrected');
		assert.ok(stored.body[0].modified >= stored.body[0].created);
		const badge = await api.notesBadges.provideFileDecoration(vscode.Uri.parse(article.path));
		assert.strictEqual(badge?.badge, '1');
	});

	test('editing the article above a note moves the note with its sentence, in the editor and on save', async () => {
		const api = await activateParallax();
		const { article, document, start } = await selectInArticle(api, 'CNN', 'declined to comment on the treaty');
		const annotation = await addNoteOnSelection(api, 'Moves with its sentence');
		const inserted = 'A new first paragraph, written after the note.\n\n';
		const edit = new vscode.WorkspaceEdit();
		edit.insert(document.uri, document.positionAt(article.bodyOffset), inserted);
		assert.ok(await vscode.workspace.applyEdit(edit));
		const thread = api.notesController.threadOf(annotation.id)!;
		await eventually(async () => (thread.range && document.getText(thread.range) === 'declined to comment on the treaty') || undefined);
		await saveDocument(document);
		const [stored] = await eventually(async () => {
			const notes = await notesOnDisk(article.meta.id);
			return notes[0]?.target[0].selector[1].start === start + inserted.length ? notes : undefined;
		});
		assert.strictEqual(stored.target[0].selector[0].exact, 'declined to comment on the treaty');
	});

	test('a note whose sentence is deleted is kept as orphaned, listed under Orphaned, and can be re-attached', async () => {
		const api = await activateParallax();
		const sentence = 'declined to comment on the treaty';
		const { article, document } = await selectInArticle(api, 'CNN', sentence);
		const annotation = await addNoteOnSelection(api, 'About a sentence that will go');
		const edit = new vscode.WorkspaceEdit();
		const offset = document.getText().indexOf(sentence);
		edit.delete(document.uri, new vscode.Range(document.positionAt(offset - 40), document.positionAt(offset + sentence.length + 40)));
		assert.ok(await vscode.workspace.applyEdit(edit));
		await saveDocument(document);
		const orphanedGroup = await eventually(async () => (await api.notesTree.getChildren()).find(node => node.label === 'Orphaned'));
		const orphans = await api.notesTree.getChildren(orphanedGroup);
		assert.ok(orphans.some(node => node.id?.startsWith(`note:${annotation.id}`)), 'the note is not under Orphaned');
		assert.strictEqual(api.notesController.threadOf(annotation.id), undefined, 'an orphaned note has no place in the editor');
		const stored = await eventually(async () => (await notesOnDisk(article.meta.id)).find(note => note.id === annotation.id && note.target[0]['parallax:orphaned']));
		assert.strictEqual(stored.body[0].value, 'About a sentence that will go', 'the orphan keeps its note');
		await selectInArticle(api, 'CNN', PHRASE);
		await vscode.commands.executeCommand('parallax.reattachNote', annotation.id, 0);
		const reattached = await api.notes.get(annotation.id);
		assert.ok(reattached?.anchors[0], 'the note was not re-attached');
		assert.strictEqual(reattached.annotation.target[0].selector[0].exact, PHRASE);
	});

	test('a corrupted notes file is set aside with a message, and the other notes keep working', async () => {
		const api = await activateParallax();
		const { article } = await selectInArticle(api, 'CNN', PHRASE);
		await addNoteOnSelection(api, 'A note that must survive');
		const folder = vscode.Uri.joinPath(workspaceUri(), '.parallax', 'notes');
		const broken = vscode.Uri.joinPath(folder, 'broken-article.json');
		await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('[{"id": "urn:uuid:1", "type": "Annot'));
		await api.notes.reload();
		assert.ok(api.notes.problems.some(problem => problem.includes('broken-article')), JSON.stringify(api.notes.problems));
		const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
		const aside = names.find(name => /^broken-article\.corrupt-.+\.json$/.test(name));
		assert.ok(aside, `not set aside: ${names.join(', ')}`);
		assert.strictEqual(decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, aside))), '[{"id": "urn:uuid:1", "type": "Annot');
		assert.deepStrictEqual((await api.notes.forArticle(article.meta.id)).map(note => note.annotation.body[0].value), ['A note that must survive']);
	});

	test('notes of an article that left the corpus stay on disk and appear under Orphaned', async () => {
		const api = await activateParallax();
		const { article } = await selectInArticle(api, 'CNN', PHRASE);
		const annotation = await addNoteOnSelection(api, 'About an article that will be renamed away');
		const ghost = { ...annotation, target: [{ ...annotation.target[0], source: 'urn:parallax:article:gone-article' }] };
		const path = vscode.Uri.joinPath(workspaceUri(), '.parallax', 'notes', 'gone-article.json');
		await vscode.workspace.fs.writeFile(path, new TextEncoder().encode(JSON.stringify([{ ...ghost, id: 'urn:uuid:00000000-0000-4000-8000-000000000001' }], null, 2)));
		await api.notes.reload();
		const orphanedGroup = await eventually(async () => (await api.notesTree.getChildren()).find(node => node.label === 'Orphaned'));
		const orphans = await api.notesTree.getChildren(orphanedGroup);
		assert.ok(orphans.some(node => node.id?.includes('urn:uuid:00000000-0000-4000-8000-000000000001')));
		assert.ok((await vscode.workspace.fs.stat(path)).size > 0);
		assert.strictEqual((await notesOnDisk(article.meta.id)).length, 1);
	});

	test('linking two passages from the comparison shows the link in both articles and joins them in one row', async () => {
		const api = await activateParallax();
		const [story] = (await api.corpus.get()).stories;
		const panel = await vscode.commands.executeCommand<ComparePanel>('parallax.compareStory', story.id);
		await panel.shown;
		const ft = story.articles.find(article => article.meta.outlet.startsWith('Geopolist'))!;
		const ru = story.articles.find(article => article.meta.outlet.startsWith('Russian'))!;
		const passage = (article: typeof ft, phrase: string) => {
			const start = article.body.indexOf(phrase);
			assert.ok(start >= 0, phrase);
			return { article: article.meta.id, start, end: start + phrase.length };
		};
		const a = passage(ft, 'said Shen Dingli, a Chinese professor');
		const b = passage(ru, 'refused to comment');
		// The webview's link buttons post these two passages; the extension runs this command with them.
		const id = await vscode.commands.executeCommand<string>('parallax.linkPassages', a, b, 'contradicts', 'Shen reads it otherwise');
		assert.ok(id);
		const group = await eventually(async () => {
			await panel.shown;
			return panel.comparison?.groups.find(candidate => candidate.userLinks?.some(link => link.id === id));
		}, 30_000);
		const members = group.members.map(member => member.article);
		assert.ok(members.includes(ft.meta.id) && members.includes(ru.meta.id), members.join(', '));
		await api.notesController.sync();
		const [one, other] = [api.notesController.threadOf(id, 0), api.notesController.threadOf(id, 1)];
		assert.ok(one && other, 'the link is not shown in both articles');
		assert.match(one.label ?? '', /contradicts ↔ Russian/);
		assert.match(other.label ?? '', /contradicts ↔ Geopolist/);
		assert.strictEqual((await notesOnDisk(ft.meta.id)).find(note => note.id === id)?.target.length, 2);
	});

	test('Export Notes writes Markdown with each note under its quote, and a W3C AnnotationCollection', async () => {
		const api = await activateParallax();
		await selectInArticle(api, 'CNN', 'declined to comment on the treaty');
		const annotation = await addNoteOnSelection(api, 'Exported note');
		const folder = workspaceUri();
		const markdown = decoder.decode(await vscode.workspace.fs.readFile(
			await vscode.commands.executeCommand<vscode.Uri>('parallax.exportNotes', vscode.Uri.joinPath(folder, 'notes.md'), 'md')));
		assert.ok(markdown.indexOf('declined to comment on the treaty') < markdown.indexOf('Exported note'), markdown);
		assert.ok(markdown.includes('CNN Brasil'), markdown.slice(0, 400));
		const collection = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(
			await vscode.commands.executeCommand<vscode.Uri>('parallax.exportNotes', vscode.Uri.joinPath(folder, 'notes.jsonld'), 'json'))));
		assert.strictEqual(collection.type, 'AnnotationCollection');
		assert.strictEqual(collection.total, 1);
		assert.strictEqual(collection.first.items[0].id, annotation.id);
		await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'notes.md'));
		await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'notes.jsonld'));
	});

	test('a 1 MB note with markup is stored whole and comes back after the notes are read again', async () => {
		const api = await activateParallax();
		const { article } = await selectInArticle(api, 'CNN', PHRASE);
		const huge = `<script>window.parallaxPwned = 1</script>${'x'.repeat(1024 * 1024)}`;
		const annotation = await addNoteOnSelection(api, huge);
		await api.notes.reload();
		const [stored] = await notesOnDisk(article.meta.id);
		assert.strictEqual(stored.body[0].value.length, huge.length);
		assert.strictEqual((await api.notes.get(annotation.id))?.annotation.body[0].value, huge);
		await api.notesController.sync();
		const body = api.notesController.threadOf(annotation.id)?.comments[0].body as vscode.MarkdownString;
		assert.ok(body.value.startsWith('\\<script>'), 'the markup is escaped, so it shows as text');
	});
});
