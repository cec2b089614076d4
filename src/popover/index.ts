import type { Plugin } from "obsidian";
import type { PluginServices } from "../services";
import type { Transcripts } from "../transcripts/transcripts";
import { CitationPopover } from "./CitationPopover";

export { CitationPopover, POPOVER_DELAY_MS } from "./CitationPopover";

/** Registers the popover that shows what was said at a hovered or focused citation. */
export function registerCitationPopover(plugin: Plugin, services: PluginServices, transcripts: Transcripts): void {
	plugin.addChild(new CitationPopover(plugin.app, services, transcripts));
}
