import { afterEach, describe, expect, it } from "vitest";
import { EditorView } from "@codemirror/view";
import { extractCitations, formatTimestamp } from "../../src/core";
import { corpusNotes } from "../helpers/corpus";
import { chipsIn, decorationsOf, makeEditor } from "./harness";

let views: EditorView[] = [];
afterEach(() => {
	for (const v of views) v.destroy();
	views = [];
});

const notes = corpusNotes().filter((n) => extractCitations(n.text).length > 0);

/** Scrolls `view` from top to bottom a screen at a time, calling `check` at each stop. */
function scrollThrough(view: EditorView, check: () => void): void {
	let pos = 0;
	for (;;) {
		view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: "start" }) });
		check();
		const end = view.visibleRanges[view.visibleRanges.length - 1]?.to ?? view.state.doc.length;
		if (end >= view.state.doc.length) return;
		// Start the next screen on the last line shown; within a line too long to show whole, where the screen ended.
		const next = view.state.doc.lineAt(end).from;
		pos = next > pos ? next : end > pos ? end : pos + 1000;
	}
}

describe("every corpus note in the editor", () => {
	it.each(notes.map((n) => [n.path, n.text] as const))("Live Preview shows a chip for each citation of %s as it scrolls by", (path, text) => {
		const { view } = makeEditor(text, { path });
		views.push(view);
		const citations = extractCitations(text);
		const seen = new Set<number>();
		scrollThrough(view, () => {
			const visible = citations.filter((c) => view.visibleRanges.some((r) => c.from < r.to && c.to > r.from));
			expect(chipsIn(view).map((c) => c.text)).toEqual(visible.map((c) => formatTimestamp(c.seconds as number, { style: "m:ss" })));
			for (const d of decorationsOf(view)) seen.add(d.from);
		});
		// An element in stray brackets of its own (`[<a …>01:11:04</a>]`) is drawn with them hidden in its chip.
		const bracketed = (c: { from: number; to: number; form: string }) => c.form === "element" && text[c.from - 1] === "[" && text[c.to] === "]";
		expect([...seen].sort((a, b) => a - b)).toEqual(citations.map((c) => (bracketed(c) && !c.label.startsWith("[") ? c.from - 1 : c.from)));
	});

	it.each(notes.map((n) => [n.path, n.text] as const))("source mode marks each citation of %s as it scrolls by", (path, text) => {
		const { view } = makeEditor(text, { path, live: false });
		views.push(view);
		const citations = extractCitations(text);
		const seen = new Set<string>();
		scrollThrough(view, () => {
			for (const d of decorationsOf(view)) seen.add(`${d.from}-${d.to}`);
		});
		expect([...seen].sort((a, b) => parseInt(a) - parseInt(b))).toEqual(citations.map((c) => `${c.from}-${c.to}`));
	});
});
