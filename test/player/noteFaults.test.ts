import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MarkdownView, type App } from "../double/obsidian";
import { loadPlugin, settle } from "../helpers/plugin";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { PLAYER_VIEW_TYPE } from "../../src/player/PlayerView";
import { YOUTUBE_IFRAME_API_URL } from "../../src/player/youtubeApi";
import { FakeYTPlayer, installFakeYouTube, lastYTPlayer, removeFakeYouTube } from "./fakeYouTube";

beforeEach(() => {
	installFakeYouTube();
});
afterEach(() => {
	removeFakeYouTube();
	for (const s of document.querySelectorAll(`script[src^="${YOUTUBE_IFRAME_API_URL}"]`)) s.remove();
});

const OTHER_NOTE = '---\nvideoId: hEzpiDuYFoE\n---\nA claim <a class="yt-timestamp" data-t="00:01:05">[00:01:05]</a>.\n';

/** The seed note open in reading view with its [00:46:51] clicked: the player is loading. */
async function clickedWhileLoading() {
	const { app } = await loadPlugin();
	const file = app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
	const other = app.vault.seed("other.md", OTHER_NOTE);
	const view = await app.workspace.openNote(file, "reading");
	view.previewEl.querySelector<HTMLElement>('.yt-timestamp[data-t="00:46:51"]')?.click();
	await settle();
	return { app, file, other, view, player: lastYTPlayer() };
}

function playerPanel(app: App): HTMLElement {
	const el = app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)[0]?.view.containerEl;
	if (!el) throw new Error("no player view");
	return el;
}

const seeks = (p: FakeYTPlayer) => p.calls.filter((c) => c[0] === "seekTo");

describe("the note a seek came from changes while its video loads (issue 10's faults)", () => {
	it.each(["renamed", "deleted"] as const)("%s: the seek still lands once, at its moment, with no error, and the next one works", async (what) => {
		const { app, file, player } = await clickedWhileLoading();
		if (what === "renamed") app.vault.rename(file, "talks/renamed.md");
		else app.vault.remove(file);
		await settle();
		player.ready();
		await settle();
		expect(seeks(player)).toEqual([["seekTo", 2811, true]]);
		expect(player.iframe.getAttribute("src")).toContain("/embed/aXGo1o_baBo");
		expect(playerPanel(app).querySelector(".vc-player-error-message:not([hidden])")).toBeNull();
		// The plugin goes on: a seek from another note plays there.
		const other = await app.workspace.openNote(app.vault.getFileByPath("other.md")!, "reading");
		other.previewEl.querySelector<HTMLElement>(".yt-timestamp")?.click();
		await settle();
		const next = lastYTPlayer().ready();
		await settle();
		expect(seeks(next).at(-1)).toEqual(["seekTo", 65, true]);
	});

	it("left for a note with another video: the loading player gives way to that note's video, waiting behind its poster, and its links play", async () => {
		const { app, view, other, player } = await clickedWhileLoading();
		await view.leaf.openFile(other);
		await settle();
		// "When the active note has another video: Switch to it" (the default): the half-loaded
		// player ends without a seek, and the new note's video waits for a click (nothing fetched).
		player.ready();
		expect(seeks(player)).toEqual([]);
		expect(player.destroyed).toBe(true);
		const panel = playerPanel(app);
		expect(panel.querySelector(".vc-player-poster")?.textContent).toContain("hEzpiDuYFoE");
		const shown = app.workspace.getActiveViewOfType(MarkdownView);
		shown?.previewEl.querySelector<HTMLElement>(".yt-timestamp")?.click();
		await settle();
		const next = lastYTPlayer().ready();
		await settle();
		expect(seeks(next)).toEqual([["seekTo", 65, true]]);
		expect(panel.querySelector(".vc-player-poster")).toBeNull();
	});
});
