/**
 * The generic vocabulary of page furniture: the words every site's widgets use
 * (share buttons, related-story lists, comment forms, sign-in boxes, cookie banners).
 * Only short lines are judged by it, so an article that talks about cookies stays intact.
 */

// Headings of what follows an article: once one appears, the article text is over.
// Inline promos ("Read more: …", newsletter boxes) sit inside articles, so they are chrome, not ends.
const END_OF_ARTICLE = new RegExp(
	'^(?:' +
		[
			'share (?:this|the) (?:article|story|post|page)',
			'(?:you )?(?:might|may) (?:also )?(?:like|enjoy)',
			'related(?: (?:stories|articles|posts|news|content|topics|coverage|reading))?',
			'more (?:stories|news|articles|headlines)',
			'recommended(?: for you| stories| articles)?',
			'(?:most|more) (?:popular|read|viewed|shared)',
			'(?:latest|top|trending) (?:news|stories|articles|posts)',
			'leave a (?:comment|reply)',
			'(?:add|post|write) a comment',
			'comments?(?: \\(\\d+\\))?',
			'\\d+ comments?',
			'join the (?:conversation|discussion)',
			'(?:previous|next) (?:article|post|story)',
			'about the author',
			'(?:tags|topics|filed under)',
		].join('|') +
		// The heading is the whole line, or a label whose items follow a colon ("Tags: …").
		')(?:[\\s.!]*$|\\s*:)',
	'iu',
);

// Phrases of site chrome wherever they appear on a short line.
const CHROME = new RegExp(
	'(?:' +
		[
			'cookies?\\b',
			'privacy (?:policy|notice|settings)',
			'terms (?:of|and) (?:use|service|conditions)',
			'all rights reserved',
			'\\bsign (?:in|up|out)\\b',
			'\\blog ?(?:in|out)\\b',
			'\\bsubscribe\\b',
			'^(?:read|see) (?:more|also)\\b',
			'\\bfollow us\\b',
			'^stay (?:informed|connected|updated)\\b',
			'^get the latest\\b',
			'newsletter',
			'(?:lost|forgot(?:ten)?) your password',
			'required fields',
			'your email address',
			'(?:existing|create an|have an) account\\b',
			'skip to (?:main )?(?:content|navigation)',
			'^advert(?:isement|ising)?$',
			'accept (?:all|cookies)',
			'manage (?:preferences|consent)',
			'^share$',
			'\\bshare (?:on|via|to)\\b',
			'^(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|print|reddit|copy link)(?: (?:facebook|twitter|x|linkedin|whatsapp|telegram|email|print|reddit|copy link))*$',
			'©',
		].join('|') +
		')',
	'iu',
);

// Phrases that give a line away as chrome even when it is written as a sentence
// ("By using this site, you agree to the Privacy Policy and Terms of Use.").
const CHROME_SENTENCE = /privacy (?:policy|notice)|terms (?:of|and) (?:use|service|conditions)|all rights reserved|required fields are marked|(?:use|uses|accept) cookies|cookie (?:policy|settings|preferences)|your email address will not be published|(?:lost|forgot(?:ten)?) your password|©/iu;

/** Most words a widget heading or button label has; longer lines are content. */
const MAX_WIDGET_WORDS = 8;
/** Most words a chrome line (cookie banner, sign-in prompt) has. */
const MAX_CHROME_WORDS = 30;

/** A heading that starts what comes after an article: "You might also like", "Share this article", "Comments (3)". */
export function isEndOfArticle(text: string, words = countWords(text)): boolean {
	return words > 0 && words <= MAX_WIDGET_WORDS && END_OF_ARTICLE.test(text);
}

/**
 * A short line of site chrome: cookie banner, sign-in prompt, share buttons, copyright.
 * A line written as a sentence needs one of the unmistakable phrases, so that
 * "She signed up in May." in an article is not mistaken for a sign-up box.
 */
export function isChrome(text: string, prose: boolean, words = countWords(text)): boolean {
	if (words === 0 || words > MAX_CHROME_WORDS) {
		return false;
	}
	return (prose ? CHROME_SENTENCE : CHROME).test(text);
}

function countWords(text: string): number {
	return text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
}
