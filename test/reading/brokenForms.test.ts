import { describe, expect, it } from "vitest";
import { App, Notice } from "../double/obsidian";
import { anchor, click, links, note, SEED_ID, setUpReading } from "./harness";

const CLEAN_NEXT = ` Next ${anchor("00:00:05")}.`;

describe("broken forms from the core issue's table", () => {
	it.each([
		// name, markdown, expected [text, seconds, classes, tooltip] for the first link
		["a stray bracket", `Claim <a class="yt-timestamp" data-t="00:12:34]">[00:12:34]</a>.`, "[00:12:34]", 754, "is-repaired", /^Play from 12:34 \(repaired: .*stray brackets\)$/],
		["data-00:04:37 as the attribute", `Claim <a class="yt-timestamp" data-00:04:37>[00:04:37]</a>.`, "[00:04:37]", 277, "is-repaired", /broken attribute "data-00:04:37"/],
		["data= instead of data-t=", `Claim <a class="yt-timestamp" data="00:07:49">[00:07:49]</a>.`, "[00:07:49]", 469, "is-repaired", /broken attribute "data"/],
		["a range", `Claim <a class="yt-timestamp" data-t="00:01:02]-[00:01:30]">[00:01:02]-[00:01:30]</a>.`, "[00:01:02]-[00:01:30]", 62, "is-repaired", /range in stray brackets/],
		["an empty label", `Claim <a class="yt-timestamp" data-t="00:46:51"></a>.`, "00:46:51", 2811, "", /^Play from 46:51$/],
		["minutes and seconds", `Claim ${anchor("46:51")}.`, "[46:51]", 2811, "", /^Play from 46:51$/],
		["four fields", `Claim ${anchor("01:00:17:51")}.`, "[01:00:17:51]", 3617.51, "", /^Play from 1:00:17\.51$/],
		["minutes past 59", `Claim ${anchor("00:75:12")}.`, "[00:75:12]", 4512, "", /^Play from 1:15:12$/],
		["a label written differently", `Claim ${anchor("00:12:34", "[12:34]")}.`, "[12:34]", 754, "", /^Play from 12:34$/],
		// No talk is 11 hours long: the note's only time reads as minutes:seconds, and says so (unmarked: nothing to act on).
		["a paragraph element", `<p class="yt-timestamp" data-t="11:36:00">[11:36:00]</p>`, "[11:36:00]", 696, "", /^Play from 11:36 \(".*minutes:seconds/],
		["a footnote link", `Claim <a href="#fn:1" class="yt-timestamp" data-t="00:00:14">[00:00:14]</a>.`, "[00:00:14]", 14, "", /^Play from 0:14$/],
		["an href with a time", `Claim <a class="yt-timestamp" href="https://youtu.be/${SEED_ID}?t=754">[12:34]</a>.`, "[12:34]", 754, "is-repaired", /broken attribute "href"/],
		["a garbage data-t with a good label", `Claim ${anchor("soon", "[00:12:34]")}.`, "[00:12:34]", 754, "is-repaired", /"soon" is not a time; time read from the label/],
		["no data-t, time in the label", `Claim <a class="yt-timestamp">[00:12:34]</a>.`, "[00:12:34]", 754, "is-repaired", /label/],
	])("%s: a link that seeks to the time core reads", async (_name, md, text, seconds, cls, tooltip) => {
		const reading = setUpReading();
		const root = await reading.render(note(md + CLEAN_NEXT));
		const [link, next] = links(root);
		expect(links(root)).toHaveLength(2);
		expect(link?.textContent).toBe(text);
		expect(link?.className.split(" ").filter((c) => c.startsWith("is-")).join(" ")).toBe(cls);
		expect(link?.getAttribute("aria-label")).toMatch(tooltip);
		expect(click(link as HTMLElement)).toBe(true);
		click(next as HTMLElement);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([seconds, 5]);
	});

	it("takes the time from the note's source, not from what the renderer kept of a broken element", async () => {
		// The sanitizer drops `data="00:07:49"`; reading the DOM alone would play the label's 8:00.
		const reading = setUpReading();
		const root = await reading.render(note(`Claim <a class="yt-timestamp" data="00:07:49">[00:08:00]</a>.`));
		click(links(root)[0] as HTMLElement);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([469]);
	});

	it.each([
		["data-00:12:34\" with a stray quote", `Claim <a class="yt-timestamp" data-00:12:34">[00:12:34]</a>.`, "[00:12:34]", 754, "Claim [00:12:34]."],
		["data=t=", `Claim <a class="yt-timestamp" data=t="00:12:34">[00:12:34]</a>.`, "[00:12:34]", 754, "Claim [00:12:34]."],
		["a range that runs into the closing tag", `Claim <a class="yt-timestamp" data-t="00:01:02]-[00:01:30]</a>. More.`, "00:01:02", 62, "Claim 00:01:02. More."],
	])("%s, which the renderer shows as text: a link in its place, and the elements after it still pair with their own citations", async (_name, md, text, seconds, shown) => {
		const reading = setUpReading();
		const root = await reading.render(note(`${md} And ${anchor("00:00:07")}.${CLEAN_NEXT}`));
		expect(links(root).map((l) => l.textContent)).toEqual([text, "[00:00:07]", "[00:00:05]"]);
		expect(links(root)[0]?.hasClass("is-repaired")).toBe(true);
		expect(root.querySelector("p")?.textContent).toBe(`${shown} And [00:00:07]. Next [00:00:05].`);
		for (const link of links(root)) click(link);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([seconds, 7, 5]);
	});

	it.each([
		// The HTML parser turns a NUL into U+FFFD: the element still pairs with its own citation.
		["a NUL in data-t", `Claim <a class="yt-timestamp" data-t="\u000012:03:00">[12:03:00]</a>, <a class="yt-timestamp" data-t="13:32:00">[13:32:00]</a>.`, [723, 812]],
		// An <a> left open is re-opened by the parser in the next block: the copy plays what core reads.
		["an <a> left open before a paragraph", `Claim <a class="yt-timestamp" data-t="09:55:04">\n\nMore text.`, [595, 595]],
		// A clean label beats a time picked out of junk, whether the link comes from the source or the page.
		["junk after a clean time in data-t", `Claim <a class="yt-timestamp" data-t="0:00:00.413Z">[1:0:41]</a>.`, [3641]],
	])("%s: every link plays the time core reads in the note", async (_name, md, seconds) => {
		const reading = setUpReading();
		const root = await reading.render(note(md));
		for (const link of links(root)) click(link);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual(seconds);
	});

	it.each([
		["an empty data-t and label", `<a class="yt-timestamp" data-t=""></a>`, "[?]", /data-t is empty/],
		["a data-t that is no time", `<a class="yt-timestamp" data-t="soon">see</a>`, "see", /"soon" is not a time/],
		["no data-t and no time", `<a class="yt-timestamp">see</a>`, "see", /no data-t/],
	])("%s: a muted link saying why, that never seeks to 0", async (_name, md, text, reason) => {
		const reading = setUpReading();
		const root = await reading.render(note(`Claim ${md}.`));
		const link = links(root)[0] as HTMLElement;
		expect(link.textContent).toBe(text);
		expect(link.hasClass("is-invalid")).toBe(true);
		expect(link.getAttribute("aria-label")).toMatch(reason);
		expect(click(link)).toBe(true);
		expect(click(link, { ctrlKey: true })).toBe(true);
		expect(reading.playback.seeks).toEqual([]);
		expect(reading.openExternal).not.toHaveBeenCalled();
		expect(Notice.shown).toHaveLength(2);
		expect(Notice.shown[0]).toMatch(reason);
	});

	it("Mod-click on an element with a YouTube href opens the watch URL built from the id, not the href", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(`Claim <a class="yt-timestamp" href="https://youtu.be/${SEED_ID}?t=754&x=1">[12:34]</a>.`));
		click(links(root)[0] as HTMLElement, { ctrlKey: true });
		expect(reading.openExternal.mock.calls).toEqual([[`https://www.youtube.com/watch?v=${SEED_ID}&t=754s`]]);
	});
});

