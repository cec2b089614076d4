import type { Plugin } from "obsidian";
import type { PluginServices } from "../services";
import { citationChips } from "./citationChips";

/**
 * Registers the CodeMirror extension that makes timestamps live in the editor: seek chips in Live
 * Preview, Mod-clickable marked text in source mode (see {@link citationChips}). Obsidian removes
 * it from every editor when the plugin unloads, which ends its playback subscriptions.
 */
export function registerEditor(plugin: Plugin, services: PluginServices): void {
	plugin.registerEditorExtension(citationChips(services));
}
