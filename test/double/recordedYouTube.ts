/**
 * Which recorded answer (in `test/fixtures/youtube/`) stands for a request to YouTube, for the
 * double's `requestUrl` in tests and in the playground: a watch page by its video id, a caption
 * file by its video id and track (`en`, `a.en` for automatic captions). Anything else has no
 * recording and fails as a request without network does.
 */
export function recordingFor(url: string): string | null {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return null;
	}
	if (u.hostname !== "www.youtube.com") return null;
	const id = u.searchParams.get("v") ?? "";
	if (!/^[A-Za-z0-9_-]{11}$/.test(id)) return null;
	if (u.pathname === "/watch") return `watch-${id}.html`;
	if (u.pathname === "/api/timedtext" && u.searchParams.get("fmt") === "vtt") {
		const lang = u.searchParams.get("lang") ?? "";
		if (!/^[A-Za-z-]+$/.test(lang)) return null;
		return `timedtext-${id}-${u.searchParams.get("kind") === "asr" ? "a." : ""}${lang}.vtt`;
	}
	return null;
}
