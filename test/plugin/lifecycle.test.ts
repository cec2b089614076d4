import { describe, expect, it } from "vitest";
import { App, Notice } from "../double/obsidian";
import { footprint, loadPlugin, makePlugin, settle } from "../helpers/plugin";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";

describe("plugin lifecycle", () => {
	it("loads with default settings and registers its settings tab", async () => {
		const { app, plugin } = await loadPlugin();
		expect(plugin.settings).toEqual(DEFAULT_SETTINGS);
		expect(app.settingTabs).toHaveLength(1);
		expect(Notice.shown).toEqual([]);
	});

	it("leaves nothing behind when unloaded", async () => {
		const app = new App();
		const before = footprint(app);
		const { plugin } = await loadPlugin(app);
		plugin.unload();
		await settle();
		expect(footprint(app)).toEqual(before);
	});

	it("can be loaded and unloaded 100 times without leaking", async () => {
		const app = new App();
		const before = footprint(app);
		for (let i = 0; i < 100; i++) {
			const { plugin } = makePlugin(app);
			plugin.load();
			await settle(1);
			plugin.unload();
		}
		await settle();
		expect(footprint(app)).toEqual(before);
	});

	it.each([
		["not an object", "garbage"],
		["an array", [1, 2, 3]],
		["wrong types", { seekStepSeconds: "five", privacyMode: "yes", playerLocation: "moon" }],
		["out of range", { seekStepSeconds: -4, insertRewindSeconds: 1e9 }],
	])("loads defaults for corrupt saved settings (%s), says so, and does not overwrite them", async (_name, saved) => {
		const app = new App();
		app.pluginData.set("video-citations", saved);
		const { plugin } = await loadPlugin(app);
		expect(plugin.settings).toEqual(DEFAULT_SETTINGS);
		expect(Notice.shown.join(" ")).toMatch(/could not be read/);
		expect(app.pluginData.get("video-citations")).toEqual(saved);
	});

	it("keeps the valid part of partly corrupt settings", async () => {
		const app = new App();
		app.pluginData.set("video-citations", { seekStepSeconds: 10, privacyMode: "yes", unknownKey: 1 });
		const { plugin } = await loadPlugin(app);
		expect(plugin.settings.seekStepSeconds).toBe(10);
		expect(plugin.settings.privacyMode).toBe(false);
		expect(Notice.shown.join(" ")).toMatch(/privacyMode/);
	});
});
