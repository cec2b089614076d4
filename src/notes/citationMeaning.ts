import { formatTimestamp, readingShown, youtubeWatchUrl, type CitationForm, type RepairKind, type VideoRef } from "../core";

/**
 * What a citation means to a person, in one place for every view (reading view links, Live Preview
 * chips, source-mode marks, panel rows): what its tooltip and accessible name say, and what a
 * press does.
 */

/** Said when a citation of a note without a usable video is pressed. */
export const NO_VIDEO_MESSAGE = "This note names no video. Add videoId: <id> or video: <url or file> to this note's properties.";

/** What the meaning of a citation depends on. */
export interface CitationFacts {
	seconds: number | null;
	/** The end of a cited range, when it is one. */
	end?: number;
	/** The video it plays (its own, else the note's), or `null` when neither names one. */
	video: VideoRef | null;
	/** Which written form it is; absent counts as an element. */
	form?: CitationForm;
	invalid?: string;
	repaired?: string;
	repair?: RepairKind;
	/** Whether {@link video} is another video than the note's (the citation names it itself). */
	elsewhere?: boolean;
}

/** A video as a tooltip names it: a file's name, or "YouTube video ID". */
export function videoName(video: VideoRef): string {
	if (video.kind === "youtube") return `YouTube video ${video.id}`;
	const path = video.kind === "file" ? video.path : video.url.split(/[?#]/)[0] ?? video.url;
	return path.slice(path.lastIndexOf("/") + 1) || path;
}

/** "Play from 46:51". */
export function playLabel(seconds: number): string {
	return `Play from ${formatTimestamp(seconds, { style: "m:ss" })}`;
}

/**
 * A citation's tooltip and accessible name: "Play from 46:51", with how its time was read when a
 * reader should know, and "(this note names no video)"; or why it cannot play.
 */
export function citationTitle(c: CitationFacts): string {
	if (c.seconds === null) return `Cannot play this timestamp: ${c.invalid ?? "no usable time"}`;
	let label = playLabel(c.seconds);
	// A citation of another video than the note's says which, since its link text may not.
	if (c.elsewhere && c.video) label += ` in ${videoName(c.video)}`;
	const { note } = readingShown(c);
	if (note) label += ` (${note})`;
	if (!c.video) label += " (this note names no video)";
	return label;
}

/** What pressing a citation does. */
export type PressAction =
	| { kind: "seek"; video: VideoRef; seconds: number; end?: number }
	| { kind: "browser"; url: string }
	| { kind: "no-video" }
	| { kind: "none" };

/**
 * The seek options of a press on a range: stop at its end, and loop it when Alt was held (else the
 * "Loop cited ranges" setting decides). Nothing for a single moment.
 */
export function rangeOptions(action: { end?: number }, alt: boolean): { end?: number; loop?: boolean } {
	if (action.end === undefined) return {};
	return alt ? { end: action.end, loop: true } : { end: action.end };
}

/** The settings a press reads. */
export interface PressSettings {
	clickOpensBrowser: boolean;
	seekYouTubeLinks: boolean;
}

/**
 * What a press does. Where a press is a click (reading view, Live Preview) a plain press seeks the
 * player and Mod-press opens the moment on youtube.com, and "click opens YouTube" swaps the two;
 * only YouTube videos open in the browser, others always seek. A YouTube moment link, with "YouTube
 * links seek the player" off, opens in the browser as a link does. In source mode (`click: false`)
 * a plain press places the cursor and Mod-press seeks. A citation with no usable time does nothing.
 */
export function pressAction(c: CitationFacts, mod: boolean, click: boolean, settings: PressSettings): PressAction {
	if (!click && !mod) return { kind: "none" };
	if (c.seconds === null) return { kind: "none" };
	if (!c.video) return { kind: "no-video" };
	const linkToBrowser = c.form === "link" && !settings.seekYouTubeLinks;
	const browser = click && (linkToBrowser || mod !== settings.clickOpensBrowser);
	if (browser && c.video.kind === "youtube") return { kind: "browser", url: youtubeWatchUrl(c.video.id, c.seconds) };
	return c.end === undefined ? { kind: "seek", video: c.video, seconds: c.seconds } : { kind: "seek", video: c.video, seconds: c.seconds, end: c.end };
}
