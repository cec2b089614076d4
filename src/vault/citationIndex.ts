import type { LinkedVideo } from "../notes/citationVideo";
import { extractCitations, videoKey, type Citation, type ExtractOptions, type VideoRef } from "../core";

/**
 * One note's citations of one video as the index keeps them: typed arrays, no text, so a large
 * vault stays small. A note citing two videos (its own, and another one some elements name with
 * `data-v`) has one record for each.
 */
export interface IndexedNote {
	path: string;
	/** The video these citations play. */
	video: VideoRef;
	/** The note's own video when it was indexed (`null`: none), to find the same citations again in its text. */
	noteVideo: VideoRef | null;
	/** The length of the note's video its citations were read against (`undefined`: none known), to read them alike again. */
	duration?: number;
	/** `false` when other plugins' forms were not read (the setting was off), to read the note alike again. */
	otherForms?: false;
	/** Seconds of each of its citations of {@link video}, in document order. */
	seconds: Float64Array;
	/** 0-based line of each of those citations. */
	lines: Int32Array;
}

/** One row of a video's timeline: a citation of some note, located well enough to show and open it. */
export interface TimelineEntry {
	path: string;
	seconds: number;
	line: number;
	/** Index of the citation among the note's citations of this video (document order, as `citationsOfVideo` lists them). */
	index: number;
}

/** How far a build of the whole index has come: notes read, of the vault's notes (0 until listed). */
export interface IndexBuild {
	done: number;
	total: number;
}

interface Track {
	video: VideoRef;
	seconds: number[];
	lines: number[];
}

/**
 * A note's citations grouped by the video each plays (its own `data-v`, else the note's video), as
 * `citationsOfVideo` would list them for each video. Most notes name no other video, so the
 * common path compares one field per citation and builds no key.
 */
function tracksOf(path: string, citations: readonly Citation[], noteVideo: VideoRef | null, reading: ExtractOptions, linked: LinkedVideo): IndexedNote[] {
	const { duration } = reading;
	const forms = reading.otherForms === false ? { otherForms: false as const } : {};
	const ownKey = noteVideo ? videoKey(noteVideo) : null;
	const own: Track | null = noteVideo ? { video: noteVideo, seconds: [], lines: [] } : null;
	let others: Map<string, Track> | null = null;
	for (const c of citations) {
		if (c.seconds === null) continue;
		let track = own;
		if (c.video !== undefined) {
			const video = linked(c.video);
			const key = videoKey(video);
			if (key !== ownKey) {
				others ??= new Map();
				track = others.get(key) ?? null;
				if (!track) others.set(key, (track = { video, seconds: [], lines: [] }));
			}
		}
		if (!track) continue;
		track.seconds.push(c.seconds);
		track.lines.push(c.line);
	}
	const tracks = [own, ...(others?.values() ?? [])];
	return tracks.flatMap((t) =>
		t && t.seconds.length > 0
			? [{ path, video: t.video, noteVideo, ...(duration === undefined ? {} : { duration }), ...forms, seconds: Float64Array.from(t.seconds), lines: Int32Array.from(t.lines) }]
			: [],
	);
}

/**
 * Every citation of every note, keyed by the video it plays. Notes are re-indexed one at a time
 * from their text (`setNote`), so keeping the index current costs one extraction per changed note;
 * the per-video timeline is merged lazily and cached until one of its notes changes.
 */
export class CitationIndex {
	/** Each note's records, one per video it cites. */
	private notes = new Map<string, IndexedNote[]>();
	/** Video key → note path → that note's record for the video. */
	private byVideo = new Map<string, Map<string, IndexedNote>>();
	private timelines = new Map<string, TimelineEntry[]>();
	private listeners = new Set<(videoKeys: ReadonlySet<string>) => void>();
	private pending: Set<string> | null = null;
	private build: Readonly<IndexBuild> | null = null;

	/** The build of the whole index in progress; `null` once it is complete. */
	get building(): Readonly<IndexBuild> | null {
		return this.build;
	}

	/** Records how far a build has come (`null`: done); listeners hear of it with an empty set of videos. */
	setBuilding(build: IndexBuild | null): void {
		this.build = build && { ...build };
		this.emit(new Set());
	}

	/** How many notes with at least one citation of a video are indexed. */
	get noteCount(): number {
		return this.notes.size;
	}

