import { finder } from "./lineScan";

/**
 * Where an HTML comment that does not close on its own line ends, by CommonMark's rules (which
 * Obsidian's editor and reading view follow): `<!--` opening a line (past blockquote markers and
 * up to three spaces) starts an HTML block that runs to the line holding `-->`, or to the end of
 * the note; `<!--` inside a line is a comment only when `-->` closes it within the same paragraph,
 * and is plain text otherwise (so one stray `<!--` never hides the rest of the note).
 *
 * Asked with positions that only move forward, as both scanners do, each search resumes where the
 * last one stopped, so a note full of stray `<!--` still costs one pass.
 */
export class OpenComments {
	private readonly text: string;
	private readonly nextClose: (start: number) => number;
	private blankFrom = -1;
	private blankAt = -1;
	private readonly blank = /\n[ \t]*\r?(?:\n|$)/g;

	constructor(text: string) {
		this.text = text;
		this.nextClose = finder(text, "-->");
	}

	/**
	 * For a `<!--` at `at` with no `-->` after it on its line (which starts at `lineStart`): the
	 * index of the `-->` that closes it, -1 when it runs to the end of the note, or `null` when it
	 * is not a comment at all.
	 */
	end(at: number, lineStart: number): number | null {
		const close = this.nextClose(at + 4);
		if (commentOpensLine(this.text, lineStart, at)) return close;
		if (close < 0) return null;
		const paragraphEnd = this.nextBlank(at);
		return paragraphEnd < 0 || close < paragraphEnd ? close : null;
	}

	private nextBlank(start: number): number {
		if (!(start >= this.blankFrom && (this.blankAt < 0 ? this.blankFrom >= 0 : start <= this.blankAt))) {
			this.blankFrom = start;
			this.blank.lastIndex = start;
			this.blankAt = this.blank.exec(this.text)?.index ?? -1;
		}
		return this.blankAt;
	}
}

/**
 * Whether a `<!--` at `at` opens an HTML block: only blockquote markers and up to three spaces of
 * indent come before it on its line.
 */
export function commentOpensLine(text: string, lineStart: number, at: number): boolean {
	let spaces = 0;
	for (let i = lineStart; i < at; i++) {
		const c = text.charCodeAt(i);
		if (c === 62 /* > */) spaces = 0;
		else if (c === 32) spaces++;
		else if (c === 9) spaces += 4;
		else return false;
	}
	return spaces <= 3;
}
