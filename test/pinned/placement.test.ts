import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NoteMode } from "../double/obsidian";
import { extractCitations } from "../../src/core";
import { PLAYER_VIEW_TYPE } from "../../src/player/PlayerView";
import type { PlayerPlacement } from "../../src/settings/settings";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { settle } from "../helpers/plugin";
import { FakeYTPlayer, installFakeYouTube, lastYTPlayer, removeFakeYouTube, YTState } from "../player/fakeYouTube";
import { clickIn, flush, loadPinned, loadWholePinned, noteText, onMobile, open, pinnedOf, PLUGIN_ID, seen, SEED_ID, wake, ytIn, ytOf } from "./harness";

const SEED_TEXT = corpusNote(SEED_PATH);

beforeEach(() => {
	installFakeYouTube();
});

afterEach(() => {
	removeFakeYouTube();
});

describe("placement 'top of the note'", () => {
	it.each(["reading", "live", "source"] as NoteMode[])("%s: the seed note shows its video above the note, outside the note's own scroller", async (mode) => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, SEED_PATH, SEED_TEXT, mode);
		const pinned = pinnedOf(view);
		expect(pinned).not.toBeNull();
		expect(view.contentEl.firstElementChild).toBe(pinned);
		expect(pinned?.closest(".markdown-source-view, .markdown-reading-view, .cm-scroller")).toBeNull();
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
		// Nothing loads until the user plays: the poster names the video and what playing it loads.
		expect(ytIn(view)).toEqual([]);
		expect(seen(view)).toMatchObject({
			title: `YouTube video ${SEED_ID}`,
			status: null,
			play: "Play",
			time: "0:00",
			collapsed: false,
			poster: [`YouTube video ${SEED_ID}`, "Loads from YouTube when you play"],
		});
		clickIn(view, ".vc-player-poster");
		await flush();
		expect(ytOf(view).iframe.getAttribute("src")).toContain(`/embed/${SEED_ID}?`);
		expect(seen(view)).toMatchObject({ status: "Loading video…", poster: null });
		ytOf(view).ready();
		expect(ytOf(view).calls).toEqual([["seekTo", 0, true], ["playVideo"]]);
		expect(seen(view)).toMatchObject({ title: "The rise of the CPTO", status: null, time: "0:00", play: "Pause" });
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
	});

	it("every seek link of the seed note (reading view) plays in the note's own player", async () => {
		const { app } = await loadWholePinned("top");
		const { view } = await open(app, SEED_PATH, SEED_TEXT, "reading");
		const links = [...view.previewEl.querySelectorAll<HTMLElement>(".yt-timestamp[role=link]:not(.is-invalid)")];
		const timed = extractCitations(SEED_TEXT).filter((c) => c.seconds !== null);
		expect(links).toHaveLength(timed.length);
		const click = (link: HTMLElement) => link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
		// The first one loads the video (nothing was loaded before), at its moment.
		const [first, ...rest] = links;
		click(first as HTMLElement);
		await flush();
		const yt = ytOf(view).ready();
		for (const link of rest) click(link);
		expect(yt.calls.filter((c) => c[0] === "seekTo").map((c) => c[1])).toEqual(timed.map((c) => c.seconds));
		expect(FakeYTPlayer.instances).toHaveLength(1);
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
	});

	it("never changes the note's text, and leaves the editor's cursor and focus alone", async () => {
		const { app } = await loadWholePinned("top");
		const { view } = await open(app, SEED_PATH, SEED_TEXT, "live");
		const editor = view.editor;
		editor.setCursor({ line: 9, ch: 3 });
		const cm = view.editorView;
		cm?.focus();
		const root = pinnedOf(view) as HTMLElement;
		// The poster is a button too: pressing it must not take focus either.
		const pressPoster = new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 });
		root.querySelector(".vc-player-poster")?.dispatchEvent(pressPoster);
		expect(pressPoster.defaultPrevented).toBe(true);
		clickIn(view, ".vc-player-poster");
		await flush();
		ytOf(view).ready().setState(YTState.PLAYING);
		for (const selector of [".vc-pinned-play", ".vc-pinned-collapse", ".vc-pinned-resize"]) {
			const press = new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 });
			root.querySelector(selector)?.dispatchEvent(press);
			if (selector !== ".vc-pinned-resize") expect(press.defaultPrevented).toBe(true);
		}
		(root.querySelector(".vc-pinned-play") as HTMLElement).click();
		(root.querySelector(".vc-pinned-collapse") as HTMLElement).click();
		(root.querySelector(".vc-pinned-collapse") as HTMLElement).click();
		expect(editor.getValue()).toBe(SEED_TEXT);
		expect(app.vault.readSync(SEED_PATH)).toBe(SEED_TEXT);
		expect(app.vault.writes).toEqual([]);
		expect(editor.getCursor()).toEqual({ line: 9, ch: 3 });
		expect(cm?.dom.contains(pinnedOf(view))).toBe(false);
	});
});

