import { OpenComments, commentOpensLine } from "./comments";
import { atxLevel, BREAK, closesFence, fenceFloor, fenceRun, finder, frontmatterEnd, isMarkerChar, itemContentColumn, listMarkerEnd, ruleShape, skipBlanks, UNDERLINE } from "./lineScan";
import { lineExclusions } from "./lineExclusions";

/**
 * The block structure of a note as its readers go through it line by line: a small plain object,
 * so a reader can save it at a line start (copy it) and resume there later.
 */
export interface BlockState {
	/** The open fence's character (`` ` `` 96, `~` 126, or `$` 36 for a `$$` math block), 0 outside one. */
	fence: number;
	/** How many of that character opened it (2 for a math block). */
	fenceLen: number;
	/** The least indent a non-blank line needs to stay in it (see `fenceFloor`). */
	fenceFloor: number;
	/** Inside an HTML comment that spans lines: it closes at the next `-->`. */
	comment: boolean;
	/** A list is open (its items' continuation lines are prose, not indented code). */
	listOpen: boolean;
	/** The column where the latest list item's content starts. */
	itemContent: number;
	/** The line before was blank (or this is the first line of the body). */
	prevBlank: boolean;
	/** The line before was indented code. */
	prevIndentedCode: boolean;
	/** A paragraph (or list item or table row) is open, so the next line may continue it. */
	paragraphOpen: boolean;
}

/** Line kinds {@link BlockReader.step} returns. Below {@link PARAGRAPH} a line holds no text to read. */
export const BLANK = 0;
/** A line that opens a fence or a `$$` math block. */
export const FENCE_OPEN = 1;
/** A line inside a fence or math block, its closing line included ({@link BlockReader.closed}). */
export const FENCED = 2;
/** A line of indented code. */
export const CODE = 3;
/** A line wholly inside a comment that spans lines. */
export const COMMENT = 4;
/** A line inside a comment that no `-->` ahead closes: it and every line after it. */
export const COMMENT_REST = 5;
/** A setext underline (`===`, `---` under a paragraph line): the line above is a heading. */
export const SETEXT = 6;
/** A thematic break (`---`, `* * *`): it ends the block before it. */
export const RULE = 7;
/** A line that starts a paragraph. */
export const PARAGRAPH = 8;
/** A line that goes on with the block above (a paragraph line, a list item's continuation). */
export const CONTINUATION = 9;
/** An ATX heading (`## Title`, level in {@link BlockReader.level}). */
export const HEADING = 10;
/** A list item (`-`, `*`, `+`, `1.`, `1)`). */
export const ITEM = 11;
/** A table row (a line starting with `|`). */
export const TABLE = 12;

/** A new block state, as at the top of a note's body. */
export function blockState(): BlockState {
	return { fence: 0, fenceLen: 0, fenceFloor: 0, comment: false, listOpen: false, itemContent: 0, prevBlank: true, prevIndentedCode: false, paragraphOpen: false };
}

/** Copies `from` into `to` (no allocation), and returns `to`. */
export function copyBlockState(to: BlockState, from: Readonly<BlockState>): BlockState {
	to.fence = from.fence;
	to.fenceLen = from.fenceLen;
	to.fenceFloor = from.fenceFloor;
	to.comment = from.comment;
	to.listOpen = from.listOpen;
	to.itemContent = from.itemContent;
	to.prevBlank = from.prevBlank;
	to.prevIndentedCode = from.prevIndentedCode;
	to.paragraphOpen = from.paragraphOpen;
	return to;
}

/** Whether two block states read the lines after them alike. */
export function sameBlockState(a: Readonly<BlockState>, b: Readonly<BlockState>): boolean {
	return (
		a.fence === b.fence &&
		a.fenceLen === b.fenceLen &&
		a.fenceFloor === b.fenceFloor &&
		a.comment === b.comment &&
		a.listOpen === b.listOpen &&
		a.itemContent === b.itemContent &&
		a.prevBlank === b.prevBlank &&
		a.prevIndentedCode === b.prevIndentedCode &&
		a.paragraphOpen === b.paragraphOpen
	);
}

