import { MarkdownView, type Workspace } from "obsidian";
import { videoKey, type Citation } from "../core";
import type { DurationSource } from "../notes/videoDurations";
import type { NoteVideoSource } from "../notes/noteVideo";

/**
 * Renders the reading view of every open note whose video is `key` again from scratch (Obsidian's
 * `previewMode.rerender(true)`), so its links take the readings of the video's newly learned
 * length: only a note whose citations read otherwise with that length than with `previous` (the
 * length it was rendered with), since a render replaces the page and takes the reader's focus and
 * place with it. A note shown in an editor is rendered again too: its reading view would otherwise
 * show the old links when it is switched to.
 */
export function rerenderNotesOfVideo(
	workspace: Pick<Workspace, "iterateAllLeaves">,
	notes: NoteVideoSource,
	durations: Pick<DurationSource, "get">,
	readings: (text: string, duration: number | undefined) => readonly Citation[],
	key: string,
	previous: number | undefined,
): void {
	workspace.iterateAllLeaves((leaf) => {
		const view = leaf.view;
		if (!(view instanceof MarkdownView) || !view.file) return;
		const video = notes.videoFor(view.file.path);
		if (video && videoKey(video) === key && readsOtherwise(readings, view.getViewData(), previous, durations.get(video))) view.previewMode.rerender(true);
	});
}

/**
 * Whether `text`'s citations play other moments, or say other things, with one length than with the
 * other. `readings` is the reading view's cache: the note was rendered with `previous`, and the
 * render that follows reads it with `current`, so this costs at most the one extraction that render needs.
 */
function readsOtherwise(readings: (text: string, duration: number | undefined) => readonly Citation[], text: string, previous: number | undefined, current: number | undefined): boolean {
	const before = readings(text, previous);
	const after = readings(text, current);
	return before.length !== after.length || before.some((c, i) => c.seconds !== after[i]?.seconds || c.repaired !== after[i]?.repaired);
}
