import { network } from "../../test/double/obsidian";
import { recordingFor } from "../../test/double/recordedYouTube";

/**
 * The playground's network, as the tests': YouTube's watch pages and caption files answered
 * from the recordings the server keeps (`/recorded/youtube/…`, the same files the unit tests
 * read); anything else fails as a request without network does. So "Fetch YouTube transcripts"
 * can be seen working on the demo vault's YouTube notes without reaching YouTube.
 */
export function serveRecordings(win: Window): void {
	network.serve = async ({ url }) => {
		const name = recordingFor(url);
		if (!name) return undefined;
		const response = await win.fetch(new URL(`/recorded/youtube/${encodeURIComponent(name)}`, win.location.href));
		return response.ok ? { status: 200, text: await response.text() } : undefined;
	};
}
