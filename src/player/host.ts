import type { NoteVideoSource } from "../notes/noteVideo";
import type { DurationRecorder } from "../notes/videoDurations";
import type { SettingsSource } from "../settings/store";
import type { MediaPlayerFactory } from "./media";

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
}
