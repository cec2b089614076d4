import type { NoteVideoSource } from "./notes/noteVideo";
import type { DurationSource } from "./notes/videoDurations";
import type { NameSource } from "./notes/videoTitles";
import type { ClipboardWriter } from "./obsidian/clipboard";
import type { NoteTextSource } from "./obsidian/noteText";
import type { PlaybackPort } from "./player/types";
import type { SettingsSource } from "./settings/store";

/**
 * The services every feature receives from `main.ts`: narrow, so tests pass fakes. Obsidian's own
 * objects (`app.workspace`, `app.vault`) are passed to the features that need them separately.
 */
export interface PluginServices {
	settings: SettingsSource;
	playback: PlaybackPort;
	notes: NoteVideoSource;
	/** The videos' lengths the players have measured: notes of a video are read against its length, and again when it changes. */
	durations: DurationSource;
	/** How videos and notes are named for people: titles the notes give or players reported, file names. */
	names: NameSource;
	/** Opens a URL in the user's browser. */
	openExternal(url: string): void;
	/** Where copies go: the clipboard of the window the user is working in. */
	clipboard: ClipboardWriter;
	/** Notes' text: as open in an editor, or as saved. */
	noteText: NoteTextSource;
}
