/**
 * Untrusted text (titles, outlets, quotes, notes) in the Markdown of tooltips and comment threads.
 * `MarkdownString.appendText` escapes neither `<` nor `&`, so a title holding `<style>…</style>`,
 * `<meta …>` or `&lt;` shows as something else than it is; and the Markdown of notes may come from
 * anyone's commit, so it must neither carry HTML nor load images.
 */

/**
 * Markdown that shows `text` exactly as written: every ASCII punctuation character is backslash-escaped
 * (CommonMark allows it for all of them), so no tag, entity, link, autolink, image, emphasis or
 * `$(icon)` can start; leading blanks are kept as no-break spaces rather than starting a code block.
 */
export function literalMarkdown(text: string): string {
	return text
		.replace(/[!-/:-@[-`{-~]/g, '\\$&')
		.replace(/^[ \t]+/gm, blanks => '&nbsp;'.repeat(blanks.length));
}

/**
 * A note's Markdown with its HTML shown as text and its images as text (no request to wherever they
 * point): `<` and `![` are escaped, unless already escaped by an odd run of backslashes, since adding
 * one to an even run would escape the backslash instead.
 */
export function inertNoteMarkdown(value: string): string {
	return value.replace(/(\\*)(<|!\[)/g, (match, slashes: string, token: string) => (slashes.length % 2 === 0 ? `${slashes}\\${token}` : match));
}
