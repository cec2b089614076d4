import { afterEach, describe, expect, it } from "vitest";
import { EditorSelection } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { extractCitations, formatTimestamp } from "../../src/core";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { anchor, chipsIn, makeEditor, note } from "./harness";

let views: EditorView[] = [];
afterEach(() => {
	for (const v of views) v.destroy();
	views = [];
});
function editor(...args: Parameters<typeof makeEditor>) {
	const made = makeEditor(...args);
	views.push(made.view);
	return made;
}

describe("Live Preview chips", () => {
	it("shows the seed note's visible citations as chips with their m:ss time and tooltip", () => {
		const text = corpusNote(SEED_PATH);
		const { view } = editor(text);
		const visible = extractCitations(text).filter((c) => view.visibleRanges.some((r) => c.from < r.to && c.to > r.from));
		expect(visible.length).toBeGreaterThan(0);
		const chips = chipsIn(view);
		expect(chips.map((c) => c.text)).toEqual(visible.map((c) => formatTimestamp(c.seconds as number, { style: "m:ss" })));
		expect(chips.map((c) => c.label)).toEqual(visible.map((c) => `Play from ${formatTimestamp(c.seconds as number, { style: "m:ss" })}`));
		for (const chip of chips) {
			expect(chip.el.getAttribute("role")).toBe("button");
			expect(chip.el.textContent).toMatch(/^▶\d/);
		}
	});

	it("replaces the element's markup: the line reads as text plus chip", () => {
		const { view } = editor(note(`Claim ${anchor("00:46:51")}.`), { path: "n.md" });
		view.dispatch({ selection: { anchor: 0 } });
		const line = view.contentDOM.querySelectorAll(".cm-line")[3] as HTMLElement;
		expect(line.textContent).toBe("Claim ▶46:51.");
		expect(line.textContent).not.toContain("yt-timestamp");
	});
});
