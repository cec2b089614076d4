import { type App, type Plugin, PluginSettingTab, Setting, type SettingDefinitionItem } from "obsidian";
import { SETTING_GROUPS, type SettingSpec } from "./spec";
import type { SettingsStore } from "./store";
import type { VideoCitationsSettings } from "./settings";

/**
 * The settings tab, drawn from {@link SETTING_GROUPS}: Obsidian 1.13+ gets declarative definitions
 * (so the settings appear in settings search), older versions get the same rows from `display()`.
 */
export class VideoCitationsSettingTab extends PluginSettingTab {
	constructor(app: App, plugin: Plugin, private store: SettingsStore) {
		super(app, plugin);
	}

	override getSettingDefinitions(): SettingDefinitionItem[] {
		return SETTING_GROUPS.map((group) => ({
			type: "group" as const,
			heading: group.heading,
			items: group.items.map((spec) => ({ name: spec.name, desc: spec.desc, control: controlFor(spec) })),
		}));
	}

	override getControlValue(key: string): unknown {
		return this.store.current[key as keyof VideoCitationsSettings];
	}

	override async setControlValue(key: string, value: unknown): Promise<void> {
		await this.store.set(key as keyof VideoCitationsSettings, value as never);
	}

	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const group of SETTING_GROUPS) {
			new Setting(containerEl).setName(group.heading).setHeading();
			for (const spec of group.items) this.addRow(containerEl, spec);
		}
	}

	private addRow(containerEl: HTMLElement, spec: SettingSpec): void {
		const setting = new Setting(containerEl).setName(spec.name).setDesc(spec.desc);
		const current = this.store.current[spec.key];
		switch (spec.type) {
			case "toggle":
				setting.addToggle((t) => t.setValue(current as boolean).onChange((v) => this.setControlValue(spec.key, v)));
				break;
			case "dropdown":
				setting.addDropdown((d) =>
					d
						.addOptions(spec.options)
						.setValue(current as string)
						.onChange((v) => this.setControlValue(spec.key, v)),
				);
				break;
			case "number":
				setting.addText((t) => {
					t.inputEl.type = "number";
					t.inputEl.min = String(spec.min);
					t.inputEl.max = String(spec.max);
					t.setValue(String(current)).onChange((v) => {
						const n = Number(v);
						if (v.trim() !== "" && Number.isFinite(n)) void this.setControlValue(spec.key, n);
					});
				});
				break;
		}
	}
}

function controlFor(spec: SettingSpec) {
	switch (spec.type) {
		case "toggle":
			return { type: "toggle" as const, key: spec.key };
		case "dropdown":
			return { type: "dropdown" as const, key: spec.key, options: spec.options };
		case "number":
			return {
				type: "number" as const,
				key: spec.key,
				min: spec.min,
				max: spec.max,
				step: spec.step,
				validate: (v: number) => (Number.isFinite(v) && v >= spec.min && v <= spec.max ? undefined : `Use a number from ${spec.min} to ${spec.max}.`),
			};
	}
}
