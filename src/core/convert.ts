import { extractCitations, type ExtractOptions } from "./extract";
import { formatTimestamp, parseTimestamp } from "./timestamp";
import { youtubeShortUrl } from "./video";
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
		if (c.form !== "element") continue;
		const id = c.video ? (c.video.kind === "youtube" ? c.video.id : undefined) : noteId;
		if (c.seconds === null || !id) {
			skipped++;
			continue;
		}
		edits.push({ from: c.from, to: c.to, insert: `[${formatTimestamp(c.seconds, { style: "m:ss" })}](${youtubeShortUrl(id, c.seconds, true)})` });
	}
	return { edits, skipped, skipReason: skipped > 0 ? (noteId ? "without a readable time" : "not on YouTube or without a time") : undefined };
}

/**
 * The reverse: markdown links whose text is a time and whose URL is a YouTube moment become
 * timestamp elements (`data-v` when the link names another video than the note's). Links in code
 * and links whose text is not a time (they carry words the reader wrote) are left alone.
 */
export function planAnchors(markdown: string, noteVideo: VideoRef | null): ConversionPlan {
	const edits: TextEdit[] = [];
	const noteId = noteVideo?.kind === "youtube" ? noteVideo.id : undefined;
	for (const c of extractCitations(markdown, { otherForms: false })) {
		if (c.form !== "link" || c.video?.kind !== "youtube" || c.seconds === null) continue;
		if (parseTimestamp(c.label.replace(/^\[|\]$/g, "")) === null) continue;
		edits.push({ from: c.from, to: c.to, insert: standardAnchor(c.seconds, c.video.id === noteId ? undefined : c.video.id) });
	}
	return { edits, skipped: 0 };
}
