import type { Plugin } from "obsidian";
import type { PluginServices } from "../services";

/** Registers the citations panel, its command and ribbon icon. PLACEHOLDER. */
export function registerCitationsPanel(plugin: Plugin, services: PluginServices): void {
	void plugin;
	void services;
}
