import type { Plugin } from "obsidian";
import type { PluginServices } from "../services";

/** Registers the reading-view post-processor that turns `yt-timestamp` elements into seek links. PLACEHOLDER. */
export function registerReadingView(plugin: Plugin, services: PluginServices): void {
	void plugin;
	void services;
}
