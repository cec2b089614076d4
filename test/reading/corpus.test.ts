import { describe, expect, it } from "vitest";
import { extractCitations, formatTimestamp, readingShown, resolveVideo, type Citation } from "../../src/core";
import { parseYaml } from "../double/obsidian";
import { splitFrontmatter } from "../double/yaml";
import { corpusNote, corpusNotes, SEED_PATH } from "../helpers/corpus";
import { click, links, setUpReading, SEED_ID } from "./harness";

const notes = corpusNotes();

/** Whether `sub` appears in `seq` in order (not necessarily next to each other). */
function isSubsequence<T>(sub: readonly T[], seq: readonly T[]): boolean {
	let i = 0;
	for (const x of seq) if (i < sub.length && x === sub[i]) i++;
	return i === sub.length;
}

describe("reading view over the corpus", () => {
	it("renders the seed note's 32 citations as 32 links that seek the seed video to their times", async () => {
		const reading = setUpReading();
		const text = corpusNote(SEED_PATH);
		const root = await reading.render(text, SEED_PATH);
		const cited = extractCitations(text);
		const rendered = links(root);
		expect(cited).toHaveLength(32);
		expect(rendered).toHaveLength(32);
		for (const [i, link] of rendered.entries()) {
			const c = cited[i] as Citation;
			expect(link.getAttribute("role")).toBe("link");
			expect(link.getAttribute("tabindex")).toBe("0");
			expect(link.getAttribute("aria-label")).toBe(`Play from ${formatTimestamp(c.seconds ?? -1, { style: "m:ss" })}`);
			click(link);
		}
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual(cited.map((c) => c.seconds));
		expect(reading.playback.seeks.every((s) => s.video.kind === "youtube" && s.video.id === SEED_ID)).toBe(true);
		expect(reading.playback.seeks[0]?.options).toEqual({ sourcePath: SEED_PATH });
	});

	const totals = { notes: 0, cited: 0, rendered: 0, invalid: 0, repaired: 0, seeks: 0 };

	it.each(notes.map((n) => [n.path, n.text] as const))("%s: every yt-timestamp is a working or a clearly invalid link", async (path, text) => {
		const reading = setUpReading();
		const root = await reading.render(text, path);
		const cited = extractCitations(text);
		const elements = Array.from(root.querySelectorAll<HTMLElement>(".yt-timestamp"));
		const rendered = links(root);
		// Every rendered element became a link; a citation can only lack one when the renderer showed its broken markup as text.
		expect(rendered).toEqual(elements);
		expect(rendered.length).toBeLessThanOrEqual(cited.length);
		const fm = splitFrontmatter(text);
		const video = resolveVideo(fm.yaml === null ? null : parseYaml(fm.yaml));

		for (const link of rendered) {
			const label = link.getAttribute("aria-label") ?? "";
			expect((link.textContent ?? "").trim()).not.toBe("");
			if (link.hasClass("is-invalid")) {
				expect(label).toMatch(/^Cannot play this timestamp: ./);
				continue;
			}
			expect(label).toMatch(/^Play from \d/);
			expect(link.hasClass("is-novideo")).toBe(video === null && !link.getAttribute("data-v"));
			click(link);
		}
		const seeks = reading.playback.seeks.map((s) => s.seconds);
		const valid = rendered.filter((l) => !l.hasClass("is-invalid"));
		if (video) {
			// The seeks are the citations' own seconds, in document order: all of them when every citation rendered.
			expect(seeks).toHaveLength(valid.length);
			if (rendered.length === cited.length) {
				expect(seeks).toEqual(cited.filter((c) => c.seconds !== null).map((c) => c.seconds));
				// Marked where core says a person may want to look (see readingShown), not for a note read as minutes:seconds.
				expect(rendered.filter((l) => l.hasClass("is-repaired"))).toHaveLength(cited.filter((c) => readingShown(c).marked).length);
			}
			else expect(isSubsequence(seeks, cited.map((c) => c.seconds))).toBe(true);
			expect(reading.playback.seeks.every((s) => s.video.kind === "youtube" && s.video.id === (video.kind === "youtube" ? video.id : ""))).toBe(true);
		} else {
			expect(seeks).toEqual([]);
		}
		totals.notes++;
		totals.cited += cited.length;
		totals.rendered += rendered.length;
		totals.invalid += rendered.length - valid.length;
		totals.repaired += rendered.filter((l) => l.hasClass("is-repaired")).length;
		totals.seeks += seeks.length;
		reading.plugin.unload();
	});

	it("renders a link for every citation core finds in the corpus", () => {
		expect(totals.notes).toBe(notes.length);
		expect(totals.rendered).toBe(totals.cited);
	});
});
