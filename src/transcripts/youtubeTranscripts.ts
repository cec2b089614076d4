import { parseTranscript, type TranscriptCue } from "../core";
import { CaptionsError, chooseTrack, fetchCaptionTracks, fetchTrackVtt, trackKey, watchPageUrl, YOUTUBE_ID, type CaptionTrack, type HttpGet } from "./youtubeCaptions";

/** The plugin's own data folder (`.obsidian/plugins/video-citations/…`), where fetched captions are kept. */
export interface DataFolder {
	/** A file's text, or `null` when there is none. */
	read(path: string): Promise<string | null>;
	/** Writes a file, making its folder when needed. */
	write(path: string, text: string): Promise<void>;
}

/** A fetched YouTube transcript as a source: one of the video's caption tracks. */
export interface YouTubeSource {
	kind: "youtube";
	id: string;
	/** The track's key: its language, `a.` before it when automatic (`en`, `a.en`). */
	language: string;
	/** What YouTube calls the track: "English (auto-generated)". */
	name: string;
	/** When it was fetched (ISO 8601), once it has been. */
	fetched?: string;
}

/** What {@link YouTubeTranscripts.load} gives: the tracks, the one shown and its cues, or why not. */
export interface YouTubeTranscript {
	sources: YouTubeSource[];
	source: YouTubeSource | null;
	cues: TranscriptCue[];
	error?: string;
}

/** What is kept for a video in its cache file: where it came from, its tracks, and the captions fetched. */
interface CacheEntry {
	version: 1;
	videoId: string;
	/** The page the tracks were read from. */
	source: string;
	tracks: { languageCode: string; name: string; auto: boolean }[];
	/** By track key: the track's name, when it was fetched, and its WebVTT as YouTube sent it. */
	captions: Record<string, { name: string; fetched: string; vtt: string }>;
}

/** The folder of the data folder the captions are kept in, one JSON file per video. */
export const CAPTIONS_FOLDER = "transcripts";

/**
 * YouTube captions for notes whose video has no subtitle file, fetched only while the setting
 * "Fetch YouTube transcripts" is on (`enabled`) and kept in the plugin's data folder with their
 * source and date, so a video is fetched once per language. A failure is kept for the session
 * (hovering citations does not ask YouTube again) until {@link retry}.
 */
export class YouTubeTranscripts {
	private entries = new Map<string, Promise<CacheEntry | null>>();
	private results = new Map<string, Promise<YouTubeTranscript>>();
	private parsed = new Map<string, TranscriptCue[]>();

	constructor(
		private readonly http: HttpGet,
		private readonly folder: DataFolder,
		/** Whether the user turned fetching on. */
		readonly enabled: () => boolean,
		/** The user's languages, most preferred first (a person's captions in one of them win over automatic ones). */
		private readonly languages: () => readonly string[],
		private readonly now: () => Date = () => new Date(),
	) {}

	/** The transcript of video `id` in the remembered track (else the best one), from the cache or YouTube. */
	load(id: string, remembered: string | null | undefined): Promise<YouTubeTranscript> {
		const key = `${id}\n${remembered ?? ""}`;
		let result = this.results.get(key);
		if (!result) {
			result = this.resolve(id, remembered ?? null);
			this.results.set(key, result);
		}
		return result;
	}

	/** Forgets a failed fetch of `id` so the next {@link load} asks YouTube again. */
	retry(id: string): void {
		for (const key of [...this.results.keys()]) if (key.startsWith(`${id}\n`)) this.results.delete(key);
	}

	/** The cache file of a video, inside the data folder. */
	static cachePath(id: string): string {
		return `${CAPTIONS_FOLDER}/${id}.json`;
	}

