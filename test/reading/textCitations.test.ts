import { describe, expect, it, vi } from "vitest";
import { extractCitations, readingShown } from "../../src/core";
import { Component } from "../double/obsidian";
import { settle } from "../helpers/plugin";
import { plainReading } from "../hostile/domAudit";
import { anchor, click, links, note, press, SEED_ID, setUpReading } from "./harness";

const calls = vi.hoisted(() => ({ sections: 0 }));

vi.mock("../../src/reading/textCitations", async (importOriginal) => {
	const real = await importOriginal<typeof import("../../src/reading/textCitations")>();
	return {
		...real,
		textCitations: (...args: Parameters<typeof real.textCitations>) => {
			calls.sections++;
			return real.textCitations(...args);
		},
	};
});

/** The text nodes under `root`, in order. */
function textNodes(root: Node): Text[] {
	const out: Text[] = [];
	const walker = root.ownerDocument?.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	for (let n = walker?.nextNode(); n; n = walker?.nextNode()) out.push(n as Text);
	return out;
}

/**
 * Each malformed element core reads that the renderer shows as literal text: its markup, the
 * label the link shows, the seconds it plays (in a note citing nothing else) and the text that
 * stays after it.
 */
const FORMS: [name: string, markup: string, label: string, seconds: number, after: string][] = [
	["data=t=", `<a class="yt-timestamp" data=t="00:07:13">[00:07:13]</a>`, "[00:07:13]", 433, " after."],
	['a time as the attribute name, with a stray quote (data-02:52:00")', `<a class="yt-timestamp" data-02:52:00">[02:52:00]</a>`, "[02:52:00]", 10320, " after."],
	['data-00:12:34"', `<a class="yt-timestamp" data-00:12:34">[00:12:34]</a>`, "[00:12:34]", 754, " after."],
	['a class left as yt="yt-timestamp', `<a class="yt="yt-timestamp" data-t="00:04:04">[00:04:04]</a>`, "[00:04:04]", 244, " after."],
	["a space after <", `< a class="yt-timestamp" data-t="00:04:04">[00:04:04]</a>`, "[00:04:04]", 244, " after."],
	["a tab after <", `<\ta class="yt-timestamp" data-t="00:04:04">[00:04:04]</a>`, "[00:04:04]", 244, " after."],
	["a Markdown-escaped tag", `\\<a class="yt-timestamp" data-t="00:16:10">[00:16:10]</a>`, "[00:16:10]", 970, " after."],
	["an escaped tag with data-t first", `\\<a data-t="00:16:10" class="yt-timestamp">[00:16:10]</a>`, "[00:16:10]", 970, " after."],
	["escaped, spaced and a doubled class at once", `\\< a class="yt-yt-timestamp" data-t="00:16:10">[00:16:10]</a>`, "[00:16:10]", 970, " after."],
	["entities in the broken attribute", `<a class="yt-timestamp" data=t=&quot;00:07:13&quot;>[00:07:13]</a>`, "[00:07:13]", 433, " after."],
	["a range that runs into the closing tag", `<a class="yt-timestamp" data-t="00:01:02]-[00:01:30]</a>`, "00:01:02", 62, " after."],
	// Core reads the span as the opening tag only: the label the author wrote stays as text after the link.
	['a time as the attribute name and no closing tag (data-49:57")', `<a class="yt-timestamp" data-49:57">[02:49:57]`, "00:49:57", 2997, "[02:49:57] after."],
	// An opening tag that never closes runs to the end of its line.
	["an opening tag that never closes", `<a class="yt-timestamp" data-t="00:12:34"`, "00:12:34", 754, ""],
	["a data-t value that never closes", `<a class="yt-timestamp" data-t="00:12:34]`, "00:12:34", 754, ""],
];

