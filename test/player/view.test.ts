import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App, MarkdownView, Notice, type WorkspaceLeaf } from "../double/obsidian";
import { footprint, loadPlugin, settle } from "../helpers/plugin";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { PLAYER_VIEW_TYPE, PlayerView } from "../../src/player/PlayerView";
import { YOUTUBE_IFRAME_API_URL } from "../../src/player/youtubeApi";
import type { VideoRef } from "../../src/core";
import { FakeYTPlayer, installFakeYouTube, lastYTPlayer, removeFakeYouTube } from "./fakeYouTube";
import { loadPlayerPlugin } from "./harness";
import { popoutWindow } from "./popout";

const SEED: VideoRef = { kind: "youtube", id: "aXGo1o_baBo" };
const OTHER: VideoRef = { kind: "youtube", id: "hEzpiDuYFoE" };

function playerLeaves(app: App): WorkspaceLeaf[] {
	return app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE);
}

function playerView(app: App): PlayerView {
	const view = playerLeaves(app)[0]?.view;
	if (!(view instanceof PlayerView)) throw new Error("no player view is open");
	return view;
}

/** What the player view shows, as a person reads it. */
function visible(view: PlayerView) {
	const el = view.contentEl;
	const text = (selector: string) => {
		const found = el.querySelector<HTMLElement>(selector);
		return found && !found.hidden ? (found.textContent ?? "") : null;
	};
	return {
		title: text(".vc-player-title"),
		source: text(".vc-player-source"),
		status: text(".vc-player-status"),
		error: text(".vc-player-error-message"),
		prompt: text(".vc-player-prompt-message"),
		buttons: [...el.querySelectorAll<HTMLElement>(".vc-player-actions button")].filter((b) => !b.closest("[hidden]")).map((b) => b.textContent),
	};
}

function button(view: PlayerView, label: string): HTMLElement {
	const found = [...view.contentEl.querySelectorAll<HTMLElement>(".vc-player-actions button")].find((b) => b.textContent === label);
	if (!found) throw new Error(`no button "${label}"`);
	return found;
}

beforeEach(() => {
	installFakeYouTube();
});

afterEach(() => {
	removeFakeYouTube();
	for (const s of document.querySelectorAll(`script[src^="${YOUTUBE_IFRAME_API_URL}"]`)) s.remove();
});

