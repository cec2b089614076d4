import { RangeSet, RangeValue, StateField, type Text, type Transaction } from "@codemirror/state";
import { BlockReader, blockState, bodyFrom, copyBlockState, FENCE_OPEN, FENCED, type BlockState } from "../core/blockScan";
import { BlockMarks, MARK_SPACING, rewalk } from "./blockMarks";

/**
 * A stretch of the note where no citation can be: a fenced code block or `$$` math block (whole
 * lines, from the opening line to the closing one) or an HTML comment spanning lines (from `<!--`
 * to past `-->`). Comments and code spans within one line are left to `extractCitations`.
 */
export class CodeRegion extends RangeValue {
	// Text typed just before a region stays outside it; so does text typed just after one, unless
	// the region never closes and runs to the end of the note.
	override startSide = 1;
	override endSide: number;

	constructor(
		readonly kind: "fence" | "math" | "comment",
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
	math: new CodeRegion("math", false),
	openMath: new CodeRegion("math", true),
};

/** What the editor knows about the whole note without extracting its citations. */
export interface NoteStructure {
	/** Where the body starts: past the frontmatter's closing line, or 0 (1 past a byte-order mark). */
	bodyFrom: number;
	/** Fenced code blocks, math blocks and multi-line comments, mapped through edits. */
	regions: RangeSet<CodeRegion>;
	/** The block state at line starts every few thousand characters, so a range of lines is read from the one above it. */
	marks: BlockMarks;
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
 * The note's frontmatter, code/comment regions and block states, kept current incrementally: an
 * edit is read again from the block state above it until the old and new states agree (see
 * `rewalk`: a few lines for typing), and the regions are mapped through it, unless it moves where a
 * region opens, closes or ends, touches the frontmatter's delimiters, or the note is fragile: then
 * the note is scanned again. Scans and re-reads go through the same `BlockReader` as
 * `extractCitations`, so a range read from one of these states extracts exactly what the whole note
 * would.
 */
export const noteStructure = StateField.define<NoteStructure>({
	create: (state) => scanStructure(state.doc, 0),
	update(value, tr) {
		if (!tr.docChanged) return value;
		if (value.fragile || frontmatterMayChange(tr)) return scanStructure(tr.newDoc, value.scan + 1);
		const walk = rewalk(tr.startState.doc, tr.newDoc, value.marks, tr.changes);
		if (walk.regionsMoved) return scanStructure(tr.newDoc, value.scan + 1);
		return { bodyFrom: tr.changes.mapPos(value.bodyFrom, -1), regions: value.regions.map(tr.changes), marks: walk.marks, scan: value.scan, fragile: false };
	},
});

/** Scans the whole note for its frontmatter end and its code/comment regions. */
export function scanStructure(doc: Text, scan: number): NoteStructure {
	const text = doc.toString();
	const found = structureOf(text);
	const ranges = found.regions.map(([from, to, kind]) => {
		const open = to === doc.length;
		const value = kind === "fence" ? (open ? REGIONS.openFence : REGIONS.fence) : kind === "math" ? (open ? REGIONS.openMath : REGIONS.math) : open ? REGIONS.openComment : REGIONS.comment;
		return value.range(from, to);
	});
	return { bodyFrom: found.bodyFrom, regions: RangeSet.of(ranges, true), marks: found.marks, scan, fragile: found.fragile };
}

/**
 * The frontmatter end, regions and block states of `text`, read line by line by the `BlockReader`
 * that `extractCitations` reads with. `fragile` says a `<!--` is left open inside a paragraph.
 */
export function structureOf(text: string): { bodyFrom: number; regions: [number, number, CodeRegion["kind"]][]; fragile: boolean; marks: BlockMarks } {
	const regions: [number, number, CodeRegion["kind"]][] = [];
	const len = text.length;
	const body = bodyFrom(text);
	const reader = new BlockReader(text);
	const state = blockState();
	const markPos: number[] = [];
	const markStates: BlockState[] = [];
	let nextMark = body;
	let fenceFrom = -1;
	let fenceKind: "fence" | "math" = "fence";
	let commentFrom = -1;
	let fragile = false;
	for (let pos = body; pos <= len; ) {
		const nl = text.indexOf("\n", pos);
		const lineEnd = nl < 0 ? len : nl;
		const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
		const lineStart = pos;
		pos = lineEnd + 1;
		if (lineStart >= nextMark) {
			markPos.push(lineStart);
			markStates.push(copyBlockState(blockState(), state));
			nextMark = lineStart + MARK_SPACING;
		}
		const kind = reader.step(lineStart, contentEnd, state);
		if (reader.commentClosed) {
			regions.push([commentFrom, reader.from, "comment"]);
			commentFrom = -1;
		}
		if (reader.fenceEnded) {
			// The line ends the fence's list item: the fence ends with the line before.
			regions.push([fenceFrom, lineStart - 1, fenceKind]);
			fenceFrom = -1;
		}
		if (kind === FENCE_OPEN) {
			fenceFrom = lineStart;
			fenceKind = state.fence === 36 ? "math" : "fence";
		} else if (kind === FENCED && reader.closed) {
			regions.push([fenceFrom, lineEnd, fenceKind]);
			fenceFrom = -1;
		}
		if (reader.commentOpen >= 0) commentFrom = reader.commentOpen;
		if (reader.inlineOpen) fragile = true;
	}
	if (fenceFrom >= 0) regions.push([fenceFrom, len, fenceKind]);
	if (commentFrom >= 0) regions.push([commentFrom, len, "comment"]);
	return { bodyFrom: body, regions, fragile, marks: new BlockMarks(markPos, markStates) };
}

const DELIMITER = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Whether a transaction may move where the frontmatter ends: in a note whose first line opens
 * frontmatter (before or after), it touches that line or a line that could close it.
 */
function frontmatterMayChange(tr: Transaction): boolean {
	const before = tr.startState.doc;
	const doc = tr.newDoc;
	if (!opensFrontmatter(before) && !opensFrontmatter(doc)) return false;
	let touched = false;
	tr.changes.iterChangedRanges((fromA, toA, fromB, toB) => {
		touched ||= touchesDelimiter(before, fromA, toA) || touchesDelimiter(doc, fromB, toB);
	});
	return touched;
}

function opensFrontmatter(doc: Text): boolean {
	return doc.line(1).text.replace(/^\ufeff/, "").startsWith("---");
}

function touchesDelimiter(doc: Text, from: number, to: number): boolean {
	const first = doc.lineAt(from);
	if (first.number === 1) return true;
	const last = to <= first.to ? first : doc.lineAt(to);
	for (let n = first.number; n <= last.number; n++) if (DELIMITER.test(n === first.number ? first.text : doc.line(n).text)) return true;
	return false;
}
