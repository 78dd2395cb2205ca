import * as vscode from 'vscode';

/** Base for objects that own disposables: everything `_register`ed is disposed with them. */
export abstract class Disposable implements vscode.Disposable {
	private _disposables: vscode.Disposable[] = [];
	private _isDisposed = false;

	dispose(): void {
		if (this._isDisposed) {
			return;
		}
		this._isDisposed = true;
		for (const disposable of this._disposables.splice(0).reverse()) {
			disposable.dispose();
		}
	}

	protected get isDisposed(): boolean {
		return this._isDisposed;
	}

	protected _register<T extends vscode.Disposable>(disposable: T): T {
		if (this._isDisposed) {
			disposable.dispose();
		} else {
			this._disposables.push(disposable);
		}
		return disposable;
	}
}
