import { Platform, type Plugin } from "obsidian";
import type { PluginServices } from "../services";
import type { Transcripts } from "../transcripts/transcripts";
import { CitationPopover } from "./CitationPopover";

export { CitationPopover, POPOVER_DELAY_MS } from "./CitationPopover";

/**
 * Registers the popover that shows what was said at a hovered or focused citation. Not on phones
 * and tablets: there is no hover, and a tap that plays a citation would also open it.
 */
export function registerCitationPopover(plugin: Plugin, services: PluginServices, transcripts: Transcripts): void {
	if (Platform.isMobile) return;
	plugin.addChild(new CitationPopover(plugin.app, services, transcripts));
}
