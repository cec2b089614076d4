import { isYouTubeId } from "../core";
import type { MediaProblem } from "./media";

/** Where embedded videos come from: the standard host, or the privacy-enhanced one. */
export const YOUTUBE_EMBED_HOSTS = {
	standard: "https://www.youtube.com",
	privacy: "https://www.youtube-nocookie.com",
} as const;

/** What the player iframe may do: play on request, in picture-in-picture and full screen. */
export const YOUTUBE_IFRAME_ALLOW = "autoplay; encrypted-media; picture-in-picture; fullscreen";

/**
 * YouTube needs to see who embeds it (error 153 otherwise), and no more than the origin: the
 * iframe sends its referrer with this policy.
 */
export const YOUTUBE_REFERRER_POLICY = "strict-origin-when-cross-origin";

/** How the embed address is built. */
export interface EmbedOptions {
	/** Use youtube-nocookie.com. */
	privacy: boolean;
	/** The page's origin (`location.origin`), which the IFrame API checks its messages against. */
	origin: string;
}

/**
 * The embed address for a video, with the JS API on; `null` unless `id` is a YouTube id, so
 * nothing else ever reaches an iframe's `src`.
 */
export function youtubeEmbedUrl(id: string, options: EmbedOptions): string | null {
	if (!isYouTubeId(id)) return null;
	const host = options.privacy ? YOUTUBE_EMBED_HOSTS.privacy : YOUTUBE_EMBED_HOSTS.standard;
	const params = new URLSearchParams({ enablejsapi: "1" });
	// `null` is what an opaque origin reads as: sending it would only make YouTube refuse.
	if (options.origin && options.origin !== "null") params.set("origin", options.origin);
	params.set("playsinline", "1");
	params.set("rel", "0");
	return `${host}/embed/${id}?${params.toString()}`;
}

/**
 * What a YouTube `onError` code means for the person watching.
 * @see https://developers.google.com/youtube/iframe_api_reference#onError
 */
export function youtubeProblem(code: number): MediaProblem {
	switch (code) {
		case 2:
			return { kind: "bad-video", message: "YouTube did not accept this video id. Check the videoId in the note's properties." };
		case 5:
			return { kind: "playback", message: "YouTube could not play this video in the embedded player (an HTML5 playback problem)." };
		case 100:
			return { kind: "not-found", message: "This video was removed or is private, so it cannot be played." };
		case 101:
		case 150:
			return { kind: "embed-blocked", message: "The owner of this video does not allow it to be played outside YouTube." };
		case 153:
			// Where it can still be read: desktop and Android, where it means an Obsidian before
			// 1.10.3. On iOS the plugin never creates this player: Obsidian's own embed plays YouTube.
			return {
				kind: "config",
				message: "YouTube refused the player (error 153): Obsidian sent it no referrer, as versions before 1.10.3 do. Update Obsidian to 1.10.3 or later.",
			};
		default:
			return { kind: "playback", message: `The YouTube player reported an error (code ${code}).` };
	}
}
