import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Notice, Platform, type App, type MarkdownView } from "../double/obsidian";
import { settle } from "../helpers/plugin";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { PLAYER_VIEW_TYPE, PlayerView } from "../../src/player/PlayerView";
import { NO_CONTROL_MESSAGE, NO_TIME_MESSAGE } from "../../src/player/ObsidianEmbedPlayer";
import { YOUTUBE_IFRAME_API_URL } from "../../src/player/youtubeApi";
import { youtubeProblem } from "../../src/player/youtubeEmbed";
import type { VideoRef } from "../../src/core";
import { anchor, loadPinned, open, pinnedOf, seen } from "../pinned/harness";
import { FakeYTPlayer, installFakeYouTube, lastYTPlayer, removeFakeYouTube } from "./fakeYouTube";
import { loadPlayerPlugin } from "./harness";

const SEED: VideoRef = { kind: "youtube", id: "aXGo1o_baBo" };
const OTHER: VideoRef = { kind: "youtube", id: "hEzpiDuYFoE" };
const ID = "video-citations";
const SEEK_RELOADS = "Seeking reloads the video on this device.";

/** The embeds Obsidian rendered in `root`: each iframe's video id and `start`, as its address says. */
function embeds(root: HTMLElement): { id: string; start: string | null }[] {
	return [...root.querySelectorAll<HTMLIFrameElement>(".vc-player-embed iframe")].map((frame) => {
		const url = new URL(frame.getAttribute("src") ?? "");
		expect(`${url.origin}${url.pathname}`.startsWith("https://www.youtube.com/embed/")).toBe(true);
		return { id: url.pathname.slice("/embed/".length), start: url.searchParams.get("start") };
	});
}

/** The lines under the embed, as a person reads them (nothing when hidden). */
function embedNote(root: HTMLElement): string[] {
	const notes = [...root.querySelectorAll<HTMLElement>(".vc-player-embed-note")].filter((el) => !el.hidden && !el.closest("[hidden]"));
	return notes.flatMap((el) => [...el.children].map((line) => line.textContent ?? ""));
}

function playerView(app: App): PlayerView {
	const view = app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)[0]?.view;
	if (!(view instanceof PlayerView)) throw new Error("no player view is open");
	return view;
}

function apiScripts(): Element[] {
	return [...document.querySelectorAll(`script[src^="${YOUTUBE_IFRAME_API_URL}"]`)];
}

beforeEach(() => {
	installFakeYouTube();
});

afterEach(() => {
	removeFakeYouTube();
	for (const s of apiScripts()) s.remove();
});

describe("YouTube refuses the plugin's player (error 153): Obsidian's own embed takes over", () => {
	it("renders the embed at the moment asked for, says why and that seeking reloads, and reloads at each seek", async () => {
		const { app, plugin } = await loadPlayerPlugin();
		app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
		plugin.controller.seek(SEED, 2811.6, { sourcePath: SEED_PATH });
		await settle();
		const refused = lastYTPlayer().ready().error(153);
		await settle();
		const root = playerView(app).contentEl;
		expect(refused.destroyed).toBe(true);
		// The API player's iframe is gone: the one iframe is Obsidian's embed, at the whole second.
		expect(root.querySelectorAll("iframe")).toHaveLength(1);
		expect(embeds(root)).toEqual([{ id: "aXGo1o_baBo", start: "2811" }]);
		expect(root.querySelector<HTMLElement>(".vc-player-error")?.hidden).toBe(true);
		expect(embedNote(root)).toEqual([youtubeProblem(153).message, "Meanwhile the video plays in Obsidian's own YouTube embed.", SEEK_RELOADS]);
		expect(plugin.controller.state).toMatchObject({ video: SEED, seconds: 2811.6, playing: false, timeUnknown: true });

		// A citation click re-renders it at the new moment; the note is still said once.
		plugin.controller.seek(SEED, 100, { sourcePath: SEED_PATH });
		await settle();
		expect(embeds(root)).toEqual([{ id: "aXGo1o_baBo", start: "100" }]);
		expect(embedNote(root).filter((line) => line === SEEK_RELOADS)).toHaveLength(1);
		// Another video goes straight to the embed: YouTube would refuse the API player again.
		plugin.controller.seek(OTHER, 30);
		await settle();
		expect(embeds(root)).toEqual([{ id: "hEzpiDuYFoE", start: "30" }]);
		expect(FakeYTPlayer.instances).toHaveLength(1);
		expect(Notice.shown).toEqual([]);
	});

	it("a refusal other than 153 is still an error panel, with Open in YouTube", async () => {
		const { app, plugin } = await loadPlayerPlugin();
		plugin.controller.seek(SEED, 2811);
		await settle();
		lastYTPlayer().ready().error(150);
		await settle();
		const root = playerView(app).contentEl;
		expect(embeds(root)).toEqual([]);
		expect(embedNote(root)).toEqual([]);
		expect(root.querySelector(".vc-player-error-message")?.textContent).toBe("The owner of this video does not allow it to be played outside YouTube.");
		expect([...root.querySelectorAll(".vc-player-error button")].map((b) => b.textContent)).toEqual(["Open in YouTube at 46:51"]);
	});
});

