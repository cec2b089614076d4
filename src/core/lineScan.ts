/**
 * Small scanning helpers: `finder` for the line loops, and the line tests the block reader
 * (`blockScan.ts`) is built from.
 */

/**
 * `text.indexOf(needle, start)` remembering its last answer: asked again from a later start that is
 * still before that answer, it returns it without searching. Starts only move forward in the line
 * loops, so each character is searched once per needle however many times they ask. `prefix` (a
 * start of `needle`) is what is searched for, each hit confirmed: V8 finds a short prefix faster.
 */
export function finder(text: string, needle: string, prefix = needle): (start: number) => number {
	let from = -1;
	let found = -1;
	const search = (start: number): number => {
		for (let i = text.indexOf(prefix, start); i >= 0; i = text.indexOf(prefix, i + 1)) {
			if (prefix === needle || text.startsWith(needle, i)) return i;
		}
		return -1;
	};
	return (start) => {
		if (start >= from && (found < 0 ? from >= 0 : start <= found)) return found < 0 ? -1 : found;
		from = start;
		found = search(start);
		return found;
	};
}

/** Whether the line from `first` to `end` closes a fence of `len` × `char`: at least as many of that character, then only blanks. */
export function closesFence(text: string, first: number, end: number, char: number, len: number): boolean {
	let i = first;
	while (i < end && text.charCodeAt(i) === char) i++;
	if (i - first < len) return false;
	for (; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9) return false;
	}
	return true;
}

/** Where the frontmatter that starts at `start` ends (past its closing line), or `start` when there is none. */
export function frontmatterEnd(text: string, start: number): number {
	if (!text.startsWith("---", start)) return start;
	const open = /^---[ \t]*\r?\n/.exec(text.slice(start, start + 8));
	if (!open) return start;
	const bodyFrom = start + open[0].length - 1;
	const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(bodyFrom));
	return close ? bodyFrom + close.index + close[0].length : start;
}

/** Characters that may begin a structural line (heading, fence, list, rule, table, setext underline). */
export function isMarkerChar(c: number): boolean {
	return c === 35 || c === 96 || c === 126 || c === 45 || c === 42 || c === 43 || c === 95 || c === 61 || c === 124 || (c >= 48 && c <= 57);
}

/** Where a list marker (`-`, `*`, `+`, `1.`, `1)`) starting at `first` and followed by a space or the line end stops, or -1. */
export function listMarkerEnd(text: string, first: number, end: number, c: number): number {
	let i = first;
	if (c === 42 || c === 43 || c === 45) i++;
	else {
		while (i < end && i - first < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
		if (i === first) return -1;
		const d = text.charCodeAt(i);
		if (d !== 46 && d !== 41) return -1;
		i++;
	}
	if (i >= end) return i;
	const after = text.charCodeAt(i);
	return after === 32 || after === 9 ? i : -1;
}

/**
 * The column where a list item's content starts (CommonMark's item width), from where its marker
 * ends (offset `markerEnd`, column `column`): one to four blanks after the marker count; none, or
 * five and more (the content is then indented code), count as one.
 */
export function itemContentColumn(text: string, markerEnd: number, column: number, end: number): number {
	let col = column;
	for (let i = markerEnd; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c === 32) col++;
		else if (c === 9) col += 4 - (col % 4);
		else break;
	}
	return col === column || col - column > 4 ? column + 1 : col;
}

/**
 * The least indent that keeps a fence opened at `indent` open. In a list item whose content starts
 * at column `itemContent` (the latest item's, or the fence's own indent when it sits less deep, in
 * an outer item), a non-blank line indented less ends the item and so the fence in it, closing
 * fence or not (CommonMark: lazy continuation is for paragraphs only). Outside a list, 0: only a
 * closing fence ends it.
 */
export function fenceFloor(listOpen: boolean, itemContent: number, indent: number): number {
	return listOpen ? Math.min(itemContent, indent) : 0;
}

/** A setext underline: only `=` or only `-`, no blanks between (under an open paragraph, a heading's). */
export const UNDERLINE = 1;
/** A thematic break: three or more of one of `-*_`, blanks between allowed. */
export const BREAK = 2;

/**
 * What a line of `=`, `-`, `*` or `_` (the first, `c`, at `first`) can be, as bits: an
 * {@link UNDERLINE}, a {@link BREAK}, both (`---`) or neither (0). Trailing blanks do not count.
 * Read character by character, however long the line.
 */
export function ruleShape(text: string, first: number, end: number, c: number): number {
	let count = 0;
	let gap = false;
	let last = end;
	while (last > first && isBlank(text.charCodeAt(last - 1))) last--;
	for (let i = first; i < last; i++) {
		const d = text.charCodeAt(i);
		if (d === c) count++;
		else if (isBlank(d)) gap = true;
		else return 0;
	}
	return (!gap && (c === 61 || c === 45) ? UNDERLINE : 0) | (count >= 3 && c !== 61 ? BREAK : 0);
}

/**
 * The length of the fence that opens at `first` (three or more `` ` `` or `~`; a backtick fence's
 * info string holds no backtick), or 0 when the line opens none.
 */
export function fenceRun(text: string, first: number, end: number, c: number): number {
	let i = first;
	while (i < end && text.charCodeAt(i) === c) i++;
	const run = i - first;
	if (run < 3) return 0;
	if (c === 96) for (; i < end; i++) if (text.charCodeAt(i) === 96) return 0;
	return run;
}

/** The level of an ATX heading (`## Title`) starting at `first`, or 0. */
export function atxLevel(text: string, first: number, end: number): number {
	let i = first;
	while (i < end && i - first < 7 && text.charCodeAt(i) === 35) i++;
	const level = i - first;
	if (level > 6) return 0;
	const after = i < end ? text.charCodeAt(i) : 32;
	return after === 32 || after === 9 ? level : 0;
}

/** Where the spaces and tabs from `i` (up to `end`) stop. */
export function skipBlanks(text: string, i: number, end: number): number {
	while (i < end && isBlank(text.charCodeAt(i))) i++;
	return i;
}

function isBlank(c: number): boolean {
	return c === 32 || c === 9;
}
