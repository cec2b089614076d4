import { RangeSet, RangeValue, StateField, type Text, type Transaction } from "@codemirror/state";
import { codeSpans } from "../core/codeSpans";
import { commentOpensLine, OpenComments } from "../core/comments";
import { closesFence, fenceFloor, finder, frontmatterEnd, isMarkerChar, itemContentColumn, lineIndent, listMarkerEnd } from "../core/lineScan";
import { ATX, HR, isBlankLine, isRestartLine, lineShape } from "./lineKinds";

/** How far below a reshaped line the lines it may change are looked at. */
const FORWARD_LINES = 200;

/**
 * A stretch of the note where no citation can be: a fenced code block (whole lines, from the
 * opening fence line to the closing one) or an HTML comment spanning lines (from `<!--` to past
 * `-->`). Comments and code spans within one line are left to `extractCitations`.
 */
export class CodeRegion extends RangeValue {
	// Text typed just before a region stays outside it; so does text typed just after one, unless
	// the region never closes and runs to the end of the note.
	override startSide = 1;
	override endSide: number;

	constructor(
		readonly kind: "fence" | "comment",
		readonly open: boolean,
	) {
		super();
		this.endSide = open ? 1 : -1;
	}
	override eq(other: RangeValue): boolean {
		return other instanceof CodeRegion && other.kind === this.kind && other.open === this.open;
	}
}

const REGIONS = {
	fence: new CodeRegion("fence", false),
	comment: new CodeRegion("comment", false),
	openFence: new CodeRegion("fence", true),
	openComment: new CodeRegion("comment", true),
};

/** What the editor knows about the whole note without extracting its citations. */
export interface NoteStructure {
	/** Where the body starts: past the frontmatter's closing line, or 0 (1 past a byte-order mark). */
	bodyFrom: number;
	/** Fenced code blocks and multi-line comments, mapped through edits. */
	regions: RangeSet<CodeRegion>;
	/** Bumped by every full scan, so readers can tell a rescan from a mapping. */
	scan: number;
	/**
	 * The note holds a `<!--` inside a paragraph (a comment only when `-->` closes it before the
	 * paragraph ends): a blank line typed or deleted anywhere can change what it hides, so every
	 * edit scans again. Rare in real notes, and a scan is one linear pass.
	 */
	fragile: boolean;
}

/**
 * The note's frontmatter and code/comment regions, kept current incrementally: an edit is mapped
 * through the ranges (cheap, independent of the note's size) unless it touches a line that can
 * open or close one (a fence, `<!--`, `-->`, a frontmatter delimiter), or reshapes a line above
 * such a line within its block, in which case the note is scanned again. The scan follows
 * `extractCitations`' own rules line for line, so a slice started outside these regions extracts
 * exactly what the whole note would.
 */
export const noteStructure = StateField.define<NoteStructure>({
	create: (state) => scanStructure(state.doc, 0),
	update(value, tr) {
		if (!tr.docChanged) return value;
		if (value.fragile || touchesStructure(tr, value.regions)) return scanStructure(tr.newDoc, value.scan + 1);
		return { bodyFrom: tr.changes.mapPos(value.bodyFrom, -1), regions: value.regions.map(tr.changes), scan: value.scan, fragile: false };
	},
});

/** The region that `pos` (a line start) lies inside, past its first character, or `null`. */
export function regionAround(regions: RangeSet<CodeRegion>, pos: number): { from: number; to: number; kind: CodeRegion["kind"] } | null {
	let found: { from: number; to: number; kind: CodeRegion["kind"] } | null = null;
	regions.between(pos, pos, (from, to, value) => {
		if (from < pos && (value.kind === "fence" ? pos <= to : pos < to)) {
			found = { from, to, kind: value.kind };
			return false;
		}
		return undefined;
	});
	return found;
}

/** Scans the whole note for its frontmatter end and its code/comment regions. */
export function scanStructure(doc: Text, scan: number): NoteStructure {
	const text = doc.toString();
	const found = structureOf(text);
	const ranges = found.regions.map(([from, to, kind]) => {
		const open = to === doc.length;
		return (kind === "fence" ? (open ? REGIONS.openFence : REGIONS.fence) : open ? REGIONS.openComment : REGIONS.comment).range(from, to);
	});
	return { bodyFrom: found.bodyFrom, regions: RangeSet.of(ranges, true), scan, fragile: found.fragile };
}

