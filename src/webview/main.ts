import type { ComparisonViewModel, FromWebview, ToWebview, WebviewState } from '../protocol';
import { focusDivergence, markSelection, renderComparison, renderError, renderLoading } from './render';

const vscode = acquireVsCodeApi<WebviewState>();

function post<T extends FromWebview>(type: T['type'], body: Omit<T, 'type'>): void {
	vscode.postMessage({ type, ...body });
}

const root = document.getElementById('comparison') as HTMLElement;
let current: ComparisonViewModel | undefined;

function show(model: ComparisonViewModel): void {
	current = model;
	const state = vscode.getState();
	const ids = model.columns.map(column => column.id);
	const same = state?.articleIds.join('\n') === ids.join('\n');
	const base = same ? Math.min(state?.base ?? 0, ids.length - 1) : 0;
	renderComparison(root, model, base, (article, start, end) => post('reveal', { article, start, end }), setBase);
	window.scrollTo(0, same ? state?.scrollTop ?? 0 : 0);
	vscode.setState({ articleIds: ids, base, scrollTop: window.scrollY });
}

function setBase(base: number): void {
	const state = vscode.getState();
	if (current && state) {
		vscode.setState({ ...state, base });
		renderComparison(root, current, base, (article, start, end) => post('reveal', { article, start, end }), setBase);
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
	}
});

// F7 / Shift+F7 as in the diff editor, also when VS Code does not forward the key.
window.addEventListener('keydown', event => {
	if (event.key === 'F7') {
		event.preventDefault();
		focusDivergence(root, event.shiftKey ? -1 : 1);
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
