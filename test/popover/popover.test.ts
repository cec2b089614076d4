import { afterEach, describe, expect, it } from "vitest";
import { App } from "../double/obsidian";
import { loadPlugin, settle } from "../helpers/plugin";
import { POPOVER_DELAY_MS } from "../../src/popover";
import { PLAYER_VIEW_TYPE } from "../../src/player/PlayerView";

const NOTE = ['---', 'video: "[[clip.webm]]"', "---", "", 'The strip appears here <a class="yt-timestamp" data-t="00:00:04">[00:00:04]</a>.', ""].join("\n");
const VTT = ["WEBVTT", "", "00:00.000 --> 00:02.000", "Zero.", "", "00:02.000 --> 00:04.000", "Two.", "", "00:04.000 --> 00:06.000", "Four <b>&amp;</b> the strip.", "", "00:30.000 --> 00:32.000", "Thirty.", ""].join("\n");

async function readingView(files: Record<string, string>) {
	const app = new App();
	for (const [path, text] of Object.entries(files)) app.vault.seed(path, text);
	document.body.appendChild(app.workspace.containerEl);
	const { plugin } = await loadPlugin(app);
	const view = await app.workspace.openNote(app.vault.getFileByPath("Clip.md") as never, "reading");
	await settle();
	const link = view.containerEl.querySelector<HTMLElement>(".yt-timestamp[role=link]");
	if (!link) throw new Error("no seek link rendered");
	return { app, plugin, link };
}

const popover = () => document.querySelector<HTMLElement>(".vc-citation-popover");

afterEach(() => {
	popover()?.remove();
});

describe("citation popover", () => {
	it("opens after the hover delay with the cues around the moment, the claim, and a play button; Escape closes it", async () => {
		const { link, plugin } = await readingView({ "Clip.md": NOTE, "media/clip.webm": "", "media/clip.vtt": VTT });
		link.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		await settle();
		expect(popover()).toBeNull();
		await new Promise((resolve) => window.setTimeout(resolve, POPOVER_DELAY_MS + 20));
		await settle();
		const pop = popover();
		expect(pop?.getAttribute("aria-label")).toBe("What was said at 0:04");
		expect(pop?.querySelector(".vc-popover-claim")?.textContent).toBe("The strip appears here");
		expect([...(pop?.querySelectorAll(".vc-popover-cue") ?? [])].map((c) => c.textContent)).toEqual(["0:00Zero.", "0:02Two.", "0:04Four & the strip."]);
		expect(pop?.querySelector(".vc-popover-cue.is-current")?.textContent).toBe("0:04Four & the strip.");
		expect(pop?.querySelector("b")).toBeNull();
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
		expect(popover()).toBeNull();
		plugin.unload();
	});

	it("opens at once with Mod held, and shows nothing for a note whose video has no transcript", async () => {
		const withMod = await readingView({ "Clip.md": NOTE, "media/clip.webm": "", "media/clip.vtt": VTT });
		withMod.link.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		expect(popover()).not.toBeNull();
		withMod.plugin.unload();
		expect(popover()).toBeNull();

		const none = await readingView({ "Clip.md": NOTE, "media/clip.webm": "" });
		none.link.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		expect(popover()).toBeNull();
		none.plugin.unload();
	});

	it("plays from the moment: the player opens on the note's video, and the popover closes", async () => {
		const { app, link, plugin } = await readingView({ "Clip.md": NOTE, "media/clip.webm": "", "media/clip.vtt": VTT });
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
		link.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle();
		popover()?.querySelector<HTMLElement>(".vc-popover-play")?.click();
		expect(popover()).toBeNull();
		await settle();
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(1);
		expect(document.querySelector(".workspace video")).not.toBeNull();
		plugin.unload();
	});
});
