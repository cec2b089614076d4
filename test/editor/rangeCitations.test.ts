import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EditorState, Text } from "@codemirror/state";
import { extractCitations, type Citation } from "../../src/core";
import { citationsBetween, type ChipCitation, type FrameReadings } from "../../src/editor/rangeCitations";
import { MARK_SPACING } from "../../src/editor/blockMarks";
import { NoteSummary } from "../../src/editor/noteSummary";
import { noteStructure, scanStructure } from "../../src/editor/structure";
import { corpusNotes } from "../helpers/corpus";
import { anchor, note } from "./harness";

const NO_FRAMES: FrameReadings = new Map();

/** What the editor draws from a citation, for comparing slices with the whole note. */
function shape(c: Citation | ChipCitation) {
	return { from: c.from, to: c.to, seconds: c.seconds, label: c.label, invalid: c.invalid, repaired: c.repaired, video: c.video };
}

/**
 * A note ready for slicing: its document, structure, the whole note's readings and citations,
 * worked out once. `asWritten` compares block structure alone: both sides read times as written.
 */
function prepared(text: string, asWritten = false) {
	const all = extractCitations(text, { inContext: !asWritten });
	const doc = Text.of(text.split("\n"));
	return { doc, all, structure: scanStructure(doc, 0), frames: asWritten ? NO_FRAMES : new NoteSummary(doc).frames };
}

/** The slice's citations for lines `first..last` (1-based), and the whole note's in the same lines. */
function sliced(text: string | ReturnType<typeof prepared>, first: number, last: number) {
	const { doc, all, structure, frames } = typeof text === "string" ? prepared(text) : text;
	const from = doc.line(first).from;
	const to = doc.line(last).to;
	return {
		got: citationsBetween(doc, structure, from, to, frames).map(shape),
		want: all.filter((c) => c.from >= from && c.from <= to).map(shape),
	};
}

describe("citations of a slice of lines equal the whole note's", () => {
	const notes = corpusNotes().filter((n) => extractCitations(n.text).length > 0);

	it.each(notes.map((n) => [n.path, n.text] as const))("for every window of 8 lines in %s", (_path, text) => {
		const ready = prepared(text);
		const lines = ready.doc.lines;
		let checked = 0;
		for (let first = 1; first <= lines; first++) {
			const { got, want } = sliced(ready, first, Math.min(lines, first + 7));
			expect(got, `lines ${first}-${first + 7}`).toEqual(want);
			checked += want.length;
		}
		expect(checked).toBeGreaterThan(0);
	});

	it.each([
		["a list continuation indented four spaces, starting on the continuation", `*   **Point**\n    Claim ${anchor("00:00:01")}.\n\n    More ${anchor("00:00:02")}.\n`, 2],
		["a nested item indented four spaces", `- Top ${anchor("00:00:01")}\n    - Nested ${anchor("00:00:02")}\n    - Again ${anchor("00:00:03")}\n`, 3],
		["indented code after a paragraph and a blank line", `Para.\n\n    ${anchor("00:00:01")}\n    ${anchor("00:00:02")}\n\nAfter ${anchor("00:00:03")}.\n`, 4],
		["a fence that opened above", "```\n" + `${anchor("00:00:01")}\n`.repeat(5) + "```\n" + `After ${anchor("00:00:09")}.\n`, 4],
		["a tilde fence that opened above", "~~~md\n" + `${anchor("00:00:01")}\n`.repeat(5) + "~~~\n" + `After ${anchor("00:00:09")}.\n`, 3],
		["a comment that opened above", `Intro <!-- hidden\n${anchor("00:00:01")}\n${anchor("00:00:02")}\n--> shown ${anchor("00:00:03")}.\n`, 3],
		["a comment closing mid-line", `<!--\n${anchor("00:00:01")} --> ${anchor("00:00:02")}\n`, 2],
		["a heading inside a list", `- Item\n\n# Heading ${anchor("00:00:01")}\n\n    Still the list ${anchor("00:00:02")}\n`, 5],
		["a rule inside a list", `- Item\n\n---\n\n    Still the list ${anchor("00:00:02")}\n`, 5],
		["a blockquote", `> Quote ${anchor("00:00:01")}\n> more ${anchor("00:00:02")}\n`, 2],
		["frontmatter holding an anchor", `---\nnote: ${anchor("00:00:01")}\n---\nBody ${anchor("00:00:02")}.\n`, 2],
		["a slice that starts with a rule", `Para.\n\n---\nText ${anchor("00:00:01")}\n---\n`, 3],
	])("with %s", (_name, text, first) => {
		const lines = text.split("\n").length;
		for (let start = 1; start <= first; start++) {
			const { got, want } = sliced(text, start, lines);
			expect(got, `from line ${start}`).toEqual(want);
		}
	});

	it("reads minutes:seconds:frames notes the way the whole note does, whatever the slice holds", () => {
		const text = note([`A ${anchor("20:19:00")}.`, `B ${anchor("21:05:00")}.`, `C ${anchor("01:00:05:00")}.`, "", `D ${anchor("00:12:00")}.`].join("\n"));
		expect(extractCitations(text).map((c) => c.seconds)).toEqual([1219, 1265, 3605, 12]);
		for (let first = 4; first <= 8; first++) expect(sliced(text, first, first).got).toEqual(sliced(text, first, first).want);
	});

	it("reads a slice's times as the whole note does, not as the slice alone would", () => {
		// On its own, the slice holding 01:05:10 would read it as 1 h 5 min; the note around it is minutes:seconds.
		const text = note([`A ${anchor("20:19:04")}. B ${anchor("21:05:07")}.`, "", `C ${anchor("01:05:10")}.`, "", `D ${anchor("22:00:02")}.`].join("\n"));
		const { got, want } = sliced(text, 6, 6);
		expect(want.map((c) => c.seconds)).toEqual([65]);
		expect(got).toEqual(want);
	});

	it("reads inside a code block that opened further up than it looks from a block state just above", () => {
		const text = "```\n" + "code line\n".repeat(5000) + "```\n" + `After ${anchor("00:00:09")}.\n`;
		const doc = Text.of(text.split("\n"));
		const structure = scanStructure(doc, 0);
		const inside = doc.line(4000).from;
		const mark = structure.marks.pos[structure.marks.before(inside)] as number;
		expect(inside - mark).toBeLessThanOrEqual(MARK_SPACING);
		expect(structure.marks.states[structure.marks.before(inside)]?.fence).toBe(96);
		expect(citationsBetween(doc, structure, inside, doc.length, NO_FRAMES).map((c) => c.seconds)).toEqual([9]);
		expect(citationsBetween(doc, structure, inside, doc.line(4010).to, NO_FRAMES)).toEqual([]);
	});
});

