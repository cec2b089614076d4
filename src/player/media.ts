import type { VideoRef } from "../core";

/** Why a media player cannot play, so the player view can offer the right way out. */
export type MediaProblemKind =
	/** The video id or address is not one the player can load. */
	| "bad-video"
	/** The player could not decode or play the media. */
	| "playback"
	/** The video was removed, is private, or the vault file is gone. */
	| "not-found"
	/** The owner does not allow the video in embedded players. */
	| "embed-blocked"
	/** The player refused its configuration (YouTube error 153: Obsidian sent no referrer). */
	| "config"
	/** The player or media could not be fetched (offline, timeout). */
	| "network";

/** A failure reported by a media player, in words a person can act on. */
export interface MediaProblem {
	kind: MediaProblemKind;
	message: string;
}

/** What a media player reports while it works. */
export interface MediaPlayerEvents {
	/** The video can take seeks now (metadata loaded, YouTube player ready). */
	ready(): void;
	/** Playback started (`true`) or stopped: paused, ended or cued (`false`). */
	playing(playing: boolean): void;
	/** The playing position moved (the controller also polls while playing). */
	time(seconds: number): void;
	/** The playback speed changed, possibly to another value than requested. */
	rate(rate: number): void;
	/** Loading or playback failed. */
	error(problem: MediaProblem): void;
	/**
	 * The player's page reloaded and lost its position (an iframe moved to another window):
	 * the controller rebuilds the player and restores the position.
	 */
	reloaded(): void;
}

/**
 * One interface over the players (YouTube IFrame API, HTML5 media): the controller drives any of
 * them the same way. A player shows one video; another video gets a new player.
 */
export interface MediaPlayer {
	/** Starts loading the player's video into `container`; `ready` (or `error`) follows. */
	load(container: HTMLElement): void;
	/**
	 * Moves to `seconds`. `play` true starts playback, false pauses, undefined keeps playing or
	 * paused as it was. Only called after `ready`.
	 */
	seek(seconds: number, play?: boolean): void;
	play(): void;
	pause(): void;
	setRate(rate: number): void;
	/** The fastest speed the player supports, when it is below the commands' limit of 3. */
	readonly maxRate?: number;
	/** The playing position, in seconds. */
	currentTime(): number;
	/** The length of the video, once known. */
	duration(): number | null;
	/** The video's title, when the player knows it. */
	title(): string | null;
	/**
	 * The `<video>` whose frame can be captured: vault and web video (not audio, not YouTube, whose
	 * pixels a plugin cannot read). Absent or `null`: none.
	 */
	videoElement?(): HTMLVideoElement | null;
	/** Stops playback and removes the player's elements and listeners. */
	destroy(): void;
	/**
	 * `true` for an embed the plugin can only point at a moment (Obsidian's own YouTube embed): it
	 * cannot report its time, nor take play, pause or speed, and every seek reloads it. Its
	 * `currentTime` is the moment it was last sent to.
	 */
	readonly embedded?: boolean;
}

/**
 * How a YouTube video plays: through YouTube's IFrame API (`api`), or in the embed Obsidian
 * renders itself (`embed`), where YouTube refuses a plugin's own player (iOS: error 153).
 */
export type YouTubeMode = "api" | "embed";

/** Creates the player for a video; the controller owns what it returns. */
export type MediaPlayerFactory = (video: VideoRef, events: MediaPlayerEvents, youtube: YouTubeMode) => MediaPlayer;
