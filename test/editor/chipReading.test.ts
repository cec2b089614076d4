import { afterEach, describe, expect, it } from "vitest";
import type { EditorView } from "@codemirror/view";
import { chipsIn, makeEditor, note } from "./harness";

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
const lineText = (view: EditorView, n: number) => (view.contentDOM.querySelectorAll(".cm-line")[n - 1] as HTMLElement).textContent;

describe("Live Preview chips as a reader meets them", () => {
	it("hides stray brackets around an element with it, as the reading view shows them as its label", () => {
		const { view } = editor(note(`Hair grows in cycles [<a class="yt-timestamp" data-t="01:27:46">01:27:46</a>].\n\nA claim <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>.`));
		expect(lineText(view, 4)).toBe("Hair grows in cycles ▶1:27:46.");
		// An element whose own label carries the brackets leaves the text around it alone.
		expect(lineText(view, 6)).toBe("A claim ▶1:00.");
	});

	it("shows the markup, brackets and all, when the cursor is on it", () => {
		const doc = note(`Hair grows in cycles [<a class="yt-timestamp" data-t="01:27:46">01:27:46</a>].`);
		const { view } = editor(doc);
		view.dispatch({ selection: { anchor: doc.indexOf("[<a") } });
		expect(lineText(view, 4)).toBe(`Hair grows in cycles [<a class="yt-timestamp" data-t="01:27:46">01:27:46</a>].`);
	});

	it("can be reached with Tab and plays with Enter or Space", () => {
		const { view, playback } = editor(note(`A claim <a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>.`));
		const [chip] = chipsIn(view);
		expect(chip?.el.getAttribute("tabindex")).toBe("0");
		expect(chip?.el.getAttribute("aria-label")).toBe("Play from 1:00");
		for (const key of ["Enter", " "]) {
			const evt = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
			chip?.el.dispatchEvent(evt);
			expect(evt.defaultPrevented).toBe(true);
		}
		expect(playback.seeks.map((s) => s.seconds)).toEqual([60, 60]);
		const other = new KeyboardEvent("keydown", { key: "a", bubbles: true, cancelable: true });
		chip?.el.dispatchEvent(other);
		expect(playback.seeks).toHaveLength(2);
	});
});
