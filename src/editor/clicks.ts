import { youtubeWatchUrl, type VideoRef } from "../core";

/** What pressing a chip (or Mod-pressing a source-mode timestamp) does. */
export type PressAction =
	| { kind: "seek"; video: VideoRef; seconds: number }
	| { kind: "browser"; url: string }
	| { kind: "no-video" }
	| { kind: "none" };

/** What a press needs to know about the timestamp pressed. */
export interface PressTarget {
	seconds: number | null;
	video: VideoRef | null;
}

/** Said when a timestamp of a note without a usable video is pressed (the reading view says the same). */
export const NO_VIDEO_MESSAGE = "This note names no video. Add videoId: <id> or video: <url or file> to this note's properties.";

/**
 * The action for a press. In Live Preview a plain press seeks the player and Mod-press opens the
 * moment on youtube.com; "click opens browser" swaps the two (only YouTube videos open in the
 * browser; others always seek). In source mode a plain press is left to place the cursor, and
 * Mod-press seeks. An element with no usable time does nothing (the press reveals it for editing).
 */
export function pressAction(target: PressTarget, mod: boolean, live: boolean, clickOpensBrowser: boolean): PressAction {
	if (!live && !mod) return { kind: "none" };
	if (target.seconds === null) return { kind: "none" };
	if (!target.video) return { kind: "no-video" };
	const browser = live && mod !== clickOpensBrowser;
	if (browser && target.video.kind === "youtube") return { kind: "browser", url: youtubeWatchUrl(target.video.id, target.seconds) };
	return { kind: "seek", video: target.video, seconds: target.seconds };
}
