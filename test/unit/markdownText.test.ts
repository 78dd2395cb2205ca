import { ok, strictEqual } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inertNoteMarkdown, literalMarkdown } from '../../src/util/markdownText';

// The vectors of test/fixtures/xss, placeholders left as they are: only the characters matter here.
const VECTORS = Object.entries(JSON.parse(readFileSync(join(__dirname, '../fixtures/xss/vectors.json'), 'utf8')) as Record<string, string[] | string>)
	.filter(([key]) => !key.startsWith('$')).flatMap(([, list]) => list as string[]);

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** The characters of `markdown` that are not backslash-escaped, with the no-break spaces we write taken out. */
function unescaped(markdown: string): string {
	let result = '';
	const text = markdown.replace(/&nbsp;/g, ' ');
	for (let index = 0; index < text.length; index++) {
		if (text[index] === '\\') {
			index++;
		} else {
			result += text[index];
		}
	}
	return result;
}

/** Whether the `token` at `index` is escaped: preceded by an odd run of backslashes. */
function isEscaped(text: string, index: number): boolean {
	let slashes = 0;
	while (index - slashes - 1 >= 0 && text[index - slashes - 1] === '\\') {
		slashes++;
	}
	return slashes % 2 === 1;
}

describe('markdownText', () => {
	describe('literalMarkdown', () => {
		it('escapes every ASCII punctuation character of the XSS vectors, and nothing is lost', () => {
			for (const vector of VECTORS) {
				const markdown = literalMarkdown(vector);
				ok(!PUNCTUATION.test(unescaped(markdown)), `unescaped markup in ${markdown}`);
				strictEqual(markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/gs, '$1'), vector);
			}
		});

		it('keeps leading blanks from starting a code block', () => {
			strictEqual(literalMarkdown('    code?\n  x'), '&nbsp;&nbsp;&nbsp;&nbsp;code\\?\n&nbsp;&nbsp;x');
		});

		it('leaves letters, digits, spaces and non-ASCII text alone', () => {
			strictEqual(literalMarkdown('Zoë said 12 words — “fine”'), 'Zoë said 12 words — “fine”');
		});
	});

	describe('inertNoteMarkdown', () => {
		it('escapes HTML and images, and keeps the rest of the Markdown', () => {
			strictEqual(inertNoteMarkdown('**bold** <b>x</b> ![pixel](http://x/p.png) [link](http://x)'), '**bold** \\<b>x\\</b> \\![pixel](http://x/p.png) [link](http://x)');
		});

		it('leaves what the user already escaped, and escapes after an escaped backslash', () => {
			strictEqual(inertNoteMarkdown('\\<b> \\![x](y)'), '\\<b> \\![x](y)');
			strictEqual(inertNoteMarkdown('\\\\<b> \\\\![x](y)'), '\\\\\\<b> \\\\\\![x](y)');
		});

		it('leaves no "<" or "![" unescaped in any XSS vector', () => {
			for (const vector of VECTORS) {
				const markdown = inertNoteMarkdown(vector);
				for (const match of markdown.matchAll(/<|!\[/g)) {
					ok(isEscaped(markdown, match.index), `unescaped "${match[0]}" in ${markdown}`);
				}
			}
		});
	});
});
