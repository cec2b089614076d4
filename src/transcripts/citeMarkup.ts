import { formatTimestamp, isYouTubeId, videoKey, youtubeShortUrl, type Citation, type CitationForm, type TranscriptCue, type VideoRef } from "../core";

/**
 * The form a note writes its citations in: the one most of its timed citations use (elements
 * win a tie), or, in a note with none yet, the "Insert format" setting's.
 */
export function noteCitationForm(citations: readonly Citation[], fallback: "anchor" | "link"): CitationForm {
	const counts: Record<CitationForm, number> = { element: 0, link: 0, bare: 0 };
	for (const c of citations) if (c.seconds !== null) counts[c.form]++;
	if (counts.element + counts.link + counts.bare === 0) return fallback === "link" ? "link" : "element";
	if (counts.element >= counts.link && counts.element >= counts.bare) return "element";
	return counts.link >= counts.bare ? "link" : "bare";
}

/**
 * A citation of `seconds` (whole) of `video` in `form`: `<a class="yt-timestamp" data-t="…">[…]</a>`
 * (naming the video with `data-v` when it is another YouTube video than the note's), a
 * `youtu.be` link, a media link to a vault file (`[[clip.webm#t=12|0:12]]`) or a web file, or an
 * empty-target time link `[00:12]()`, which plays the note's video. A form the video cannot take
 * falls back to the element.
 */
export function citationMarkup(form: CitationForm, video: VideoRef, seconds: number, noteVideo: VideoRef | null): string {
	const whole = Math.max(0, Math.floor(seconds));
	const short = formatTimestamp(whole, { style: "m:ss" });
	const isNoteVideo = !!noteVideo && videoKey(noteVideo) === videoKey(video);
	if (form === "bare" && isNoteVideo) return `[${formatTimestamp(whole)}]()`;
	if (form === "link" || form === "bare") {
		if (video.kind === "youtube" && isYouTubeId(video.id)) return `[${short}](${youtubeShortUrl(video.id, whole)})`;
		if (video.kind === "file" && !/[[\]|#]/.test(video.path)) return `[[${video.path}#t=${whole}|${short}]]`;
		if (video.kind === "url") {
			try {
				const url = new URL(video.url);
				url.hash = `t=${whole}`;
				return `[${short}](<${url.href.replace(/[<>]/g, encodeURIComponent)}>)`;
			} catch {
				// An address that does not parse is cited as an element.
			}
		}
	}
	const time = formatTimestamp(whole);
	const id = video.kind === "youtube" && isYouTubeId(video.id) ? video.id : null;
	const dataV = id !== null && !isNoteVideo ? ` data-v="${id}"` : "";
	return `<a class="yt-timestamp" data-t="${time}"${dataV}>[${time}]</a>`;
}

/**
 * What "Insert citation" writes for the selected cues: their words in quotes, then a citation of
 * the first cue's start. Markup-like characters in the words are escaped so the quote reads as
 * text in the note, whatever the subtitle file held.
 */
export function quoteWithCitation(cues: readonly TranscriptCue[], citation: string): string {
	const words = cues
		.map((c) => c.text.trim())
		.filter((t) => t !== "")
		.join(" ")
		.replace(/\s+/g, " ")
		.replace(/[\\<>[\]`]/g, (ch) => `\\${ch}`);
	return `"${words}" ${citation}`;
}
