/** How long synchronous work may hold the extension host's main thread before it lets other work run. */
const SLICE_MS = 20;

/**
 * Splits a long loop of synchronous steps into slices of about {@link SLICE_MS}: call `yield()`
 * between steps, and once the slice is used up it waits for the event loop to turn, so that the
 * editor, other extensions and the file system replies are served between slices.
 */
export class TimeSlicer {
	private _sliceStart = performance.now();

	/** Resolves at once while the slice lasts; otherwise after the pending I/O and timers have run. */
	async yield(): Promise<void> {
		if (performance.now() - this._sliceStart < SLICE_MS) {
			return;
		}
		await new Promise(resolve => setImmediate(resolve));
		this._sliceStart = performance.now();
	}
}
