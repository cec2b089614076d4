import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POLL_INTERVAL_MS } from "../../src/player/PlaybackController";
import { App, type MarkdownView } from "../double/obsidian";
import { memoryDurations } from "../helpers/durations";
import { loadPlugin, settle } from "../helpers/plugin";
import { anchor, loadWholePinned, open, pinnedOf, PLUGIN_ID, SEED_ID, wake } from "../pinned/harness";
import { CLIP, controllerWithFakes, flush, SEED_VIDEO } from "./fakes";
import { installFakeYouTube, lastYTPlayer, removeFakeYouTube } from "./fakeYouTube";

/** A note of the seed video citing two moments. */
const SEED_NOTE = `---\nvideoId: ${SEED_ID}\n---\nOne ${anchor("00:00:10")}.\n\nTwo ${anchor("00:10:00")}.\n`;

/** What the plugin keeps in its data file under the videos' lengths. */
function savedLengths(app: App): unknown {
	return (app.pluginData.get(PLUGIN_ID) as Record<string, unknown> | undefined)?.videoDurations;
}

describe("learning a video's length from the player that plays it", () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it("records the length a player knows once it is ready (an HTML5 player has read the metadata)", async () => {
		const { durations } = memoryDurations();
		const fx = controllerWithFakes({}, durations);
		fx.controller.seek(CLIP, 10);
		await flush();
		expect(durations.get(CLIP)).toBeUndefined();
		fx.lastPlayer().length = 60.04;
		fx.lastPlayer().events.ready();
		expect(durations.get(CLIP)).toBe(60);
		expect(durations.get(SEED_VIDEO)).toBeUndefined();
	});

	it("records a length the player only knows later, read while it plays (YouTube reports 0 until the video loads)", async () => {
		vi.useFakeTimers();
		const { durations } = memoryDurations();
		const heard: string[] = [];
		durations.onChange((key) => heard.push(key));
		const fx = controllerWithFakes({}, durations);
		fx.controller.seek(SEED_VIDEO, 5);
		await flush();
		const player = fx.lastPlayer();
		player.events.ready();
		expect(durations.get(SEED_VIDEO)).toBeUndefined();
		player.length = 2400;
		player.events.playing(true);
		vi.advanceTimersByTime(POLL_INTERVAL_MS * 8);
		expect(durations.get(SEED_VIDEO)).toBe(2400);
		// Read four times a second, told once.
		expect(heard).toEqual([`youtube:${SEED_ID}`]);
		player.events.playing(false);
	});

	it("records nothing without a recorder, and nothing for a player that never knows its length", async () => {
		const bare = controllerWithFakes();
		bare.controller.seek(SEED_VIDEO, 5);
		await flush();
		bare.lastPlayer().length = 2400;
		expect(() => bare.lastPlayer().events.ready()).not.toThrow();

		const { durations } = memoryDurations();
		const fx = controllerWithFakes({}, durations);
		fx.controller.seek(SEED_VIDEO, 5);
		await flush();
		fx.lastPlayer().events.ready();
		expect(durations.get(SEED_VIDEO)).toBeUndefined();
	});
});

describe("the plugin keeps what its players learned", () => {
	beforeEach(() => {
		installFakeYouTube();
	});
	afterEach(() => {
		removeFakeYouTube();
	});

	it("the side view's YouTube player: its length is saved in the plugin's data beside the settings, and read back on the next start", async () => {
		const app = new App();
		app.pluginData.set(PLUGIN_ID, { seekStepSeconds: 15 });
		activeDocument.body.appendChild(app.workspace.containerEl);
		const { plugin } = await loadPlugin(app);
		const view = await app.workspace.openNote(app.vault.seed("seed.md", SEED_NOTE), "reading");
		view.previewEl.querySelector<HTMLElement>(".yt-timestamp[role=link]")?.click();
		await settle();
		const yt = lastYTPlayer();
		yt.duration = 2400.4;
		yt.ready();
		// Saved a moment later, or at once when the plugin unloads.
		plugin.unload();
		await settle();
		// The title the player reported is kept beside it, so the video is named before it loads next time.
		expect(app.pluginData.get(PLUGIN_ID)).toEqual({ seekStepSeconds: 15, videoDurations: { [`youtube:${SEED_ID}`]: 2400.4 }, videoTitles: { [`youtube:${SEED_ID}`]: yt.title } });

		// The next start knows the length: the player reporting it again writes nothing.
		const again = await loadPlugin(app);
		const saves = vi.spyOn(again.plugin, "saveData");
		expect(again.plugin.settings.seekStepSeconds).toBe(15);
		const reopened = await app.workspace.openNote(app.vault.getFileByPath("seed.md") as never, "reading");
		reopened.previewEl.querySelector<HTMLElement>(".yt-timestamp[role=link]")?.click();
		await settle();
		lastYTPlayer().duration = 2400.4;
		lastYTPlayer().ready();
		again.plugin.unload();
		await settle();
		expect(saves).not.toHaveBeenCalled();
		expect(savedLengths(app)).toEqual({ [`youtube:${SEED_ID}`]: 2400.4 });
	});

	it("a pinned YouTube player's length, once it reports one", async () => {
		const { app, plugin } = await loadWholePinned("top");
		const { view } = await open(app, "seed.md", SEED_NOTE, "live");
		const yt = await wake(app, view);
		yt.ready();
		expect(savedLengths(app)).toBeUndefined();
		yt.duration = 1800;
		yt.playVideo();
		await new Promise((resolve) => window.setTimeout(resolve, POLL_INTERVAL_MS * 2));
		plugin.unload();
		await settle();
		expect(savedLengths(app)).toEqual({ [`youtube:${SEED_ID}`]: 1800 });
	});

	it("a pinned HTML5 player of a vault file, once it has read the metadata", async () => {
		vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => {});
		const { app, plugin } = await loadWholePinned("top");
		app.vault.seed("media/clip.webm", "");
		const { view } = await open(app, "clip.md", `---\nvideo: media/clip.webm\n---\nClip ${anchor("00:00:05")}.\n`, "live");
		metadataLoaded(view, 60.04);
		plugin.unload();
		await settle();
		expect(savedLengths(app)).toEqual({ "file:media/clip.webm": 60 });
	});
});

/** Pretends the browser has read the metadata of the media in `view`'s pinned player. */
function metadataLoaded(view: MarkdownView, duration: number): void {
	const media = pinnedOf(view)?.querySelector<HTMLMediaElement>("video, audio");
	if (!media) throw new Error("no media element in the pinned player");
	Object.defineProperty(media, "readyState", { configurable: true, value: 1 });
	Object.defineProperty(media, "duration", { configurable: true, value: duration });
	media.dispatchEvent(new Event("loadedmetadata"));
}
