import { isMarkerChar, itemContentColumn, lineIndent, listMarkerEnd } from "../core/lineScan";
/**
 * How `extractCitations` classifies a line by its start: blank or not, its indent past blockquote
 * markers, and the block it opens. The editor uses this to know where it may start reading a slice
 * of a note, and which edits can change how the lines below them read.
 */

/** A thematic break (`---`, `* * *`), on a line's trimmed text. */
export const HR = /^([-*_])(?:[ \t]*\1){2,}$/;
/** An ATX heading's opening hashes. */
export const ATX = /^#{1,6}(?:[ \t]+|$)/;
/** A list item's marker (`-`, `*`, `+`, `1.`, `1)`). */
export const ITEM = /^([*+-]|\d{1,9}[.)])(?:[ \t]+|$)/;

/**
 * Whether extraction may start at this line as if it were the top of the note and reach the
 * state the whole note would have there: a list item (it opens a list whatever came before), or
 * an unindented paragraph line after a blank one (it closes any list). Headings, rules, tables and
 * fences keep the list state of the lines above, so they are not.
 */
export function isRestartLine(line: string, prevBlank: boolean): boolean {
	const { first, indent } = lineIndent(line, 0);
	if (first >= line.length) return false;
	const c = line.charCodeAt(first);
	if (c === 96 || c === 126) return false;
	const trimmed = line.slice(first).trimEnd();
	if (!trimmed || HR.test(trimmed) || /^(=+|-+)$/.test(trimmed)) return false;
	if (indent < 4 && ITEM.test(trimmed)) return true;
	if (indent !== 0 || !prevBlank) return false;
	return !(c === 124 || (c === 35 && ATX.test(trimmed)));
}

/**
 * What about a line can change how the lines below it are read: blank or not, its indent (none,
 * some, code-deep) and what kind of block it starts (for a list item, with the column its content
 * starts at, which decides where a fence inside it ends). An edit that keeps a line's shape
 * (typing prose mid-line) cannot change the lines below.
 */
export function lineShape(line: string): string {
	const { first, indent } = lineIndent(line, 0);
	if (first >= line.length) return "blank";
	const lead = indent >= 4 ? "code-deep " : indent === 0 ? "flush " : "indented ";
	const c = line.charCodeAt(first);
	if (!isMarkerChar(c)) return `${lead}text`;
	const trimmed = line.slice(first).trimEnd();
	if (/^(=+|-+)$/.test(trimmed)) return `${lead}underline ${trimmed.charAt(0)}`;
	if (HR.test(trimmed)) return `${lead}rule`;
	if (c === 35 && ATX.test(trimmed)) return `${lead}heading`;
	const item = listMarkerEnd(line, first, line.length, c);
	if (item >= 0) return `${lead}item ${itemContentColumn(line, item, indent + item - first, line.length)}`;
	if (c === 124) return `${lead}table`;
	if ((c === 96 || c === 126) && /^(`{3,}|~{3,})/.test(trimmed)) return `${lead}fence ${trimmed}`;
	return `${lead}text`;
}

/** Whether `extractCitations` sees this line as blank (nothing but spaces, tabs and `>`). */
export function isBlankLine(line: string): boolean {
	return lineIndent(line, 0).first >= line.length;
}