describe("PlayerView", () => {
	it.each([
		["right", "right"],
		["split", "root"],
		["window", "window"],
	] as const)("opens where the setting says (%s) when a seek finds no player, without taking focus", async (location, side) => {
		const { app, plugin } = await loadPlayerPlugin();
		await plugin.store.set("playerLocation", location);
		const note = await app.workspace.openNote(app.vault.seed(SEED_PATH, corpusNote(SEED_PATH)), "reading");
		plugin.controller.seek(SEED, 2811, { sourcePath: SEED_PATH });
		await settle();
		expect(playerLeaves(app)).toHaveLength(1);
		expect(playerLeaves(app)[0]?.side).toBe(side);
		expect(app.workspace.activeLeaf?.view).toBe(note);
		plugin.controller.seek(SEED, 100);
		await settle();
		expect(playerLeaves(app)).toHaveLength(1);
	});

	it("shows the video, the note it came from and the loading line, then the title once ready", async () => {
		const { app, plugin } = await loadPlayerPlugin();
		app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
		plugin.controller.seek(SEED, 2811, { sourcePath: SEED_PATH });
		await settle();
		const view = playerView(app);
		expect(visible(view)).toEqual({
			title: "YouTube video aXGo1o_baBo",
			source: "the_rise_of_the_chief_product_and_technology_officer_role",
			status: "Loading video…",
			error: null,
			prompt: null,
			buttons: [],
		});
		expect(view.getDisplayText()).toBe("YouTube video aXGo1o_baBo");
		expect(view.contentEl.querySelector(".vc-player iframe")).toBe(lastYTPlayer().el);
		lastYTPlayer().ready();
		expect(lastYTPlayer().calls[0]).toEqual(["seekTo", 2811, true]);
		expect(visible(view)).toMatchObject({ title: "The rise of the CPTO", status: null });
		expect(view.getDisplayText()).toBe("The rise of the CPTO");
	});

	it("opens the source note when its name is clicked", async () => {
		const { app, plugin } = await loadPlayerPlugin();
		const file = app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
		plugin.controller.seek(SEED, 10, { sourcePath: SEED_PATH });
		await settle();
		playerView(app).contentEl.querySelector<HTMLElement>(".vc-player-source")?.click();
		await settle();
		const active = app.workspace.activeLeaf?.view;
		expect(active instanceof MarkdownView && active.file).toBe(file);
	});

	it("shows 'nothing playing' before any seek", async () => {
		const { app } = await loadPlayerPlugin();
		await app.workspace.getRightLeaf(false).setViewState({ type: PLAYER_VIEW_TYPE });
		expect(visible(playerView(app))).toMatchObject({ title: null, status: "Click a timestamp in a note to play its video here." });
	});

	it("shows an embedding refusal with a button that opens the moment on youtube.com", async () => {
		const open = vi.spyOn(window, "open").mockImplementation(() => null);
		const { app, plugin } = await loadPlayerPlugin();
		plugin.controller.seek(SEED, 2811);
		await settle();
		lastYTPlayer().ready().error(150);
		const view = playerView(app);
		expect(visible(view)).toMatchObject({
			error: "The owner of this video does not allow it to be played outside YouTube.",
			buttons: ["Open in YouTube at 46:51"],
			status: null,
		});
		expect(view.contentEl.querySelector<HTMLElement>(".vc-player")?.hidden).toBe(true);
		button(view, "Open in YouTube at 46:51").click();
		expect(open).toHaveBeenCalledWith("https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s", "_blank", "noopener");
	});

	it("offline: says the player could not load and retries on request, at the same moment", async () => {
		removeFakeYouTube();
		const { app, plugin } = await loadPlayerPlugin();
		plugin.controller.seek(SEED, 2811);
		await settle();
		document.querySelector(`script[src^="${YOUTUBE_IFRAME_API_URL}"]`)?.dispatchEvent(new Event("error"));
		await settle();
		const view = playerView(app);
		expect(visible(view)).toMatchObject({ error: expect.stringMatching(/could not be downloaded.*Check your internet connection/), buttons: ["Retry", "Open in YouTube at 46:51"] });
		installFakeYouTube();
		button(view, "Retry").click();
		await settle();
		expect(visible(view)).toMatchObject({ error: null, status: "Loading video…" });
		lastYTPlayer().ready();
		expect(lastYTPlayer().calls[0]).toEqual(["seekTo", 2811, true]);
	});

	it("closing the view mid-seek leaves the controller clean; the next seek opens a new view", async () => {
		const { app, plugin } = await loadPlayerPlugin();
		plugin.controller.seek(SEED, 2811);
		await settle();
		const first = lastYTPlayer();
		playerLeaves(app)[0]?.detach();
		await settle();
		expect(first.destroyed).toBe(true);
		expect(plugin.controller.state).toMatchObject({ video: null, playing: false });
		first.ready();
		expect(first.calls).toEqual([["destroy"]]);
		plugin.controller.seek(SEED, 100);
		await settle();
		expect(playerLeaves(app)).toHaveLength(1);
		lastYTPlayer().ready();
		expect(lastYTPlayer().calls[0]).toEqual(["seekTo", 100, true]);
	});

	it("moved to a pop-out window: starts the player there and restores the position", async () => {
		const { app, plugin } = await loadPlayerPlugin();
		plugin.controller.seek(SEED, 600);
		await settle();
		lastYTPlayer().ready().setState(1);
		const win = popoutWindow();
		installFakeYouTube(win);
		const leaf = playerLeaves(app)[0] as WorkspaceLeaf;
		win.document.body.appendChild(win.document.adoptNode(leaf.containerEl));
		leaf.onResize();
		await settle();
		const moved = lastYTPlayer();
		expect(moved.iframe.ownerDocument).toBe(win.document);
		moved.ready();
		expect(moved.calls.slice(0, 2)).toEqual([["seekTo", 600, true], ["playVideo"]]);
		removeFakeYouTube(win);
	});

	it("restores the position when the iframe reloads in place", async () => {
		const { plugin } = await loadPlayerPlugin();
		plugin.controller.seek(SEED, 1200, { play: false });
		await settle();
		const first = lastYTPlayer().ready();
		first.iframe.dispatchEvent(new Event("load"));
		await settle();
		expect(FakeYTPlayer.instances).toHaveLength(1);
		first.iframe.dispatchEvent(new Event("load"));
		await settle();
		expect(FakeYTPlayer.instances).toHaveLength(2);
		lastYTPlayer().ready();
		expect(lastYTPlayer().calls.slice(0, 2)).toEqual([["seekTo", 1200, true], ["pauseVideo"]]);
	});
});

