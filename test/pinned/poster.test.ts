/**
 * The pinned player loads nothing from the network until the user asks for the video: opening a
 * note shows a poster (the video's name, what playing it loads); playing, skipping, a citation or
 * "Open player" loads it, at that moment. A vault file is local and loads at once; the side view
 * is unchanged.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MarkdownView, NoteMode } from "../double/obsidian";
import { PLAYER_VIEW_TYPE } from "../../src/player/PlayerView";
import { YOUTUBE_IFRAME_API_URL, type YouTubeApiWindow } from "../../src/player/youtubeApi";
import { settle } from "../helpers/plugin";
import { FakeYTPlayer, installFakeYouTube, lastYTPlayer, removeFakeYouTube, YTState } from "../player/fakeYouTube";
import { anchor, clickIn, flush, loadPinned, loadWholePinned, noteText, open, OTHER_ID, pinnedOf, PLUGIN_ID, seen, SEED_ID, wake, ytIn, ytOf } from "./harness";

const SEED = { kind: "youtube", id: SEED_ID } as const;
const POSTER = [`YouTube video ${SEED_ID}`, "Loads from YouTube when you play"];

/** The IFrame API scripts in the document: one means the plugin reached for YouTube. */
function apiScripts(): Element[] {
	return [...activeDocument.querySelectorAll(`script[src^="${YOUTUBE_IFRAME_API_URL}"]`)];
}

/** Everything of a player that would fetch something: any embed in `view`, any image in its pinned player. */
function fetching(view: MarkdownView): Element[] {
	return [...view.contentEl.querySelectorAll("iframe, video, audio, script"), ...(pinnedOf(view)?.querySelectorAll("img") ?? [])];
}

const run = (app: { commands: { execute(id: string): boolean } }, id: string) => app.commands.execute(`${PLUGIN_ID}:${id}`);

beforeEach(() => {
	installFakeYouTube();
	// jsdom plays no media, and lays nothing out (the panel scrolls its playing row into view).
	vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(() => Promise.resolve());
	vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => {});
	vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => {});
	Element.prototype.scrollIntoView = () => {};
});

afterEach(() => {
	removeFakeYouTube();
	for (const script of apiScripts()) script.remove();
	vi.restoreAllMocks();
});

describe("opening a note fetches nothing", () => {
	it.each(["reading", "live", "source"] as NoteMode[])("%s: no iframe, no IFrame API script, a poster with the video's name", async (mode) => {
		// As on a fresh start: no IFrame API in the window, so a player would have to fetch it.
		removeFakeYouTube();
		const { app } = await loadWholePinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID), mode);
		await settle();
		expect(pinnedOf(view)).not.toBeNull();
		expect(fetching(view)).toEqual([]);
		expect(apiScripts()).toEqual([]);
		expect(seen(view)).toMatchObject({ poster: POSTER, title: `YouTube video ${SEED_ID}`, status: null, error: null, play: "Play" });
		expect(pinnedOf(view)?.querySelector(".vc-player-poster")?.getAttribute("aria-label")).toBe(`Play YouTube video ${SEED_ID}`);
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
	});

	it("a media address says which site playing it loads from", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "talk.md", "---\nvideo: https://media.example.org/talks/talk.mp4\n---\nText\n");
		expect(fetching(view)).toEqual([]);
		expect(seen(view)?.poster).toEqual(["talk.mp4", "Loads from media.example.org when you play"]);
	});

	it("the poster stays after the note is closed and opened again, at the moment the video was left", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const yt = (await wake(app, view)).ready();
		yt.time = 754;
		await view.leaf.openFile(app.vault.seed("b.md", noteText(OTHER_ID)));
		expect(ytIn(view)).toEqual([]);
		await view.leaf.openFile(app.vault.getFileByPath("a.md") as never);
		expect(ytIn(view)).toEqual([]);
		expect(seen(view)).toMatchObject({ poster: POSTER, time: "12:34" });
	});
});

