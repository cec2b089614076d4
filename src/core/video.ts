import type { VideoRef } from "./types";
import { parseTimestamp } from "./timestamp";

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const MEDIA_EXTENSIONS = new Set([
	"mp4", "m4v", "webm", "ogv", "mov", "mkv", "3gp",
	"mp3", "m4a", "wav", "ogg", "oga", "opus", "flac", "aac",
]);
const YOUTUBE_HOSTS = new Set([
	"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
	"youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be", "www.youtu.be",
]);

/** Whether `id` has the shape of a YouTube video id (11 of `A-Z a-z 0-9 _ -`). */
export function isYouTubeId(id: unknown): id is string {
	return typeof id === "string" && YOUTUBE_ID.test(id);
}

/** A YouTube video and, when the URL gives one, its start time in seconds. */
export interface YouTubeUrlInfo {
	id: string;
	start?: number;
}

/** `https://youtu.be/ID?t=N` and `https://www.youtube.com/watch?v=ID&t=N`, exactly (a time of digits, `h`, `m`, `s` and `.`). */
const CANONICAL_LINK = /^https:\/\/(?:youtu\.be\/([A-Za-z0-9_-]{11})(?:\?t=([0-9][0-9hms.]*))?|www\.youtube\.com\/watch\?v=([A-Za-z0-9_-]{11})(?:&t=([0-9][0-9hms.]*))?)$/;

/**
 * Reads a YouTube URL (`watch?v=`, `youtu.be/`, `shorts/`, `embed/`, `live/`, `v/`, music and
 * nocookie hosts; `t=`/`start=` as a start time, in seconds or `1h2m3s`). `null` for anything else.
 */
