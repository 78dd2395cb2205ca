import { deepStrictEqual, ok, strictEqual } from 'node:assert';
import { NoteAnnotation, targetAt } from '../../src/core/notes/model';
import { notesToAnnotationCollection, notesToMarkdown, withCurrentAnchors } from '../../src/core/notes/notesExport';
import { addReply, createLink, createNote, setResolved } from '../../src/core/notes/notesFile';

const CNN = 'China remained cautious.\nBeijing declined to comment, calling it a bilateral matter.\nMore text.';
const FT = 'Analysts said China was uneasy. Beijing refused to comment.';
const DAY = new Date('2024-06-21T10:00:00.000Z');
const NEXT_DAY = new Date('2024-06-22T09:00:00.000Z');
const articles = [
	{ id: 'ft', title: 'Why is Xi cautious?', outlet: 'Financial Times' },
	{ id: 'cnn', title: 'China remains cautious', outlet: 'CNN Brasil' },
];

function at(article: string, body: string, passage: string) {
	const start = body.indexOf(passage);
	return targetAt(article, body, start, start + passage.length);
}

describe('notesExport', () => {
	const cautious = createNote(at('cnn', CNN, 'China remained cautious.\nBeijing declined'), 'Compare with **FT**.', DAY);
	const replied = addReply(createNote(at('cnn', CNN, 'bilateral matter'), 'Whose wording?', DAY), 'Same as TASS.', NEXT_DAY);
	const uneasy = setResolved(createNote(at('ft', FT, 'uneasy'), 'Checked.', DAY), true, DAY);
	const lost = { ...createNote(at('gone', 'Some <b>old</b> text', '<b>old</b>'), 'On a deleted article.', DAY) };
	const orphan: NoteAnnotation = { ...createNote(at('ft', FT, 'refused'), 'Was it?', DAY) };
	orphan.target = [{ ...orphan.target[0], 'parallax:orphaned': true }];
	const link = createLink(at('cnn', CNN, 'declined to comment'), at('ft', FT, 'refused to comment'), 'same-quote', 'Paraphrase of one statement.', DAY);

	describe('notesToMarkdown', () => {
		const markdown = notesToMarkdown({ articles, annotations: [link, lost, replied, orphan, cautious, uneasy] });

		it('groups notes by article in the given order, unknown articles last, by passage within one', () => {
			const headings = markdown.split('\n').filter(line => line.startsWith('#'));
			deepStrictEqual(headings, [
				'# Parallax notes',
				'## Financial Times — Why is Xi cautious?', '### Note 1 (resolved)', '### Note 2 (orphaned)',
				'## CNN Brasil — China remains cautious', '### Note 1', '### Note 2',
				'## gone (article not in the corpus)', '### Note 1',
				'## Links', '### same-quote',
			]);
		});

		it('puts each note under its passage, a quote over several lines staying one blockquote', () => {
			ok(markdown.includes([
				'### Note 1', '',
				'> China remained cautious.',
				'> Beijing declined', '',
				'*2024-06-21*', '',
				'Compare with **FT**.', '',
			].join('\n')), markdown);
		});

		it('labels replies and indents them as list items', () => {
			ok(markdown.includes('Whose wording?\n\n- **Reply** · 2024-06-22\n\n  Same as TASS.\n'), markdown);
		});

		it('marks orphaned notes and notes on missing articles, and escapes article text', () => {
			ok(markdown.includes('### Note 2 (orphaned)\n\n*This passage is no longer in the article; the quote is the last one known.*\n\n> refused'), markdown);
			ok(markdown.includes('> \\<b\\>old\\</b\\>\n'), markdown);
		});

		it('lists links with their relation, both passages and their articles, and the note', () => {
			const links = markdown.slice(markdown.indexOf('## Links'));
			strictEqual(links, [
				'## Links', '',
				'### same-quote', '',
				'**CNN Brasil — China remains cautious**', '', '> declined to comment', '',
				'**Financial Times — Why is Xi cautious?**', '', '> refused to comment', '',
				'*2024-06-21*', '', 'Paraphrase of one statement.', '',
			].join('\n'));
		});

		it('keeps markup in quotes and titles from becoming headings, lists or HTML', () => {
			const body = '# Not a heading\n- not a list\n1. not a list either\n<script>alert(1)</script> *x* [a](b)';
			const text = notesToMarkdown({
				articles: [{ id: 'x', title: 'Title\n## Injected', outlet: 'Out<let>' }],
				annotations: [createNote(at('x', body, body), 'n', DAY)],
			});
			ok(text.includes('## Out\\<let\\> — Title \\#\\# Injected\n'), text);
			ok(text.includes('> \\# Not a heading\n> \\- not a list\n> 1\\. not a list either\n> \\<script\\>alert(1)\\</script\\> \\*x\\* \\[a\\](b)\n'), text);
		});

		it('says so when there are no notes', () => {
			strictEqual(notesToMarkdown({ articles, annotations: [] }), '# Parallax notes\n\nNo notes yet.\n');
		});
	});

	describe('notesToAnnotationCollection', () => {
		it('is a W3C AnnotationCollection with every note in its first page', () => {
			const collection = notesToAnnotationCollection([link, uneasy, cautious], { id: 'https://example.org/notes', label: 'Parallax notes' });
			deepStrictEqual({ ...collection, first: { ...collection.first, items: collection.first.items.map(item => item.id) } }, {
				'@context': 'http://www.w3.org/ns/anno.jsonld',
				id: 'https://example.org/notes',
				type: 'AnnotationCollection',
				label: 'Parallax notes',
				total: 3,
				first: { id: 'https://example.org/notes#page1', type: 'AnnotationPage', partOf: 'https://example.org/notes', startIndex: 0, items: [cautious.id, link.id, uneasy.id] },
				last: 'https://example.org/notes#page1',
			});
			const [item] = collection.first.items;
			deepStrictEqual(Object.keys(item), ['id', 'type', 'motivation', 'created', 'modified', 'body', 'target']);
			deepStrictEqual(item.target, cautious.target);
		});

		it('has an IRI and no label unless given, and an empty page without notes', () => {
			const collection = notesToAnnotationCollection([]);
			deepStrictEqual([collection.id, 'label' in collection, collection.total, collection.first.items], ['urn:parallax:notes', false, 0, []]);
		});
	});

	describe('withCurrentAnchors', () => {
		it('moves targets to where their passage now is, marks lost ones orphaned, leaves unknown articles alone', () => {
			const more = createNote(at('cnn', CNN, 'More text.'), 'n', DAY);
			const edited = `Breaking: ${CNN.replace('Beijing declined to comment, calling it a bilateral matter.', 'Officials said nothing at all today.')}`;
			const [moved, gone, elsewhere] = withCurrentAnchors([more, replied, lost], new Map([['cnn', edited], ['ft', FT]]));
			const [quote, position] = moved.target[0].selector;
			deepStrictEqual([quote.exact, edited.slice(position.start, position.end), moved.target[0]['parallax:orphaned']], ['More text.', 'More text.', undefined]);
			strictEqual(gone.target[0]['parallax:orphaned'], true);
			deepStrictEqual(gone.target[0].selector, replied.target[0].selector);
			deepStrictEqual(elsewhere, lost);
		});
	});
});