describe("the video loads when the user asks for it", () => {
	it("clicking the poster fetches the IFrame API then, and plays from where the video waits", async () => {
		removeFakeYouTube();
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", `---\nvideo: https://youtu.be/${SEED_ID}?t=95\n---\nText\n`);
		expect(seen(view)).toMatchObject({ poster: POSTER, time: "1:35" });
		clickIn(view, ".vc-player-poster");
		await flush();
		expect(apiScripts()).toHaveLength(1);
		expect(seen(view)).toMatchObject({ poster: null, status: "Loading video…" });
		// The script arrives.
		installFakeYouTube();
		(window as YouTubeApiWindow).onYouTubeIframeAPIReady?.();
		await flush();
		const yt = ytOf(view).ready();
		expect(yt.iframe.getAttribute("src")).toContain(`/embed/${SEED_ID}?`);
		expect(yt.calls).toEqual([["seekTo", 95, true], ["playVideo"]]);
		expect(yt.state).toBe(YTState.PLAYING);
	});

	it("the bar's play button does the same while the player is collapsed", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		clickIn(view, ".vc-pinned-collapse");
		expect(ytIn(view)).toEqual([]);
		clickIn(view, ".vc-pinned-play");
		await flush();
		expect(ytOf(view).ready().calls).toEqual([["seekTo", 0, true], ["playVideo"]]);
		expect(seen(view)).toMatchObject({ collapsed: true, play: "Pause" });
	});

	it("the play command loads and plays it; nothing loads before", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		await settle();
		expect(ytIn(view)).toEqual([]);
		expect(run(app, "toggle-playback")).toBe(true);
		await flush();
		expect(ytOf(view).ready().calls).toEqual([["seekTo", 0, true], ["playVideo"]]);
	});

	it("a Live Preview chip loads it at the chip's moment", async () => {
		const { app } = await loadWholePinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID), "live");
		const chip = view.editorView?.contentDOM.querySelectorAll<HTMLElement>(".vc-chip")[1];
		chip?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 }));
		await flush();
		expect(ytOf(view).ready().calls).toEqual([["seekTo", 600, true], ["playVideo"]]);
		expect(FakeYTPlayer.instances).toHaveLength(1);
	});

	it("a vault file loads at once, paused: it is local, and shows its first frame", async () => {
		const { app } = await loadPinned("top");
		app.vault.seed("media/clip.webm", "");
		const { view } = await open(app, "clip.md", `---\nvideo: media/clip.webm\n---\nClip ${anchor("00:00:05")}.\n`);
		const media = pinnedOf(view)?.querySelector("video");
		expect(media?.getAttribute("src")).toBe(app.vault.getResourcePath(app.vault.getFileByPath("media/clip.webm") as never));
		expect(seen(view)?.poster).toBeNull();
		expect(apiScripts()).toEqual([]);
	});
});

describe("'Open player' does not rewind", () => {
	it("the citations panel's button reveals the note's pinned player where it plays, though another player was used last", async () => {
		const { app } = await loadWholePinned("top");
		const { view: a } = await open(app, "a.md", noteText(SEED_ID, "Note A"), "reading");
		const { view: b } = await open(app, "b.md", noteText(OTHER_ID, "Note B"), "reading");
		const ya = (await wake(app, a)).ready().setState(YTState.PLAYING);
		ya.time = 300;
		// B is played last, so the feed follows B: A's button must not take B's position for A.
		(await wake(app, b)).ready().setState(YTState.PLAYING);
		clickIn(a, ".vc-pinned-collapse");
		run(app, "open-citations-panel");
		app.workspace.setActiveLeaf(a.leaf);
		await settle(6);
		ya.calls.length = 0;
		const panel = app.workspace.getLeavesOfType("video-citations-panel")[0]?.view.containerEl;
		panel?.querySelector<HTMLElement>(".vc-panel-open-player")?.click();
		await settle();
		expect(ya.calls.filter((c) => c[0] === "seekTo" || c[0] === "loadVideoById")).toEqual([]);
		expect(ya.destroyed).toBe(false);
		expect(seen(a)?.collapsed).toBe(false);
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
	});

	it("the command loads a waiting video where it was left, paused, and the next time only reveals it", async () => {
		const { app } = await loadPinned("top");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const first = (await wake(app, view)).ready();
		first.time = 412;
		await view.leaf.openFile(app.vault.seed("b.md", noteText(OTHER_ID)));
		await view.leaf.openFile(app.vault.getFileByPath("a.md") as never);
		const yt = (await wake(app, view)).ready();
		expect(yt.calls).toEqual([["seekTo", 412, true], ["pauseVideo"]]);
		yt.setState(YTState.PLAYING);
		yt.time = 500;
		yt.calls.length = 0;
		expect(run(app, "open-player")).toBe(true);
		await settle();
		expect(yt.calls).toEqual([]);
		expect(ytOf(view)).toBe(yt);
	});
});

