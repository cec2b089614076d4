import { EditorSelection, StateEffect, StateField, type Extension } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { undo, redo } from "@codemirror/commands";

/** What `editorInfoField` holds: the view's file and app, as Obsidian's `MarkdownFileInfo`. */
export interface FileInfo {
	app: unknown;
	file: { path: string } | null;
	editor?: unknown;
}

/** Obsidian's `editorInfoField`, set by the double's `MarkdownView` when it builds an editor. */
export const editorInfoField = StateField.define<FileInfo | null>({
	create: () => null,
	update: (value) => value,
});

/** Switches an editor between Live Preview (`true`) and source mode, as Obsidian's toggle does. */
export const setLivePreview = StateEffect.define<boolean>();

/** Obsidian's `editorLivePreviewField`: `true` in Live Preview, `false` in source mode. */
export const editorLivePreviewField = StateField.define<boolean>({
	create: () => true,
	update(value, tr) {
		for (const e of tr.effects) if (e.is(setLivePreview)) return e.value;
		return value;
	},
});

/** Obsidian's `editorEditorField` (the `EditorView` itself). */
export const editorEditorField = StateField.define<EditorView | null>({
	create: () => null,
	update: (value) => value,
});

/** A position in Obsidian's editor API: 0-based line and character. */
export interface EditorPosition {
	line: number;
	ch: number;
}

/** Obsidian's `Editor` over a real CodeMirror `EditorView`: each call is one transaction, so undo is real. */
export class Editor {
	constructor(public cm: EditorView) {}

	getDoc(): this {
		return this;
	}
	refresh(): void {}
	getValue(): string {
		return this.cm.state.doc.toString();
	}
	setValue(content: string): void {
		this.cm.dispatch({ changes: { from: 0, to: this.cm.state.doc.length, insert: content } });
	}
	getLine(line: number): string {
		return this.cm.state.doc.line(line + 1).text;
	}
	lineCount(): number {
		return this.cm.state.doc.lines;
	}
	lastLine(): number {
		return this.cm.state.doc.lines - 1;
	}
	getSelection(): string {
		const { from, to } = this.cm.state.selection.main;
		return this.cm.state.sliceDoc(from, to);
	}
	somethingSelected(): boolean {
		return !this.cm.state.selection.main.empty;
	}
	getRange(from: EditorPosition, to: EditorPosition): string {
		return this.cm.state.sliceDoc(this.posToOffset(from), this.posToOffset(to));
	}
	replaceSelection(replacement: string, origin?: string): void {
		this.cm.dispatch(this.cm.state.replaceSelection(replacement), { userEvent: origin ?? "input" });
	}
	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, origin?: string): void {
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.cm.dispatch({ changes: { from: a, to: b, insert: replacement }, userEvent: origin ?? "input" });
	}
	getCursor(side: "from" | "to" | "head" | "anchor" = "head"): EditorPosition {
		const sel = this.cm.state.selection.main;
		const offset = side === "from" ? sel.from : side === "to" ? sel.to : side === "anchor" ? sel.anchor : sel.head;
		return this.offsetToPos(offset);
	}
	listSelections(): { anchor: EditorPosition; head: EditorPosition }[] {
		return this.cm.state.selection.ranges.map((r) => ({ anchor: this.offsetToPos(r.anchor), head: this.offsetToPos(r.head) }));
	}
	setCursor(pos: EditorPosition | number, ch?: number): void {
		const p = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		const o = this.posToOffset(p);
		this.cm.dispatch({ selection: { anchor: o } });
	}
	setSelection(anchor: EditorPosition, head?: EditorPosition): void {
		this.cm.dispatch({ selection: { anchor: this.posToOffset(anchor), head: this.posToOffset(head ?? anchor) } });
	}
	setSelections(ranges: { anchor: EditorPosition; head?: EditorPosition }[], main?: number): void {
		this.cm.dispatch({
			selection: EditorSelection.create(
				ranges.map((r) => EditorSelection.range(this.posToOffset(r.anchor), this.posToOffset(r.head ?? r.anchor))),
				main,
			),
		});
	}
	focus(): void {
		this.cm.focus();
	}
	blur(): void {
		this.cm.contentDOM.blur();
	}
	hasFocus(): boolean {
		return this.cm.hasFocus;
	}
	getScrollInfo(): { top: number; left: number } {
		return { top: this.cm.scrollDOM.scrollTop, left: this.cm.scrollDOM.scrollLeft };
	}
	scrollTo(x?: number | null, y?: number | null): void {
		if (typeof x === "number") this.cm.scrollDOM.scrollLeft = x;
		if (typeof y === "number") this.cm.scrollDOM.scrollTop = y;
	}
	scrollIntoView(range: { from: EditorPosition; to: EditorPosition }, center?: boolean): void {
		this.cm.dispatch({
			effects: (this.cm.constructor as typeof EditorView).scrollIntoView(this.posToOffset(range.from), { y: center ? "center" : "nearest" }),
		});
	}
	undo(): void {
		undo(this.cm);
	}
	redo(): void {
		redo(this.cm);
	}
	exec(): void {}
	transaction(tx: { changes?: { from: EditorPosition; to?: EditorPosition; text: string }[]; selection?: { from: EditorPosition; to?: EditorPosition } }, origin?: string): void {
		this.cm.dispatch({
			changes: (tx.changes ?? []).map((c) => ({ from: this.posToOffset(c.from), to: c.to ? this.posToOffset(c.to) : undefined, insert: c.text })),
			selection: tx.selection
				? { anchor: this.posToOffset(tx.selection.from), head: tx.selection.to ? this.posToOffset(tx.selection.to) : undefined }
				: undefined,
			userEvent: origin ?? "input",
		});
	}
	wordAt(): null {
		return null;
	}
	posToOffset(pos: EditorPosition): number {
		const doc = this.cm.state.doc;
		const line = doc.line(Math.min(Math.max(pos.line, 0), doc.lines - 1) + 1);
		return Math.min(line.from + Math.max(pos.ch, 0), line.to);
	}
	offsetToPos(offset: number): EditorPosition {
		const line = this.cm.state.doc.lineAt(Math.min(Math.max(offset, 0), this.cm.state.doc.length));
		return { line: line.number - 1, ch: offset - line.from };
	}
}

/** The fields Obsidian puts in every markdown editor, for a view built by the double. */
export function obsidianEditorFields(info: FileInfo, livePreview: boolean): Extension {
	return [editorInfoField.init(() => info), editorLivePreviewField.init(() => livePreview)];
}
