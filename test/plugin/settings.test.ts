import { describe, expect, it } from "vitest";
import { App } from "../double/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { VideoCitationsSettingTab } from "../../src/settings/SettingsTab";
import { SETTING_GROUPS } from "../../src/settings/spec";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";

async function tab() {
	const app = new App();
	const loaded = await loadPlugin(app);
	const t = app.settingTabs[0] as VideoCitationsSettingTab;
	return { ...loaded, tab: t };
}

describe("settings tab", () => {
	it("declares every setting for Obsidian's settings search, grouped, with its key", async () => {
		const { tab: t } = await tab();
		const defs = t.getSettingDefinitions() as { heading: string; items: { name: string; control: { key: string } }[] }[];
		expect(defs.map((g) => g.heading)).toEqual(SETTING_GROUPS.map((g) => g.heading));
		const keys = defs.flatMap((g) => g.items.map((i) => i.control.key)).sort();
		expect(keys).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
	});

	it("draws the same rows in display() for apps before 1.13, headings first, no top heading", async () => {
		const { tab: t } = await tab();
		t.display();
		const rows = [...t.containerEl.querySelectorAll(".setting-item")];
		expect(rows[0]?.classList.contains("setting-item-heading")).toBe(true);
		expect(rows[0]?.textContent).toBe("Player");
		const names = rows.filter((r) => !r.classList.contains("setting-item-heading")).map((r) => r.querySelector(".setting-item-name")?.textContent);
		expect(names).toEqual(SETTING_GROUPS.flatMap((g) => g.items.map((i) => i.name)));
	});

	it("saves a change made in the tab and ignores an invalid one", async () => {
		const { tab: t, plugin, app } = await tab();
		await t.setControlValue("seekStepSeconds", 15);
		expect(plugin.settings.seekStepSeconds).toBe(15);
		expect(app.pluginData.get("video-citations")).toMatchObject({ seekStepSeconds: 15 });
		await t.setControlValue("seekStepSeconds", -1);
		await t.setControlValue("playerLocation", "moon");
		expect(plugin.settings.seekStepSeconds).toBe(15);
		expect(plugin.settings.playerLocation).toBe("right");
	});

	it("writes through the controls drawn by display()", async () => {
		const { tab: t, plugin } = await tab();
		t.display();
		const privacy = [...t.containerEl.querySelectorAll(".setting-item")].find((r) => r.textContent?.startsWith("Privacy-enhanced"));
		expect(privacy).toBeDefined();
		const toggle = privacy?.querySelector(".checkbox-container");
		expect(toggle).not.toBeNull();
		await t.setControlValue("privacyMode", true);
		expect(plugin.settings.privacyMode).toBe(true);
	});
});
