import { debounce, type Debouncer } from "obsidian";
import { MAX_SECONDS, videoKey, type ExtractOptions, type VideoRef } from "../core";
import { SavedMap, type MapStorage } from "./savedMap";

/** Where the remembered lengths are kept: their own key in the plugin's data file. */
export type DurationStorage = MapStorage<number>;

/** The lengths of videos that players have measured, as feature code reads them. */
export interface DurationSource {
	/** The length of `video` in seconds as a player measured it, or `undefined` until one has. */
	get(video: VideoRef): number | undefined;
	/**
	 * Calls `listener` with the {@link videoKey} of a video whose length was learned or changed;
	 * returns the unsubscribe function.
	 */
	onChange(listener: (videoKey: string, previous: number | undefined) => void): () => void;
}

/** Where players report the length of the video they play. */
export interface DurationRecorder {
	/** `seconds` is the length of `video`; anything but a finite length above 0 is ignored. */
	record(video: VideoRef, seconds: number): void;
}

/** The key of the plugin's data file the lengths are saved under. */
export const DURATIONS_KEY = "videoDurations";

/** How many videos' lengths are kept: the most recently reported ones, so the data file stays small. */
export const MAX_REMEMBERED = 2000;

/** How long after the last new length the memory is saved, in ms. */
export const SAVE_DELAY_MS = 2000;

/**
 * A length within this many seconds of the one remembered is the same length: players refine it
 * by a fraction as a video loads, and every note of the video would be read again for nothing.
 */
const SAME_WITHIN = 1;

/**
 * The length of every video a player has reported (YouTube or HTML5, the side view or a pinned
 * player), by {@link videoKey}, kept in the plugin's data so a note is read against its video's
 * length from the next start on, before anything plays. A new or changed length is saved a moment
 * later (never when nothing changed) and told to listeners, which read that video's notes again.
 */
export class VideoDurations implements DurationSource, DurationRecorder {
	/** Seconds by video key, least recently reported first. */
	private lengths: SavedMap<number>;
	private listeners = new Set<(videoKey: string, previous: number | undefined) => void>();
	private readonly saveSoon: Debouncer<[], void>;

	constructor(storage: DurationStorage, limit = MAX_REMEMBERED, delayMs = SAVE_DELAY_MS) {
		this.lengths = new SavedMap(storage, limit, (value) => (typeof value === "number" ? usableLength(value) : null));
		this.saveSoon = debounce(() => void this.lengths.save("the videos' lengths"), delayMs, true);
	}

	/** Reads the saved lengths (unusable entries are skipped); lengths reported meanwhile win. */
	load(): Promise<void> {
		return this.lengths.load();
	}

	get(video: VideoRef): number | undefined {
		return this.lengths.get(videoKey(video));
	}

	record(video: VideoRef, seconds: number): void {
		const length = usableLength(seconds);
		if (length === null) return;
		const key = videoKey(video);
		const known = this.lengths.get(key);
		// Most recently reported last, so the oldest go first once the memory is full.
		if (known !== undefined && Math.abs(known - length) < SAME_WITHIN) {
			this.lengths.set(key, known);
			return;
		}
		this.lengths.set(key, length);
		if (this.lengths.persists) this.saveSoon();
		for (const listener of [...this.listeners]) {
			try {
				listener(key, known);
			} catch (e) {
				console.error("Video Citations: could not read notes again for a video's length", e);
			}
		}
	}

	onChange(listener: (videoKey: string, previous: number | undefined) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Saves a pending change now (the plugin is unloading). */
	flush(): void {
		this.saveSoon.run();
	}
}

/**
 * What `extractCitations` needs to read a note whose own video is `video` against its length:
 * `{ duration }` once a player has measured it, else nothing (core then goes by a `duration:` the
 * note states in its frontmatter, if any).
 */
export function readingOptions(
	durations: Pick<DurationSource, "get"> | null | undefined,
	video: VideoRef | null | undefined,
	/** The settings, when they may turn off reading other plugins' forms. */
	settings?: { readonly otherForms: boolean },
): ExtractOptions {
	const duration = video && durations ? durations.get(video) : undefined;
	const options: ExtractOptions = duration === undefined ? {} : { duration };
	if (settings && !settings.otherForms) options.otherForms = false;
	return options;
}

/** A length rounded to a tenth of a second, or `null` when it is not a usable length. */
function usableLength(seconds: number): number | null {
	if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SECONDS) return null;
	const rounded = Math.round(seconds * 10) / 10;
	return rounded > 0 ? rounded : null;
}
