import { describe, expect, it, vi } from "vitest";
import { Menu, Notice } from "../double/obsidian";
import { extractCitations } from "../../src/core";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { settle } from "../helpers/plugin";
import { anchor, click, makeApp, note, openNote, openPanel, press, rowEls, rowsOf, spyScroll, typeFilter } from "./harness";

const SEED_VIDEO = { kind: "youtube", id: "aXGo1o_baBo" };

async function seedPanel(mode: "live" | "reading" | "source" = "live", text = corpusNote(SEED_PATH)) {
	const made = makeApp({ [SEED_PATH]: text });
	const panel = await openPanel(made);
	const noteView = await openNote(made.app, SEED_PATH, mode);
	return { ...panel, noteView };
}

function list(el: HTMLElement): HTMLElement {
	return el.querySelector(".vc-panel-list") as HTMLElement;
}

describe("citations panel: mouse", () => {
	it.each([
		[0, 0, 2811],
		[2, 0, 2828],
		[26, 0, 2218],
		[31, 0, 874],
	])("a click on row %i chip %i seeks the note's video to %i s", async (row, chip, seconds) => {
		const { el, playback } = await seedPanel();
		click(rowEls(el)[row]?.querySelectorAll(".vc-panel-chip")[chip] as Element);
		expect(playback.seeks).toEqual([{ video: SEED_VIDEO, seconds, options: { sourcePath: SEED_PATH } }]);
	});

	it("seeks each chip of a multi-anchor claim to its own moment", async () => {
		const path = "n.md";
		const made = makeApp({ [path]: note(`One claim ${anchor("00:01:00")}, ${anchor("00:02:00")}.\n`) });
		const { el, playback } = await openPanel(made);
		await openNote(made.app, path);
		const chips = rowEls(el)[0]?.querySelectorAll(".vc-panel-chip") as NodeListOf<Element>;
		expect(chips).toHaveLength(2);
		click(chips[1] as Element);
		click(chips[0] as Element);
		expect(playback.seeks.map((s) => s.seconds)).toEqual([120, 60]);
	});

	it("plays a citation's own video (data-v) rather than the note's", async () => {
		const path = "n.md";
		const made = makeApp({ [path]: note(`Elsewhere ${anchor("00:03:00", ' data-v="dQw4w9WgXcQ"')}.\n`) });
		const { el, playback } = await openPanel(made);
		await openNote(made.app, path);
		click(el.querySelector(".vc-panel-chip") as Element);
		expect(playback.seeks[0]?.video).toEqual({ kind: "youtube", id: "dQw4w9WgXcQ" });
	});

	it("a click on the text puts the editor's selection on that citation and scrolls to it", async () => {
		const { el, noteView, playback, app } = await seedPanel();
		const text = corpusNote(SEED_PATH);
		const target = extractCitations(text)[12];
		click(rowEls(el)[12]?.querySelector(".vc-panel-text") as Element);
		await settle();
		expect(noteView.editor.getCursor("from").line).toBe(target?.line);
		expect(noteView.editor.getSelection()).toBe(text.slice(target?.from, target?.to));
		expect(noteView.editor.getSelection()).toBe('<a class="yt-timestamp" data-t="00:47:18">[00:47:18]</a>');
		expect(app.workspace.activeLeaf).toBe(noteView.leaf);
		expect(playback.seeks).toEqual([]);
	});

	it("a click on the text in reading view scrolls the note to the line", async () => {
		const { el, noteView } = await seedPanel("reading");
		const spy = vi.spyOn(noteView, "setEphemeralState");
		click(rowEls(el)[3]?.querySelector(".vc-panel-text") as Element);
		await settle();
		expect(spy).toHaveBeenCalledWith({ line: 12 });
	});

	it("marks chips of a note without a video as not playable and explains instead of seeking", async () => {
		const path = "n.md";
		const made = makeApp({ [path]: note(`A claim ${anchor("00:01:00")}.\n`, "") });
		const { el, playback } = await openPanel(made);
		await openNote(made.app, path);
		const chip = el.querySelector(".vc-panel-chip") as HTMLElement;
		expect(chip.classList.contains("is-novideo")).toBe(true);
		expect(chip.getAttribute("aria-label")).toBe("This note names no video");
		click(chip);
		expect(playback.seeks).toEqual([]);
		expect(Notice.shown).toEqual(["This note names no video. Add videoId: <id> or video: <url or file> to this note's properties."]);
	});
});

