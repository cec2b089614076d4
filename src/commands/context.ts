import type { NoteVideoSource } from "../notes/noteVideo";
import type { PlaybackPort } from "../player/types";
import type { VideoRef } from "../core";
import type { SettingsSource } from "../settings/store";

/** The controller as the playback commands drive it (the `PlaybackController` in the plugin). */
export interface PlaybackControls extends PlaybackPort {
	/** A video is in an open player (loaded or loading). */
	readonly hasVideo: boolean;
	/** The player takes play, pause, skip and speed commands now. */
	readonly isReady: boolean;
	/** The note the video was last played from. */
	readonly info: { readonly sourcePath: string | null };
	/** Where `video` was last left this session, if it was played. */
	positionOf(video: VideoRef): number | null;
	togglePlay(): void;
	seekBy(delta: number): void;
	/** Asks for a speed; returns the one applied (a quarter step from 0.25 to 3). */
	setRate(rate: number): number;
	/** Brings the player view to the front. */
	reveal(): Promise<void>;
}

/** The note the user is working in, and how to read a note's current text. */
export interface ActiveNote {
	/** The active note's path (the last one focused while a sidebar has focus), or `null`. */
	path(): string | null;
	/** A note's current text: the open editor's when it is open (unsaved typing included), else the vault's. */
	text(path: string): Promise<string>;
}

/** Where "copy link" writes (navigator.clipboard in the app; a fake in tests, as jsdom has none). */
export interface ClipboardWriter {
	writeText(text: string): Promise<void>;
}

/** Everything the commands act on, as narrow interfaces so tests pass fakes. */
export interface CommandContext {
	playback: PlaybackControls;
	settings: SettingsSource;
	notes: NoteVideoSource;
	activeNote: ActiveNote;
	clipboard: ClipboardWriter;
	/** Shows a short message (a Notice). */
	notify(message: string): void;
}
