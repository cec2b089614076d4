import { describe, expect, it } from "vitest";
import { extractCitations } from "../../src/core";
import { pairWithCitations } from "../../src/reading/pairing";
import { citationsInLines, SourceCitations } from "../../src/reading/sourceCitations";
import { renderToFragment } from "../double/markdown";
import { anchor, click, links, note, SEED_ID, setUpReading } from "./harness";

/** The `.yt-timestamp` elements the double's renderer makes of `md`. */
function rendered(md: string): HTMLElement[] {
	const el = createDiv();
	el.appendChild(renderToFragment(md));
	return Array.from(el.querySelectorAll<HTMLElement>(".yt-timestamp"));
}

/** Which citation (by index) each element of `md` was paired with; -1 for none. */
function pairing(md: string, elements = rendered(md)): number[] {
	const citations = extractCitations(md);
	return pairWithCitations(elements, citations, md).map((c) => (c ? citations.indexOf(c) : -1));
}

describe("pairWithCitations", () => {
	it.each([
		["elements and citations that agree", `A ${anchor("00:00:01")} B ${anchor("00:00:02")} C ${anchor("00:00:02")}`, [0, 1, 2]],
		["single quotes, other attribute order, entities", `A <a data-t='00:00:01' class='yt-timestamp'>[1]</a> B <a class="yt-timestamp" data-t="00:00:02" title="a &amp; b">&lt;2&gt;</a>`, [0, 1]],
		["elements without data-t, by label", `A <a class="yt-timestamp" data="00:00:01">[one]</a> B <a class="yt-timestamp" data="00:00:02">[two]</a>`, [0, 1]],
		["a citation the renderer showed as text", `A <a class="yt-timestamp" data-00:12:34">[00:12:34]</a> B ${anchor("00:00:02")} C ${anchor("00:00:03")}`, [1, 2]],
		// The renderer makes two elements with an empty data-t of it; core reads the first as a repaired 12 s.
		["an element broken off into the next", `A <a class="yt-timestamp" data-t="00:12<a class="yt-timestamp" data-t="">`, [1, -1]],
		["a paragraph element", `<p class="yt-timestamp" data-t="00:00:09">[9]</p>`, [0]],
	])("pairs %s", (_name, md, expected) => {
		expect(pairing(md)).toEqual(expected);
	});

	it("gives null to an element that agrees with no citation, and keeps pairing the rest", () => {
		const md = `A ${anchor("00:00:01")} B ${anchor("00:00:02")} C ${anchor("00:00:03")}`;
		const [one, two, three] = rendered(md);
		two?.setAttribute("data-t", "00:09:99");
		expect(pairing(md, [one, two, three] as HTMLElement[])).toEqual([0, -1, 2]);
	});

	it("gives null to every element when the source holds other times (stale section info)", () => {
		const md = `A ${anchor("00:00:01")} B ${anchor("00:00:02")}`;
		expect(pairing(`A ${anchor("00:00:05")} B ${anchor("00:00:06")}`, rendered(md))).toEqual([-1, -1]);
	});

	it("does not pair elements with fewer citations than they are", () => {
		const md = `A ${anchor("00:00:01")}`;
		expect(pairWithCitations(rendered(`${md} ${anchor("00:00:01")}`), extractCitations(md), md).map((c) => c?.seconds ?? null)).toEqual([1, null]);
	});
});

describe("the section's citations", () => {
	it("are taken by line from the note's citations", () => {
		const md = `${anchor("00:00:01")}\n\n${anchor("00:00:02")} ${anchor("00:00:03")}\n${anchor("00:00:04")}\n\n${anchor("00:00:05")}`;
		const all = extractCitations(md);
		expect(citationsInLines(all, 2, 3).map((c) => c.seconds)).toEqual([2, 3, 4]);
		expect(citationsInLines(all, 1, 1)).toEqual([]);
		expect(citationsInLines(all, 5, 9).map((c) => c.seconds)).toEqual([5]);
	});

	it("are extracted once per note text, not once per section", () => {
		const cache = new SourceCitations();
		const text = note(`A ${anchor("00:00:01")}`);
		const first = cache.of(text);
		expect(cache.of(text)).toBe(first);
		expect(cache.of(`${text}`.slice(0))).toBe(first);
		for (let i = 0; i < 4; i++) cache.of(`other ${i}`);
		expect(cache.of(text)).not.toBe(first);
		expect(cache.of(text)).toEqual(first);
	});
});

describe("source and DOM that disagree, end to end", () => {
	it("plays what the element shows when the section's source no longer matches it", () => {
		const reading = setUpReading();
		reading.app.vault.seed("n.md", note("x"));
		const section = activeDocument.body.createDiv();
		section.createEl("a", { cls: "yt-timestamp", text: "[00:00:05]", attr: { "data-t": "00:00:05" } });
		section.createEl("a", { cls: "yt-timestamp", text: "[00:00:06]", attr: { "data-t": "00:00:06" } });
		const stale = note(`Changed ${anchor("00:00:05")} and ${anchor("00:09:00")}`);
		const ctx = {
			docId: "d",
			sourcePath: "n.md",
			frontmatter: { videoId: SEED_ID },
			addChild: (child: never) => reading.plugin.addChild(child),
			getSectionInfo: () => ({ text: stale, lineStart: 3, lineEnd: 3 }),
		};
		for (const pp of reading.app.markdownPostProcessors) void pp(section, ctx);
		for (const link of links(section)) click(link);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([5, 6]);
	});
});
