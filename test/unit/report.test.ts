import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { ComparedArticle, Comparison, Group } from '../../src/core/comparison';
import { escapeHtml, renderHtml } from '../../src/core/report/html';
import { escapeMarkdown, renderMarkdown } from '../../src/core/report/markdown';

const HOSTILE = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'[link](javascript:alert(1))',
	'![pixel](https://evil.example/p.png)',
	'[a]: https://evil.example',
	'text] (x) ](javascript:alert(1)) [b][a]',
	'&lt;script&gt; `code` *em* $x$ | cell |',
];

/** An article whose passages are its paragraphs (separated by blank lines). */
function article(id: string, outlet: string, body: string): ComparedArticle {
	const passages: ComparedArticle['passages'] = [];
	let start = 0;
	for (const paragraph of body.split('\n\n')) {
		passages.push({ id: `${id}:p${passages.length + 1}`, start, end: start + paragraph.length, text: paragraph });
		start += paragraph.length + 2;
	}
	return { id, path: `${id}.md`, title: `Title of ${id}`, outlet, passages };
}

function group(id: string, kind: Group['kind'], a: string, b: string): Group {
	const refs = [{ article: 'ft', passage: a }, { article: 'cnn', passage: b }];
	return {
		id, score: 0.8, kind, members: refs,
		evidence: [{ a: refs[0], b: refs[1], score: 0.75, evidence: { terms: ['comment', '<b>bold</b>'], synonyms: [['declined', 'refused']], entities: ['china'], numbers: [260000] } }],
		disagreements: [{ kind: 'number', a: { ref: refs[0], values: ['260,000'] }, b: { ref: refs[1], values: ['[300,000](javascript:x)'] } }],
	};
}

function fixture(): Comparison {
	const ft = article('ft', 'Financial Times', [
		'China declined to comment, calling it a bilateral matter.',
		HOSTILE.join('\n'),
		'Only the FT says this.',
	].join('\n\n'));
	const cnn = article('cnn', 'CNN <b>Brasil</b> "quoted"', [
		'China refused to comment, recalling that this is a purely personal matter.',
		HOSTILE.slice().reverse().join(' '),
		'# Only CNN says <script>this</script>.',
	].join('\n\n'));
	return {
		version: 1,
		articles: [ft, cnn],
		groups: [group('g1', 'paraphrase', 'ft:p1', 'cnn:p1'), group('g2', 'lexical', 'ft:p2', 'cnn:p2')],
		unaligned: [{ article: 'ft', passage: 'ft:p3' }, { article: 'cnn', passage: 'cnn:p3' }],
		people: [],
	};
}

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'span', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'blockquote', 'ul', 'li']);

