import { parseYouTubeUrl, type VideoRef } from "../core";

/** A YouTube link in a note that points at the note's own video with a time: it can seek the player. */
export interface YouTubeMomentLink {
	el: HTMLElement;
	video: VideoRef;
	seconds: number;
}

/** Marks a link already taken by a section, so a second pass over the same DOM skips it. */
export const YOUTUBE_LINK_CLASS = "vc-youtube-link";

const LINK_SELECTOR = `a[href*="youtu"]:not(.yt-timestamp):not(.${YOUTUBE_LINK_CLASS})`;

/**
 * The links in `section` to the note's YouTube video that carry a time (`youtu.be/ID?t=120`,
 * `watch?v=ID&t=2m`). Links to other videos, without a time, or to anything else are left alone.
 */
export function youtubeMomentLinks(section: HTMLElement, noteVideo: VideoRef | null, skip: (el: HTMLElement) => boolean): YouTubeMomentLink[] {
	if (noteVideo?.kind !== "youtube") return [];
	const out: YouTubeMomentLink[] = [];
	// One native query instead of a look at every anchor: timestamp anchors carry no href.
	for (const el of Array.from(section.querySelectorAll(LINK_SELECTOR))) {
		const href = el.getAttribute("href");
		if (!href || !el.instanceOf(HTMLElement) || skip(el)) continue;
		const info = parseYouTubeUrl(href);
		if (info?.id !== noteVideo.id || info.start === undefined) continue;
		out.push({ el, video: noteVideo, seconds: info.start });
	}
	return out;
}
