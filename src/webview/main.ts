import type { ComparisonViewModel, FromWebview, PassageRange, ToWebview, WebviewState } from '../protocol';
import { Handlers, focusDivergence, markLinkSource, markSelection, renderComparison, renderError, renderLoading, renderNotes } from './render';

const vscode = acquireVsCodeApi<WebviewState>();

function post<T extends FromWebview>(type: T['type'], body: Omit<T, 'type'>): void {
	vscode.postMessage({ type, ...body });
}

const root = document.getElementById('comparison') as HTMLElement;
let current: ComparisonViewModel | undefined;
/** The passage a link starts from, between the first and the second press of a link button. */
let linkSource: PassageRange | undefined;
const status = document.getElementById('status') as HTMLElement;

const handlers: Handlers = {
	reveal: passage => post('reveal', passage),
	base: setBase,
	link: passage => {
		if (!linkSource || linkSource.article === passage.article) {
			linkSource = passage;
			status.textContent = 'Linking: press the link button of a passage in another article (Escape cancels).';
		} else {
			post('link', { from: linkSource, to: passage });
			linkSource = undefined;
			status.textContent = '';
		}
		markLinkSource(root, linkSource);
	},
	revealNote: note => post('revealNote', { id: note.id, targetIndex: note.targetIndex }),
};

function show(model: ComparisonViewModel): void {
	current = model;
	const state = vscode.getState();
	const ids = model.columns.map(column => column.id);
	const same = state?.articleIds.join('\n') === ids.join('\n');
	const base = same ? Math.min(state?.base ?? 0, ids.length - 1) : 0;
	renderComparison(root, model, base, handlers);
	window.scrollTo(0, same ? state?.scrollTop ?? 0 : 0);
	vscode.setState({ articleIds: ids, base, scrollTop: window.scrollY });
}

function setBase(base: number): void {
	const state = vscode.getState();
	if (current && state) {
		vscode.setState({ ...state, base });
		renderComparison(root, current, base, handlers);
	}
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
	const message = event.data;
	switch (message.type) {
		case 'loading':
			renderLoading(root, message.columns);
			break;
		case 'show':
			show(message.model);
			break;
		case 'error':
			renderError(root, message.message);
			break;
		case 'navigate':
			focusDivergence(root, message.direction);
			break;
		case 'selection':
			markSelection(root, message.article, message.start, message.end);
			break;
		case 'notes':
			renderNotes(root, message.notes, handlers);
			break;
	}
});

// F7 / Shift+F7 as in the diff editor, also when VS Code does not forward the key.
window.addEventListener('keydown', event => {
	if (event.key === 'F7') {
		event.preventDefault();
		focusDivergence(root, event.shiftKey ? -1 : 1);
	} else if (event.key === 'Escape' && linkSource) {
		linkSource = undefined;
		status.textContent = '';
		markLinkSource(root, undefined);
	}
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
	window.clearTimeout(scrollTimer);
	scrollTimer = window.setTimeout(() => {
		const state = vscode.getState();
		if (state) {
			vscode.setState({ ...state, scrollTop: window.scrollY });
		}
	}, 200);
});

post('ready', {});