/** Lines that exercise every structural rule the slices must agree on. */
const LINE = fc.constantFrom(
	"",
	"",
	"Plain prose line.",
	`Claim ${anchor("00:00:01")}.`,
	`Two ${anchor("00:01:00")}, ${anchor("00:02:00")}.`,
	`- Item ${anchor("00:00:03")}`,
	`1. Ordered ${anchor("00:00:04")}`,
	`    Indented ${anchor("00:00:05")}`,
	`        Deeper ${anchor("00:00:06")}`,
	`    - Nested ${anchor("00:00:07")}`,
	"```",
	"~~~",
	"```js",
	`<!-- ${anchor("00:00:08")}`,
	`--> after ${anchor("00:00:09")}`,
	`Inline <!-- ${anchor("00:00:10")} --> ${anchor("00:00:11")}`,
	`Use \`${anchor("00:00:12")}\` here`,
	`# Heading ${anchor("00:00:13")}`,
	"---",
	"***",
	"===",
	`| Cell ${anchor("00:00:14")} |`,
	`> Quote ${anchor("00:00:15")}`,
	">",
	`<a class="yt-timestamp" data-t="soon">[later]</a>`,
	`<a class="yt-timestamp" data-00:12:34">[00:12:34]</a>`,
	"\tTabbed line",
	// A fence in a list item ends with the item: at a closing fence, or at a line less indented than the item's content.
	`*   Wide item ${anchor("00:00:16")}`,
	`  In the item ${anchor("00:00:17")}`,
	"  ```",
	"    ```",
	"``` after",
);

describe("slices agree with the whole note on generated notes", () => {
	it("for any note built from structural lines and any window of lines", () => {
		fc.assert(
			fc.property(fc.array(LINE, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), fc.boolean(), (lines, a, b, frontmatter) => {
				const text = (frontmatter ? "---\nvideoId: aXGo1o_baBo\n---\n" : "") + lines.join("\n");
				const total = text.split("\n").length;
				const first = 1 + (a % total);
				const last = first + (b % (total - first + 1));
				const { got, want } = sliced(prepared(text, true), first, last);
				expect(got).toEqual(want);
			}),
			{ numRuns: 600 },
		);
	});

	it("keeps the structure field equal to a fresh scan through any edits", () => {
		fc.assert(
			fc.property(
				fc.array(LINE, { minLength: 1, maxLength: 30 }),
				fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.oneof(LINE, fc.constantFrom("x", "\n", "`", "<!", "-", " ", ""))), { maxLength: 12 }),
				(lines, edits) => {
					let state = EditorState.create({ doc: lines.join("\n"), extensions: [noteStructure] });
					for (const [at, len, insert] of edits) {
						const from = at % (state.doc.length + 1);
						const to = Math.min(state.doc.length, from + len);
						state = state.update({ changes: { from, to, insert } }).state;
						const field = state.field(noteStructure);
						const fresh = scanStructure(state.doc, 0);
						expect(field.bodyFrom).toBe(fresh.bodyFrom);
						expect(regionsOf(field.regions)).toEqual(regionsOf(fresh.regions));
					}
				},
			),
			{ numRuns: 1000 },
		);
	});
});

function regionsOf(set: ReturnType<typeof scanStructure>["regions"]): [number, number, string][] {
	const out: [number, number, string][] = [];
	set.between(0, 1e9, (from, to, v) => {
		out.push([from, to, v.kind]);
	});
	return out;
}
