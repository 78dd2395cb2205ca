/**
 * What a page reader (text dump or HTML) finds on a page, before the import
 * applies the user's options and the outlet rules.
 */
export interface ExtractedPage {
	/** The article text, one entry per paragraph or subheading, plain text. */
	paragraphs: string[];
	title?: string;
	/** The name the site gives itself (banner, og:site_name, copyright line). */
	siteName?: string;
	/** ISO `YYYY-MM-DD`. */
	published?: string;
	author?: string;
	/** The original outlet credited on a republished page ("Source: X"). */
	via?: string;
	language?: string;
	url?: string;
	/** Things the user should know about the guesses made. */
	warnings: string[];
}
