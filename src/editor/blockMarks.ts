import type { ChangeDesc, Text } from "@codemirror/state";
import { BlockReader, copyBlockState, FENCE_OPEN, sameBlockState, blockState, type BlockState } from "../core/blockScan";

/** How far apart (in characters) the block states the editor keeps are: a read starts at most about this far above its lines. */
export const MARK_SPACING = 2048;
/** How much of the document a {@link LineWalker} slices at a time. */
const CHUNK = 4096;

/**
 * Block states saved at line starts of a note, sorted by position: the first at the body's start,
 * then one every {@link MARK_SPACING} characters or so. Never changed in place (the states are
 * shared between versions); an edit makes a new set (see {@link rewalk}).
 */
export class BlockMarks {
	constructor(
		readonly pos: readonly number[],
		readonly states: readonly Readonly<BlockState>[],
	) {}

	/** The index of the last mark at or before `at`, or -1 when `at` is above the first. */
	before(at: number): number {
		let lo = 0;
		let hi = this.pos.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((this.pos[mid] as number) <= at) lo = mid + 1;
			else hi = mid;
		}
		return lo - 1;
	}

	/** The marks moved by `delta` characters (an edit above all of them that leaves their lines as they were). */
	shifted(delta: number): BlockMarks {
		return delta === 0 ? this : new BlockMarks(this.pos.map((p) => p + delta), this.states);
	}
}

/**
 * Steps the lines of a CodeMirror document through a {@link BlockReader}, from a line start in a
 * given state, slicing the document a few thousand characters at a time (a block state holds no
 * offsets, so a new slice simply goes on with it). The reader's offsets are the slice's: add
 * {@link base}.
 */
export class LineWalker {
	/** Where the line last stepped starts and ends, in the document. */
	lineStart = 0;
	lineEnd = 0;
	/** Where the next line to step starts. */
	pos: number;
	/** Where the current slice starts in the document. */
	base = 0;
	reader: BlockReader | null = null;
	private text = "";

	/**
	 * @param until where the first slice may end (past it, slices of a few thousand characters):
	 * the end of the lines the caller expects to step, so a short walk slices little.
	 */
	constructor(
		private readonly doc: Text,
		from: number,
		readonly state: BlockState,
		private until = from + CHUNK,
	) {
		this.pos = from;
	}

	/** Whether every line has been stepped. */
	get done(): boolean {
		return this.pos > this.doc.length;
	}

	/** Steps the next line and returns its kind. */
	step(): number {
		const pos = this.pos;
		let rel = pos - this.base;
		if (!this.reader || rel > this.text.length) {
			const end = this.doc.lineAt(Math.min(this.doc.length, this.reader ? pos + CHUNK : Math.max(pos, this.until))).to;
			this.text = this.doc.sliceString(pos, end);
			this.base = pos;
			this.reader = new BlockReader(this.text);
			rel = 0;
		}
		const nl = this.text.indexOf("\n", rel);
		const end = nl < 0 ? this.text.length : nl;
		const contentEnd = end > rel && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
		const kind = this.reader.step(rel, contentEnd, this.state);
		this.lineStart = pos;
		this.lineEnd = this.base + end;
		this.pos = this.lineEnd + 1;
		return kind;
	}

	/**
	 * What the line last stepped did to the note's regions (fences, math blocks, comments spanning
	 * lines), as a key equal for two lines that did the same at the same columns: "" for nothing.
	 */
	regionEvents(kind: number): string {
		const r = this.reader as BlockReader;
		if (kind !== FENCE_OPEN && !r.closed && !r.fenceEnded && !r.commentClosed && r.commentOpen < 0 && !r.inlineOpen) return "";
		const start = this.lineStart - this.base;
		return `${kind === FENCE_OPEN ? "o" : ""}${r.closed ? "c" : ""}${r.fenceEnded ? "e" : ""}${r.commentClosed ? `>${r.from - start}` : ""}${r.commentOpen >= 0 ? `<${r.commentOpen - start}` : ""}${r.inlineOpen ? "i" : ""}`;
	}
}

