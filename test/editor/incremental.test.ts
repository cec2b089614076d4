import type { FrameReadings } from "../../src/editor/rangeCitations";
import { afterEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { EditorState } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { extractCitations } from "../../src/core";
import { noteStructure } from "../../src/editor/structure";
import { ViewCitations, type LineSpan } from "../../src/editor/viewCitations";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { anchor, decorationsOf, makeEditor } from "./harness";

const NO_FRAMES: FrameReadings = new Map();

const LINE = fc.constantFrom(
	"",
	"Plain prose line.",
	`Claim ${anchor("00:00:01")}.`,
	`Two ${anchor("00:01:00")}, ${anchor("00:02:00")}.`,
	`- Item ${anchor("00:00:03")}`,
	`    Indented ${anchor("00:00:05")}`,
	`    - Nested ${anchor("00:00:07")}`,
	"```",
	"~~~",
	`<!-- ${anchor("00:00:08")}`,
	`--> after ${anchor("00:00:09")}`,
	`Use \`${anchor("00:00:12")}\` here`,
	`# Heading ${anchor("00:00:13")}`,
	"---",
	`| Cell ${anchor("00:00:14")} |`,
	`<a class="yt-timestamp" data-t="soon">[later]</a>`,
	`*   Wide item ${anchor("00:00:16")}`,
	`  In the item ${anchor("00:00:17")}`,
	"  ```",
	"``` after",
);
/** What an edit inserts: whole lines, or the fragments typing produces. */
const INSERT = fc.oneof(LINE, fc.constantFrom("x", "\n", "\n\n", "    ", "`", "<", "-->", "- ", "</a>", '"', ""));
const EDITS = fc.array(fc.tuple(fc.nat(), fc.nat(12), INSERT), { minLength: 1, maxLength: 15 });

function expectedIn(text: string, spans: LineSpan[]) {
	// Slices read times as written (the whole note's readings come from NoteSummary, tested apart): so does the reference here.
	return extractCitations(text, { inContext: false })
		.filter((c) => spans.some((s) => c.from >= s.from && c.from <= s.to))
		.map((c) => [c.from, c.to, c.seconds]);
}

describe("the citations on screen stay right through edits", () => {
	it("ViewCitations: mapping and re-reading the touched lines equals reading the note afresh", () => {
		fc.assert(
			fc.property(fc.array(LINE, { minLength: 1, maxLength: 40 }), EDITS, fc.nat(), fc.nat(30), (lines, edits, top, height) => {
				let state = EditorState.create({ doc: lines.join("\n"), extensions: [noteStructure] });
				const view = new ViewCitations();
				const spanOf = (): LineSpan[] => {
					const doc = state.doc;
					const first = 1 + (top % doc.lines);
					const last = Math.min(doc.lines, first + height);
					return [{ from: doc.line(first).from, to: doc.line(last).to }];
				};
				view.reset(state.doc, state.field(noteStructure), NO_FRAMES, spanOf());
				for (const [at, len, insert] of edits) {
					const from = at % (state.doc.length + 1);
					const tr = state.update({ changes: { from, to: Math.min(state.doc.length, from + len), insert } });
					const rescanned = tr.state.field(noteStructure).scan !== state.field(noteStructure).scan;
					state = tr.state;
					const structure = state.field(noteStructure);
					if (rescanned) view.reset(state.doc, structure, NO_FRAMES, spanOf());
					else {
						view.applyChanges(tr.changes, tr.startState.doc, state.doc, structure, NO_FRAMES);
						view.cover(state.doc, structure, NO_FRAMES, spanOf());
					}
					expect(view.list.map((c) => [c.from, c.to, c.seconds])).toEqual(expectedIn(state.doc.toString(), view.spans));
				}
			}),
			{ numRuns: 400 },
		);
	});
});

describe("the editor's marks stay right through edits", () => {
	let views: EditorView[] = [];
	afterEach(() => {
		for (const v of views) v.destroy();
		views = [];
	});

	it("a source-mode editor marks exactly the note's citations after any edits", () => {
		fc.assert(
			fc.property(fc.array(LINE, { minLength: 1, maxLength: 25 }), EDITS, (lines, edits) => {
				const { view } = makeEditor(lines.join("\n"), { live: false });
				views.push(view);
				for (const [at, len, insert] of edits) {
					const from = at % (view.state.doc.length + 1);
					view.dispatch({ changes: { from, to: Math.min(view.state.doc.length, from + len), insert } });
					const visible = view.visibleRanges.map((r) => ({ from: view.state.doc.lineAt(r.from).from, to: view.state.doc.lineAt(r.to).to }));
					const marks = decorationsOf(view).filter((d) => d.cls.includes("vc-source-timestamp"));
					expect(marks.map((m) => [m.from, m.to])).toEqual(expectedIn(view.state.doc.toString(), visible).map(([f, t]) => [f, t]));
				}
				view.destroy();
			}),
			{ numRuns: 60 },
		);
	});

	it("typing through the seed note keeps every visible chip equal to a fresh reading", () => {
		const { view } = makeEditor(corpusNote(SEED_PATH), { live: false });
		views.push(view);
		const text = "Typed words, a [bracket] and <a class=\"yt-timestamp\" data-t=\"00:00:42\">[00:00:42]</a>.\n";
		let at = view.state.doc.line(8).from;
		for (const ch of text) {
			view.dispatch({ changes: { from: at, insert: ch }, selection: { anchor: at + 1 } });
			at++;
			const visible = view.visibleRanges.map((r) => ({ from: view.state.doc.lineAt(r.from).from, to: view.state.doc.lineAt(r.to).to }));
			const marks = decorationsOf(view).filter((d) => d.cls.includes("vc-source-timestamp"));
			expect(marks.map((m) => [m.from, m.to])).toEqual(expectedIn(view.state.doc.toString(), visible).map(([f, t]) => [f, t]));
		}
		expect(decorationsOf(view).some((d) => view.state.sliceDoc(d.from, d.to).includes("00:00:42"))).toBe(true);
	});
});

describe("what an edit did to the note's citations", () => {
	const lines = [`Claim ${anchor("00:00:10")} and ${anchor("00:00:20")}.`, "Prose.", `More ${anchor("00:00:30")}.`, ...Array.from({ length: 40 }, () => "Filler."), `Far ${anchor("00:09:00")}.`];
	function setup() {
		const state = EditorState.create({ doc: lines.join("\n"), extensions: [noteStructure] });
		const view = new ViewCitations();
		view.reset(state.doc, state.field(noteStructure), NO_FRAMES, [{ from: 0, to: state.doc.line(10).to }]);
		return { state, view };
	}
	function edit(setupResult: ReturnType<typeof setup>, from: number, to: number, insert: string) {
		const tr = setupResult.state.update({ changes: { from, to, insert } });
		return setupResult.view.applyChanges(tr.changes, tr.startState.doc, tr.state.doc, tr.state.field(noteStructure), NO_FRAMES);
	}

	it("typing prose beside anchors leaves them as they were: the very same citation objects", () => {
		const s = setup();
		const before = s.view.list.slice();
		expect(edit(s, 5, 5, "d")).toBe("same");
		expect(s.view.list).toHaveLength(3);
		s.view.list.forEach((c, i) => expect(c).toBe(before[i]));
		expect(s.view.list[0]?.from).toBe(before[0]?.from);
	});

	it.each([
		["changing a time", `Claim <a class="yt-timestamp" data-t="00:00:1`.length, 1, "5"],
		["touching an element's markup", `Claim <a class="yt-tim`.length, 0, "x"],
		["deleting an anchor", `Claim `.length, `Claim ${anchor("00:00:10")}`.length, ""],
		["adding an anchor", `Claim`.length, `Claim`.length, anchor("00:00:05")],
		["turning the line into indented code", 0, 0, "    "],
		["wrapping an anchor in inline code", `Claim `.length, anchor("00:00:10").length, `\`${anchor("00:00:10")}\``],
	])("%s changes them (or, reaching off screen, cannot tell)", (_name, from, len, insert) => {
		const s = setup();
		expect(edit(s, from, from + len, insert)).not.toBe("same");
	});

	it("an edit off screen is unknown", () => {
		const s = setup();
		const far = s.state.doc.line(lines.length).from;
		expect(edit(s, far, far, "x")).toBe("unknown");
	});
});
