import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { noteStructure, scanStructure, type NoteStructure } from "../../src/editor/structure";

function regionsOf(structure: NoteStructure): [number, number, string][] {
	const out: [number, number, string][] = [];
	structure.regions.between(0, 1e9, (from, to, v) => {
		out.push([from, to, v.kind]);
	});
	return out;
}

/**
 * A fence in a list item ends at the first line less indented than the item's content, so edits
 * that touch no fence marker can still move where a fence ends: the structure field must see them.
 */
describe("the editor follows edits that move where a list item's fence ends", () => {
	it.each([
		["typing at the margin of a line in the fence", "- a\n  ```\n  x\n  y\n- b", "  x", 0, 0, "z"],
		["unindenting a line in the fence", "- a\n  ```\n  x\n  y\n- b", "  y", 0, 2, ""],
		["typing on a blank line in the fence", "- a\n  ```\n\n  x\n- b", "\n\n", 1, 1, "q"],
		["indenting the line that ended the fence", "- a\n  ```\n  x\nb\nc", "\nb", 1, 1, "  "],
		["narrowing the item's marker", "*   a\n    ```\n    x\n   y\nz", "*   a", 1, 4, " "],
	])("%s", (_name, doc, near, offset, length, insert) => {
		const state = EditorState.create({ doc, extensions: [noteStructure] });
		const from = doc.indexOf(near) + offset;
		const next = state.update({ changes: { from, to: from + length, insert } }).state;
		const fresh = scanStructure(next.doc, 0);
		// The edit does move the fence's end: mapping the old regions would not do.
		expect(regionsOf(fresh)).not.toEqual(regionsOf(scanStructure(state.doc, 0)).map(([a, b, k]) => [a, b + (b > from ? insert.length - length : 0), k]));
		expect(regionsOf(next.field(noteStructure))).toEqual(regionsOf(fresh));
	});
});
