import type { Plugin, Workspace } from "obsidian";
import type { PluginServices } from "../../services";
import type { Transcripts } from "../../transcripts/transcripts";
import { TranscriptView, VIEW_TYPE_TRANSCRIPT } from "./TranscriptView";
import { openSideTab } from "../../obsidian/workspaceHost";

export { TranscriptView, VIEW_TYPE_TRANSCRIPT, TRANSCRIPT_MESSAGES } from "./TranscriptView";

/**
 * Registers the transcript view and its commands: "Show transcript" and "Insert citation from
 * transcript" (the selected cues, quoted, with a citation of the first one's start).
 */
export function registerTranscriptView(plugin: Plugin, services: PluginServices, transcripts: Transcripts): void {
	plugin.registerView(VIEW_TYPE_TRANSCRIPT, (leaf) => new TranscriptView(leaf, { services, transcripts }));
	plugin.addCommand({ id: "show-transcript", name: "Show transcript", icon: "captions", callback: () => void showTranscript(plugin.app.workspace) });
	plugin.addCommand({
		id: "insert-citation-from-transcript",
		name: "Insert citation from transcript",
		icon: "quote",
		checkCallback: (checking) => {
			const view = openTranscript(plugin.app.workspace);
			if (!view?.canCite) return false;
			if (!checking) view.insertCitation();
			return true;
		},
	});
}

/** The open transcript view, if any. */
export function openTranscript(workspace: Workspace): TranscriptView | null {
	for (const leaf of workspace.getLeavesOfType(VIEW_TYPE_TRANSCRIPT)) if (leaf.view instanceof TranscriptView) return leaf.view;
	return null;
}

/** Opens the transcript as a tab of the right sidebar (beside the citations panel, never in the player's tab group), or reveals it. */
export async function showTranscript(workspace: Workspace): Promise<void> {
	const leaf = await openSideTab(workspace, VIEW_TYPE_TRANSCRIPT);
	if (leaf.view instanceof TranscriptView) leaf.view.focusSearch();
}