/**
 * The frontmatter end and regions of `text`, by the same line loop as `extractCitations`: fences
 * open only where a line is not indented code, comments only outside inline code, and lines that
 * a fence or comment swallows open nothing.
 */
export function structureOf(text: string): { bodyFrom: number; regions: [number, number, CodeRegion["kind"]][]; fragile: boolean } {
	const regions: [number, number, CodeRegion["kind"]][] = [];
	const len = text.length;
	let pos = frontmatterEnd(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
	const bodyFrom = pos;
	let fence: { char: number; len: number; floor: number; from: number } | null = null;
	let commentFrom = -1;
	let commentClose = -2; // -2: not in a comment; -1: in one that never closes
	let listOpen = false;
	let itemContent = 0;
	let prevBlank = true;
	let prevIndentedCode = false;
	let paragraphOpen = false;
	const comments = finder(text, "<!--");
	const openComments = new OpenComments(text);
	let fragile = false;

	for (; pos <= len; ) {
		const nl = text.indexOf("\n", pos);
		const lineEnd = nl < 0 ? len : nl;
		const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
		const lineStart = pos;
		pos = lineEnd + 1;
		let scanFrom = lineStart;

		if (commentClose !== -2) {
			if (commentClose === -1) break;
			if (commentClose + 3 > contentEnd) continue;
			scanFrom = commentClose + 3;
			regions.push([commentFrom, scanFrom, "comment"]);
			commentClose = -2;
		}

		const { first, indent } = lineIndent(text, scanFrom);
		const firstChar = first < contentEnd ? text.charCodeAt(first) : -1;

		if (fence) {
			if (firstChar < 0 || indent >= fence.floor) {
				if ((firstChar === 96 || firstChar === 126) && closesFence(text, first, contentEnd, fence)) {
					regions.push([fence.from, lineEnd, "fence"]);
					fence = null;
				}
				continue;
			}
			// The line ends the fence's list item: the fence ends with the line before, and this one is read as any other.
			regions.push([fence.from, lineStart - 1, "fence"]);
			fence = null;
		}
		if (firstChar < 0) {
			prevBlank = true;
			paragraphOpen = false;
			prevIndentedCode = false;
			continue;
		}
		if (indent >= 4 && !listOpen && !paragraphOpen && (prevBlank || prevIndentedCode) && scanFrom === lineStart) {
			prevIndentedCode = true;
			prevBlank = false;
			continue;
		}
		prevIndentedCode = false;

		let heading = false;
		if (isMarkerChar(firstChar)) {
			const trimmed = text.slice(first, contentEnd).trimEnd();
			const fenceOpen = firstChar === 96 || firstChar === 126 ? /^(`{3,}|~{3,})([^`]*)$/.exec(trimmed) : null;
			if (fenceOpen) {
				fence = { char: firstChar, len: fenceOpen[1]?.length ?? 3, floor: fenceFloor(listOpen, itemContent, indent), from: lineStart };
				paragraphOpen = false;
				prevBlank = false;
				continue;
			}
			if ((paragraphOpen && !listOpen && /^(=+|-+)$/.test(trimmed)) || HR.test(trimmed)) {
				paragraphOpen = false;
				prevBlank = false;
				continue;
			}
			const item = listMarkerEnd(text, first, contentEnd, firstChar);
			if (firstChar === 35 && ATX.test(trimmed)) heading = true;
			else if (item >= 0) {
				listOpen = true;
				itemContent = itemContentColumn(text, item, indent + item - first, contentEnd);
			} else if (firstChar !== 124 && !paragraphOpen && indent === 0 && prevBlank) listOpen = false;
		} else if (!paragraphOpen && indent === 0 && prevBlank) {
			listOpen = false;
		}
		paragraphOpen = !heading;
		prevBlank = false;

		const nextComment = comments(scanFrom);
		if (nextComment < 0 || nextComment >= contentEnd) continue;
		const open = openComment(text, scanFrom, contentEnd);
		if (open >= 0) {
			const end = openComments.end(open, lineStart);
			if (!commentOpensLine(text, lineStart, open)) fragile = true;
			if (end !== null) {
				commentFrom = open;
				commentClose = end;
			}
		}
	}
	if (fence) regions.push([fence.from, len, "fence"]);
	if (commentClose !== -2) regions.push([commentFrom, len, "comment"]);
	return { bodyFrom, regions, fragile };
}

