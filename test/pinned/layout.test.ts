import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App, Component } from "../double/obsidian";
import { POLL_INTERVAL_MS } from "../../src/player/PlaybackController";
import { LAYOUT_KEY, PINNED_SIZES, readLayout } from "../../src/player/pinned/layout";
import { settle } from "../helpers/plugin";
import { installFakeYouTube, removeFakeYouTube, YTState } from "../player/fakeYouTube";
import { clickIn, flush, loadPinned, noteText, open, pinnedOf, PLUGIN_ID, seen, SEED_ID, wake, ytOf } from "./harness";

beforeEach(() => {
	installFakeYouTube();
});

afterEach(() => {
	vi.useRealTimers();
	removeFakeYouTube();
});

/** A pointer event as a mouse drag makes it (jsdom has no `PointerEvent` constructor to rely on). */
function pointer(type: string, clientY: number): MouseEvent {
	return new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, clientY });
}

describe("collapsing to the bar", () => {
	it("collapses to a slim bar and expands again; the player keeps playing meanwhile", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const yt = (await wake(app, view)).ready().setState(YTState.PLAYING);
		yt.calls.length = 0;
		clickIn(view, ".vc-pinned-collapse");
		expect(seen(view)).toMatchObject({ collapsed: true, collapse: "Expand player", play: "Pause" });
		expect(pinnedOf(view)?.querySelector(".vc-pinned-collapse")?.getAttribute("aria-expanded")).toBe("false");
		expect(yt.destroyed).toBe(false);
		expect(pinnedOf(view)?.contains(yt.iframe)).toBe(true);
		clickIn(view, ".vc-pinned-collapse");
		expect(seen(view)).toMatchObject({ collapsed: false, collapse: "Collapse player" });
		expect(yt.calls).toEqual([]);
	});

	it("play/pause and the time in the bar drive and follow the note's player", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const disabled = () => pinnedOf(view)?.querySelector(".vc-pinned-play")?.getAttribute("aria-disabled");
		// A video waiting behind its poster can be played; one loading cannot yet.
		expect(disabled()).toBeNull();
		const yt = await wake(app, view);
		expect(disabled()).toBe("true");
		yt.ready();
		expect(disabled()).toBeNull();
		yt.calls.length = 0;
		yt.duration = 3000;
		vi.useFakeTimers();
		clickIn(view, ".vc-pinned-play");
		expect(yt.callNames).toEqual(["playVideo"]);
		expect(seen(view)).toMatchObject({ play: "Pause" });
		yt.time = 2811;
		vi.advanceTimersByTime(POLL_INTERVAL_MS);
		expect(seen(view)?.time).toBe("46:51 / 50:00");
		clickIn(view, ".vc-pinned-play");
		expect(yt.callNames).toEqual(["playVideo", "pauseVideo"]);
		expect(seen(view)?.play).toBe("Play");
	});

	it("a player that cannot play says why with its way out, even while collapsed", async () => {
		const open_ = vi.spyOn(window, "open").mockImplementation(() => null);
		const { app, plugin } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		clickIn(view, ".vc-pinned-collapse");
		plugin.controller.seek({ kind: "youtube", id: SEED_ID }, 2811, { sourcePath: "a.md" });
		await flush();
		ytOf(view).error(150);
		expect(pinnedOf(view)?.classList.contains("has-problem")).toBe(true);
		expect(seen(view)).toMatchObject({ collapsed: true, error: "The owner of this video does not allow it to be played outside YouTube." });
		expect(pinnedOf(view)?.querySelector<HTMLElement>(".vc-player")?.hidden).toBe(true);
		expect(pinnedOf(view)?.querySelector(".vc-pinned-play")?.getAttribute("aria-disabled")).toBe("true");
		clickIn(view, ".vc-player-actions button");
		expect(open_).toHaveBeenCalledWith("https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s", "_blank", "noopener");
	});

	it("is remembered for the vault: notes opened later, and the next session, start as the last one was left", async () => {
		const app = new App();
		const { plugin } = await loadPinned("top", app);
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		clickIn(view, ".vc-pinned-collapse");
		expect(app.loadLocalStorage(LAYOUT_KEY)).toEqual({ collapsed: true, size: PINNED_SIZES.initial });
		const { view: later } = await open(app, "b.md", noteText("hEzpiDuYFoE"));
		expect(seen(later)?.collapsed).toBe(true);

		plugin.unload();
		await settle();
		app.pluginData.delete(PLUGIN_ID);
		await loadPinned("top", app);
		expect(seen(view)?.collapsed).toBe(true);
		expect(seen(later)?.collapsed).toBe(true);
	});

	it("'Open player for this note' expands a collapsed pinned player instead of opening the side view", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		clickIn(view, ".vc-pinned-collapse");
		expect(app.commands.execute("video-citations:open-player")).toBe(true);
		await settle();
		expect(seen(view)?.collapsed).toBe(false);
		expect(app.loadLocalStorage(LAYOUT_KEY)).toMatchObject({ collapsed: false });
		expect(app.workspace.getLeavesOfType("video-citations-player")).toHaveLength(0);
		// The user asked for the player: the video that waited behind its poster loads, paused.
		expect(seen(view)?.poster).toBeNull();
		expect(ytOf(view).ready().calls).toEqual([["seekTo", 0, true], ["pauseVideo"]]);
	});
});