export function parseYouTubeUrl(url: string): YouTubeUrlInfo | null {
	if (typeof url !== "string") return null;
	let text = url.trim();
	// Most links in a note are not YouTube's: turn them away before parsing a URL (which throws on many).
	if (text.length === 0 || text.length > 2048 || !/youtu/i.test(text)) return null;
	// The links the plugin itself writes (convert, insert, copy), read without building a URL:
	// a converted note holds thousands, and these shapes leave the URL parser nothing to decode.
	const canonical = CANONICAL_LINK.exec(text);
	if (canonical) {
		const info: YouTubeUrlInfo = { id: (canonical[1] ?? canonical[3]) as string };
		const rawStart = canonical[2] ?? canonical[4];
		const start = rawStart === undefined ? null : parseTimestamp(rawStart);
		if (start !== null) info.start = start;
		return info;
	}
	if (/^(www\.|m\.|music\.)?(youtube\.com|youtu\.be|youtube-nocookie\.com)\//i.test(text)) text = `https://${text}`;
	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		return null;
	}
	if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
	const host = parsed.hostname.toLowerCase();
	if (!YOUTUBE_HOSTS.has(host)) return null;
	const segments = parsed.pathname.split("/").filter(Boolean);
	let id: string | null = null;
	if (host.endsWith("youtu.be")) id = segments[0] ?? null;
	else if (segments[0] === "watch") id = parsed.searchParams.get("v");
	else if (["shorts", "embed", "live", "v", "e"].includes(segments[0] ?? "")) id = segments[1] ?? null;
	if (!isYouTubeId(id)) return null;
	const info: YouTubeUrlInfo = { id };
	const hashT = /(?:^|&)t=([^&]+)/.exec(parsed.hash.replace(/^#/, ""));
	const rawStart = parsed.searchParams.get("t") ?? parsed.searchParams.get("start") ?? hashT?.[1] ?? null;
	if (rawStart !== null) {
		const start = parseTimestamp(rawStart);
		if (start !== null) info.start = start;
	}
	return info;
}

/** Whether a path or URL names a media file by its extension. */
export function isMediaPath(path: string): boolean {
	const clean = path.split(/[?#]/)[0] ?? "";
	const dot = clean.lastIndexOf(".");
	return dot > 0 && MEDIA_EXTENSIONS.has(clean.slice(dot + 1).toLowerCase());
}

/** Keys read by {@link resolveVideo}, in order of precedence. */
export const VIDEO_KEYS = ["videoId", "video", "url", "youtube", "source", "media"] as const;

/**
 * The note's video from its frontmatter: `videoId` (a YouTube id), or `video`/`url`/`youtube`/
 * `source`/`media` holding a YouTube URL, a vault path or `[[wikilink]]` to a media file, or an
 * http(s) media URL. `null` when none is usable (including `empty`, `javascript:` and bad ids).
 */
export function resolveVideo(frontmatter: Record<string, unknown> | null | undefined): VideoRef | null {
	if (!frontmatter || typeof frontmatter !== "object") return null;
	for (const key of VIDEO_KEYS) {
		const ref = readVideoValue(key, frontmatter[key]);
		if (ref) return ref;
	}
	return null;
}

/** Reads one frontmatter value as a video, the way {@link resolveVideo} does for `key`. */
export function readVideoValue(key: string, value: unknown): VideoRef | null {
	if (Array.isArray(value)) value = value[0];
	if (typeof value === "number" && key === "videoId") value = String(value);
	if (typeof value !== "string") return null;
	const text = value.trim();
	if (!text || hasControlCharacter(text)) return null;
	if (key === "videoId") {
		if (isYouTubeId(text)) return { kind: "youtube", id: text };
		const fromUrl = parseYouTubeUrl(text);
		return fromUrl ? youtubeRef(fromUrl) : null;
	}
	const yt = parseYouTubeUrl(text);
	if (yt) return youtubeRef(yt);
	if (key === "youtube" && isYouTubeId(text)) return { kind: "youtube", id: text };
	if (/^https?:\/\//i.test(text)) {
		let parsed: URL;
		try {
			parsed = new URL(text);
		} catch {
			return null;
		}
		if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
		// `url:` and `source:` often hold a web page: only a media file counts there.
		if (key !== "video" && key !== "media" && !isMediaPath(parsed.pathname)) return null;
		return { kind: "url", url: parsed.href };
	}
	const path = vaultPath(text);
	return path && isMediaPath(path) ? { kind: "file", path } : null;
}

function hasControlCharacter(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x20 || c === 0x7f) return true;
	}
	return false;
}

function youtubeRef(info: YouTubeUrlInfo): VideoRef {
	return info.start !== undefined ? { kind: "youtube", id: info.id, start: info.start } : { kind: "youtube", id: info.id };
}

/** A vault path from `path/to/clip.webm`, `[[clip.webm]]`, `![[clip.webm|alias]]` or `<path>`; `null` for URLs of other schemes. */
function vaultPath(text: string): string | null {
	let t = text;
	const link = /^!?\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]$/.exec(t);
	if (link) t = link[1] ?? "";
	else if (t.startsWith("<") && t.endsWith(">")) t = t.slice(1, -1);
	t = t.trim().replace(/\\/g, "/").replace(/^\.?\//, "");
	if (!t || /^[a-z][a-z0-9+.-]*:/i.test(t) || t.split("/").includes("..")) return null;
	return t;
}

/** A stable key for a video, to tell whether two refs name the same one. */
export function videoKey(ref: VideoRef): string {
	switch (ref.kind) {
		case "youtube":
			return `youtube:${ref.id}`;
		case "file":
			return `file:${ref.path}`;
		case "url":
			return `url:${ref.url}`;
	}
}

/** `https://www.youtube.com/watch?v=ID&t=2811s`: opens the moment on youtube.com (whole seconds). */
export function youtubeWatchUrl(id: string, seconds?: number): string {
	const base = `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;
	return seconds && seconds >= 1 ? `${base}&t=${Math.floor(seconds)}s` : base;
}

/**
 * `https://youtu.be/ID?t=2811`: the short link used in portable markdown. With a moment (even 0,
 * so the link reads back as a citation) it carries `t=`: whole seconds, or to the millisecond with
 * `exact` (for a conversion that must read back to the same time).
 */
export function youtubeShortUrl(id: string, seconds?: number, exact = false): string {
	const base = `https://youtu.be/${encodeURIComponent(id)}`;
	if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return base;
	return `${base}?t=${exact ? Math.round(seconds * 1000) / 1000 : Math.floor(seconds)}`;
}

/** The address of a YouTube video's thumbnail (480×360, `hqdefault`) on YouTube's image server, or `null` for an unusable id. */
export function youtubeThumbnailUrl(id: string): string | null {
	return isYouTubeId(id) ? `https://i.ytimg.com/vi/${id}/hqdefault.jpg` : null;
}