describe("elements the renderer shows as text", () => {
	it.each(FORMS)("%s: a link in place of the markup, playing what core reads", async (_name, markup, label, seconds, after) => {
		const tail = after === "" ? "" : " after.";
		const md = note(`Claim ${markup}${tail}`);
		const cited = extractCitations(md);
		expect(cited.map((c) => c.seconds)).toEqual([seconds]);
		const reading = setUpReading();
		const root = await reading.render(md);
		const [link, ...others] = links(root);
		expect(others).toEqual([]);
		expect(link?.tagName).toBe("A");
		expect(link?.textContent).toBe(label);
		expect(link?.hasClass("yt-timestamp")).toBe(true);
		expect(link?.getAttribute("role")).toBe("link");
		expect(link?.getAttribute("tabindex")).toBe("0");
		expect(link?.hasAttribute("href")).toBe(false);
		expect(link?.hasClass("is-repaired")).toBe(readingShown(cited[0] as never).marked);
		expect(link?.getAttribute("aria-label")).toMatch(/^Play from \d/);
		// The rest of the paragraph stays as it was.
		expect(root.querySelector("p")?.textContent).toBe(`Claim ${label}${after}`);
		expect(click(link as HTMLElement)).toBe(true);
		expect(press(link as HTMLElement, "Enter")).toBe(true);
		expect(reading.playback.seeks.map((s) => [s.video, s.seconds])).toEqual([
			[{ kind: "youtube", id: SEED_ID }, seconds],
			[{ kind: "youtube", id: SEED_ID }, seconds],
		]);
	});

	it("marks a repaired one and says why in its tooltip", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(`Claim <a class="yt-timestamp" data=t="00:07:13">[00:07:13]</a>.`));
		const link = links(root)[0] as HTMLElement;
		expect(link.hasClass("is-repaired")).toBe(true);
		expect(link.getAttribute("aria-label")).toMatch(/^Play from 7:13 \(repaired: .*broken attribute/);
	});

	it("plays its own data-v, and its time as the note reads it", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(`Claim <a class="yt-timestamp" data=t="00:00:07" data-v="hEzpiDuYFoE">[00:00:07]</a>.`));
		click(links(root)[0] as HTMLElement);
		expect(reading.playback.seeks.map((s) => [s.video, s.seconds])).toEqual([[{ kind: "youtube", id: "hEzpiDuYFoE" }, 7]]);
	});

	it("replaces each of several in one text node, between standard elements, in order", async () => {
		const reading = setUpReading();
		const md = note(`A ${anchor("00:00:01")} b <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a> c \\<a class="yt-timestamp" data-t="00:00:03">[00:00:03]</a> d ${anchor("00:00:04")} e <a class="yt-timestamp" data-00:00:05">[00:00:05]</a>.`);
		const root = await reading.render(md);
		expect(links(root).map((l) => l.textContent)).toEqual(["[00:00:01]", "[00:00:02]", "[00:00:03]", "[00:00:04]", "[00:00:05]"]);
		expect(root.querySelector("p")?.textContent).toBe("A [00:00:01] b [00:00:02] c [00:00:03] d [00:00:04] e [00:00:05].");
		for (const link of links(root)) click(link);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([1, 2, 3, 4, 5]);
	});

	it.each([
		["a list item", `- One <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a>.\n- Two.`, "li"],
		["a heading", `## Part <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a>`, "h2"],
		["a quote", `> Quoted <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a>.`, "blockquote"],
		["emphasis around it", `Claim *<a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a>*.`, "em"],
		["a table cell", `| a | b |\n| - | - |\n| x | <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a> |`, "td"],
	])("in %s", async (_name, body, container) => {
		const reading = setUpReading();
		const root = await reading.render(note(body));
		const link = links(root)[0] as HTMLElement;
		expect(link.textContent).toBe("[00:00:02]");
		expect(link.closest(container)).not.toBeNull();
		click(link);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([2]);
	});

	it("a paragraph of only such markup, without any other link, still gets its links", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(`# Title\n\nFirst (\\<a class="yt-timestamp" data-t="00:16:10">[00:16:10]</a>).\n\nPlain text.`));
		expect(links(root).map((l) => l.textContent)).toEqual(["[00:16:10]"]);
	});

	describe("left as text, as documented in textCitations.ts", () => {
		it.each([
			// Markdown splits the markup over several nodes: emphasis inside its label.
			["emphasis inside the label", `Claim <a class="yt-timestamp" data=t="00:00:02">[_00:00:02_]</a>.`],
			// A link label or a code span is not prose the link could stand in.
			["inside a link's label", `Claim [see <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a>](https://example.com).`],
		])("%s", async (_name, body) => {
			const reading = setUpReading();
			const md = note(body);
			expect(extractCitations(md).filter((c) => c.seconds !== null)).toHaveLength(1);
			const root = await reading.render(md);
			expect(links(root)).toEqual([]);
			expect(root.textContent).toContain("yt-timestamp");
		});

		it("without section info (an embed rendered by MarkdownRenderer.render): there is no source to read it from", () => {
			const reading = setUpReading();
			const el = reading.renderWithoutSections(`Claim <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a>.`, "note.md");
			expect(links(el)).toEqual([]);
		});
	});

	it("leaves markup in code, and prose about the class, alone", async () => {
		const reading = setUpReading();
		const md = note("Write `<a class=\"yt-timestamp\" data=t=\"1\">` like this, or\n\n```\n<a class=\"yt-timestamp\" data=t=\"00:00:02\">[00:00:02]</a>\n```\n\nThe yt-timestamp class marks them.");
		const root = await reading.render(md);
		const before = (await plainReading(md, "note.md")).innerHTML;
		expect(links(root)).toEqual([]);
		expect(root.innerHTML).toBe(before);
	});
});

