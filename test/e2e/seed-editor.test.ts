import { expect, it } from "vitest";
import { editorElements } from "./harness/editor";
import { describeInBrowser, SEED_NOTE, usePlayground } from "./harness/playground";
import { citationAt, playLabel, SEED_CITATIONS } from "./harness/seed";

/**
 * The seed note in the real CodeMirror editor (issue 6, in a real browser): Live Preview shows
 * each citation as a chip, source mode marks each one, found across the whole note by scrolling.
 */
describeInBrowser("seed note in the editor", () => {
	const playground = usePlayground();

	it("shows a chip for each of the 32 citations in Live Preview", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "live" });
		const chips = await editorElements(page, ".vc-chip");
		const covered = chips.map((chip) => citationAt(SEED_CITATIONS, chip.pos));
		expect(covered, "every chip sits on a citation").not.toContain(-1);
		expect(new Set(covered).size, "every citation has a chip").toBe(32);
		expect(chips.map((chip) => chip.ariaLabel)).toEqual(covered.map((i) => playLabel(SEED_CITATIONS[i]!)));
		expect(chips.every((chip) => chip.className.includes("vc-timestamp"))).toBe(true);
	});

	it("marks each of the 32 citations in source mode, keeping the source text", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "source" });
		const marks = await editorElements(page, ".vc-source-timestamp");
		const covered = marks.map((mark) => citationAt(SEED_CITATIONS, mark.pos));
		expect(covered, "every mark sits on a citation").not.toContain(-1);
		expect(new Set(covered).size, "every citation is marked").toBe(32);
		expect(marks.some((mark) => mark.text.includes("yt-timestamp")), "source mode shows the markup").toBe(true);
		expect(await page.locator(".markdown-source-view .vc-chip").count()).toBe(0);
	});
});
