/**
 * Fetching a YouTube video's captions, when the user turned on "Fetch YouTube transcripts". The
 * only code that knows how YouTube publishes captions: the watch page carries the player's
 * response, whose caption list names each track's timed-text address; that address answers with
 * WebVTT when asked for `fmt=vtt`. YouTube changes these without notice, so every way this can
 * go wrong ends in a {@link CaptionsError} that says what happened in words a user can act on.
 */

/** One GET through Obsidian's `requestUrl` (a fake in tests): the status and the body's text. */
export interface HttpGet {
	get(url: string, headers: Record<string, string>): Promise<{ status: number; text: string }>;
}

/** A caption track YouTube offers for a video. */
export interface CaptionTrack {
	/** `en`, `pt-BR`…: the language YouTube names. */
	languageCode: string;
	/** What YouTube calls it: "English", "English (auto-generated)". */
	name: string;
	/** Made by speech recognition (YouTube's `kind: "asr"`). */
	auto: boolean;
	/** The timed-text address (on youtube.com; it expires, so it is never kept). */
	url: string;
}

/** Why captions could not be fetched, in words (the message is shown as it is). */
export class CaptionsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "CaptionsError";
	}
}

const LANGUAGE_CODE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** A YouTube video id as YouTube writes them: 11 of `A–Z a–z 0–9 _ -`. Anything else is never sent. */
export const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** The watch page of a video: where the caption list is read, and the source a cached transcript names. */
export function watchPageUrl(id: string): string {
	return `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`;
}

/** A track's key among a video's tracks: its language, `a.` before it for automatic ones (YouTube's own `vssId` scheme). */
export function trackKey(track: Pick<CaptionTrack, "languageCode" | "auto">): string {
	return track.auto ? `a.${track.languageCode}` : track.languageCode;
}

/**
 * The caption tracks a watch page offers, in YouTube's order. Throws a {@link CaptionsError}
 * saying why when there are none: the video has no captions, is private or gone, YouTube asked
 * to accept cookies or sign in first, or the page is not what this reader knows.
 */
export function readCaptionTracks(html: string): CaptionTrack[] {
	const response = playerResponse(html);
	if (!response) {
		if (/consent\.youtube\.com|consent\.google\./.test(html)) throw new CaptionsError("YouTube asked to accept its cookies before showing the video, which a plugin cannot do.");
		throw new CaptionsError("YouTube's page did not look as this plugin expects (YouTube may have changed it), so its captions could not be read.");
	}
	const status = stringAt(response, ["playabilityStatus", "status"]);
	if (status && status !== "OK") {
		const reason = stringAt(response, ["playabilityStatus", "reason"]);
		if (status === "LOGIN_REQUIRED") throw new CaptionsError(`YouTube asks to sign in to watch this video${reason ? ` ("${reason}")` : ""}, so its captions cannot be fetched.`);
		throw new CaptionsError(`YouTube will not play this video${reason ? `: "${reason}"` : ` (${status})`}.`);
	}
	const list = valueAt(response, ["captions", "playerCaptionsTracklistRenderer", "captionTracks"]);
	if (!Array.isArray(list) || list.length === 0) throw new CaptionsError("This video has no captions on YouTube.");
	const tracks: CaptionTrack[] = [];
	for (const item of list as unknown[]) {
		const url = stringAt(item, ["baseUrl"]);
		const languageCode = stringAt(item, ["languageCode"]);
		// A language as YouTube writes them (`en`, `pt-BR`, `zh-Hans`): the track's key in the cache file and the picker.
		if (!url || !languageCode || !LANGUAGE_CODE.test(languageCode) || !isTimedTextUrl(url)) continue;
		const auto = stringAt(item, ["kind"]) === "asr";
		const name = stringAt(item, ["name", "simpleText"]) ?? runsText(valueAt(item, ["name", "runs"])) ?? (auto ? `${languageCode} (auto-generated)` : languageCode);
		tracks.push({ languageCode, name, auto, url });
	}
	if (tracks.length === 0) throw new CaptionsError("YouTube's caption list did not look as this plugin expects (YouTube may have changed it).");
	return tracks;
}

/**
 * The track to show: the one remembered for the video (by {@link trackKey}); else a track made
 * by a person in one of `preferred` languages; else the automatic one (it is in the spoken
 * language); else the first.
 */