describe('report', () => {
	describe('markdown', () => {
		it('escapes every character that could start a link, image, HTML or code, and nothing is lost', () => {
			for (const text of HOSTILE) {
				const escaped = escapeMarkdown(text);
				ok(!/(^|[^\\])(\\\\)*[<>[\]()`*_!&|$]/.test(escaped), `unescaped markup in ${escaped}`);
				strictEqual(escaped.replace(/\\(.)/g, '$1'), text);
			}
		});

		it('escapes line-start markers of headings, lists and quotes', () => {
			strictEqual(escapeMarkdown('# Title\n- item\n1. first\n> quote\n    code'), '\\# Title\n\\- item\n1\\. first\n\\> quote\ncode');
		});

		it('keeps hostile article text inert', () => {
			const markdown = renderMarkdown(fixture());
			ok(!/(^|[^\\])</m.test(markdown), 'an unescaped "<" could open HTML');
			ok(!/(^|[^\\])[[\]]/m.test(markdown), 'an unescaped bracket could open a link');
			ok(markdown.includes('> \\<script\\>alert\\(1\\)\\</script\\>'));
			ok(markdown.includes('\\[link\\]\\(javascript:alert\\(1\\)\\)'));
		});

		it('lists the articles with their coverage, each group, and what only one article says', () => {
			const markdown = renderMarkdown(fixture());
			const headings = markdown.split('\n').filter(line => line.startsWith('#'));
			deepStrictEqual(headings, [
				'# Parallax comparison',
				'## Articles',
				'## Group 1: paraphrase, score 0.80',
				'## Group 2: lexical, score 0.80',
				'## Only in Financial Times',
				'## Only in CNN \\<b\\>Brasil\\</b\\> "quoted"',
			]);
			ok(/\| Title of ft \| Financial Times \| \d+% \(2 of 3 passages\) \|/.test(markdown));
			ok(markdown.includes('> China declined to comment, calling it a bilateral matter.'));
			ok(markdown.includes('shared terms: comment, \\<b\\>bold\\</b\\>; synonyms: declined / refused; entities: china; numbers: 260,000'));
			ok(markdown.includes('- numbers: Financial Times has 260,000; CNN \\<b\\>Brasil\\</b\\> "quoted" has \\[300,000\\]\\(javascript:x\\)'));
			ok(markdown.includes('> \\# Only CNN says \\<script\\>this\\</script\\>.'));
		});
	});

	describe('html', () => {
		it('escapes the five HTML-significant characters', () => {
			strictEqual(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
		});

		it('keeps hostile article text inert: only the report\'s own tags, no script, no handler', () => {
			const html = renderHtml(fixture());
			const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map(match => match[1].toLowerCase()));
			deepStrictEqual([...tags].filter(tag => !ALLOWED_TAGS.has(tag)), []);
			ok(!/<[^>]*\son[a-z]+=/i.test(html), 'an event handler attribute');
			// Word highlights wrap words in spans; the text between them is what a reader sees.
			const text = html.replace(/<\/?span[^>]*>/g, '');
			ok(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
			ok(text.includes('&lt;img src=x onerror=alert(1)&gt;'));
			ok(text.includes('&amp;lt;script&amp;gt;'));
			ok(html.includes('CNN &lt;b&gt;Brasil&lt;/b&gt; &quot;quoted&quot;'));
		});

		it('is self-contained under a CSP that allows inline style and nothing else', () => {
			const html = renderHtml(fixture());
			ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
			ok(!/https?:\/\/(?!evil\.example)/.test(html), 'a remote origin');
			ok(!/\s(src|href)=/.test(html.replace(/&lt;.*?&gt;/g, '')), 'a resource or link attribute');
		});

		it('shows each group in columns with word highlights, and what only one article says', () => {
			const html = renderHtml(fixture());
			strictEqual([...html.matchAll(/<section class="group" id="group-\d+">/g)].length, 2);
			ok(html.includes('<h2>Group 1: paraphrase, score 0.80</h2>'));
			strictEqual([...html.matchAll(/<div class="member">/g)].length, 4);
			ok(html.includes('<span class="same">China</span> <span class="syn">declined</span> <span class="same">to comment</span>, <span class="own">calling it a bilateral</span> <span class="same">matter</span>.'));
			ok(html.includes('<span class="syn">refused</span>'));
			ok(html.includes('<h2>Only in Financial Times</h2>\n<blockquote class="passage">Only the FT says this.</blockquote>'));
			ok(html.includes('<h2>Only in CNN &lt;b&gt;Brasil&lt;/b&gt; &quot;quoted&quot;</h2>'));
			ok(html.includes('numbers: Financial Times has 260,000; CNN &lt;b&gt;Brasil&lt;/b&gt; &quot;quoted&quot; has [300,000](javascript:x)'));
		});

		it('reports the share of passage characters in groups as coverage', () => {
			const comparison = fixture();
			const ft = comparison.articles[0];
			const total = ft.passages.reduce((sum, passage) => sum + passage.text.length, 0);
			const share = Math.round(100 * (ft.passages[0].text.length + ft.passages[1].text.length) / total);
			ok(renderHtml(comparison).includes(`<td>Financial Times</td><td>${share}% (2 of 3 passages)</td>`));
		});
	});
});