describe("PlayerView: following the active note", () => {
	async function twoNotes(mode: "switch" | "ask" | "off") {
		const { app, plugin } = await loadPlayerPlugin();
		await plugin.store.set("followActiveNote", mode);
		const a = app.vault.seed("a.md", "---\nvideoId: aXGo1o_baBo\n---\nA <a class=\"yt-timestamp\" data-t=\"00:00:10\">[00:00:10]</a>\n");
		const b = app.vault.seed("b.md", "---\nvideoId: hEzpiDuYFoE\n---\nB\n");
		const noteA = await app.workspace.openNote(a, "live");
		plugin.controller.seek(SEED, 300, { sourcePath: "a.md" });
		await settle();
		lastYTPlayer().ready();
		return { app, plugin, a, b, noteA };
	}

	it("'switch' shows the note's video behind a poster, plays it on a click, and brings the old one back where it was", async () => {
		const { app, plugin, b, noteA } = await twoNotes("switch");
		lastYTPlayer().time = 333;
		const created = FakeYTPlayer.instances.length;
		await app.workspace.openNote(b, "live");
		expect(plugin.controller.state.video).toEqual(OTHER);
		// Opening the note loads nothing: the poster names the video and waits for a click.
		expect(FakeYTPlayer.instances).toHaveLength(created);
		const view = playerView(app);
		const poster = view.containerEl.querySelector<HTMLElement>(".vc-player-poster");
		expect(poster).not.toBeNull();
		expect(visible(view).source).toBe("b");
		poster?.click();
		await settle();
		expect(FakeYTPlayer.instances).toHaveLength(created + 1);
		lastYTPlayer().ready();
		expect(lastYTPlayer().calls[0]).toEqual(["seekTo", 0, true]);
		expect(view.containerEl.querySelector(".vc-player-poster")).toBeNull();
		app.workspace.setActiveLeaf(noteA.leaf);
		expect(plugin.controller.state.video).toEqual(SEED);
		view.containerEl.querySelector<HTMLElement>(".vc-player-poster")?.click();
		await settle();
		lastYTPlayer().ready();
		expect(lastYTPlayer().calls[0]).toEqual(["seekTo", 333, true]);
	});

	it("'ask' offers the switch in the player and switches on the button", async () => {
		const { app, plugin, b } = await twoNotes("ask");
		await app.workspace.openNote(b, "live");
		const view = playerView(app);
		expect(plugin.controller.state.video).toEqual(SEED);
		expect(visible(view)).toMatchObject({ prompt: '"b" cites another video.', buttons: ["Switch to this note's video"] });
		button(view, "Switch to this note's video").click();
		expect(plugin.controller.state.video).toEqual(OTHER);
		expect(visible(view).prompt).toBeNull();
	});

	it("'off' keeps the current video", async () => {
		const { app, plugin, b } = await twoNotes("off");
		await app.workspace.openNote(b, "live");
		expect(plugin.controller.state.video).toEqual(SEED);
		expect(visible(playerView(app)).prompt).toBeNull();
	});

	it("focusing the player itself switches nothing", async () => {
		const { app, plugin, b } = await twoNotes("switch");
		await app.workspace.openNote(b, "live");
		const count = FakeYTPlayer.instances.length;
		app.workspace.setActiveLeaf(playerLeaves(app)[0] as WorkspaceLeaf);
		expect(FakeYTPlayer.instances).toHaveLength(count);
		expect(plugin.controller.state.video).toEqual(OTHER);
	});
});

describe("Unloading", () => {
	it("the player and its commands leave nothing behind, even mid-playback", async () => {
		const app = new App();
		const before = footprint(app);
		const { plugin } = await loadPlayerPlugin(app);
		plugin.controller.seek(SEED, 2811);
		await settle();
		lastYTPlayer().ready().setState(1);
		expect(footprint(app).intervals).toBe(before.intervals + 1);
		plugin.unload();
		await settle();
		expect(footprint(app)).toEqual(before);
		expect(lastYTPlayer().destroyed).toBe(true);
	});

	it("the whole plugin with an open player view leaves nothing behind", async () => {
		const app = new App();
		const before = footprint(app);
		const { plugin } = await loadPlugin(app);
		await app.workspace.getRightLeaf(false).setViewState({ type: PLAYER_VIEW_TYPE });
		expect(playerLeaves(app)).toHaveLength(1);
		plugin.unload();
		await settle();
		expect(playerLeaves(app)).toHaveLength(0);
		expect(footprint(app)).toEqual(before);
		expect(Notice.shown).toEqual([]);
	});
});