describe("the side view is unchanged", () => {
	it("no poster: a citation opens the side view with the video loading at once", async () => {
		const { app } = await loadWholePinned("side");
		const { view } = await open(app, "a.md", noteText(SEED_ID), "reading");
		expect(pinnedOf(view)).toBeNull();
		view.previewEl.querySelectorAll<HTMLElement>(".yt-timestamp[role=link]")[1]?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
		await settle();
		const side = app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)[0]?.view.containerEl;
		expect(side?.querySelector(".vc-player-poster")).toBeNull();
		expect(side?.contains(lastYTPlayer().iframe)).toBe(true);
		expect(lastYTPlayer().ready().calls).toEqual([["seekTo", 600, true], ["playVideo"]]);
	});

	it("'Open player for this note' opens the side view on the note's video, loaded and paused", async () => {
		const { app } = await loadPinned("side");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		app.workspace.setActiveLeaf(view.leaf);
		expect(run(app, "open-player")).toBe(true);
		await settle();
		const side = app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)[0]?.view.containerEl;
		expect(side?.querySelector(".vc-player-poster")).toBeNull();
		expect(lastYTPlayer().ready().calls).toEqual([["seekTo", 0, true], ["pauseVideo"]]);
	});

	it("'Open player' on the video the side view plays leaves it playing where it is", async () => {
		const { app, plugin } = await loadPinned("side");
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		plugin.controller.seek(SEED, 300, { sourcePath: "a.md" });
		await settle();
		const yt = lastYTPlayer().ready().setState(YTState.PLAYING);
		yt.time = 321;
		yt.calls.length = 0;
		app.workspace.setActiveLeaf(view.leaf);
		expect(run(app, "open-player")).toBe(true);
		await settle();
		expect(yt.calls).toEqual([]);
		expect(FakeYTPlayer.instances).toHaveLength(1);
	});
});

describe("names and thumbnails on the poster", () => {
	it("names the video by the title its note gives, and shows no picture unless the setting is on", async () => {
		const { app } = await loadWholePinned("top");
		const { view } = await open(app, "t.md", `---\nvideoId: ${SEED_ID}\ntitle: The rise of the CPTO\n---\nA claim ${anchor("00:00:10")}.\n`);
		await settle();
		expect(seen(view)?.poster).toEqual(["The rise of the CPTO", "Loads from YouTube when you play"]);
		expect(pinnedOf(view)?.querySelector(".vc-player-poster")?.getAttribute("aria-label")).toBe("Play The rise of the CPTO");
		expect(fetching(view)).toEqual([]);
	});

	it("with 'Show YouTube thumbnails' on, shows the video's thumbnail from YouTube's image server, sending no Referer", async () => {
		const app = new (await import("../double/obsidian")).App();
		app.pluginData.set(PLUGIN_ID, { playerPlacement: "top", showThumbnails: true });
		activeDocument.body.appendChild(app.workspace.containerEl);
		const { loadPlugin } = await import("../helpers/plugin");
		await loadPlugin(app);
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		await settle();
		const img = pinnedOf(view)?.querySelector<HTMLImageElement>(".vc-player-poster img");
		expect(img?.getAttribute("src")).toBe(`https://i.ytimg.com/vi/${SEED_ID}/hqdefault.jpg`);
		expect(img?.getAttribute("referrerpolicy")).toBe("no-referrer");
		expect(img?.getAttribute("alt")).toBe("");
		// Still no player: the picture is all that is fetched.
		expect(apiScripts()).toEqual([]);
		expect([...view.contentEl.querySelectorAll("iframe, video, audio, script")]).toEqual([]);
	});
});