/** Whether a line of this kind starts a block of its own (the block a claim's sentence stays in). */
export function startsBlock(kind: number): boolean {
	return kind === PARAGRAPH || kind === HEADING || kind === ITEM || kind === TABLE || kind === RULE;
}

/** Where a note's body starts: past a byte-order mark and the frontmatter's closing line. */
export function bodyFrom(text: string): number {
	return frontmatterEnd(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/**
 * The one reader of a note's block structure: frontmatter aside (see {@link bodyFrom}), fenced
 * code (fences inside list items end with the item), `$$` math blocks, indented code, HTML
 * comments (one opening a line runs to its `-->`; one inside a paragraph only when `-->` closes it
 * there), blank lines, list items, headings, rules and table rows, by CommonMark's rules as far as
 * the plugin needs them. Extraction, the tools' `proseExclusions` and the editor's structure all
 * read lines through it, so they agree line for line.
 *
 * {@link step} reads one line against a {@link BlockState}, updates the state, and returns the
 * line's kind; what else it found about the line is left in the reader's fields until the next
 * step. An ordinary prose line costs a few character checks. Lines must be stepped in order from
 * a state saved at a line start; `text` may be a slice of a note that starts at a line start.
 */
export class BlockReader {
	/** Where the line's text starts: its start, or past the `-->` that closed a comment on it. */
	from = 0;
	/** The first character past indentation and blockquote markers. */
	first = 0;
	/** The line's indent in columns, past the last `>`. */
	indent = 0;
	/** Where a heading's or list item's text starts past its marker; {@link first} otherwise. */
	contentStart = 0;
	/** A heading's level (ATX or setext), 0 otherwise. */
	level = 0;
	/** On a {@link FENCED} line: whether it closed the fence. */
	closed = false;
	/** The line ended an open fence by being less indented than its list item's content (the fence ends with the line before). */
	fenceEnded = false;
	/** The line started inside a comment that closed on it, at {@link from}. */
	commentClosed = false;
	/** Where a `<!--` left open at the line's end is (a comment from there on), or -1. */
	commentOpen = -1;
	/** The line holds a `<!--` inside a paragraph that does not close on it (a comment only if `-->` comes before the paragraph ends). */
	inlineOpen = false;
	/**
	 * On a line holding `<!--`: its inline code spans and comments as sorted `[from, to)` ranges (a
	 * comment left open ends at the line's end); `null` when the line holds no `<!--`.
	 */
	excluded: [number, number][] | null = null;

	private readonly opens: (start: number) => number;
	private readonly closes: (start: number) => number;
	private readonly openComments: OpenComments;
	private dollars: ((start: number) => number) | null = null;

	constructor(readonly text: string) {
		this.opens = finder(text, "<!--");
		this.closes = finder(text, "-->");
		this.openComments = new OpenComments(text);
	}

	/**
	 * Reads the line `[lineStart, end)` (`end` before any `\r`) in state `s`, which it updates, and
	 * returns its kind ({@link BLANK} … {@link TABLE}).
	 */
	step(lineStart: number, end: number, s: BlockState): number {
		const text = this.text;
		this.closed = false;
		this.fenceEnded = false;
		this.commentClosed = false;
		this.commentOpen = -1;
		this.inlineOpen = false;
		this.excluded = null;
		this.level = 0;
		let from = lineStart;
		if (s.comment) {
			const close = this.closes(lineStart);
			if (close < 0) return COMMENT_REST;
			if (close + 3 > end) return COMMENT;
			from = close + 3;
			s.comment = false;
			this.commentClosed = true;
		}
		this.from = from;

		let first = from;
		let indent = 0;
		for (;;) {
			const c = text.charCodeAt(first);
			if (c === 32) indent++;
			else if (c === 9) indent += 4 - (indent % 4);
			else if (c === 62 /* > */) indent = 0;
			else break;
			first++;
		}
		this.first = first;
		this.indent = indent;
		this.contentStart = first;
		const c = first < end ? text.charCodeAt(first) : -1;

		if (s.fence !== 0) {
			if (c < 0 || indent >= s.fenceFloor) {
				this.closed = s.fence === 36 ? c >= 0 && this.hasDollars(first, end) : c === s.fence && closesFence(text, first, end, s.fence, s.fenceLen);
				if (this.closed) s.fence = 0;
				return FENCED;
			}
			s.fence = 0;
			this.fenceEnded = true;
		}
		if (c < 0) {
			s.prevBlank = true;
			s.paragraphOpen = false;
			s.prevIndentedCode = false;
			return BLANK;
		}
		if (indent >= 4 && !s.listOpen && !s.paragraphOpen && (s.prevBlank || s.prevIndentedCode) && from === lineStart) {
			s.prevIndentedCode = true;
			s.prevBlank = false;
			return CODE;
		}
		s.prevIndentedCode = false;

		let kind: number;
		if (c === 36 && text.charCodeAt(first + 1) === 36 && !this.hasDollars(first + 2, end)) {
			return this.openFence(s, 36, 2);
		} else if (isMarkerChar(c)) {
			if (c === 96 || c === 126) {
				const run = fenceRun(text, first, end, c);
				if (run > 0) return this.openFence(s, c, run);
			}
			if (c === 61 || c === 45 || c === 42 || c === 95) {
				const shape = ruleShape(text, first, end, c);
				if (shape & UNDERLINE && s.paragraphOpen && !s.listOpen) {
					this.level = c === 61 ? 1 : 2;
					s.paragraphOpen = false;
					s.prevBlank = false;
					return SETEXT;
				}
				if (shape & BREAK) {
					s.paragraphOpen = false;
					s.prevBlank = false;
					return RULE;
				}
			}
			const atx = c === 35 ? atxLevel(text, first, end) : 0;
			const item = atx ? -1 : listMarkerEnd(text, first, end, c);
			if (atx) {
				kind = HEADING;
				this.level = atx;
				this.contentStart = skipBlanks(text, first + atx, end);
			} else if (item >= 0) {
				kind = ITEM;
				s.listOpen = true;
				s.itemContent = itemContentColumn(text, item, indent + item - first, end);
				this.contentStart = skipBlanks(text, item, end);
			} else if (c === 124 /* | */) kind = TABLE;
			else if (!s.paragraphOpen) {
				if (indent === 0 && s.prevBlank) s.listOpen = false;
				kind = PARAGRAPH;
			} else kind = CONTINUATION;
		} else if (!s.paragraphOpen) {
			if (indent === 0 && s.prevBlank) s.listOpen = false;
			kind = s.listOpen && indent > 0 && !s.prevBlank ? CONTINUATION : PARAGRAPH;
		} else kind = CONTINUATION;
		s.paragraphOpen = kind !== HEADING;
		s.prevBlank = false;

		const open = this.opens(from);
		if (open >= 0 && open < end) this.readComments(lineStart, from, end, s);
		return kind;
	}

	private openFence(s: BlockState, char: number, len: number): number {
		s.fence = char;
		s.fenceLen = len;
		s.fenceFloor = fenceFloor(s.listOpen, s.itemContent, this.indent);
		s.paragraphOpen = false;
		s.prevBlank = false;
		return FENCE_OPEN;
	}

	/** Whether `$$` occurs in `[from, end)`. */
	private hasDollars(from: number, end: number): boolean {
		this.dollars ??= finder(this.text, "$$");
		const at = this.dollars(from);
		return at >= 0 && at + 2 <= end;
	}

	private readComments(lineStart: number, from: number, end: number, s: BlockState): void {
		this.excluded = lineExclusions(this.text, from, end, this.opens, this.closes, (at) => {
			if (!commentOpensLine(this.text, lineStart, at)) this.inlineOpen = true;
			return this.openComments.end(at, lineStart) !== null;
		});
		const last = this.excluded[this.excluded.length - 1];
		if (last && last[1] === -1) {
			last[1] = end;
			this.commentOpen = last[0];
			s.comment = true;
		}
	}
}
