/**
 * Until its video is first played or sought, the pinned player is `is-unplayed` (on a phone,
 * styles.css then shows its bar alone: the name, a play button and the start time, issue 17). The
 * first play, from the bar, the poster, a citation or a command, ends that; another note's video
 * in the same view starts it again. The bar says what playing will load while the poster is out of
 * sight.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle } from "../helpers/plugin";
import { installFakeYouTube, removeFakeYouTube, YTState } from "../player/fakeYouTube";
import { anchor, clickIn, flush, loadPinned, loadWholePinned, noteText, open, OTHER_ID, PLUGIN_ID, seen, SEED_ID, ytOf } from "./harness";

beforeEach(() => {
	installFakeYouTube();
	vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(() => Promise.resolve());
	vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => {});
	vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => {});
	Element.prototype.scrollIntoView = () => {};
});

afterEach(() => {
	removeFakeYouTube();
	vi.restoreAllMocks();
});

describe("the pinned player before its first play", () => {
	it("is unplayed, and its bar names the video, its start and what playing loads", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", `---\nvideo: https://youtu.be/${SEED_ID}?t=95\n---\nText\n`);
		expect(seen(view)).toMatchObject({ unplayed: true, title: `YouTube video ${SEED_ID}`, time: "1:35", play: "Play", barNote: "Loads from YouTube when you play" });
	});

	it("the bar's play ends it at once, before YouTube says it plays", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		clickIn(view, ".vc-pinned-play");
		expect(seen(view)?.unplayed).toBe(false);
		await flush();
		expect(ytOf(view).ready().calls).toEqual([["seekTo", 0, true], ["playVideo"]]);
		expect(seen(view)?.barNote).toBe("");
	});

	it("a citation ends it, even when the setting leaves the video paused after a seek", async () => {
		const { app } = await loadWholePinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID), "reading");
		const tab = app.settingTabs[0] as { setControlValue(key: string, value: unknown): Promise<void> };
		await tab.setControlValue("playOnSeek", false);
		view.previewEl.querySelectorAll<HTMLElement>(".yt-timestamp[role=link]")[1]?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
		await settle();
		expect(seen(view)?.unplayed).toBe(false);
		expect(ytOf(view).ready().calls).toEqual([["seekTo", 600, true], ["pauseVideo"]]);
	});

	it("the play command ends it once the video plays", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		app.workspace.setActiveLeaf(view.leaf);
		expect(app.commands.execute(`${PLUGIN_ID}:toggle-playback`)).toBe(true);
		await flush();
		expect(seen(view)?.unplayed).toBe(true);
		ytOf(view).ready().setState(YTState.PLAYING);
		await flush();
		expect(seen(view)?.unplayed).toBe(false);
	});

	it("starts again for another note's video in the same view, and not while a video plays", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		clickIn(view, ".vc-pinned-play");
		await flush();
		ytOf(view).ready().setState(YTState.PLAYING);
		await view.leaf.openFile(app.vault.seed("b.md", noteText(OTHER_ID)));
		await flush();
		expect(seen(view)).toMatchObject({ unplayed: true, title: `YouTube video ${OTHER_ID}`, barNote: "Loads from YouTube when you play" });
	});

	it("a vault file, loaded paused, is unplayed too; its bar has no note (nothing loads from elsewhere)", async () => {
		const { app } = await loadPinned("top");
		app.vault.seed("media/clip.webm", "");
		const { view } = await open(app, "clip.md", `---\nvideo: media/clip.webm\n---\nClip ${anchor("00:00:05")}.\n`);
		await flush();
		expect(seen(view)).toMatchObject({ unplayed: true, title: "clip.webm", barNote: "", poster: null });
		view.contentEl.querySelector("video")?.dispatchEvent(new Event("play"));
		expect(seen(view)?.unplayed).toBe(false);
	});
});