describe("placement setting", () => {
	it.each([
		["desktop", false, null, false],
		["phone", true, null, true],
		["phone", true, "auto", true],
		["phone", true, "side", false],
		["desktop", false, "top", true],
		["desktop", false, "auto", false],
	] as [string, boolean, PlayerPlacement | null, boolean][])("%s (mobile %s), saved placement %s: pinned on top is %s", async (_device, mobile, saved, pinned) => {
		await onMobile(mobile, async () => {
			const { app } = await loadPinned(saved);
			const { view } = await open(app, "a.md", noteText(SEED_ID));
			expect(pinnedOf(view) !== null).toBe(pinned);
			// "Automatic" is kept as the choice: a vault synced to a desktop gets the side view there.
			expect(app.pluginData.get(PLUGIN_ID)).toEqual(saved ? { playerPlacement: saved } : undefined);
		});
	});

	it("side view to top: the note the video came from takes it over, at the same moment, still playing", async () => {
		const { app, plugin } = await loadPinned("side");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		plugin.controller.seek({ kind: "youtube", id: SEED_ID }, 600, { sourcePath: "a.md" });
		await settle();
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(1);
		const side = lastYTPlayer().ready().setState(YTState.PLAYING);
		side.time = 612;
		expect(pinnedOf(view)).toBeNull();

		await plugin.store.set("playerPlacement", "top");
		await settle();
		expect(side.destroyed).toBe(true);
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
		const pinned = ytOf(view).ready();
		expect(pinned.calls.slice(0, 2)).toEqual([
			["seekTo", 612, true],
			["playVideo"],
		]);
		expect(plugin.controller.state).toMatchObject({ video: { kind: "youtube", id: SEED_ID }, seconds: 612, playing: true });
	});

	it("top to side view: the pinned players go, and the side view plays the video used last from where it was", async () => {
		const { app, plugin } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const { view: other } = await open(app, "b.md", noteText("hEzpiDuYFoE"));
		(await wake(app, other)).ready();
		const pinned = (await wake(app, view)).ready();
		plugin.controller.seek({ kind: "youtube", id: SEED_ID }, 1200, { sourcePath: "a.md" });
		pinned.time = 1234;

		await plugin.store.set("playerPlacement", "side");
		await settle();
		expect(pinnedOf(view)).toBeNull();
		expect(pinnedOf(other)).toBeNull();
		expect(FakeYTPlayer.instances.filter((p) => !p.destroyed)).toHaveLength(1);
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(1);
		const side = lastYTPlayer().ready();
		expect(side.iframe.getAttribute("src")).toContain(SEED_ID);
		expect(side.calls.slice(0, 2)).toEqual([
			["seekTo", 1234, true],
			["playVideo"],
		]);
	});

	it("top to side view with only posters shown: nothing was played, so nothing loads and no side view opens", async () => {
		const { app, plugin } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		expect(seen(view)?.poster).not.toBeNull();
		await plugin.store.set("playerPlacement", "side");
		await settle();
		expect(pinnedOf(view)).toBeNull();
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
		expect(FakeYTPlayer.instances).toEqual([]);
	});

	it("switching with nothing loaded anywhere opens no side view", async () => {
		const { app, plugin } = await loadPinned("top");
		await plugin.store.set("playerPlacement", "side");
		await settle();
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
	});

	it("in the settings tab as 'Player placement', first in the player group", async () => {
		const { app } = await loadWholePinned(null);
		const tab = app.settingTabs[0] as { getSettingDefinitions(): { heading: string; items: { name: string; control: { key: string; options?: Record<string, string> } }[] }[] };
		const first = tab.getSettingDefinitions()[0]?.items[0];
		expect(first).toMatchObject({ name: "Player placement", control: { key: "playerPlacement", options: { auto: "Automatic", side: "Side view", top: "Top of the note" } } });
	});
});
