import type { NoteVideoSource } from "../notes/noteVideo";
import type { ClipboardWriter } from "../obsidian/clipboard";
import type { DurationSource } from "../notes/videoDurations";
import type { PlayerControls, PlayerDirectory } from "../player/types";
import type { SettingsSource } from "../settings/store";

/**
 * The controller as the playback commands drive it (the `PlaybackController` in the plugin): each
 * command acts on the player of the note it acts on, found with `controlsFor`.
 */
export type PlaybackControls = PlayerControls & PlayerDirectory;

/** The note the user is working in, and how to read a note's current text. */
export interface ActiveNote {
	/** The active note's path (the last one focused while a sidebar has focus), or `null`. */
	path(): string | null;
	/** A note's current text: the open editor's when it is open (unsaved typing included), else the vault's. */
	text(path: string): Promise<string>;
}

/** Everything the commands act on, as narrow interfaces so tests pass fakes. */
export interface CommandContext {
	playback: PlaybackControls;
	settings: SettingsSource;
	notes: NoteVideoSource;
	/** The videos' lengths, a note's citations are read against its own video's (none: read without). */
	durations?: Pick<DurationSource, "get">;
	activeNote: ActiveNote;
	/** Where "copy link" writes. */
	clipboard: ClipboardWriter;
	/** Shows a short message (a Notice). */
	notify(message: string): void;
}
