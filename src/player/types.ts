import type { VideoRef } from "../core";

/** Where playback is; what the rest of the plugin follows. */
export interface PlaybackState {
	/** The loaded video, or `null` when no player has loaded one. */
	video: VideoRef | null;
	/** The playing position, in seconds. */
	seconds: number;
	playing: boolean;
	/** Known once the player has loaded the video's metadata. */
	duration: number | null;
	rate: number;
}

/** How a seek should behave. */
export interface SeekOptions {
	/** Start playing after the seek (default: the "play after a timestamp is clicked" setting). */
	play?: boolean;
	/** The note the seek came from, so the player can follow and name it. */
	sourcePath?: string;
}

/** What seek links, chips and rows need: play a video from a moment. */
export interface Seeker {
	/** Plays `video` from `seconds`: in place when it is loaded, else loads it (opening a player if none is open). */
	seek(video: VideoRef, seconds: number, options?: SeekOptions): void;
}

/** What "now playing" highlights need: the state, and a feed of its changes. */
export interface PlaybackFeed {
	readonly state: Readonly<PlaybackState>;
	/**
	 * Calls `listener` on every time update (at least 4 a second while playing) and state change.
	 * Returns the unsubscribe function; register it with the owning component.
	 */
	subscribe(listener: (state: Readonly<PlaybackState>) => void): () => void;
}

/** The controller as feature code sees it. */
export type PlaybackPort = Seeker & PlaybackFeed;