	private async resolve(id: string, remembered: string | null): Promise<YouTubeTranscript> {
		if (!YOUTUBE_ID.test(id)) return { sources: [], source: null, cues: [], error: `"${id}" is not a YouTube video id, so nothing was fetched.` };
		const entry = await this.entry(id);
		const cachedKey = entry && (remembered !== null ? (entry.captions[remembered] ? remembered : null) : Object.keys(entry.captions)[0]);
		if (entry && cachedKey) return this.fromEntry(entry, cachedKey);
		try {
			const tracks = await fetchCaptionTracks(this.http, id, this.languages());
			const track = chooseTrack(tracks, remembered, this.languages());
			if (!track) throw new CaptionsError("This video has no captions on YouTube.");
			const vtt = await fetchTrackVtt(this.http, track);
			const updated = this.remember(entry, id, tracks, track, vtt);
			return this.fromEntry(updated, trackKey(track));
		} catch (e) {
			// A failure is not kept across its retry, and its words reach the view.
			const message = e instanceof CaptionsError ? e.message : `Could not fetch YouTube's captions: ${e instanceof Error ? e.message : String(e)}`;
			const sources = entry ? sourcesOf(entry) : [];
			return { sources, source: null, cues: [], error: message };
		}
	}

	private fromEntry(entry: CacheEntry, key: string): YouTubeTranscript {
		const sources = sourcesOf(entry);
		const source = sources.find((s) => s.language === key) ?? null;
		const captions = entry.captions[key];
		if (!source || !captions) return { sources, source: null, cues: [], error: "The fetched captions are missing from the cache." };
		const cacheKey = `${entry.videoId}\n${key}\n${captions.fetched}`;
		let cues = this.parsed.get(cacheKey);
		if (!cues) {
			const transcript = parseTranscript(captions.vtt, `${entry.videoId}.${key}.vtt`);
			if (transcript.error) return { sources, source, cues: [], error: `YouTube's captions could not be read: ${transcript.error}` };
			cues = transcript.cues;
			this.parsed.set(cacheKey, cues);
		}
		return { sources, source, cues };
	}

	/** Adds a fetched track to the video's entry and saves it (a failed save is logged: the captions still show). */
	private remember(entry: CacheEntry | null, id: string, tracks: CaptionTrack[], track: CaptionTrack, vtt: string): CacheEntry {
		const updated: CacheEntry = {
			version: 1,
			videoId: id,
			source: watchPageUrl(id),
			tracks: tracks.map((t) => ({ languageCode: t.languageCode, name: t.name, auto: t.auto })),
			captions: { ...(entry?.captions ?? {}), [trackKey(track)]: { name: track.name, fetched: this.now().toISOString(), vtt } },
		};
		this.entries.set(id, Promise.resolve(updated));
		this.folder.write(YouTubeTranscripts.cachePath(id), JSON.stringify(updated)).catch((e: unknown) => {
			console.error("Video Citations: could not keep the fetched captions", e);
		});
		return updated;
	}

	private entry(id: string): Promise<CacheEntry | null> {
		let entry = this.entries.get(id);
		if (!entry) {
			entry = this.folder.read(YouTubeTranscripts.cachePath(id)).then(
				(text) => (text === null ? null : readEntry(text, id)),
				() => null,
			);
			this.entries.set(id, entry);
		}
		return entry;
	}
}

function sourcesOf(entry: CacheEntry): YouTubeSource[] {
	return entry.tracks.map((t) => {
		const language = trackKey(t);
		const fetched = entry.captions[language]?.fetched;
		return fetched ? { kind: "youtube", id: entry.videoId, language, name: t.name, fetched } : { kind: "youtube", id: entry.videoId, language, name: t.name };
	});
}

/** A cache file's entry, or `null` when it is not one this version wrote (it is then fetched again). */
function readEntry(text: string, id: string): CacheEntry | null {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof data !== "object" || data === null) return null;
	const entry = data as Partial<CacheEntry>;
	if (entry.version !== 1 || entry.videoId !== id || !Array.isArray(entry.tracks) || typeof entry.captions !== "object" || entry.captions === null) return null;
	const tracks = entry.tracks.filter((t) => typeof t?.languageCode === "string" && typeof t.name === "string" && typeof t.auto === "boolean");
	const captions: CacheEntry["captions"] = {};
	for (const [key, value] of Object.entries(entry.captions)) {
		if (typeof value?.vtt === "string" && typeof value.fetched === "string" && typeof value.name === "string") captions[key] = value;
	}
	return { version: 1, videoId: id, source: typeof entry.source === "string" ? entry.source : watchPageUrl(id), tracks, captions };
}
