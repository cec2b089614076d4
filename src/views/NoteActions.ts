import { Notice, type TFile, type Workspace } from "obsidian";
import type { ExportRow } from "../core";
import type { PlaybackPort } from "../player/types";
import { noteExportRows } from "../tools/exportCitations";
import type { ClipboardWriter } from "../obsidian/clipboard";
import { rangeOptions } from "../notes/citationMeaning";
import type { CitationTarget } from "../notes/citationTargets";
import { showCitationMenu } from "./citationMenu";
import type { NoteCitations } from "./panelModel";
import { revealInNote, spotOf } from "../obsidian/revealInNote";

/** The note the panel shows in its "This note" scope. */
export interface ShownNote {
	file: TFile | null;
	/** The text its citations were read from. */
	text: string;
	note: NoteCitations | null;
}

/** What the "This note" scope acts through. */
export interface NoteActionsDeps {
	workspace: Workspace;
	playback: PlaybackPort;
	clipboard: ClipboardWriter;
	/** What to say when a citation cannot play because the note names no video. */
	noVideoMessage: string;
}

/** What the rows of the "This note" scope do: a chip plays, the text shows the line, the menu copies. */
export class NoteActions {
	constructor(
		private deps: NoteActionsDeps,
		private shown: () => ShownNote,
	) {}

	/** Plays the citation at `index` (or shows it, when it has no usable time); a range stops at its end, or loops with `loop`. */
	seek(index: number, loop = false): void {
		const { file, note } = this.shown();
		const c = note?.citations[index];
		if (!c || !note || !file) return;
		// A citation without a usable time cannot play: show where it is, so it can be fixed.
		if (c.seconds === null) return this.reveal(index);
		const video = note.videoOf(c);
		if (!video) {
			new Notice(this.deps.noVideoMessage);
			return;
		}
		this.deps.playback.seek(video, c.seconds, { sourcePath: file.path, ...rangeOptions(c, loop) });
	}

	/** What the citation at `index` plays (its moment, video and note, the claim it backs); `null` when it cannot play. */
	target(index: number): CitationTarget | null {
		const { file, note } = this.shown();
		const c = note?.citations[index];
		if (!c || !note || !file || c.seconds === null) return null;
		const video = note.videoOf(c);
		return video ? { seconds: c.seconds, video, notePath: file.path, claim: c.text } : null;
	}

	/** Plays the video of the citation at `index` from `seconds` (a transcript cue near it), from the note. */
	playFrom(index: number, seconds: number): void {
		const target = this.target(index);
		if (target) this.deps.playback.seek(target.video, seconds, { sourcePath: target.notePath });
	}

	/** Shows the citation's line in the note. */
	reveal(index: number): void {
		const { file, note, text } = this.shown();
		const c = note?.citations[index];
		if (!c || !file) return;
		void revealInNote(this.deps.workspace, file, spotOf(text, c.from, c.to));
	}

	/** The row menu of the citation at `index`. */
	menu(index: number, evt: MouseEvent): void {
		const { note } = this.shown();
		const c = note?.citations[index];
		if (!c || !note) return;
		showCitationMenu(evt, c, { video: note.videoOf(c), clipboard: this.deps.clipboard, reveal: () => this.reveal(index) });
	}

	/** The note's citations as export rows (the copy menu). */
	exportRows(): ExportRow[] {
		const { note } = this.shown();
		return note ? noteExportRows(note.citations, note.noteVideo) : [];
	}
}
