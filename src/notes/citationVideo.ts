import { videoKey, type Citation, type TimedCitation, type VideoRef } from "../core";

/**
 * The video a citation plays: the YouTube id its element names itself (`data-v`) wins over the
 * note's video. `null` when neither names one.
 */
export function citationVideo(citation: Citation, noteVideo: VideoRef | null): VideoRef | null {
	return citation.videoId ? { kind: "youtube", id: citation.videoId } : noteVideo;
}

/**
 * The citations with a time that play `video` (by {@link citationVideo}), in document order: what
 * the vault index keeps of a note for that video, and what the panel and the citation jumps read
 * again from the note's text, so all three line up.
 */
export function citationsOfVideo(citations: readonly Citation[], video: VideoRef, noteVideo: VideoRef | null): TimedCitation[] {
	const key = videoKey(video);
	return citations.filter((c): c is TimedCitation => {
		const own = c.seconds === null ? null : citationVideo(c, noteVideo);
		return own !== null && videoKey(own) === key;
	});
}