describe("hostile values", () => {
	const HOSTILE = `"><img src=x onerror=alert(1)>`;

	/** Attribute names starting with `on` anywhere under `root`. */
	const handlers = (root: Element) =>
		Array.from(root.querySelectorAll("*")).flatMap((el) => el.getAttributeNames().filter((n) => n.toLowerCase().startsWith("on")));

	it("rendered notes gain no element and no handler attribute from the post-processor", async () => {
		const md = note(
			[
				`One <a class="yt-timestamp" data-t="&quot;><img src=x onerror=alert(1)>">x</a>.`,
				`Two <a class="yt-timestamp" data-t="00:00:01"><img src=x onerror=alert(1)></a>.`,
				`Three <a href="javascript:alert(1)" class="yt-timestamp" data-t="00:00:02">[2]</a>.`,
				`Four <a class="yt-timestamp" data-t="00:00:03" data-v="javascript:alert(1)">[3]</a>.`,
				`Five [x](javascript:alert(1)) and <a class="yt-timestamp" data-t="&lt;script&gt;alert(1)&lt;/script&gt;"></a>.`,
			].join("\n\n"),
		);
		const plain = new App();
		const plainView = await plain.workspace.openNote(plain.vault.seed("note.md", md), "reading");
		const reading = setUpReading();
		const root = await reading.render(md);
		expect(root.querySelectorAll("*").length).toBe(plainView.previewEl.querySelectorAll("*").length);
		expect(handlers(root)).toEqual([]);
		expect(root.querySelectorAll("script")).toHaveLength(0);
		for (const a of Array.from(root.querySelectorAll("a"))) {
			click(a);
			click(a, { ctrlKey: true });
		}
		expect(reading.openExternal.mock.calls.flat().filter((url) => !String(url).startsWith("https://www.youtube.com/watch?v="))).toEqual([]);
		expect(reading.playback.seeks.every((s) => Number.isFinite(s.seconds) && s.seconds > 0)).toBe(true);
	});

	it("DOM that bypassed the sanitizer: hostile text stays text in tooltips and notices", () => {
		const reading = setUpReading();
		reading.app.vault.seed("host.md", note("x"));
		const section = activeDocument.body.createDiv();
		const p = section.createEl("p");
		p.createEl("a", { cls: "yt-timestamp", attr: { "data-t": HOSTILE } });
		p.createEl("a", { cls: "yt-timestamp", text: HOSTILE, attr: { "data-t": "00:00:09", "data-v": HOSTILE } });
		p.createEl("a", { cls: "yt-timestamp", text: "[00:00:04]", attr: { "data-t": "00:00:04", href: "javascript:alert(1)" } });
		const before = section.querySelectorAll("*").length;
		reading.process(section, "host.md");
		expect(section.querySelectorAll("*").length).toBe(before);
		expect(handlers(section)).toEqual([]);
		const [first, second, third] = links(section);
		expect(first?.getAttribute("aria-label")).toBe(`Cannot play this timestamp: data-t "${HOSTILE}" is not a time`);
		expect(second?.getAttribute("aria-label")).toBe(`Cannot play this timestamp: data-v "${HOSTILE}" names no YouTube video`);
		for (const link of [first, second]) click(link as HTMLElement);
		expect(Notice.shown).toEqual([
			`Cannot play this timestamp: data-t "${HOSTILE}" is not a time.`,
			`Cannot play this timestamp: data-v "${HOSTILE}" names no YouTube video.`,
		]);
		expect(click(third as HTMLElement)).toBe(true);
		click(third as HTMLElement, { ctrlKey: true });
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual([4]);
		expect(reading.openExternal.mock.calls).toEqual([[`https://www.youtube.com/watch?v=${SEED_ID}&t=4s`]]);
		expect(section.querySelectorAll("*").length).toBe(before);
	});
});
