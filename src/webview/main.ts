import type { FromWebview, ToWebview, WebviewState } from '../protocol';
import { renderColumns } from './render';

const vscode = acquireVsCodeApi<WebviewState>();

function post<T extends FromWebview>(type: T['type'], body: Omit<T, 'type'>): void {
	vscode.postMessage({ type, ...body });
}

const root = document.getElementById('comparison') as HTMLElement;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
	const message = event.data;
	switch (message.type) {
		case 'show': {
			renderColumns(root, message.columns, (article, start, end) => post('reveal', { article, start, end }));
			root.setAttribute('aria-busy', 'false');
			const state = vscode.getState();
			const sameArticles = state?.articleIds.join('\n') === message.columns.map(column => column.id).join('\n');
			window.scrollTo(0, sameArticles ? state?.scrollTop ?? 0 : 0);
			vscode.setState({ articleIds: message.columns.map(column => column.id), scrollTop: window.scrollY });
			break;
		}
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
