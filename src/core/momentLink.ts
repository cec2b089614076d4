import { parseTimestamp } from "./timestamp";
import type { CitationForm, VideoRef } from "./types";
import { isMediaPath, parseYouTubeUrl } from "./video";

/** The moment a link points at: what {@link readMomentLink} finds. */
export interface LinkMoment {
	form: Exclude<CitationForm, "element">;
	/** The video the link names; `null` for a bare time link, which plays the note's video. */
	video: VideoRef | null;
	seconds: number;
	/** The end of a media-fragment range (`#t=30,45`). */
	end?: number;
	/** Whether the form is another plugin's (media fragments and bare time links), not this plugin's own portable link. */
	foreign: boolean;
}

const MAX_TARGET = 2048;
const NESTED = /^\[([^\]\n]{0,200})\]\(<?([^\s()<>]+)>?\)$/;

/**
 * The moment a link's target points at, or `null` for a link that points at none (an ordinary
 * link). `target` is the link's destination as written (a markdown link's `(…)` without its title,
 * or a wiki link's path with its `#` part); `wiki` says which. Read:
 * - a YouTube URL with a time (`youtu.be/ID?t=26`, `watch?v=ID&t=1m30s`, `#t=90`);
 * - a media file, in the vault or on the web, with a media fragment (`talk.mp4#t=90`,
 *   `#t=1:30`, `#t=npt:90`, ranges `#t=30,45`);
 * - an empty markdown target whose label is a time (`[02:01]()`), the note's own video.
 */
export function readMomentLink(target: string, label: string, wiki: boolean): LinkMoment | null {
	if (typeof target !== "string" || target.length > MAX_TARGET) return null;
	const t = target.trim();
	if (t.length === 0) {
		if (wiki) return null;
		const seconds = parseTimestamp(stripBrackets(label));
		return seconds === null ? null : { form: "bare", video: null, seconds, foreign: true };
	}
	// A link written inside another's destination (`[00:00:14]([0:14](https://youtu.be/ID?t=14))`,
	// as converting an element that sat in a link's parentheses leaves it) points where the inner one does.
	const nested = wiki ? null : NESTED.exec(t.startsWith("%5B") ? safeDecode(t) : t);
	if (nested) return readMomentLink(nested[2] ?? "", nested[1] ?? "", false);
	if (!wiki) {
		const yt = parseYouTubeUrl(t);
		if (yt) return yt.start === undefined ? null : { form: "link", video: { kind: "youtube", id: yt.id }, seconds: yt.start, foreign: false };
	}
	const hash = t.indexOf("#");
	if (hash <= 0) return null;
	const range = fragmentTime(t.slice(hash + 1));
	if (!range) return null;
	const video = mediaTarget(t.slice(0, hash), wiki);
	if (!video) return null;
	const out: LinkMoment = { form: "link", video, seconds: range.start, foreign: true };
	if (range.end !== undefined) out.end = range.end;
	return out;
}

/** `decodeURI`, or the text as it was when it is not a valid encoding. */
function safeDecode(text: string): string {
	try {
		return decodeURI(text);
	} catch {
		return text;
	}
}

/** `[02:01]` → `02:01`: a label's own brackets, which some writers put inside the link text. */
function stripBrackets(label: string): string {
	const t = label.trim();
	return t.startsWith("[") && t.endsWith("]") ? t.slice(1, -1) : t;
}

/**
 * The `t=` of a media fragment (`t=90`, `t=1:30`, `t=npt:90`, `t=30,45`, `t=,45`, among other
 * `&`-separated keys), as seconds. `null` without a readable start.
 */
function fragmentTime(fragment: string): { start: number; end?: number } | null {
	for (const part of fragment.split("&")) {
		if (!part.startsWith("t=")) continue;
		let value = part.slice(2);
		if (value.startsWith("npt:")) value = value.slice(4);
		const comma = value.indexOf(",");
		const startText = comma < 0 ? value : value.slice(0, comma);
		const start = startText === "" && comma >= 0 ? 0 : parseTimestamp(startText);
		if (start === null) return null;
		if (comma < 0) return { start };
		const end = parseTimestamp(value.slice(comma + 1));
		return end !== null && end > start ? { start, end } : { start };
	}
	return null;
}

/** The media file a link's path names: an http(s) URL or a vault path (a wiki link's linkpath as written). */
function mediaTarget(path: string, wiki: boolean): VideoRef | null {
	let p = path.trim();
	if (/^https?:\/\//i.test(p)) {
		try {
			const url = new URL(p);
			return isMediaPath(url.pathname) ? { kind: "url", url: url.href } : null;
		} catch {
			return null;
		}
	}
	if (!wiki) {
		try {
			p = decodeURI(p);
		} catch {
			return null;
		}
	}
	p = p.replace(/\\/g, "/").replace(/^\.?\//, "");
	if (!p || /^[a-z][a-z0-9+.-]*:/i.test(p) || p.split("/").includes("..") || !isMediaPath(p)) return null;
	for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) < 0x20) return null;
	return { kind: "file", path: p };
}

/**
 * Whether `text` may hold a moment link: every one holds a time parameter or fragment (`t=`), or
 * an empty markdown target (`]()`, `](<>)`, or a title right after `](`). `false` is certain.
 * `t=` is found by its `=`, which prose rarely holds: a regex or `indexOf("t=")` stops at every
 * "t", the commonest letter in English (a note of ordinary links paid a tenth of extraction's time).
 */
export function mayHoldLinks(text: string): boolean {
	for (let i = text.indexOf("="); i > 0; i = text.indexOf("=", i + 1)) if (text.charCodeAt(i - 1) === 116) return true;
	for (let at = text.indexOf("]("); at >= 0; at = text.indexOf("](", at + 2)) if (isEmptyTarget(text, at)) return true;
	return false;
}

/** Whether the `](` at `at` opens an empty target: `]()`, `](<>)`, or a title right after `](`. */
export function isEmptyTarget(text: string, at: number): boolean {
	const c = text.charCodeAt(at + 2);
	return c === 41 || c === 32 || c === 9 || (c === 60 && text.charCodeAt(at + 3) === 62);
}

/**
 * Whether `text` may hold a citation of any form: a cheap look that lets a caller skip extraction
 * for the many notes that hold none. `false` is certain; `true` is a maybe.
 */
export function mayHoldCitations(text: string): boolean {
	return text.includes("yt-timestamp") || mayHoldLinks(text);
}
