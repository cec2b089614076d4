import { afterEach, describe, expect, it, vi } from "vitest";
import { Component } from "../double/obsidian";
import { installDomHelpers } from "../double/dom";
import { CitationsView, VIEW_TYPE_CITATIONS } from "../../src/views/CitationsView";
import { CitationPopover, CitationCues, POPOVER_DELAY_MS } from "../../src/popover";
import { Transcripts, vaultTranscriptFiles } from "../../src/transcripts";
import { SavedLanguages } from "../../src/transcripts/languageMemory";
import { makeApp, openNote, settleIndex, settlePanels } from "../views/harness";
import { settle } from "../helpers/plugin";

const anchor = (t: string) => `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;
const NOTE = ["---", 'video: "[[clip.webm]]"', "---", "", `The strip appears here ${anchor("00:00:04")}.`, "", `The counter reads thirty ${anchor("00:00:30")}.`, ""].join("\n");
const VTT = ["WEBVTT", "", "00:00.000 --> 00:02.000", "Zero.", "", "00:02.000 --> 00:04.000", "Two.", "", "00:04.000 --> 00:06.000", "Four, the strip.", "", "00:30.000 --> 00:32.000", "Thirty.", "", "01:00.000 --> 01:02.000", "Sixty.", ""].join("\n");

/** The panel (with cues) and the popover on one app, the note open, as the plugin wires them. */
async function setup(files: Record<string, string> = { "media/clip.vtt": VTT }) {
	const made = makeApp({ "Clip.md": NOTE, "media/clip.webm": "", ...files });
	const vault = vaultTranscriptFiles(made.app as never);
	const read = vi.spyOn(vault, "read");
	const memory = new SavedLanguages({ load: () => Promise.resolve({}), save: () => Promise.resolve() });
	const transcripts = new Transcripts(vault, { fetchText: () => Promise.reject(new Error("offline")) }, memory);
	const cues = new CitationCues(transcripts, (path) => made.services.notes.videoFor(path));
	made.app.viewRegistry.set(VIEW_TYPE_CITATIONS, (leaf) => new CitationsView(leaf as never, { services: made.services, cues }) as never);
	const popover = new CitationPopover(made.app as never, made.services, cues);
	popover.load();
	loaded.push(popover);
	await openNote(made.app, "Clip.md", "live");
	const leaf = await made.app.workspace.ensureSideLeaf(VIEW_TYPE_CITATIONS, "right", { active: false });
	await settlePanels(made.app);
	const view = leaf.view as unknown as CitationsView;
	const list = view.containerEl.querySelector<HTMLElement>(".vc-panel-list");
	if (!list) throw new Error("no panel list");
	return { ...made, popover, view, list, read, rows: () => [...list.querySelectorAll<HTMLElement>(".vc-panel-row")] };
}

const wait = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));
const popoverIn = (doc: Document = document) => doc.querySelector<HTMLElement>(".vc-citation-popover");
const cueTexts = (el: Element | null | undefined) => [...(el?.querySelectorAll(".vc-popover-cue-text") ?? [])].map((c) => c.textContent);
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));

const loaded: CitationPopover[] = [];

afterEach(() => {
	for (const p of loaded.splice(0)) p.unload();
	popoverIn()?.remove();
	document.body.empty();
});

describe("the popover on the citations panel", () => {
	it("opens for a hovered row after the delay, with the cues around its moment and its claim; at once on a chip with Mod", async () => {
		const { rows, popover } = await setup();
		const [first, second] = rows();
		first?.querySelector(".vc-panel-text")?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		await settle();
		expect(popoverIn()).toBeNull();
		await wait(POPOVER_DELAY_MS + 20);
		await settle();
		expect(popoverIn()?.getAttribute("aria-label")).toBe("What was said at 0:04");
		expect(popoverIn()?.querySelector(".vc-popover-claim")?.textContent).toBe("The strip appears here");
		expect(cueTexts(popoverIn())).toEqual(["Zero.", "Two.", "Four, the strip."]);
		expect(popoverIn()?.querySelector(".vc-popover-cue.is-current .vc-popover-cue-text")?.textContent).toBe("Four, the strip.");

		second?.querySelector(".vc-panel-chip")?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		expect(popoverIn()?.getAttribute("aria-label")).toBe("What was said at 0:30");
		expect(cueTexts(popoverIn())).toEqual(["Thirty."]);
		popover.unload();
		expect(popoverIn()).toBeNull();
	});

	it("follows the keyboard: a row focused with the arrows gets it, the next row takes it, Escape closes it first and Enter still plays", async () => {
		const { list, playback, popover } = await setup();
		const seen: string[] = [];
		list.addEventListener("keydown", (evt) => seen.push(evt.key));
		list.focus();
		key(list, "ArrowDown");
		await wait(POPOVER_DELAY_MS + 20);
		await settle();
		expect(popoverIn()?.getAttribute("aria-label")).toBe("What was said at 0:04");
		key(list, "ArrowDown");
		// The first row's popover goes at once; the second's opens after the delay.
		expect(popoverIn()).toBeNull();
		await wait(POPOVER_DELAY_MS + 20);
		await settle();
		expect(popoverIn()?.getAttribute("aria-label")).toBe("What was said at 0:30");
		key(list, "Escape");
		expect(popoverIn()).toBeNull();
		expect(seen).toEqual(["ArrowDown", "ArrowDown"]);
		// The popover does not come back by itself once dismissed.
		await wait(POPOVER_DELAY_MS + 20);
		expect(popoverIn()).toBeNull();
		key(list, "Enter");
		expect(playback.seeks.map((s) => s.seconds)).toEqual([30]);
		expect(seen).toEqual(["ArrowDown", "ArrowDown", "Enter"]);
		popover.unload();
	});
});

describe("a panel row's cues, inline", () => {
	it("expands with ArrowRight or its toggle, reads the transcript only then, plays from a cue, and collapses with ArrowLeft", async () => {
		const { list, rows, read, playback, popover } = await setup();
		const [first] = rows();
		const toggle = first?.querySelector<HTMLElement>(".vc-panel-expand");
		expect(toggle?.getAttribute("aria-expanded")).toBe("false");
		expect(toggle?.getAttribute("aria-label")).toBe("Show what was said");
		expect(toggle?.querySelector("svg")?.getAttribute("data-icon")).toBe("chevron-right");
		// Drawing the rows read no transcript.
		expect(read).not.toHaveBeenCalled();

		list.focus();
		key(list, "ArrowDown");
		key(list, "ArrowRight");
		await settle();
		expect(read).toHaveBeenCalledTimes(1);
		expect(toggle?.getAttribute("aria-expanded")).toBe("true");
		expect(toggle?.getAttribute("aria-label")).toBe("Hide what was said");
		expect(toggle?.querySelector("svg")?.getAttribute("data-icon")).toBe("chevron-down");
		const box = first?.querySelector(".vc-panel-cues");
		expect(box?.getAttribute("aria-label")).toBe("What was said at 0:04");
		expect(cueTexts(box)).toEqual(["Zero.", "Two.", "Four, the strip."]);
		expect(box?.querySelector(".vc-popover-cue.is-current")?.getAttribute("aria-current")).toBe("true");

		// A cue plays from its start, and nothing else happens (the row's own click would show its line).
		box?.querySelectorAll<HTMLElement>(".vc-popover-cue")[1]?.click();
		expect(playback.seeks).toMatchObject([{ seconds: 2, options: { sourcePath: "Clip.md" } }]);
		// Enter on a cue button (reached with Tab) is the button's, not the row's.
		const cue = box?.querySelector<HTMLElement>(".vc-popover-cue");
		if (cue) key(cue, "Enter");
		expect(playback.seeks).toHaveLength(1);
		// Hovering the cues, or the row or chip that shows them, opens no popover over them.
		for (const el of [cue, first?.querySelector(".vc-panel-text"), first?.querySelector(".vc-panel-chip")]) {
			el?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
			await settle();
			expect(popoverIn()).toBeNull();
		}

		key(list, "ArrowLeft");
		expect(toggle?.getAttribute("aria-expanded")).toBe("false");
		expect(first?.querySelector(".vc-panel-cues")).toBeNull();

		// The toggle opens it too, from the transcript already read, and gives the keyboard to the list.
		list.blur();
		toggle?.click();
		await settle();
		expect(document.activeElement).toBe(list);
		expect(cueTexts(first?.querySelector(".vc-panel-cues"))).toEqual(["Zero.", "Two.", "Four, the strip."]);
		expect(read).toHaveBeenCalledTimes(1);
		toggle?.click();
		expect(first?.querySelector(".vc-panel-cues")).toBeNull();
		expect(playback.seeks).toHaveLength(1);
		popover.unload();
	});

	it("is not offered when the note's video has no transcript, and ArrowRight then does nothing", async () => {
		const { list, rows, read, popover } = await setup({});
		expect(rows()).toHaveLength(2);
		expect(rows()[0]?.querySelector(".vc-panel-expand")).toBeNull();
		list.focus();
		key(list, "ArrowDown");
		key(list, "ArrowRight");
		await settle();
		expect(rows()[0]?.querySelector(".vc-panel-cues")).toBeNull();
		rows()[0]?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		expect(popoverIn()).toBeNull();
		expect(read).not.toHaveBeenCalled();
		popover.unload();
	});
});

describe("the whole-vault scope", () => {
	it("offers the cues of a row whose note plays the video with a transcript, plays a cue from that note, and not for a note without its own video", async () => {
		const OTHER = "Also the strip [[clip.webm#t=6]].\n";
		const made = makeApp({ "Clip.md": NOTE, "Other.md": OTHER, "media/clip.webm": "", "media/clip.vtt": VTT }, { vault: true });
		const memory = new SavedLanguages({ load: () => Promise.resolve({}), save: () => Promise.resolve() });
		const transcripts = new Transcripts(vaultTranscriptFiles(made.app as never), { fetchText: () => Promise.reject(new Error("offline")) }, memory);
		const cues = new CitationCues(transcripts, (path) => made.services.notes.videoFor(path));
		made.app.viewRegistry.set(VIEW_TYPE_CITATIONS, (leaf) => new CitationsView(leaf as never, { services: made.services, index: made.index, cues }) as never);
		const popover = new CitationPopover(made.app as never, made.services, cues);
		popover.load();
		loaded.push(popover);
		await settleIndex(made.app);
		const leaf = await made.app.workspace.ensureSideLeaf(VIEW_TYPE_CITATIONS, "right", { active: false });
		await openNote(made.app, "Clip.md");
		leaf.view.containerEl.querySelector<HTMLElement>('.vc-panel-scope[data-scope="vault"]')?.click();
		await settleIndex(made.app);
		const rows = [...leaf.view.containerEl.querySelectorAll<HTMLElement>(".vc-panel-list.is-vault .vc-panel-row")];
		expect(rows.map((r) => r.querySelector(".vc-panel-source")?.textContent)).toEqual(["Clip", "Other", "Clip"]);
		expect(rows.map((r) => r.querySelector(".vc-panel-expand") !== null)).toEqual([true, false, true]);
		// The other note's row still gets no popover: its note names no video with a transcript.
		rows[1]?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		expect(popoverIn()).toBeNull();
		rows[2]?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		expect(popoverIn()?.querySelector(".vc-popover-claim")?.textContent).toBe("The counter reads thirty");
		rows[0]?.querySelector<HTMLElement>(".vc-panel-expand")?.click();
		await settle();
		rows[0]?.querySelector<HTMLElement>(".vc-popover-cue")?.click();
		expect(made.playback.seeks).toMatchObject([{ seconds: 0, options: { sourcePath: "Clip.md" } }]);
	});
});

describe("the popover in pop-out windows", () => {
	it("listens in a window opened after it loaded, draws there, and lets go of it when it closes", async () => {
		const made = await setup();
		const frame = document.createElement("iframe");
		document.body.appendChild(frame);
		const win = frame.contentWindow as Window & typeof globalThis;
		installDomHelpers(win);
		const before = Component.liveDomListeners;
		made.app.workspace.popoutDocument = win.document;
		const listening = Component.liveDomListeners - before;
		expect(listening).toBeGreaterThan(0);
		const leaf = made.app.workspace.openPopoutLeaf();
		await leaf.setViewState({ type: VIEW_TYPE_CITATIONS });
		await settlePanels(made.app);
		const row = leaf.view.containerEl.querySelector<HTMLElement>(".vc-panel-row");
		expect(row?.ownerDocument).toBe(win.document);
		row?.dispatchEvent(new win.MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		expect(popoverIn()).toBeNull();
		const pop = popoverIn(win.document);
		expect(cueTexts(pop)).toEqual(["Zero.", "Two.", "Four, the strip."]);
		// Escape in that window closes it.
		win.document.dispatchEvent(new win.KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
		expect(popoverIn(win.document)).toBeNull();

		// The window's panel goes, then the window: the popover's listeners there go with it.
		leaf.detach();
		await settle();
		const withWindow = Component.liveDomListeners;
		made.app.workspace.popoutDocument = null;
		expect(withWindow - Component.liveDomListeners).toBe(listening);
		made.popover.unload();
	});

	it("listens in a pop-out already open when it loads", async () => {
		const made = makeApp({ "Clip.md": NOTE, "media/clip.webm": "", "media/clip.vtt": VTT });
		const frame = document.createElement("iframe");
		document.body.appendChild(frame);
		const win = frame.contentWindow as Window & typeof globalThis;
		installDomHelpers(win);
		made.app.workspace.popoutDocument = win.document;
		const memory = new SavedLanguages({ load: () => Promise.resolve({}), save: () => Promise.resolve() });
		const transcripts = new Transcripts(vaultTranscriptFiles(made.app as never), { fetchText: () => Promise.reject(new Error("offline")) }, memory);
		const cues = new CitationCues(transcripts, (path) => made.services.notes.videoFor(path));
		made.app.viewRegistry.set(VIEW_TYPE_CITATIONS, (leaf) => new CitationsView(leaf as never, { services: made.services, cues }) as never);
		await openNote(made.app, "Clip.md", "live");
		const leaf = made.app.workspace.openPopoutLeaf();
		await leaf.setViewState({ type: VIEW_TYPE_CITATIONS });
		await settlePanels(made.app);
		const popover = new CitationPopover(made.app as never, made.services, cues);
		popover.load();
		loaded.push(popover);
		leaf.view.containerEl.querySelector(".vc-panel-chip")?.dispatchEvent(new win.MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		expect(popoverIn(win.document)?.getAttribute("aria-label")).toBe("What was said at 0:04");
		popover.unload();
		expect(popoverIn(win.document)).toBeNull();
		leaf.detach();
	});
});
