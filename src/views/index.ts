import type { Plugin, Workspace } from "obsidian";
import type { PluginServices } from "../services";
import { CitationsView, VIEW_TYPE_CITATIONS } from "./CitationsView";
import type { VaultCitationSource } from "./timelineLoader";
import type { NoteRepairer } from "../tools";
import type { RowCues } from "./CitationList";
import { openSideTab } from "../obsidian/workspaceHost";

export { CitationsView, VIEW_TYPE_CITATIONS } from "./CitationsView";
export type { VaultCitationSource } from "./timelineLoader";

/**
 * Registers the citations panel, its "Open citations panel" command and its ribbon icon. With the
 * vault-wide citation index (`registerCitationIndex`), the panel also offers its "Whole vault" scope;
 * with the note tools, its header offers to repair a note whose times are read in a note-wide way;
 * with the citations' cues, a row whose note's video has a transcript can show what was said there.
 */
export function registerCitationsPanel(plugin: Plugin, services: PluginServices, index?: VaultCitationSource, tools?: NoteRepairer, cues?: RowCues): void {
	plugin.registerView(VIEW_TYPE_CITATIONS, (leaf) => new CitationsView(leaf, { services, index, tools, cues }));
	const open = () => void openCitationsPanel(plugin.app.workspace);
	plugin.addCommand({ id: "open-citations-panel", name: "Open citations panel", callback: open });
	plugin.addRibbonIcon("list-video", "Open citations panel", open);
}

/** Opens the citations panel as a tab of the right sidebar (never in the player's tab group), or reveals the one already open. */
export async function openCitationsPanel(workspace: Workspace): Promise<void> {
	await openSideTab(workspace, VIEW_TYPE_CITATIONS);
}
