import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EditorState } from "@codemirror/state";
import { BlockReader, blockState, bodyFrom, copyBlockState, type BlockState } from "../../src/core/blockScan";
import { noteStructure, scanStructure } from "../../src/editor/structure";
import { citationsBetween } from "../../src/editor/rangeCitations";
import { anchor } from "./harness";

/** The block state at the start of every line of the body, read afresh. */
function freshStates(text: string): Map<number, BlockState> {
	const out = new Map<number, BlockState>();
	const reader = new BlockReader(text);
	const state = blockState();
	for (let pos = bodyFrom(text); pos <= text.length; ) {
		const nl = text.indexOf("\n", pos);
		const end = nl < 0 ? text.length : nl;
		out.set(pos, copyBlockState(blockState(), state));
		reader.step(pos, end, state);
		pos = end + 1;
	}
	return out;
}

const LINE = fc.constantFrom(
	"",
	"",
	"Plain prose line.",
	`Claim ${anchor("00:00:01")}.`,
	`- Item ${anchor("00:00:03")}`,
	`    Indented ${anchor("00:00:05")}`,
	`    - Nested ${anchor("00:00:07")}`,
	"```",
	"~~~",
	"  ```",
	"$$",
	"x $$",
	`<!-- ${anchor("00:00:08")}`,
	`--> after ${anchor("00:00:09")}`,
	`<!-- one line --> ${anchor("00:00:10")}`,
	`Inline <!-- ${anchor("00:00:11")}`,
	`# Heading ${anchor("00:00:13")}`,
	"---",
	"===",
	`| Cell ${anchor("00:00:14")} |`,
	`> Quote ${anchor("00:00:15")}`,
	`*   Wide item ${anchor("00:00:16")}`,
	`  In the item ${anchor("00:00:17")}`,
	"x".repeat(900),
);

describe("the editor's block states stay those of a fresh read through edits", () => {
	it("every kept state equals the state a fresh read has at its line, and the regions equal a fresh scan's", () => {
		fc.assert(
			fc.property(
				fc.array(LINE, { minLength: 1, maxLength: 60 }),
				fc.boolean(),
				fc.array(fc.tuple(fc.nat(), fc.nat(12), fc.oneof(LINE, fc.constantFrom("x", "\n", "\n\n", "  ", "    ", "`", "$", "<!", "-", "- ", "---\n", ""))), { maxLength: 12 }),
				(lines, frontmatter, edits) => {
					let state = EditorState.create({ doc: (frontmatter ? "---\na: 1\n---\n" : "") + lines.join("\n"), extensions: [noteStructure] });
					for (const [at, len, insert] of edits) {
						const from = at % (state.doc.length + 1);
						state = state.update({ changes: { from, to: Math.min(state.doc.length, from + len), insert } }).state;
						const field = state.field(noteStructure);
						const text = state.doc.toString();
						const fresh = freshStates(text);
						expect(field.bodyFrom).toBe(bodyFrom(text));
						field.marks.pos.forEach((pos, i) => {
							expect(fresh.get(pos), `mark at ${pos}`).toEqual(field.marks.states[i]);
						});
						expect(field.marks.pos[0]).toBe(field.bodyFrom);
						expect(regionsOf(field.regions)).toEqual(regionsOf(scanStructure(state.doc, 0).regions));
					}
				},
			),
			{ numRuns: 800 },
		);
	});

	it("keeps a state every few thousand characters of a long note", () => {
		const text = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? "" : `Line ${i} ${anchor("00:00:01")}`)).join("\n");
		const structure = scanStructure(EditorState.create({ doc: text }).doc, 0);
		const gaps = structure.marks.pos.slice(1).map((p, i) => p - (structure.marks.pos[i] as number));
		expect(Math.max(...gaps)).toBeLessThan(2048 + 200);
		expect(structure.marks.pos.length).toBeGreaterThan(text.length / 2300);
	});
});

function regionsOf(set: ReturnType<typeof scanStructure>["regions"]): [number, number, string][] {
	const out: [number, number, string][] = [];
	set.between(0, 1e9, (from, to, v) => {
		out.push([from, to, v.kind]);
	});
	return out;
}

describe("math blocks in the editor", () => {
	it("are regions, and a range inside one that opened above reads nothing, as the whole note does", () => {
		const lines = ["Intro.", "$$", ...Array.from({ length: 400 }, (_, i) => `x_${i} = ${anchor("00:00:01")} [0:02](https://youtu.be/aXGo1o_baBo?t=2)`), "$$", `After ${anchor("00:00:09")}.`];
		const doc = EditorState.create({ doc: lines.join("\n") }).doc;
		const structure = scanStructure(doc, 0);
		expect(regionsOf(structure.regions)).toEqual([[doc.line(2).from, doc.line(403).to, "math"]]);
		expect(citationsBetween(doc, structure, doc.line(300).from, doc.line(320).to, new Map())).toEqual([]);
		expect(citationsBetween(doc, structure, doc.line(300).from, doc.length, new Map()).map((c) => c.seconds)).toEqual([9]);
	});
});
