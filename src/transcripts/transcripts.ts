import { parseTranscript, videoKey, type TranscriptCue, type VideoRef } from "../core";
import { findTranscriptSources, pickSource, SUBTITLE_EXTENSIONS, type SourceChoice, type TranscriptSource } from "./sources";
import type { YouTubeTranscripts } from "./youtubeTranscripts";

/** The vault as the transcripts see it: subtitle files, their text, notes' frontmatter, links. */
export interface TranscriptVault {
	/** Every `.vtt` and `.srt` file's path. */
	subtitleFiles(): string[];
	/** A file's text; rejects when it cannot be read. */
	read(path: string): Promise<string>;
	frontmatter(path: string): Record<string, unknown> | null | undefined;
	resolveLink(link: string, sourcePath: string): string | null;
}

/** Fetches a web address's text (Obsidian's `requestUrl` in the plugin); rejects on failure. */
export interface TextFetcher {
	fetchText(url: string): Promise<string>;
}

/** The language chosen for each video, remembered in the plugin's data. */
export interface LanguageMemory {
	get(videoKey: string): string | null | undefined;
	set(videoKey: string, language: string | null): void;
}

/** A note's transcript as the views show it. */
export interface NoteTranscript {
	/** `none`: nothing found; `remote`: a web address, fetched only when asked; `ready`; `error`. */
	status: "none" | "remote" | "ready" | "error";
	/** The sources found (several: one per language). */
	sources: TranscriptSource[];
	/** The source shown. */
	source: TranscriptSource | null;
	cues: TranscriptCue[];
	/** Why there are no cues, in words (`error`, or a named source that cannot be used). */
	message?: string;
	/** Fetching YouTube's captions failed: the view offers to try again. */
	retry?: boolean;
}

/** How to add a transcript, for the views to say when a note has none. */
export const NO_TRANSCRIPT_MESSAGE =
	"No transcript for this note's video. Put a subtitle file (.vtt or .srt) beside the video with its name (talk.mp4 → talk.vtt, talk.en.srt), name one in the note's frontmatter (transcript: talk.vtt), or, for YouTube, save one named after the video id (ID.en.vtt).";

/** Added for a YouTube video while fetching is off. */
export const FETCH_HINT = 'Or turn on "Fetch YouTube transcripts" in the plugin\'s settings to fetch its captions from YouTube.';

/**
 * Finds, reads and keeps notes' transcripts. Files are read when asked and kept parsed until they
 * change ({@link forget}); a web address is fetched only by {@link fetchRemote}, when the user
 * asks for it, and kept for the session.
 */
export class Transcripts {
	private parsed = new Map<string, Promise<{ cues: TranscriptCue[]; error?: string }>>();

	constructor(
		private readonly vault: TranscriptVault,
		private readonly fetcher: TextFetcher,
		private readonly languages: LanguageMemory,
		/** YouTube's captions, for a YouTube video with no subtitle file (fetched only while the setting is on). */
		private readonly youtube: YouTubeTranscripts | null = null,
	) {}

	/** Where the note's transcript would come from, without reading anything. */
	sourcesFor(notePath: string, video: VideoRef | null): SourceChoice {
		return findTranscriptSources({
			frontmatter: this.vault.frontmatter(notePath),
			video,
			notePath,
			subtitleFiles: this.vault.subtitleFiles(),
			resolveLink: (link, from) => this.vault.resolveLink(link, from),
		});
	}

	/**
	 * Whether the note's video may have a transcript, without reading or fetching anything: a
	 * source is found in the vault, or it is a YouTube video and fetching its captions is on.
	 */
	mayHave(notePath: string, video: VideoRef | null): boolean {
		if (this.sourcesFor(notePath, video).sources.length > 0) return true;
		return video?.kind === "youtube" && this.youtube?.enabled() === true;
	}

	/** The note's transcript: read from the vault (a web address is left for {@link fetchRemote}). */
	async load(notePath: string, video: VideoRef | null): Promise<NoteTranscript> {
		const choice = this.sourcesFor(notePath, video);
		const remembered = video ? this.languages.get(videoKey(video)) : undefined;
		const source = pickSource(choice.sources, remembered);
		if (!source && choice.found === "none" && video?.kind === "youtube") return this.loadYouTube(video.id, remembered);
		if (!source) return { status: choice.problem ? "error" : "none", sources: [], source: null, cues: [], message: choice.problem };
		if (source.kind === "url" && !this.parsed.has(source.url)) return { status: "remote", sources: choice.sources, source, cues: [] };
		return this.read(choice.sources, source);
	}

	/** Fetches a web transcript the note names (the user asked), or YouTube's captions again after a failure, then reads it. */
	async fetchRemote(notePath: string, video: VideoRef | null): Promise<NoteTranscript> {
		const choice = this.sourcesFor(notePath, video);
		if (choice.found === "none" && video?.kind === "youtube") {
			this.youtube?.retry(video.id);
			return this.load(notePath, video);
		}
		const source = choice.sources.find((s) => s.kind === "url");
		if (!source || source.kind !== "url") return this.load(notePath, video);
		if (!this.parsed.has(source.url)) {
			this.parsed.set(
				source.url,
				this.fetcher.fetchText(source.url).then(
					(text) => parseTranscript(text, source.url),
					(e: unknown) => {
						// A failed fetch may be tried again.
						this.parsed.delete(source.url);
						return { cues: [], error: `Could not fetch the transcript from ${source.url}: ${e instanceof Error ? e.message : String(e)}` };
					},
				),
			);
		}
		return this.read(choice.sources, source);
	}

	/** YouTube's captions of a video, when fetching is on; else what to do instead. */
	private async loadYouTube(id: string, remembered: string | null | undefined): Promise<NoteTranscript> {
		if (!this.youtube?.enabled()) return { status: "none", sources: [], source: null, cues: [], message: `${NO_TRANSCRIPT_MESSAGE} ${FETCH_HINT}` };
		const result = await this.youtube.load(id, remembered);
		if (result.error !== undefined) return { status: "error", sources: result.sources, source: result.source, cues: [], message: result.error, retry: true };
		return { status: "ready", sources: result.sources, source: result.source, cues: result.cues };
	}

	/** Shows `language` for `video` from now on (remembered across restarts). */
	chooseLanguage(video: VideoRef, language: string | null): void {
		this.languages.set(videoKey(video), language);
	}

	/** A file changed, moved or went: read it again next time. */
	forget(path: string): void {
		this.parsed.delete(path);
	}

	/** Whether a path is a subtitle file (its changes matter to the transcripts). */
	static isSubtitleFile(path: string): boolean {
		const dot = path.lastIndexOf(".");
		return dot > 0 && (SUBTITLE_EXTENSIONS as readonly string[]).includes(path.slice(dot + 1).toLowerCase());
	}

	private async read(sources: TranscriptSource[], source: Exclude<TranscriptSource, { kind: "youtube" }>): Promise<NoteTranscript> {
		const key = source.kind === "url" ? source.url : source.path;
		let pending = this.parsed.get(key);
		if (!pending && source.kind === "file") {
			pending = this.vault.read(source.path).then(
				(text) => parseTranscript(text, source.path.slice(source.path.lastIndexOf("/") + 1)),
				() => ({ cues: [], error: `Could not read "${source.path}".` }),
			);
			this.parsed.set(key, pending);
		}
		const result = pending ? await pending : { cues: [], error: "The transcript is not loaded." };
		if (result.error) return { status: "error", sources, source, cues: [], message: result.error };
		return { status: "ready", sources, source, cues: result.cues };
	}
}
