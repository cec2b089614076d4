import type { NoteVideoSource } from "../notes/noteVideo";
import type { DurationRecorder } from "../notes/videoDurations";
import type { NameSource, TitleRecorder } from "../notes/videoTitles";
import type { SettingsSource } from "../settings/store";
import type { MediaPlayerFactory } from "./media";

/**
 * When YouTube plays in Obsidian's own embed instead of the IFrame API player: `always` (iOS, where
 * YouTube refuses every player a plugin creates), or `after-refusal`: once YouTube refuses the API
 * player with error 153. Without it, error 153 is an error panel.
 */
export type YouTubeFallback = "always" | "after-refusal";

/** What the controller needs from the workspace and the app around it. */
export interface PlayerHost {
	/** Opens a player view where the settings say (or loads the one already there) and reveals it. */
	openPlayerView(): Promise<void>;
	/** Brings the open player view to the front (opens none). */
	revealPlayerView(): Promise<void>;
	/** Shows a short message (a Notice). */
	notify(message: string): void;
	/** Opens a URL in the browser. */
	openExternal(url: string): void;
}

/** What the `PlaybackController` is built from. */
export interface PlaybackControllerDeps {
	settings: SettingsSource;
	notes: NoteVideoSource;
	createPlayer: MediaPlayerFactory;
	host: PlayerHost;
	/** Where a video's length is remembered once a player reports it. */
	durations?: DurationRecorder;
	/** Where a video's title is looked up (a note's own, or one a player reported) and remembered once a player reports it. */
	titles?: Pick<NameSource, "knownTitle"> & TitleRecorder;
	/** When YouTube plays in Obsidian's own embed (`createPlayer` is asked for `embed`); none: never. */
	youtubeFallback?: YouTubeFallback;
}