describe("unloading", () => {
	const body = `One <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a> and ${anchor("00:00:03")}, then \\<a class="yt-timestamp" data-t="00:00:04">[00:00:04]</a>.\n\nOnly text (<a class="yt-timestamp" data-00:00:05">[00:00:05]</a>).`;

	it("puts back the very text nodes the renderer made, and leaves no link or listener of ours", async () => {
		const md = note(body);
		const plain = await plainReading(md, "note.md");
		const reading = setUpReading();
		const baseline = Component.liveDomListeners;
		const view = await reading.open(md);
		// What the renderer made, before the post-processor ran, is what the plain render shows.
		const root = view.previewEl;
		expect(links(root).map((l) => l.textContent)).toEqual(["[00:00:02]", "[00:00:03]", "[00:00:04]", "[00:00:05]"]);
		const kept = textNodes(root).filter((t) => t.data.startsWith("One") || t.data.startsWith("Only"));
		expect(kept.map((t) => t.data)).toEqual(["One ", "Only text ("]);
		reading.plugin.unload();
		expect(Component.liveDomListeners).toBe(baseline);
		expect(root.querySelectorAll(".vc-text-citation, [role], [tabindex], [aria-label]")).toHaveLength(0);
		expect(root.innerHTML).toBe(plain.innerHTML);
		// The same node objects, holding the markup again, and nothing split off them.
		expect(kept.map((t) => root.contains(t))).toEqual([true, true]);
		expect(kept.map((t) => t.data)).toEqual(['One <a class="yt-timestamp" data=t="00:00:02">[00:00:02] and ', 'Only text (<a class="yt-timestamp" data-00:00:05">[00:00:05]).']);
		expect(textNodes(root).length).toBe(textNodes(plain).length);
	});

	it("a section rendered again starts from the renderer's text, once", async () => {
		const reading = setUpReading();
		const view = await reading.open(note(body));
		view.renderPreview();
		expect(links(view.previewEl).map((l) => l.textContent)).toEqual(["[00:00:02]", "[00:00:03]", "[00:00:04]", "[00:00:05]"]);
		expect(view.previewEl.querySelectorAll(".vc-text-citation")).toHaveLength(3);
	});

	it("a closed view's links play nothing", async () => {
		const reading = setUpReading();
		const view = await reading.open(note(body));
		const old = links(view.previewEl);
		view.leaf.detach();
		await settle();
		for (const link of old) click(link);
		expect(reading.playback.seeks).toEqual([]);
	});
});

describe("cost", () => {
	it("a note of standard elements never looks for markup shown as text; another note does so only in the sections that may show some", async () => {
		calls.sections = 0;
		const reading = setUpReading();
		await reading.render(note(`One ${anchor("00:00:01")}.\n\nTwo ${anchor("00:00:02")} and [a link](https://example.com).\n\nPlain.`));
		expect(calls.sections).toBe(0);
		await reading.render(note(`One ${anchor("00:00:01")}.\n\nTwo <a class="yt-timestamp" data=t="00:00:02">[00:00:02]</a>.\n\nPlain.`), "other.md");
		// Its first section (a standard element: nothing to look for) and its second; not the plain third.
		expect(calls.sections).toBe(2);
	});
});
