import * as vscode from 'vscode';
import type { ParallaxApi } from '../../src/extension';

/** The extension's id: publisher.name from package.json. */
export const EXTENSION_ID = 'parallax.parallax';

/** Activates Parallax and returns its API. */
export async function activateParallax(): Promise<ParallaxApi> {
	const extension = vscode.extensions.getExtension<ParallaxApi>(EXTENSION_ID);
	if (!extension) {
		throw new Error(`${EXTENSION_ID} is not installed`);
	}
	return extension.activate();
}

/** The first workspace folder, a scratch copy of the sample corpus made by the harness. */
export function workspaceUri(): vscode.Uri {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder) {
		throw new Error('the tests need a workspace folder');
	}
	return folder.uri;
}

/** Resolves with the next event, or rejects after `ms`. */
export function nextEvent<T>(event: vscode.Event<T>, ms = 10_000): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			listener.dispose();
			reject(new Error(`no event within ${ms} ms`));
		}, ms);
		const listener = event(value => {
			clearTimeout(timer);
			listener.dispose();
			resolve(value);
		});
	});
}

/** Polls `probe` until it returns a value other than undefined, or rejects after `ms`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value !== undefined) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`condition not met within ${ms} ms`);
		}
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

/** The rows of the Articles tree as a user sees them: label, description and kind, depth first. */
export async function treeRows(api: ParallaxApi): Promise<{ label: string; description: string; kind: string; depth: number }[]> {
	const rows: { label: string; description: string; kind: string; depth: number }[] = [];
	const visit = async (parent: Parameters<ParallaxApi['tree']['getChildren']>[0], depth: number) => {
		for (const node of await api.tree.getChildren(parent)) {
			const label = typeof node.label === 'string' ? node.label : node.label?.label ?? '';
			rows.push({ label, description: String(node.description ?? ''), kind: node.contextValue ?? '', depth });
			await visit(node, depth + 1);
		}
	};
	await visit(undefined, 0);
	return rows;
}
