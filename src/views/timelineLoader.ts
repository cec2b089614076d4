import { extractCitations, type ExtractOptions, type TimedCitation, type VideoRef } from "../core";
import { citationsOfVideo } from "../notes/citationVideo";
import type { IndexBuild, IndexedNote, TimelineEntry } from "../vault/citationIndex";
import { placeholderCitation, VaultTimeline, type VaultCitation } from "./vaultTimeline";

/** The slice of the vault-wide citation index the panel reads (the `CitationIndex` in the plugin). */
export interface VaultCitationSource {
	/** Every citation of `video`, sorted by time, then note, then line. */
	timeline(video: VideoRef): readonly TimelineEntry[];
	/** The notes that cite `video`. */
	notesFor(video: VideoRef): IndexedNote[];
	/** The build of the whole index in progress (its timelines are not complete yet); `null` once done. */
	readonly building: Readonly<IndexBuild> | null;
	/**
	 * Calls `listener` with the keys of the videos whose citations changed (none when only the
	 * build's progress did); returns the unsubscribe function.
	 */
	onChange(listener: (videoKeys: ReadonlySet<string>) => void): () => void;
}

interface NoteRead {
	text: string;
	/** The note's citations of the timeline's video, in document order (as the index counts them). */
	timed: TimedCitation[];
}

/**
 * Builds a video's {@link VaultTimeline} from the index, which keeps no text: the notes citing the
 * video are read (and their citations extracted) once, and again only when the index re-indexed
 * them. The cache is keyed by the index's own per-note record, which it replaces on every change
 * of that note and keeps across a rename, so no path bookkeeping is needed.
 */
export class TimelineLoader {
	private reads = new WeakMap<IndexedNote, Promise<NoteRead>>();

	constructor(
		private index: VaultCitationSource,
		/** A note's text (the vault's cachedRead). */
		private read: (path: string) => Promise<string>,
		/** A video a citation names, as it plays from the note at `sourcePath`, as the index resolved it. */
		private linked: (ref: VideoRef, sourcePath: string) => VideoRef = (ref) => ref,
	) {}

	/** The timeline of `video` as the index has it now, with each citation's text. */
	async load(video: VideoRef): Promise<VaultTimeline> {
		const notes = this.index.notesFor(video);
		const reads = await Promise.all(notes.map((note) => this.readNote(note)));
		const byPath = new Map<string, NoteRead>();
		notes.forEach((note, i) => byPath.set(note.path, reads[i] as NoteRead));
		// Read after the awaits: the index may have moved on, and its entries are the ones to show.
		const entries: VaultCitation[] = this.index.timeline(video).map((entry) => {
			const read = byPath.get(entry.path);
			const citation = match(read, entry);
			// Without its citation, the note's text cannot place it: its line will do.
			return citation && read ? { path: entry.path, citation, noteText: read.text } : { path: entry.path, citation: placeholderCitation(entry), noteText: "" };
		});
		return new VaultTimeline(video, entries);
	}

	private readNote(note: IndexedNote): Promise<NoteRead> {
		let read = this.reads.get(note);
		if (!read) {
			read = this.read(note.path).then(
				// Read as the index read them: against the length of the note's video it knew then.
				(text) => ({ text, timed: citationsOfVideo(extractCitations(text, readingOf(note)), note.video, note.noteVideo, (ref) => this.linked(ref, note.path)) }),
				() => ({ text: "", timed: [] }),
			);
			this.reads.set(note, read);
		}
		return read;
	}
}

/** The note's citation behind an index entry: the one at its index, or one at the same time and line. */
function match(read: NoteRead | undefined, entry: TimelineEntry): TimedCitation | undefined {
	if (!read) return undefined;
	const same = (c: TimedCitation | undefined) => !!c && c.seconds === entry.seconds && c.line === entry.line;
	const at = read.timed[entry.index];
	return same(at) ? at : read.timed.find(same);
}

/** The options the index read the note with, to find the same citations again. */
function readingOf(note: IndexedNote): ExtractOptions {
	const options: ExtractOptions = note.duration === undefined ? {} : { duration: note.duration };
	if (note.otherForms === false) options.otherForms = false;
	return options;
}
