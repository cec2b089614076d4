import { debounce, type Debouncer } from "obsidian";
import { videoKey, type VideoRef } from "../core";
import { videoName } from "../player/surface";
import type { NoteMetadata } from "../obsidian/vaultMetadata";
import type { NoteVideoSource } from "./noteVideo";
import { SavedMap, type MapStorage } from "./savedMap";

/** Where the remembered titles are kept: their own key in the plugin's data file. */
export type TitleStorage = MapStorage<string>;

/** How feature code names videos and notes for people. */
export interface NameSource {
	/**
	 * A video's name, best first: the title the note at `sourcePath` gives it (`videoTitle`, then
	 * `title`, when that note's video is this one), the title a player reported (remembered across
	 * restarts), the file name for vault and web media, and only then "YouTube video ID".
	 */
	videoName(video: VideoRef, sourcePath?: string | null): string;
	/** The title a note or a player gave `video` (never the fallback name), or `null`. */
	knownTitle(video: VideoRef, sourcePath?: string | null): string | null;
	/** A note's name: its frontmatter `title`, else its file name without `.md`. */
	noteName(path: string): string;
}

/** Where players report the title of the video they loaded. */
export interface TitleRecorder {
	/** `title` is what the player says `video` is called; blank titles are ignored. */
	record(video: VideoRef, title: string): void;
}

/** The key of the plugin's data file the titles are saved under. */
export const TITLES_KEY = "videoTitles";
/** How many videos' titles are kept: the most recently reported ones. */
export const MAX_TITLES = 2000;
/** The longest title kept or shown from frontmatter, in characters. */
const MAX_TITLE_LENGTH = 300;
const SAVE_DELAY_MS = 2000;

/**
 * Names for videos and notes: titles the notes give, titles players reported (kept in the plugin's
 * data, so a video is named before it loads next time), and file names. Nothing here reaches the
 * network: a title is only learned from a player the user started.
 */
export class VideoTitles implements NameSource, TitleRecorder {
	private titles: SavedMap<string>;
	private readonly saveSoon: Debouncer<[], void>;

	constructor(
		storage: TitleStorage,
		private readonly metadata: Pick<NoteMetadata, "frontmatter">,
		private readonly notes: Pick<NoteVideoSource, "videoFor">,
		limit = MAX_TITLES,
		delayMs = SAVE_DELAY_MS,
	) {
		this.titles = new SavedMap(storage, limit, usableTitle);
		this.saveSoon = debounce(() => void this.titles.save("the videos' titles"), delayMs, true);
	}

	/** Reads the saved titles (unusable entries are skipped); titles reported meanwhile win. */
	load(): Promise<void> {
		return this.titles.load();
	}

	record(video: VideoRef, title: string): void {
		const usable = usableTitle(title);
		if (!usable) return;
		const known = this.titles.set(videoKey(video), usable);
		if (known !== usable && this.titles.persists) this.saveSoon();
	}

	knownTitle(video: VideoRef, sourcePath?: string | null): string | null {
		if (sourcePath) {
			const own = this.notes.videoFor(sourcePath);
			if (own && videoKey(own) === videoKey(video)) {
				const fm = this.metadata.frontmatter(sourcePath);
				const given = usableTitle(fm?.videoTitle) ?? usableTitle(fm?.title);
				if (given) return given;
			}
		}
		return this.titles.get(videoKey(video)) ?? null;
	}

	videoName(video: VideoRef, sourcePath?: string | null): string {
		return this.knownTitle(video, sourcePath) ?? videoName(video);
	}

	noteName(path: string): string {
		const title = usableTitle(this.metadata.frontmatter(path)?.title);
		return title ?? path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
	}

	/** Saves a pending change now (the plugin is unloading). */
	flush(): void {
		this.saveSoon.run();
	}


}

/** A title as text on one line, or `null` when `value` is not a usable title. */
function usableTitle(value: unknown): string | null {
	if (typeof value !== "string") return null;
	const title = value.replace(/\s+/g, " ").trim();
	return title ? title.slice(0, MAX_TITLE_LENGTH) : null;
}
