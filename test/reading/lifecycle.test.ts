import { describe, expect, it } from "vitest";
import { App, Component } from "../double/obsidian";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { loadPlugin, settle } from "../helpers/plugin";
import { LiveSections } from "../../src/reading/liveSections";
import { anchor, click, FakePlayback, links, note, SEED, setUpReading } from "./harness";

const body = `A ${anchor("00:00:10")}.\n\nB ${anchor("00:01:00")} and [at 2:00](https://youtu.be/aXGo1o_baBo?t=120).\n\nNo links here.`;

describe("cleanup", () => {
	it("gives each section with links one set of delegated listeners (click and key), released with the section", async () => {
		const reading = setUpReading();
		const baseline = Component.liveDomListeners;
		const view = await reading.open(note(body));
		expect(Component.liveDomListeners - baseline).toBe(2 * 2);
		view.renderPreview();
		expect(Component.liveDomListeners - baseline).toBe(2 * 2);
		const old = links(view.previewEl);
		view.leaf.detach();
		await settle();
		expect(Component.liveDomListeners).toBe(baseline);
		// No registry entry outlives the section: a time update marks nothing in the closed view.
		reading.playback.emit({ video: SEED, seconds: 70 });
		expect(old.filter((l) => l.hasClass("is-playing"))).toEqual([]);
		for (const link of old) click(link);
		expect(reading.playback.seeks).toEqual([]);
	});

	it("releases every section, decoration and the subscription when the plugin unloads", async () => {
		const reading = setUpReading();
		const baseline = Component.liveDomListeners;
		const view = await reading.open(note(body));
		reading.playback.emit({ video: SEED, seconds: 70 });
		expect(reading.playback.listeners.size).toBe(1);
		const old = links(view.previewEl);
		expect(old).toHaveLength(2);
		reading.plugin.unload();
		expect(reading.playback.listeners.size).toBe(0);
		expect(Component.liveDomListeners).toBe(baseline);
		expect(links(view.previewEl)).toEqual([]);
		expect(view.previewEl.querySelectorAll("[role], [tabindex], [aria-label], .is-playing, .vc-moment-link")).toHaveLength(0);
		expect(old.map((l) => l.outerHTML)).toEqual([
			'<a class="yt-timestamp" data-t="00:00:10">[00:00:10]</a>',
			'<a class="yt-timestamp" data-t="00:01:00">[00:01:00]</a>',
		]);
		for (const a of Array.from(view.previewEl.querySelectorAll("a"))) click(a);
		expect(reading.playback.seeks).toEqual([]);
	});

	it("takes the time it wrote into an empty element out again", async () => {
		const reading = setUpReading();
		const root = await reading.render(note(`Claim ${anchor("00:46:51", "")}.`));
		const link = links(root)[0] as HTMLElement;
		expect(link.textContent).toBe("00:46:51");
		reading.plugin.unload();
		expect(link.outerHTML).toBe('<a class="yt-timestamp" data-t="00:46:51"></a>');
	});

	it("leaves nothing behind with the real plugin wiring (main.ts) over the seed note", async () => {
		const app = new App();
		const file = app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
		const view = await app.workspace.openNote(file, "reading");
		const baseline = Component.liveDomListeners;
		expect(links(view.previewEl)).toEqual([]);
		const { plugin } = await loadPlugin(app);
		view.renderPreview();
		expect(links(view.previewEl)).toHaveLength(32);
		expect(Component.liveDomListeners).toBeGreaterThan(baseline);
		plugin.unload();
		await settle();
		expect(links(view.previewEl)).toEqual([]);
		expect(Component.liveDomListeners).toBe(baseline);
	});
});

describe("LiveSections", () => {
	const section = (docId: string, ...seconds: number[]) => {
		const els = seconds.map((s) => createEl("a", { text: String(s) }));
		return {
			docId,
			els,
			unloaded: 0,
			*playable() {
				for (const [i, el] of els.entries()) yield { el, seconds: seconds[i] as number, video: SEED };
			},
			unload() {
				this.unloaded++;
				registry.remove(this);
			},
		};
	};
	const playback = new FakePlayback();
	const registry = new LiveSections(playback);

	it("keeps a section from add to remove, and releases all of them on stop", () => {
		const stop = registry.start();
		const a = section("d1", 10, 20);
		const b = section("d1", 30);
		registry.add(a);
		registry.add(a);
		registry.add(b);
		expect(registry.size).toBe(2);
		playback.emit({ video: SEED, seconds: 35 });
		expect(b.els[0]?.hasClass("is-playing")).toBe(true);
		registry.remove(b);
		expect(registry.size).toBe(1);
		expect(b.els[0]?.hasClass("is-playing")).toBe(false);
		expect(a.els[1]?.hasClass("is-playing")).toBe(true);
		stop();
		expect(a.unloaded).toBe(1);
		expect(registry.size).toBe(0);
		expect(playback.listeners.size).toBe(0);
	});
});