describe("resizing", () => {
	it("dragging the handle steps through the sizes, saved when the drag ends, its listeners gone with it", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const handle = pinnedOf(view)?.querySelector(".vc-pinned-resize") as HTMLElement;
		const listeners = Component.liveDomListeners;
		const down = pointer("pointerdown", 100);
		handle.dispatchEvent(down);
		expect(down.defaultPrevented).toBe(true);
		expect(pinnedOf(view)?.classList.contains("is-resizing")).toBe(true);
		handle.dispatchEvent(pointer("pointermove", 160));
		expect(seen(view)?.size).toBe("4");
		handle.dispatchEvent(pointer("pointermove", 230));
		expect(seen(view)?.size).toBe("5");
		expect(handle.getAttribute("aria-valuenow")).toBe("5");
		expect(app.loadLocalStorage(LAYOUT_KEY)).toBeNull();
		handle.dispatchEvent(pointer("pointerup", 230));
		expect(app.loadLocalStorage(LAYOUT_KEY)).toEqual({ collapsed: false, size: 5 });
		expect(pinnedOf(view)?.classList.contains("is-resizing")).toBe(false);
		expect(Component.liveDomListeners).toBe(listeners);
		// Moves after the drag change nothing.
		activeDocument.dispatchEvent(pointer("pointermove", 900));
		expect(seen(view)?.size).toBe("5");
	});

	it("stops at the shortest and the tallest size", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const handle = pinnedOf(view)?.querySelector(".vc-pinned-resize") as HTMLElement;
		handle.dispatchEvent(pointer("pointerdown", 500));
		handle.dispatchEvent(pointer("pointermove", -5000));
		expect(seen(view)?.size).toBe(String(PINNED_SIZES.min));
		handle.dispatchEvent(pointer("pointermove", 5000));
		expect(seen(view)?.size).toBe(String(PINNED_SIZES.max));
		handle.dispatchEvent(pointer("pointercancel", 5000));
		expect(app.loadLocalStorage(LAYOUT_KEY)).toEqual({ collapsed: false, size: PINNED_SIZES.max });
	});

	it.each([
		["ArrowDown", String(PINNED_SIZES.initial + 1)],
		["ArrowUp", String(PINNED_SIZES.initial - 1)],
		["Enter", String(PINNED_SIZES.initial)],
	])("%s on the focused handle makes the size %s", async (key, size) => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const handle = pinnedOf(view)?.querySelector(".vc-pinned-resize") as HTMLElement;
		handle.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
		expect(seen(view)?.size).toBe(size);
		const saved = app.loadLocalStorage(LAYOUT_KEY) as { size: number } | null;
		expect(saved?.size ?? PINNED_SIZES.initial).toBe(Number(size));
	});

	it("a new note's pinned player opens at the saved size", async () => {
		const app = new App();
		app.saveLocalStorage(LAYOUT_KEY, { collapsed: false, size: 6 });
		await loadPinned("top", app);
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		expect(seen(view)).toMatchObject({ size: "6", collapsed: false });
	});
});

describe("reading a saved layout", () => {
	it.each([
		[null, { collapsed: false, size: 3 }],
		["garbage", { collapsed: false, size: 3 }],
		[{ collapsed: "yes", size: "big" }, { collapsed: false, size: 3 }],
		[{ collapsed: true, size: 99 }, { collapsed: true, size: 7 }],
		[{ size: -3 }, { collapsed: false, size: 1 }],
		[{ size: 4.6 }, { collapsed: false, size: 5 }],
		[{ size: Number.NaN }, { collapsed: false, size: 3 }],
	])("%j reads as %j", (saved, expected) => {
		expect(readLayout(saved)).toEqual(expected);
	});
});
