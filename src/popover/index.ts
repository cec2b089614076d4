import { Platform, type Plugin } from "obsidian";
import type { PluginServices } from "../services";
import { CitationPopover } from "./CitationPopover";
import type { CitationCues } from "./cueWindow";

export { CitationPopover, POPOVER_DELAY_MS, BEFORE_SECONDS, AFTER_SECONDS } from "./CitationPopover";
export { CitationCues, renderCueWindow, CUE_WINDOW_CLASS } from "./cueWindow";
export type { CueLoad, TranscriptSourceReader } from "./cueWindow";

/**
 * Registers the popover that shows what was said at a hovered or focused citation. Not on phones
 * and tablets: there is no hover, and a tap that plays a citation would also open it.
 */
export function registerCitationPopover(plugin: Plugin, services: PluginServices, cues: CitationCues): void {
	if (Platform.isMobile) return;
	plugin.addChild(new CitationPopover(plugin.app, services, cues));
}
