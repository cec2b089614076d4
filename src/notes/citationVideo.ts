import { videoKey, type Citation, type TimedCitation, type VideoRef } from "../core";

/** Turns a video a citation names as written (a wiki link's `talk.mp4`) into the one it plays (`media/talk.mp4`). */
export type LinkedVideo = (ref: VideoRef) => VideoRef;

const AS_WRITTEN: LinkedVideo = (ref) => ref;

/**
 * The video a citation plays: the one it names itself (an element's `data-v`, a moment link's
 * video or file, resolved by `linked`) wins over the note's video. `null` when neither names one.
 */
export function citationVideo(citation: Citation, noteVideo: VideoRef | null, linked: LinkedVideo = AS_WRITTEN): VideoRef | null {
	return citation.video ? linked(citation.video) : noteVideo;
}

/**
 * The citations with a time that play `video` (by {@link citationVideo}), in document order: what
 * the vault index keeps of a note for that video, and what the panel and the citation jumps read
 * again from the note's text, so all three line up.
 */
export function citationsOfVideo(citations: readonly Citation[], video: VideoRef, noteVideo: VideoRef | null, linked: LinkedVideo = AS_WRITTEN): TimedCitation[] {
	const key = videoKey(video);
	return citations.filter((c): c is TimedCitation => {
		const own = c.seconds === null ? null : citationVideo(c, noteVideo, linked);
		return own !== null && videoKey(own) === key;
	});
}
