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
	/**
	 * The player cannot report where it is (Obsidian's own YouTube embed, on iOS): `seconds` is
	 * only the moment it was last sent to. Absent counts as false.
	 */
	timeUnknown?: boolean;
	/**
	 * A player has loaded `video` and is at `seconds`: false while it loads, while the video waits
	 * behind its poster, and after it failed (offline, refused, missing). Views mark a citation as
	 * playing only then. Absent counts as true.
	 */
	loaded?: boolean;
}

/** How a seek should behave. */
export interface SeekOptions {
	/** Start playing after the seek (default: the "play after a timestamp is clicked" setting). */
	play?: boolean;
	/** The note the seek came from, so the player can follow and name it. */
	sourcePath?: string;
	/**
	 * Open the player on the video rather than play a moment (the "Open player" button and
	 * command): it starts where the video was left this session (at `seconds` when it was not
	 * played yet), paused unless `play`; a player that has the video loaded stays where it is.
	 * Either way the player is brought into view.
	 */
	resume?: boolean;
	/**
	 * The end of a cited range: playback pauses there (or goes back to `seconds`, with `loop`).
	 * Any other seek, a skip, or moving the player outside the range ends it.
	 */
	end?: number;
	/** Play the range `seconds`–`end` over and over (Alt-press, or the "Loop cited ranges" setting). */
	loop?: boolean;
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

/** One player as the commands drive it: the side view's, or the one pinned on top of a note. */
export interface PlayerControls extends Seeker {
	/** This player's own state (the feed follows whichever player was used last). */
	readonly state: Readonly<PlaybackState>;
	/** A video is in an open player (loaded or loading). */
	readonly hasVideo: boolean;
	/** The player takes play, pause, skip and speed commands now. */
	readonly isReady: boolean;
	/**
	 * The player shows a video it has not loaded yet (a pinned player before the user plays it:
	 * nothing is fetched until then). Play, skip and citation jumps load it.
	 */
	readonly isDeferred: boolean;
	/** The note the video was last played from. */
	readonly info: { readonly sourcePath: string | null };
	/** Where `video` was last left this session, if it was played. */
	positionOf(video: VideoRef): number | null;
	/** Plays when paused (loading a deferred video), pauses when playing. */
	togglePlay(): void;
	/** Moves by `delta` seconds, kept within the video (loading a deferred video there, paused). */
	seekBy(delta: number): void;
	/** Asks for a speed; returns the one applied (a tenth step, from 0.25 to 3). */
	setRate(rate: number): number;
	/** Brings the player into view: the side view to the front, a pinned player expanded. */
	reveal(): Promise<void>;
	/** The `<video>` whose frame can be captured now (a ready vault or web video), else `null`. */
	videoElement(): HTMLVideoElement | null;
	/** The cited range being played (until it ends or the player moves elsewhere), else `null`. */
	readonly citedRange: { readonly start: number; readonly end: number; readonly loop: boolean } | null;
	/** Loops the cited range being played, or stops looping it (nothing without one). */
	setLoop(loop: boolean): void;
}

/** Finds the player a note's commands act on. */
export interface PlayerDirectory {
	/**
	 * The player that belongs to the note at `path`: its pinned player when the player sits on
	 * top of notes, else the player used last (the side view's when that is the placement).
	 */
	controlsFor(path: string | null): PlayerControls;
}