export function chooseTrack(tracks: readonly CaptionTrack[], remembered: string | null | undefined, preferred: readonly string[]): CaptionTrack | null {
	if (remembered) {
		const match = tracks.find((t) => trackKey(t) === remembered);
		if (match) return match;
	}
	const base = (code: string) => code.toLowerCase().split(/[-_]/)[0] ?? "";
	for (const language of preferred) {
		const match = tracks.find((t) => !t.auto && base(t.languageCode) === base(language));
		if (match) return match;
	}
	return tracks.find((t) => t.auto) ?? tracks[0] ?? null;
}

/** The WebVTT of a track. Throws a {@link CaptionsError} when YouTube refuses or sends nothing. */
export async function fetchTrackVtt(http: HttpGet, track: CaptionTrack): Promise<string> {
	const url = new URL(track.url);
	url.searchParams.set("fmt", "vtt");
	const response = await get(http, url.href, "the caption file");
	if (response.text.trim() === "") {
		// What YouTube answers since 2025 when it wants a proof-of-origin token no plugin can make.
		throw new CaptionsError("YouTube sent an empty caption file (it now asks some players for a token a plugin cannot give). Save a subtitle file named after the video id instead (ID.en.vtt).");
	}
	if (!/^\uFEFF?WEBVTT/.test(response.text)) throw new CaptionsError("YouTube's caption file was not WebVTT (YouTube may have changed it).");
	return response.text;
}

/** A video's caption tracks, read from its watch page. Throws a {@link CaptionsError}. */
export async function fetchCaptionTracks(http: HttpGet, id: string, languages: readonly string[]): Promise<CaptionTrack[]> {
	if (!YOUTUBE_ID.test(id)) throw new CaptionsError(`"${id}" is not a YouTube video id, so nothing was fetched.`);
	const response = await get(http, watchPageUrl(id), "the video's page", languages);
	return readCaptionTracks(response.text);
}

async function get(http: HttpGet, url: string, what: string, languages: readonly string[] = []): Promise<{ status: number; text: string }> {
	const headers: Record<string, string> = languages.length > 0 ? { "Accept-Language": languages.join(",") } : {};
	let response: { status: number; text: string };
	try {
		response = await http.get(url, headers);
	} catch (e) {
		throw new CaptionsError(`Could not reach YouTube for ${what} (${e instanceof Error ? e.message : String(e)}). Check the connection and try again.`);
	}
	if (response.status === 429) throw new CaptionsError("YouTube answered 429: too many requests from this network. Try again later.");
	if (response.status < 200 || response.status >= 300) throw new CaptionsError(`YouTube answered ${response.status} for ${what}.`);
	return response;
}

/** Only YouTube's own timed-text addresses are followed: a page cannot send the plugin elsewhere. */
function isTimedTextUrl(url: string): boolean {
	try {
		const u = new URL(url);
		return u.protocol === "https:" && (u.hostname === "www.youtube.com" || u.hostname === "youtube.com") && u.pathname === "/api/timedtext";
	} catch {
		return false;
	}
}

/** The `ytInitialPlayerResponse` object of a watch page, or `null`. */
function playerResponse(html: string): unknown {
	const marker = html.indexOf("ytInitialPlayerResponse");
	if (marker < 0) return null;
	const open = html.indexOf("{", marker);
	if (open < 0 || open - marker > 40) return null;
	const close = objectEnd(html, open);
	if (close < 0) return null;
	try {
		return JSON.parse(html.slice(open, close + 1)) as unknown;
	} catch {
		return null;
	}
}

/** Where the JSON object opening at `open` closes (braces in strings skipped), or -1. */
function objectEnd(text: string, open: number): number {
	let depth = 0;
	let inString = false;
	for (let i = open; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		if (inString) {
			if (ch === 92 /* \ */) i++;
			else if (ch === 34 /* " */) inString = false;
		} else if (ch === 34) inString = true;
		else if (ch === 123 /* { */) depth++;
		else if (ch === 125 /* } */ && --depth === 0) return i;
	}
	return -1;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
	let at: unknown = value;
	for (const key of path) {
		if (typeof at !== "object" || at === null) return undefined;
		at = (at as Record<string, unknown>)[key];
	}
	return at;
}

function stringAt(value: unknown, path: readonly string[]): string | undefined {
	const at = valueAt(value, path);
	return typeof at === "string" ? at : undefined;
}

function runsText(runs: unknown): string | undefined {
	if (!Array.isArray(runs)) return undefined;
	const text = (runs as unknown[]).map((r) => stringAt(r, ["text"]) ?? "").join("");
	return text === "" ? undefined : text;
}
