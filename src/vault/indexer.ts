import { mayHoldCitations } from "../core";
import type { NoteVideoSource } from "../notes/noteVideo";
import { readingOptions, type DurationSource } from "../notes/videoDurations";
import type { CitationIndex } from "./citationIndex";

/** The vault as the indexer reads it. */
export interface IndexSource {
	/** Paths of every markdown note. */
	markdownPaths(): string[];
	/** A note's text (Obsidian's cachedRead). */
	read(path: string): Promise<string>;
}

/** Where the indexer reports how far a large build has come. */
export interface IndexProgress {
	update(done: number, total: number): void;
	finish(total: number): void;
}

/** Notes per chunk: small enough that a chunk takes a few milliseconds. */
const CHUNK = 40;

/**
 * Builds the {@link CitationIndex} in chunks that yield to the UI between them (never blocking
 * layout or typing), and keeps it current from single-note events.
 */
export class CitationIndexer {
	private generation = 0;
	/** Resolves when the current build has finished (or was superseded). */
	ready: Promise<void> = Promise.resolve();

	constructor(
		private index: CitationIndex,
		private source: IndexSource,
		private notes: NoteVideoSource,
		private yieldToUi: () => Promise<void>,
		private progress?: IndexProgress,
		/** The videos' lengths, each note's citations are read against its own video's. */
		private durations?: Pick<DurationSource, "get">,
		/** The settings: whether other plugins' forms are read. */
		private settings?: { readonly current: { readonly otherForms: boolean } },
	) {}

	/** (Re)builds the whole index. A newer build cancels an older one. */
	build(): Promise<void> {
		const generation = ++this.generation;
		this.ready = this.run(generation);
		return this.ready;
	}

	/** Stops a build in progress (the plugin is unloading). */
	cancel(): void {
		this.generation++;
	}

	/** Re-indexes one note from its new text (metadataCache 'changed' gives it). */
	noteChanged(path: string, text: string): void {
		const video = this.notes.videoFor(path);
		this.index.setNote(path, text, video, readingOptions(this.durations, video, this.settings?.current), (ref) => this.notes.linkedVideo(ref, path));
	}

	/**
	 * The video with the key `key` has a new length: re-reads the notes of that video (only those)
	 * against it. Resolves once they are re-indexed.
	 */
	async videoLengthChanged(key: string): Promise<void> {
		const paths = this.index.notesOfOwnVideo(key);
		if (paths.length === 0) return;
		const texts = await Promise.all(paths.map((p) => this.source.read(p).catch(() => null)));
		this.index.batch(() => {
			paths.forEach((path, k) => {
				const text = texts[k];
				if (typeof text === "string") this.noteChanged(path, text);
			});
		});
	}

	/** A note was renamed or moved. */
	noteRenamed(oldPath: string, newPath: string): void {
		this.index.renameNote(oldPath, newPath);
	}

	/** A note was deleted. */
	noteDeleted(path: string): void {
		this.index.removeNote(path);
	}

	private async run(generation: number): Promise<void> {
		const paths = this.source.markdownPaths();
		this.index.clear();
		this.index.setBuilding({ done: 0, total: paths.length });
		for (let i = 0; i < paths.length; i += CHUNK) {
			if (generation !== this.generation) return;
			const chunk = paths.slice(i, i + CHUNK);
			const texts = await Promise.all(chunk.map((p) => this.source.read(p).catch(() => null)));
			if (generation !== this.generation) return;
			this.index.batch(() => {
				chunk.forEach((path, k) => {
					const text = texts[k];
					if (text === null || text === undefined || !mayHoldCitations(text)) return;
					this.noteChanged(path, text);
				});
			});
			const done = Math.min(i + CHUNK, paths.length);
			this.index.setBuilding({ done, total: paths.length });
			this.progress?.update(done, paths.length);
			await this.yieldToUi();
		}
		if (generation !== this.generation) return;
		this.index.setBuilding(null);
		this.progress?.finish(paths.length);
	}
}
