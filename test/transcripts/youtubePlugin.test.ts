import { describe, expect, it } from "vitest";
import { App, network } from "../double/obsidian";
import { loadPlugin, settle } from "../helpers/plugin";
import { serveRecordedYouTube } from "../helpers/youtubeRecordings";
import { VIEW_TYPE_TRANSCRIPT, type TranscriptView } from "../../src/views/transcript";
import { POPOVER_DELAY_MS } from "../../src/popover";
import { corpusNote } from "../helpers/corpus";
import type { SettingsStore } from "../../src/settings/store";

const NOTE_PATH = "corpus/lennyspodcast/the_rise_of_the_chief_product_and_technology_officer_role.md";

/** The plugin's settings store (tests change a setting as the settings tab does). */
const storeOf = (plugin: object) => (plugin as { settingsStore: SettingsStore }).settingsStore;

/** The whole plugin on the CPTO note (YouTube `aXGo1o_baBo`, no subtitle file), in reading view, with the transcript view open. */
async function setup(fetching: boolean) {
	const app = new App();
	app.vault.seed(NOTE_PATH, corpusNote("lennyspodcast/the_rise_of_the_chief_product_and_technology_officer_role.md"));
	document.body.appendChild(app.workspace.containerEl);
	serveRecordedYouTube();
	// The data file as a user who turned the setting on (or never did) left it.
	app.pluginData.set("video-citations", { fetchYouTubeTranscripts: fetching });
	const { plugin } = await loadPlugin(app);
	const view = await app.workspace.openNote(app.vault.getFileByPath(NOTE_PATH) as never, "reading");
	app.commands.execute("video-citations:show-transcript");
	await settle(8);
	const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_TRANSCRIPT)[0];
	const transcript = leaf?.view as unknown as TranscriptView;
	return { app, plugin, view, transcript, el: transcript.containerEl };
}

const message = (el: HTMLElement) => (el.querySelector<HTMLElement>(".vc-transcript-message")?.hidden ? "" : (el.querySelector(".vc-transcript-message > div")?.textContent ?? ""));
const cueTexts = (el: HTMLElement) => [...el.querySelectorAll(".vc-transcript-cue .vc-transcript-text")].map((t) => t.textContent);

describe("Fetch YouTube transcripts (whole plugin, recorded answers)", () => {
	it("is off by default and then fetches nothing, saying how to get a transcript", async () => {
		const { el, plugin } = await setup(false);
		expect(storeOf(plugin).current.fetchYouTubeTranscripts).toBe(false);
		expect(message(el)).toMatch(/turn on "Fetch YouTube transcripts"/);
		expect(network.requests).toEqual([]);
		plugin.unload();
	});

	it("when turned on, shows YouTube's captions, kept in the plugin's folder with source and date", async () => {
		const { app, el, plugin } = await setup(true);
		expect(network.requests.map((r) => new URL(r.url).pathname)).toEqual(["/watch", "/api/timedtext"]);
		expect(cueTexts(el)[0]).toBe("A CPTO functionally runs product, engineering, and");
		expect(el.querySelector(".vc-transcript-source")?.textContent).toMatch(/^YouTube captions, fetched \d{4}-\d{2}-\d{2}$/);
		expect(el.querySelector<HTMLElement>(".vc-transcript-source")?.title).toMatch(/^English, from https:\/\/www\.youtube\.com\/watch\?v=aXGo1o_baBo, fetched /);
		// Both tracks are offered, by YouTube's names.
		expect([...el.querySelectorAll(".vc-transcript-language option")].map((o) => o.textContent)).toEqual(["English", "English (auto-generated)"]);
		// The note's cited moments are marked in YouTube's captions too.
		expect(el.querySelectorAll(".vc-transcript-cue.is-cited").length).toBeGreaterThan(10);
		const kept = app.vault.adapter.files.get(`${app.vault.configDir}/plugins/video-citations/transcripts/aXGo1o_baBo.json`) ?? app.vault.adapter.files.get(`${plugin.manifest.dir ?? ""}/transcripts/aXGo1o_baBo.json`);
		expect(kept && (JSON.parse(kept) as { source: string }).source).toBe("https://www.youtube.com/watch?v=aXGo1o_baBo");
		plugin.unload();
	});

	it("switches to the automatic track from the picker, and shows it in the popover", async () => {
		const { el, plugin, view } = await setup(true);
		const picker = el.querySelector<HTMLSelectElement>(".vc-transcript-language") as HTMLSelectElement;
		picker.value = "a.en";
		picker.dispatchEvent(new Event("change"));
		await settle(8);
		expect(cueTexts(el)[0]).toBe("a cpto functionally runs product engineering and");
		const link = view.containerEl.querySelector<HTMLElement>('.yt-timestamp[data-t="00:00:24"]') as HTMLElement;
		link.dispatchEvent(new MouseEvent("mouseover", { bubbles: true, ctrlKey: true }));
		await settle(8);
		expect(document.querySelector(".vc-citation-popover .vc-popover-cue.is-current")?.textContent).toBe("0:24a cpto functionally runs product engineering and");
		expect(POPOVER_DELAY_MS).toBeGreaterThan(0);
		plugin.unload();
	});

	it("says why when YouTube refuses, offers to try again, and turning the setting on later loads it", async () => {
		const { el, plugin } = await setup(false);
		serveRecordedYouTube((url) => (url.includes("/watch") ? { status: 429, text: "" } : undefined));
		await storeOf(plugin).set("fetchYouTubeTranscripts", true);
		await settle(8);
		expect(message(el)).toMatch(/YouTube answered 429/);
		const retry = el.querySelector<HTMLButtonElement>(".vc-transcript-load") as HTMLButtonElement;
		expect(retry.textContent).toBe("Try again");
		serveRecordedYouTube();
		retry.click();
		await settle(8);
		expect(message(el)).toBe("");
		expect(cueTexts(el).length).toBeGreaterThan(20);
		plugin.unload();
	});

	it("lets the panel's rows show YouTube's words inline only while fetching is on", async () => {
		const off = await setup(false);
		off.app.commands.execute("video-citations:open-citations-panel");
		await settle(8);
		expect(document.querySelectorAll(".vc-panel-row").length).toBeGreaterThan(10);
		expect(document.querySelector(".vc-panel-row .vc-panel-expand")).toBeNull();
		off.plugin.unload();
		document.body.empty();

		const on = await setup(true);
		on.app.commands.execute("video-citations:open-citations-panel");
		await settle(8);
		const row = [...document.querySelectorAll<HTMLElement>(".vc-panel-row")].find((r) => r.textContent?.includes("0:24"));
		row?.querySelector<HTMLElement>(".vc-panel-expand")?.click();
		await settle(8);
		expect(row?.querySelector(".vc-popover-cue.is-current")?.textContent).toBe("0:24A CPTO functionally runs product, engineering, and");
		on.plugin.unload();
	});

	it("takes a subtitle file saved later over YouTube's captions", async () => {
		const { app, el, plugin } = await setup(true);
		expect(el.querySelector(".vc-transcript-source")?.textContent).toMatch(/^YouTube captions/);
		await app.vault.create("Subtitles/aXGo1o_baBo.en.vtt", "WEBVTT\n\n00:24.000 --> 00:27.000\nSaved by hand.\n");
		await settle(8);
		expect(el.querySelector(".vc-transcript-source")?.textContent).toBe("aXGo1o_baBo.en.vtt");
		expect(cueTexts(el)).toEqual(["Saved by hand."]);
		plugin.unload();
	});
});
