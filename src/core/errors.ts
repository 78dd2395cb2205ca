/**
 * The one error type Parallax shows to users: bad input, named by file and line.
 * Anything else that escapes the core is a bug.
 */
export class ParallaxError extends Error {
	/**
	 * @param message what is wrong, in words a user can act on
	 * @param file the file at fault, when there is one
	 * @param line 1-based line in that file, when known
	 */
	constructor(message: string, readonly file?: string, readonly line?: number) {
		super(message);
		this.name = 'ParallaxError';
	}

	/** `file:line: message`, the form editors and terminals turn into links. */
	describe(): string {
		const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
		return where + this.message;
	}

	/** A copy of this error attributed to `file`, keeping the line. */
	inFile(file: string): ParallaxError {
		return new ParallaxError(this.message, file, this.line);
	}
}

/** True for the user-facing errors of the core (as opposed to bugs). */
export function isParallaxError(error: unknown): error is ParallaxError {
	return error instanceof ParallaxError;
}

/** The page names no outlet and none was given: the caller should ask for one. */
export class MissingOutletError extends ParallaxError {
	constructor() {
		super('the page does not say which outlet published it; give one with --outlet NAME');
		this.name = 'MissingOutletError';
	}
}
