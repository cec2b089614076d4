import { MarkdownView, type Workspace } from "obsidian";
import { videoKey } from "../core";
import type { NoteVideoSource } from "../notes/noteVideo";

/**
 * Renders the reading view of every open note whose video is `key` again from scratch (Obsidian's
 * `previewMode.rerender(true)`), so its links take the readings of the video's newly learned length.
 * A note shown in an editor is rendered again too: its reading view would otherwise show the old
 * links when it is switched to.
 */
export function rerenderNotesOfVideo(workspace: Pick<Workspace, "iterateAllLeaves">, notes: NoteVideoSource, key: string): void {
	workspace.iterateAllLeaves((leaf) => {
		const view = leaf.view;
		if (!(view instanceof MarkdownView) || !view.file) return;
		const video = notes.videoFor(view.file.path);
		if (video && videoKey(video) === key) view.previewMode.rerender(true);
	});
}
