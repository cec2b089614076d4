import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App, Notice, type MarkdownView } from "../double/obsidian";
import { loadPlugin, settle } from "../helpers/plugin";
import { LEX_LENGTH, LEX_UNDECIDED, THREE_MINUTES } from "../helpers/videoLength";
import { installFakeYouTube, lastYTPlayer, removeFakeYouTube } from "../player/fakeYouTube";

const PLUGIN_ID = "video-citations";

// jsdom has no layout: the panel scrolls to the playing row with a no-op.
Element.prototype.scrollIntoView ??= function () {};

/** The reading view's seek links of `view`, as rendered now. */
function linksOf(view: MarkdownView): HTMLElement[] {
	return [...view.previewEl.querySelectorAll<HTMLElement>(".yt-timestamp[role=link]")];
}

/** The citations panel's chips, as a person reads them. */
function panelChips(): string[] {
	return [...activeDocument.querySelectorAll(".vc-panel .vc-panel-chip")].map((c) => c.textContent ?? "");
}

function seeksOf(): number[] {
	return lastYTPlayer()
		.calls.filter((c) => c[0] === "seekTo")
		.map((c) => c[1] as number);
}

beforeEach(() => {
	installFakeYouTube();
	Notice.reset();
});

afterEach(() => {
	removeFakeYouTube();
});

describe("the whole plugin: a video's length, reported by its player, re-reads its notes", () => {
	// Waits on core reading times against the duration (src/core/extract.ts): until then the links keep 3 hours.
	it("the lexfridman note: once YouTube says the video is 40 minutes long, 03:00:39 plays 3:00 in the links and the panel, and a time past the end still says so (waits on core using the duration)", async () => {
		const app = new App();
		activeDocument.body.appendChild(app.workspace.containerEl);
		const { plugin } = await loadPlugin(app);
		const file = app.vault.seed("lex.md", LEX_UNDECIDED);
		app.vault.seed("beyond.md", `---\nvideoId: yEou104m_P0\n---\nLater than the video <a class="yt-timestamp" data-t="50:00">[50:00]</a>.\n`);
		const view = await app.workspace.openNote(file, "reading");
		app.commands.execute(`${PLUGIN_ID}:open-citations-panel`);
		await settle(10);
		const before = panelChips();
		expect(before[1]).not.toBe("3:00");

		// The first link plays 0:37: the player loads and reports the video's length.
		linksOf(view)[0]?.click();
		await settle();
		const yt = lastYTPlayer();
		yt.duration = LEX_LENGTH;
		yt.ready();
		await settle(10);
		expect(seeksOf()).toEqual([37]);

		// Every surface read the note again: the panel's chips, and the re-rendered links.
		expect(panelChips()[1]).toBe("3:00");
		linksOf(view)[1]?.click();
		expect(seeksOf()).toEqual([37, THREE_MINUTES]);
		for (const link of linksOf(view)) link.click();
		expect(seeksOf().every((s) => s <= LEX_LENGTH), seeksOf().join(", ")).toBe(true);
		expect(Notice.shown.filter((m) => m.includes("past the end"))).toEqual([]);

		// A time that no reading fits keeps its message.
		const beyond = await app.workspace.openNote(app.vault.getFileByPath("beyond.md") as never, "reading");
		linksOf(beyond)[0]?.click();
		await settle();
		expect(Notice.shown.filter((m) => m.includes("past the end"))).toEqual(["50:00 is past the end of this video (40:00), so it plays from 39:59."]);

		// The length is kept in the plugin's data, beside the settings.
		plugin.unload();
		await settle();
		expect((app.pluginData.get(PLUGIN_ID) as Record<string, unknown>).videoDurations).toEqual({ "youtube:yEou104m_P0": LEX_LENGTH });
	});
});