describe("citations panel: keyboard", () => {
	it("moves a focused row with Down and Up and seeks it with Enter", async () => {
		const calls = spyScroll();
		const { el, playback } = await seedPanel();
		const listEl = list(el);
		expect(listEl.getAttribute("role")).toBe("listbox");
		expect(listEl.tabIndex).toBe(0);
		expect(press(listEl, "ArrowDown").defaultPrevented).toBe(true);
		press(listEl, "ArrowDown");
		press(listEl, "ArrowDown");
		press(listEl, "ArrowUp");
		const rows = rowEls(el);
		expect(rows.map((r) => r.classList.contains("is-focused"))).toEqual(rows.map((_, i) => i === 1));
		expect(listEl.getAttribute("aria-activedescendant")).toBe(rows[1]?.id);
		expect(rows[1]?.getAttribute("aria-selected")).toBe("true");
		expect(calls.at(-1)).toEqual({ el: rows[1], arg: { block: "nearest" } });
		press(listEl, "Enter");
		expect(playback.seeks).toEqual([{ video: SEED_VIDEO, seconds: 24, options: { sourcePath: SEED_PATH } }]);
	});

	it("stops at the ends of the list and skips rows of collapsed groups", async () => {
		spyScroll();
		const { el } = await seedPanel();
		const listEl = list(el);
		press(listEl, "ArrowUp");
		expect(el.querySelector(".is-focused")).toBeNull();
		press(listEl, "ArrowDown");
		click(el.querySelector(".vc-panel-group-header") as Element);
		press(listEl, "ArrowDown");
		// Rows 1–4 are under the collapsed first heading: Down goes from row 0 to row 5.
		expect(el.querySelector(".is-focused .vc-panel-text")?.textContent).toBe("Strategic Alignment");
		for (let i = 0; i < 40; i++) press(listEl, "ArrowDown");
		expect(rowEls(el).indexOf(el.querySelector(".is-focused") as HTMLElement)).toBe(31);
	});

	it("Down in the filter box moves into the narrowed list, Enter seeks the match", async () => {
		spyScroll();
		const { el, playback } = await seedPanel();
		const input = typeFilter(el, "technical acumen");
		expect(input.getAttribute("placeholder")).toBe("Filter citations");
		input.focus();
		press(input, "ArrowDown");
		expect(document.activeElement).toBe(list(el));
		expect(rowsOf(el).map((r) => r.text)).toEqual(["Technical Acumen"]);
		press(list(el), "Enter");
		expect(playback.seeks.map((s) => s.seconds)).toEqual([2838]);
	});

	it("Enter on a row that cannot play shows its line instead", async () => {
		spyScroll();
		const path = "n.md";
		const made = makeApp({ [path]: note(`Intro.\n\nBroken ${anchor("soon")}.\n`) });
		const { el, playback } = await openPanel(made);
		const noteView = await openNote(made.app, path);
		press(list(el), "ArrowDown");
		press(list(el), "Enter");
		await settle();
		expect(playback.seeks).toEqual([]);
		expect(noteView.editor.getCursor().line).toBe(5);
	});
});

describe("citations panel: context menu", () => {
	it("copies the moment's youtube.com link and the citation as Markdown", async () => {
		const { el, clipboard } = await seedPanel();
		const evt = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
		rowEls(el)[0]?.querySelector(".vc-panel-text")?.dispatchEvent(evt);
		expect(evt.defaultPrevented).toBe(true);
		const menu = Menu.lastShown as Menu;
		expect(menu.items.map((i) => i.title)).toEqual(["Copy link to this moment", "Copy citation as Markdown", "Show in note"]);
		menu.click("Copy link to this moment");
		menu.click("Copy citation as Markdown");
		await settle();
		expect(clipboard.written).toEqual([
			"https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s",
			"- [46:51](https://youtu.be/aXGo1o_baBo?t=2811) This emerging role is not yet common, but it appears to be rising in prevalence, particularly in later-stage startups and growth companies",
		]);
		expect(Notice.shown).toEqual(["Link copied.", "Citation copied."]);
	});

	it("copies the chip that was right-clicked in a multi-anchor row", async () => {
		const path = "n.md";
		const made = makeApp({ [path]: note(`One claim ${anchor("00:01:00")}, ${anchor("00:02:05")}.\n`) });
		const { el, clipboard } = await openPanel(made);
		await openNote(made.app, path);
		click(el.querySelectorAll(".vc-panel-chip")[1] as Element, "contextmenu");
		Menu.lastShown?.click("Copy link to this moment");
		await settle();
		expect(clipboard.written).toEqual(["https://www.youtube.com/watch?v=aXGo1o_baBo&t=125s"]);
	});

	it("offers no youtube.com link for a file video and copies the anchor form", async () => {
		const path = "n.md";
		const made = makeApp({ [path]: note(`A claim ${anchor("00:01:30")}.\n`, "video: media/talk.mp4"), "media/talk.mp4": "" });
		const { el, clipboard } = await openPanel(made);
		await openNote(made.app, path);
		click(el.querySelector(".vc-panel-row") as Element, "contextmenu");
		const menu = Menu.lastShown as Menu;
		expect(menu.items.map((i) => i.title)).toEqual(["Copy citation as Markdown", "Show in note"]);
		menu.click("Copy citation as Markdown");
		await settle();
		expect(clipboard.written).toEqual(['- <a class="yt-timestamp" data-t="00:01:30">[00:01:30]</a> A claim']);
	});

	it("says so when the clipboard refuses", async () => {
		const { el, clipboard } = await seedPanel();
		clipboard.writeText = () => Promise.reject(new Error("denied"));
		click(rowEls(el)[0] as Element, "contextmenu");
		Menu.lastShown?.click("Copy link to this moment");
		await settle();
		expect(Notice.shown).toEqual(["Could not copy to the clipboard."]);
	});

	it("shows the line from the menu", async () => {
		const { el, noteView } = await seedPanel();
		click(rowEls(el)[20] as Element, "contextmenu");
		Menu.lastShown?.click("Show in note");
		await settle();
		expect(noteView.editor.getCursor().line).toBe(30);
	});
});
