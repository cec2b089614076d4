import { extractCitations, videoKey, type Citation, type TimedCitation, type VideoRef } from "../core";

/** One note's citations as the index keeps them: typed arrays, no text, so a large vault stays small. */
export interface IndexedNote {
	path: string;
	video: VideoRef;
	/** Seconds of each citation with a time, in document order. */
	seconds: Float64Array;
	/** 0-based line of each of those citations. */
	lines: Int32Array;
}

/** One row of a video's timeline: a citation of some note, located well enough to show and open it. */
export interface TimelineEntry {
	path: string;
	seconds: number;
	line: number;
	/** Index of the citation among the note's timed citations (document order). */
	index: number;
}

/**
 * Whether the index keeps citation `c` of a note whose video has YouTube id `ownId` (`null` for
 * other videos): it has a time and does not name another video with `data-v`. The panel reads notes
 * again with the same rule, so its rows line up with the index's entries.
 */
export function isIndexed(c: Citation, ownId: string | null): c is TimedCitation {
	return c.seconds !== null && (c.videoId === undefined || c.videoId === ownId);
}

/** The citations of a note that the index keeps, in document order (what {@link TimelineEntry.index} counts). */
export function indexedCitations(citations: readonly Citation[], video: VideoRef): TimedCitation[] {
	const ownId = video.kind === "youtube" ? video.id : null;
	return citations.filter((c): c is TimedCitation => isIndexed(c, ownId));
}

/**
 * Every citation of every note, keyed by video. Notes are re-indexed one at a time from their
 * text (`setNote`), so keeping the index current costs one extraction per changed note; the
 * per-video timeline is merged lazily and cached until one of its notes changes.
 */
export class CitationIndex {
	private notes = new Map<string, IndexedNote>();
	private byVideo = new Map<string, Set<string>>();
	private timelines = new Map<string, TimelineEntry[]>();
	private listeners = new Set<(videoKeys: ReadonlySet<string>) => void>();
	private pending: Set<string> | null = null;

	/** How many notes with a video and at least one citation are indexed. */
	get noteCount(): number {
		return this.notes.size;
	}

	/** Indexes (or re-indexes) a note from its text; `video` is its resolved video, `null` to drop it. */
	setNote(path: string, text: string, video: VideoRef | null): void {
		const changed = new Set<string>();
		const old = this.notes.get(path);
		if (old) changed.add(this.detach(path, old));
		if (video) {
			const all = extractCitations(text);
			const ownId = video.kind === "youtube" ? video.id : null;
			const seconds = new Float64Array(all.length);
			const lines = new Int32Array(all.length);
			let n = 0;
			for (const c of all) {
				if (!isIndexed(c, ownId)) continue;
				seconds[n] = c.seconds;
				lines[n] = c.line;
				n++;
			}
			if (n > 0) {
				const note: IndexedNote = { path, video, seconds: seconds.subarray(0, n), lines: lines.subarray(0, n) };
				const key = videoKey(video);
				this.notes.set(path, note);
				let set = this.byVideo.get(key);
				if (!set) this.byVideo.set(key, (set = new Set()));
				set.add(path);
				changed.add(key);
			}
		}
		for (const key of changed) this.timelines.delete(key);
		if (changed.size) this.emit(changed);
	}

	/** Forgets a note (deleted, or no longer a note). */
	removeNote(path: string): void {
		const old = this.notes.get(path);
		if (!old) return;
		const key = this.detach(path, old);
		this.timelines.delete(key);
		this.emit(new Set([key]));
	}

	/** Follows a rename without re-reading the note. */
	renameNote(oldPath: string, newPath: string): void {
		const note = this.notes.get(oldPath);
		if (!note) return;
		const key = this.detach(oldPath, note);
		note.path = newPath;
		this.notes.set(newPath, note);
		let set = this.byVideo.get(key);
		if (!set) this.byVideo.set(key, (set = new Set()));
		set.add(newPath);
		this.timelines.delete(key);
		this.emit(new Set([key]));
	}

	/** The indexed notes that cite `video`. */
	notesFor(video: VideoRef): IndexedNote[] {
		const set = this.byVideo.get(videoKey(video));
		return set ? [...set].map((p) => this.notes.get(p) as IndexedNote) : [];
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

	/** Calls `listener` with the keys of the videos whose citations changed; returns the unsubscribe function. */
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

	private detach(path: string, note: IndexedNote): string {
		const key = videoKey(note.video);
		this.notes.delete(path);
		const set = this.byVideo.get(key);
		set?.delete(path);
		if (set && set.size === 0) this.byVideo.delete(key);
		return key;
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

	private emit(keys: ReadonlySet<string>): void {
		if (this.pending) {
			for (const k of keys) this.pending.add(k);
			return;
		}
		for (const l of [...this.listeners]) l(keys);
	}
}