/** What an edit did to the block structure, found by {@link rewalk}. */
export interface Rewalk {
	/** The block states of the edited note. */
	marks: BlockMarks;
	/**
	 * The lines that may read differently, in the edited note: from the first edited line's start to
	 * the end of the last line before which the old and new block states agree again.
	 */
	from: number;
	to: number;
	/**
	 * A fence, math block or comment spanning lines opens, closes or ends differently in those lines,
	 * or a `<!--` is left open inside a paragraph: the note's regions must be read again.
	 */
	regionsMoved: boolean;
}

/**
 * Reads again, after an edit (`changes` from `before` to `doc`) below the note's body start, the
 * lines it may have changed: from the mark above the first edited line, the old and the new text
 * are stepped to past the last edited line, then side by side (their lines are the same there)
 * until their block states agree, after which every line reads as before. Cheap for the edits
 * typing makes: a few thousand characters at most, unless the edit changes how a long stretch
 * below it reads (then that stretch).
 */
export function rewalk(before: Text, doc: Text, marks: BlockMarks, changes: ChangeDesc): Rewalk {
	let fromA = Infinity;
	let toA = -1;
	let toB = -1;
	changes.iterChangedRanges((fa, ta, _fb, tb) => {
		fromA = Math.min(fromA, fa);
		toA = Math.max(toA, ta);
		toB = Math.max(toB, tb);
	});
	if (toA < 0) return { marks, from: 0, to: -1, regionsMoved: false };
	const from = before.lineAt(fromA).from;
	const oldEnd = before.lineAt(toA).to;
	const newEnd = doc.lineAt(toB).to;
	const k = marks.before(from);
	if (k < 0) return { marks: marks.shifted(doc.length - before.length), from, to: newEnd, regionsMoved: false };
	const start = marks.pos[k] as number;
	// The first slices take the edited lines and a few after them, where the states mostly agree again.
	const oldLines = new LineWalker(before, start, copyBlockState(blockState(), marks.states[k] as BlockState), oldEnd + 200);
	const newLines = new LineWalker(doc, start, copyBlockState(blockState(), marks.states[k] as BlockState), newEnd + 200);
	const pos = marks.pos.slice(0, k + 1);
	const states = marks.states.slice(0, k + 1);
	let last = start;
	const mark = () => {
		if (newLines.pos < last + MARK_SPACING) return;
		last = newLines.pos;
		pos.push(last);
		states.push(copyBlockState(blockState(), newLines.state));
	};
	const moved: Rewalk = { marks, from, to: doc.length, regionsMoved: true };
	while (!oldLines.done && oldLines.pos <= oldEnd) {
		const kind = oldLines.step();
		if (oldLines.lineStart >= from && oldLines.regionEvents(kind) !== "") return moved;
	}
	while (!newLines.done && newLines.pos <= newEnd) {
		mark();
		const kind = newLines.step();
		if (newLines.lineStart >= from && newLines.regionEvents(kind) !== "") return moved;
	}
	while (!newLines.done && !sameBlockState(oldLines.state, newLines.state)) {
		mark();
		const kind = newLines.step();
		if (newLines.regionEvents(kind) !== oldLines.regionEvents(oldLines.step())) return moved;
	}
	const to = newLines.done ? doc.length : newLines.pos - 1;
	if (!newLines.done) {
		// Past here every line reads as before: the old marks stand, moved with the text.
		const delta = doc.length - before.length;
		for (let i = marks.before(oldLines.pos - 1) + 1; i < marks.pos.length; i++) {
			pos.push((marks.pos[i] as number) + delta);
			states.push(marks.states[i] as BlockState);
		}
	}
	return { marks: new BlockMarks(pos, states), from, to, regionsMoved: false };
}
