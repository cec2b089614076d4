import { formatTimestamp, isYouTubeId, videoKey, youtubeWatchUrl, type VideoRef } from "../core";
import type { MediaProblem } from "./media";
import type { PlaybackState } from "./types";

/** A button the player view offers: retry, open elsewhere, switch video. */
export interface PlayerAction {
	/** The button's text, in sentence case. */
	label: string;
	run(): void;
}

/** A message with the buttons that act on it (the error panel, the switch prompt). */
export interface PlayerNotice {
	message: string;
	actions: PlayerAction[];
}

/** Everything the player view shows besides the video itself. */
export interface PlayerInfo {
	/** The video loaded or loading, or `null` when the player is idle. */
	video: VideoRef | null;
	/** The title the player reported, once known. */
	title: string | null;
	/** The note the video was last played from. */
	sourcePath: string | null;
	/** Loading: the player is not ready yet (never shown together with a problem). */
	loading: boolean;
	/** Why the player cannot play, with the ways out. */
	problem: PlayerNotice | null;
	/** The "switch to this note's video" prompt. */
	offer: PlayerNotice | null;
	/** The video waits for the user to play it: nothing is loaded (or fetched) yet; a poster stands in. */
	deferred: boolean;
	/** The picture the poster shows (a YouTube thumbnail, only with "Show YouTube thumbnails" on); none by default. */
	thumbnail?: string | null;
	/**
	 * The video plays in Obsidian's own YouTube embed, which each seek reloads; `reason` says why
	 * when YouTube refused the plugin's player first (not on iOS, where the embed is the player).
	 */
	embedded: { reason: string | null } | null;
}

/** What the player shows when nothing is loaded. */
export const IDLE_INFO: Readonly<PlayerInfo> = Object.freeze({
	video: null,
	title: null,
	sourcePath: null,
	loading: false,
	problem: null,
	offer: null,
	deferred: false,
	embedded: null,
});

/** What an open player view does for the controller. */
export interface PlayerSurface {
	/** Where the media player puts its iframe or media element. */
	readonly playerEl: HTMLElement;
	/** Redraws the title, source note, loading state, error panel and prompt. */
	show(info: Readonly<PlayerInfo>): void;
	/** Follows this player's position and playing state (the pinned player's bar shows them). */
	showState?(state: Readonly<PlaybackState>): void;
}

/** A player pinned on top of a note: the note's own player. */
export interface PinnedSurface extends PlayerSurface {
	/** The path of the note it sits on, read fresh (a note can be renamed under it). */
	notePath(): string | null;
	/** Brings it into view: expands it when collapsed. */
	reveal(): void;
	/** A citation of its note sent it to a moment: it shows its video from now on (a phone's bar opens). */
	sought(): void;
}

/** Whether two refs name the same video. */
export function sameVideo(a: VideoRef | null | undefined, b: VideoRef | null | undefined): boolean {
	return !!a && !!b && videoKey(a) === videoKey(b);
}

/** The name to show for a video when its title is unknown: file name, address or id. */
export function videoName(video: VideoRef): string {
	switch (video.kind) {
		case "youtube":
			return `YouTube video ${video.id}`;
		case "file":
			return video.path.slice(video.path.lastIndexOf("/") + 1);
		case "url": {
			try {
				const url = new URL(video.url);
				const last = url.pathname.split("/").filter(Boolean).pop();
				return last ? decodeURIComponent(last) : url.hostname;
			} catch {
				return video.url;
			}
		}
	}
}

/** Where a video starts when nothing says otherwise: the start its YouTube link names (`?t=`), else 0:00. */
export function videoStart(video: VideoRef): number {
	return (video.kind === "youtube" ? video.start : undefined) ?? 0;
}

/** Where a deferred video would load from, for its poster: "Loads from YouTube when you play". */
export function deferredNote(video: VideoRef): string {
	if (video.kind === "youtube") return "Loads from YouTube when you play";
	if (video.kind === "file") return "Plays from this vault";
	try {
		return `Loads from ${new URL(video.url).hostname} when you play`;
	} catch {
		return "Loads when you play";
	}
}

/** What the controller can do when a problem's buttons are pressed. */
export interface ProblemHandlers {
	retry(): void;
	openExternal(url: string): void;
}

/**
 * The error panel for a player failure: the message, plus "Retry" when trying again may help and,
 * for every YouTube video, "Open in YouTube at 12:34" (the watch page at the moment).
 */
export function problemNotice(problem: MediaProblem, video: VideoRef, seconds: number, handlers: ProblemHandlers): PlayerNotice {
	const actions: PlayerAction[] = [];
	if (problem.kind === "network" || problem.kind === "playback") actions.push({ label: "Retry", run: () => handlers.retry() });
	const open = openInYouTube(video, seconds, (url) => handlers.openExternal(url));
	if (open) actions.push(open);
	return { message: problem.message, actions };
}

/**
 * "Open in YouTube at 46:51": youtube.com's watch page at the moment (whole seconds: youtube.com
 * ignores fractions), through the plugin's `openExternal`. `null` unless `video` is a YouTube id.
 */
export function openInYouTube(video: VideoRef, seconds: number, openExternal: (url: string) => void): PlayerAction | null {
	if (video.kind !== "youtube" || !isYouTubeId(video.id)) return null;
	const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
	const url = youtubeWatchUrl(video.id, whole);
	return { label: `Open in YouTube at ${formatTimestamp(whole, { style: "m:ss" })}`, run: () => openExternal(url) };
}
