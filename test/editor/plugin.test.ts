import { describe, expect, it } from "vitest";
import { App, Component, Plugin, type MarkdownView } from "../double/obsidian";
import { extractCitations, formatTimestamp } from "../../src/core";
import { registerEditor } from "../../src/editor";
import { PLAYER_VIEW_TYPE } from "../../src/player";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { footprint, loadPlugin, settle } from "../helpers/plugin";
import manifest from "../../manifest.json";
import { fakeServices, press } from "./harness";

/** A plugin that registers only the editor extension, with fake services. */
class EditorOnly extends Plugin {
	fake = fakeServices();
	override onload(): void {
		registerEditor(this as never, this.fake.services);
	}
}

const chipCount = (view: MarkdownView) => view.editorView?.contentDOM.querySelectorAll(".vc-chip").length ?? 0;

describe("the editor extension in the app", () => {
	it("draws chips in every open note and takes them, and its playback subscriptions, away on unload", async () => {
		const app = new App();
		const seed = app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
		const early = await app.workspace.openNote(seed, "live");
		const plugin = new EditorOnly(app, manifest);
		plugin.load();
		const later = await app.workspace.openNote(seed, "source");
		expect(chipCount(early)).toBeGreaterThan(3);
		expect(later.editorView?.contentDOM.querySelectorAll(".vc-source-timestamp").length).toBeGreaterThan(3);
		expect(plugin.fake.playback.listeners.size).toBe(2);

		plugin.unload();
		expect(app.editorExtensions).toEqual([]);
		expect(chipCount(early)).toBe(0);
		expect(later.editorView?.contentDOM.querySelectorAll(".vc-source-timestamp").length).toBe(0);
		expect(plugin.fake.playback.listeners.size).toBe(0);
		expect(early.editorView?.contentDOM.textContent).toContain('<a class="yt-timestamp" data-t="00:00:24">[00:00:24]</a>');
	});

	it("follows the mode toggle of an open note", async () => {
		const app = new App();
		const plugin = new EditorOnly(app, manifest);
		plugin.load();
		const view = await app.workspace.openNote(app.vault.seed(SEED_PATH, corpusNote(SEED_PATH)), "live");
		const chips = chipCount(view);
		view.setMode("source");
		expect(chipCount(view)).toBe(0);
		view.setMode("live");
		expect(chipCount(view)).toBe(chips);
		plugin.unload();
	});

	it("works in the whole plugin: chips seek through the real controller's note video, and unloading leaves nothing behind", async () => {
		const app = new App();
		const file = app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
		const view = await app.workspace.openNote(file, "live");
		const before = footprint(app);
		const { plugin } = await loadPlugin(app);
		const chip = view.editorView?.contentDOM.querySelector<HTMLElement>(".vc-chip");
		const first = extractCitations(corpusNote(SEED_PATH))[0];
		expect(chip?.getAttribute("aria-label")).toBe(`Play from ${formatTimestamp(first?.seconds as number, { style: "m:ss" })}`);
		expect(chip?.classList.contains("is-novideo")).toBe(false);
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
		press(chip as HTMLElement);
		await settle();
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(1);
		plugin.unload();
		await settle();
		expect(chipCount(view)).toBe(0);
		expect(footprint(app)).toEqual(before);
		expect(Component.liveDomListeners).toBe(before.domListeners);
	});
});
