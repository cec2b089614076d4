import { extractCitations, type ExtractOptions } from "./extract";
import { formatTimestamp, parseTimestamp } from "./timestamp";
import { parseYouTubeUrl, youtubeShortUrl } from "./video";
import { proseExclusions, overlaps } from "./regions";
import { standardAnchor } from "./repair";
import type { TextEdit } from "./edits";
import type { VideoRef } from "./types";

/** Edits for a conversion, and how many citations it had to leave alone (and why). */
export interface ConversionPlan {
	edits: TextEdit[];
	skipped: number;
	skipReason?: string;
}

/**
 * Turns the note's timestamp elements into portable markdown links, `[46:51](https://youtu.be/ID?t=2811)`,
 * which render as links everywhere (GitHub, publishing tools). Only YouTube videos have such links;
 * elements without a time are left alone. `options` reads the times as `extractCitations` does
 * (against the length of the note's video, once known).
 */
export function planPortableLinks(markdown: string, noteVideo: VideoRef | null, options: ExtractOptions = {}): ConversionPlan {
	const edits: TextEdit[] = [];
	let skipped = 0;
	const noteId = noteVideo?.kind === "youtube" ? noteVideo.id : undefined;
	for (const c of extractCitations(markdown, options)) {
		const id = c.videoId ?? noteId;
		if (c.seconds === null || !id) {
			skipped++;
			continue;
		}
		edits.push({ from: c.from, to: c.to, insert: `[${formatTimestamp(c.seconds, { style: "m:ss" })}](${youtubeShortUrl(id, c.seconds)})` });
	}
	return { edits, skipped, skipReason: skipped > 0 ? (noteId ? "without a readable time" : "not on YouTube or without a time") : undefined };
}

const MD_LINK = /\[([^\]\n]{1,40})\]\(<?(https?:\/\/[^\s)>]{1,400})>?\)/g;

/**
 * The reverse: markdown links whose text is a time and whose URL is a YouTube moment become
 * timestamp elements (`data-v` when the link names another video than the note's). Links in code
 * and links whose text is not a time (they carry words the reader wrote) are left alone.
 */
export function planAnchors(markdown: string, noteVideo: VideoRef | null): ConversionPlan {
	const edits: TextEdit[] = [];
	const excluded = proseExclusions(markdown);
	const noteId = noteVideo?.kind === "youtube" ? noteVideo.id : undefined;
	for (const m of markdown.matchAll(MD_LINK)) {
		const from = m.index;
		const to = from + m[0].length;
		if (overlaps(excluded, from, to) || markdown.charAt(from - 1) === "!") continue;
		const label = (m[1] ?? "").trim().replace(/^\[|\]$/g, "");
		if (parseTimestamp(label) === null) continue;
		const yt = parseYouTubeUrl(m[2] ?? "");
		if (!yt || yt.start === undefined) continue;
		edits.push({ from, to, insert: standardAnchor(yt.start, yt.id === noteId ? undefined : yt.id) });
	}
	return { edits, skipped: 0 };
}