	/**
	 * Indexes (or re-indexes) a note from its text; `video` is its resolved video (`null`: it names
	 * none, and only elements naming their own video with `data-v` count), `reading.duration` that
	 * video's length once a player has measured it.
	 */
	setNote(path: string, text: string, video: VideoRef | null, reading: ExtractOptions = {}, linked: LinkedVideo = (ref) => ref): void {
		const changed = this.detach(path);
		// A note without a video cites nothing unless an element names its own: skip the extraction.
		const records = video || text.includes("data-v") || text.includes("t=") ? tracksOf(path, extractCitations(text, reading), video, reading, linked) : [];
		this.attach(path, records, changed);
		this.changed(changed);
	}

	/** Forgets a note (deleted, or no longer a note). */
	removeNote(path: string): void {
		this.changed(this.detach(path));
	}

	/** Follows a rename without re-reading the note. */
	renameNote(oldPath: string, newPath: string): void {
		const records = this.notes.get(oldPath);
		if (!records) return;
		const changed = this.detach(oldPath);
		for (const record of records) record.path = newPath;
		this.attach(newPath, records, changed);
		this.changed(changed);
	}

	/**
	 * The paths of the indexed notes whose own video has the key `key`: those whose citations are
	 * read against its length (a note citing it only through `data-v` is not among them).
	 */
	notesOfOwnVideo(key: string): string[] {
		const out: string[] = [];
		for (const [path, note] of this.byVideo.get(key) ?? []) if (note.noteVideo && videoKey(note.noteVideo) === key) out.push(path);
		return out;
	}

	/** The indexed notes that cite `video`. */
	notesFor(video: VideoRef): IndexedNote[] {
		return [...(this.byVideo.get(videoKey(video))?.values() ?? [])];
	}

	/** Every citation of `video` across the vault, sorted by time (then note, then line). */
	timeline(video: VideoRef): readonly TimelineEntry[] {
		const key = videoKey(video);
		const cached = this.timelines.get(key);
		if (cached) return cached;
		// Entries go in by note path, then document order (line); the sort is stable, so sorting by
		// time alone keeps that order among ties and no path is compared per entry.
		const notes = this.notesFor(video).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		const entries: TimelineEntry[] = [];
		for (const note of notes) {
			for (let i = 0; i < note.seconds.length; i++) {
				entries.push({ path: note.path, seconds: note.seconds[i] as number, line: note.lines[i] as number, index: i });
			}
		}
		entries.sort((a, b) => a.seconds - b.seconds);
		this.timelines.set(key, entries);
		return entries;
	}

	/**
	 * Calls `listener` with the keys of the videos whose citations changed (none when only the
	 * build's progress did); returns the unsubscribe function.
	 */
	onChange(listener: (videoKeys: ReadonlySet<string>) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Drops everything (used when the index is rebuilt). */
	clear(): void {
		const keys = new Set(this.byVideo.keys());
		this.notes.clear();
		this.byVideo.clear();
		this.timelines.clear();
		if (keys.size) this.emit(keys);
	}

	/** Runs `update` and tells listeners once, with every video it changed. */
	batch(update: () => void): void {
		if (this.pending) {
			update();
			return;
		}
		this.pending = new Set();
		try {
			update();
		} finally {
			const keys = this.pending;
			this.pending = null;
			if (keys.size) this.emit(keys);
		}
	}

	/** Takes a note's records out; returns the keys of the videos it cited. */
	private detach(path: string): Set<string> {
		const keys = new Set<string>();
		for (const record of this.notes.get(path) ?? []) {
			const key = videoKey(record.video);
			const notes = this.byVideo.get(key);
			notes?.delete(path);
			if (notes?.size === 0) this.byVideo.delete(key);
			keys.add(key);
		}
		this.notes.delete(path);
		return keys;
	}

	/** Puts a note's records in, adding the keys of their videos to `keys`. */
	private attach(path: string, records: IndexedNote[], keys: Set<string>): void {
		if (records.length === 0) return;
		this.notes.set(path, records);
		for (const record of records) {
			const key = videoKey(record.video);
			let notes = this.byVideo.get(key);
			if (!notes) this.byVideo.set(key, (notes = new Map<string, IndexedNote>()));
			notes.set(path, record);
			keys.add(key);
		}
	}

	/** Forgets the cached timelines of `keys` and tells listeners. */
	private changed(keys: Set<string>): void {
		for (const key of keys) this.timelines.delete(key);
		if (keys.size) this.emit(keys);
	}

	private emit(keys: ReadonlySet<string>): void {
		if (this.pending) {
			for (const k of keys) this.pending.add(k);
			return;
		}
		for (const l of [...this.listeners]) l(keys);
	}
}
