import type { ViewRow } from './viewModelTypes';

/**
 * Orders rows by where they start in column `base`; rows without a passage there follow, by their
 * first column and position. Shared by the view model and the webview (which re-sorts on a base change).
 */
export function sortRows(rows: readonly ViewRow[], base: number): ViewRow[] {
	const key = (row: ViewRow): [number, number, number] => {
		const own = row.cells[base]?.[0];
		if (own) {
			return [0, own.start, 0];
		}
		const column = row.cells.findIndex(cell => cell.length > 0);
		return [1, column, row.cells[column]?.[0]?.start ?? 0];
	};
	return [...rows].sort((x, y) => {
		const [a, b] = [key(x), key(y)];
		return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
	});
}
