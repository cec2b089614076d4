import type { Plugin } from "obsidian";
import type { PluginServices } from "../services";

/** Registers the CodeMirror extension that makes timestamps live in Live Preview and source mode. PLACEHOLDER. */
export function registerEditor(plugin: Plugin, services: PluginServices): void {
	void plugin;
	void services;
}