/**
 * The `<!--` on this line that stays open past its end, or -1. Mirrors `extractCitations`: comments
 * inside inline code do not count, and (as there) the open comment only counts when no code span
 * starts after it on the line.
 */
function openComment(text: string, from: number, to: number): number {
	const line = text.slice(from, to);
	const ranges: [number, number][] = line.includes("`") ? codeSpans(line) : [];
	let at = line.indexOf("<!--");
	let open = -1;
	while (at >= 0) {
		if (ranges.some(([a, b]) => a <= at && at < b)) {
			at = line.indexOf("<!--", at + 4);
			continue;
		}
		const close = line.indexOf("-->", at + 4);
		if (close < 0) {
			open = at;
			break;
		}
		at = line.indexOf("<!--", close + 3);
	}
	if (open < 0 || ranges.some(([a]) => a > open)) return -1;
	return from + open;
}

const MARKER_LINE = /^[ \t>]*(?:```|~~~)|<!--|-->|^(?:---|\.\.\.)[ \t]*$/;

/**
 * Whether a transaction touches a line that can open or close a region or the frontmatter, before
 * or after the change: only then is the note scanned again. An edit that changes a line's shape
 * (typing on a blank line, indenting one) also counts when a line below it, up to the next line
 * that restarts the block structure, holds a marker: it may turn that line into indented code. So
 * does one that changes the indent of a line in a fence or just after it: a line less indented
 * than a list item's content ends a fence in that item.
 */
function touchesStructure(tr: Transaction, regions: RangeSet<CodeRegion>): boolean {
	let touched = false;
	const before = tr.startState.doc;
	tr.changes.iterChangedRanges((fromA, toA, fromB, toB) => {
		if (touched) return;
		if (linesMatch(before, fromA, toA) || linesMatch(tr.newDoc, fromB, toB)) touched = true;
		else {
			const oldLine = before.lineAt(fromA);
			const newLine = tr.newDoc.lineAt(fromB);
			const reshaped = toA > oldLine.to || toB > newLine.to || lineShape(oldLine.text) !== lineShape(newLine.text);
			touched = reshaped && markersBelow(tr.newDoc, tr.newDoc.lineAt(toB).number);
			if (!touched && (toA > oldLine.to || toB > newLine.to || indentOf(oldLine.text) !== indentOf(newLine.text))) touched = besideFence(regions, oldLine.from);
		}
	});
	return touched;
}

/** A line's indent past blockquote markers, or -1 when it is blank. */
function indentOf(line: string): number {
	const { first, indent } = lineIndent(line, 0);
	return first >= line.length ? -1 : indent;
}

/** Whether the line starting at `pos` lies in a fence past its opening line, or right after one. */
function besideFence(regions: RangeSet<CodeRegion>, pos: number): boolean {
	let found = false;
	regions.between(Math.max(0, pos - 1), pos, (from, to, value) => {
		if (value.kind !== "fence" || from >= pos || pos > to + 1) return undefined;
		found = true;
		return false;
	});
	return found;
}

/** Whether a line below `number`, up to the next that restarts the block structure, holds a marker. */
function markersBelow(doc: Text, number: number): boolean {
	for (let n = number + 1, seen = 0; n <= doc.lines && seen < FORWARD_LINES; n++, seen++) {
		const line = doc.line(n);
		if (MARKER_LINE.test(line.text)) return true;
		if (isRestartLine(line.text, isBlankLine(doc.line(n - 1).text))) return false;
	}
	return false;
}

function linesMatch(doc: Text, from: number, to: number): boolean {
	const first = doc.lineAt(from);
	if (first.number === 1 && first.text.startsWith("---")) return true;
	const last = to <= first.to ? first : doc.lineAt(to);
	for (let n = first.number; n <= last.number; n++) {
		const text = n === first.number ? first.text : doc.line(n).text;
		if (MARKER_LINE.test(text)) return true;
	}
	return false;
}