describe("on iOS (Platform.isIosApp): Obsidian's own embed is the YouTube player", () => {
	const saved = { ...Platform };
	beforeEach(() => {
		// As Obsidian's iPhone app sets them; the fake YouTube would answer 153, as YouTube does there.
		Object.assign(Platform, { isIosApp: true, isMobileApp: true, isMobile: true, isPhone: true, isDesktop: false, isDesktopApp: false, isLinux: false, isSafari: true });
	});
	afterEach(() => {
		Object.assign(Platform, saved);
	});

	const TEXT = `---\nvideoId: aXGo1o_baBo\n---\n# Talk\n\nFirst claim ${anchor("00:00:10")}.\n\nSecond claim ${anchor("00:10:00")}.\n`;

	/** The note open with its pinned player on top (automatic placement on a phone), the video seeked to `seconds`. */
	async function seekedTo(seconds: number): Promise<{ app: App; view: MarkdownView; root: HTMLElement; plugin: Awaited<ReturnType<typeof loadPinned>>["plugin"] }> {
		const { app, plugin } = await loadPinned(null);
		const { view } = await open(app, "Talk.md", TEXT);
		await settle();
		const root = pinnedOf(view);
		if (!root) throw new Error("no pinned player on the note");
		plugin.controller.seek(SEED, seconds, { sourcePath: "Talk.md" });
		await settle();
		return { app, view, root, plugin };
	}

	it("plays from the first click without the IFrame API: the embed at the start, seeks re-render it, the note said once", async () => {
		const { view, root, plugin } = await seekedTo(10);
		expect(FakeYTPlayer.instances).toEqual([]);
		expect(apiScripts()).toEqual([]);
		expect(embeds(root)).toEqual([{ id: "aXGo1o_baBo", start: "10" }]);
		expect(embedNote(root)).toEqual([SEEK_RELOADS]);
		expect(seen(view)).toMatchObject({ time: "No time available", play: "Use the video's own play button", error: null, status: null });

		plugin.controller.seek(SEED, 600, { sourcePath: "Talk.md" });
		await settle();
		expect(embeds(root)).toEqual([{ id: "aXGo1o_baBo", start: "600" }]);
		expect(root.querySelectorAll("iframe")).toHaveLength(1);
		expect(embedNote(root)).toEqual([SEEK_RELOADS]);
		// The bar's play button cannot reach the embed: pressing it changes nothing.
		root.querySelector<HTMLElement>(".vc-pinned-play")?.click();
		await settle();
		expect(embeds(root)).toEqual([{ id: "aXGo1o_baBo", start: "600" }]);
		expect(Notice.shown).toEqual([]);
	});

	it("commands that need the time, or control of the player, say they are unavailable there", async () => {
		const { app, view, root, plugin } = await seekedTo(600);
		const before = view.editor.getValue();
		const run = (id: string) => {
			expect(app.commands.isAvailable(`${ID}:${id}`), id).toBe(true);
			expect(app.commands.execute(`${ID}:${id}`), id).toBe(true);
		};
		app.workspace.setActiveLeaf(view.leaf);
		view.editor.setCursor({ line: 4, ch: 0 });
		for (const id of ["insert-timestamp", "copy-moment-link", "next-citation", "previous-citation", "skip-forward", "skip-back"]) run(id);
		for (const id of ["toggle-playback", "faster", "slower", "normal-speed"]) run(id);
		await settle();
		expect(Notice.shown).toEqual([...Array<string>(6).fill(NO_TIME_MESSAGE), ...Array<string>(4).fill(NO_CONTROL_MESSAGE)]);
		expect(view.editor.getValue()).toBe(before);
		expect(plugin.clipboard.written).toEqual([]);
		// Nothing moved: the embed was not reloaded.
		expect(embeds(root)).toEqual([{ id: "aXGo1o_baBo", start: "600" }]);
		expect(plugin.controller.state).toMatchObject({ rate: 1, timeUnknown: true });
	});

	it("the side player too, when it is the placement", async () => {
		const { app, plugin } = await loadPinned("side");
		plugin.controller.seek(SEED, 2811, { sourcePath: SEED_PATH });
		await settle();
		const root = playerView(app).contentEl;
		expect(FakeYTPlayer.instances).toEqual([]);
		expect(embeds(root)).toEqual([{ id: "aXGo1o_baBo", start: "2811" }]);
		expect(embedNote(root)).toEqual([SEEK_RELOADS]);
	});
});
