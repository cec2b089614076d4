import { formatTimestamp, playingIndex, videoKey, type ExportRow, type TimedCitation, type VideoRef } from "../core";
import type { PlaybackState } from "../player/types";
import type { TimelineEntry } from "../vault/citationIndex";
import type { ListModel, NoteSource, PanelRow } from "./panelModel";

/** One row of a video's timeline across the vault: a citation and the note it is in. */
export interface VaultCitation {
	path: string;
	citation: TimedCitation;
	/** The note's text the citation was read from ("" when it could not be read), to find its spot. */
	noteText: string;
}

/** A note's basename and folder, from its path. */
export function noteSource(path: string): NoteSource {
	const slash = path.lastIndexOf("/");
	const file = path.slice(slash + 1);
	return { name: file.replace(/\.md$/i, ""), folder: slash < 0 ? "" : path.slice(0, slash) };
}

/**
 * A stand-in for a citation the index lists but whose note text no longer holds it (the note
 * changed between indexing and reading; the index's next change event brings the real one).
 */
export function placeholderCitation(entry: TimelineEntry): TimedCitation {
	const label = formatTimestamp(entry.seconds);
	return { form: "element", seconds: entry.seconds, label, from: 0, to: 0, line: entry.line, text: "", headings: [], claim: -1 };
}

/**
 * Every citation of one video across the vault, sorted by time (then note, then line) as the
 * index orders them, with each citation's note: the panel's "Whole vault" scope. Pure.
 */
export class VaultTimeline implements ListModel {
	readonly citations: readonly TimedCitation[];
	private sources: NoteSource[];
	private seconds: number[];
	private allRows: PanelRow[] | null = null;
	private searchKeys: (string | undefined)[] = [];

	constructor(
		readonly video: VideoRef,
		readonly entries: readonly VaultCitation[],
	) {
		this.citations = entries.map((e) => e.citation);
		this.seconds = entries.map((e) => e.citation.seconds);
		const byPath = new Map<string, NoteSource>();
		this.sources = entries.map((e) => {
			let source = byPath.get(e.path);
			if (!source) byPath.set(e.path, (source = noteSource(e.path)));
			return source;
		});
	}

	/** How many notes the timeline's citations come from. */
	get noteCount(): number {
		return new Set(this.entries.map((e) => e.path)).size;
	}

	/** Every citation has a time and the timeline's video. */
	playable(index: number): boolean {
		return index >= 0 && index < this.entries.length;
	}

	source(index: number): NoteSource {
		return this.sources[index] ?? { name: "", folder: "" };
	}

	/** One row per citation, in timeline order. */
	rows(): PanelRow[] {
		return (this.allRows ??= this.entries.map((_, i) => ({ citations: [i] })));
	}

	/** The rows whose text, note name or time contains `query` (case-insensitive). */
	filter(rows: PanelRow[], query: string): PanelRow[] {
		const q = query.trim().toLowerCase();
		if (!q) return rows;
		return rows.filter((row) => row.citations.some((i) => this.searchKey(i).includes(q)));
	}

	/**
	 * The row being played: the latest citation at or before the playing time when this video is
	 * loaded (the first of several at that same second), else -1.
	 */
	playing(state: Readonly<PlaybackState>): number {
		if (!state.video || videoKey(state.video) !== videoKey(this.video)) return -1;
		let at = playingIndex(this.seconds, state.seconds);
		while (at > 0 && this.seconds[at - 1] === this.seconds[at]) at--;
		return at;
	}

	/** The citations as export rows, each naming its note (and linking to YouTube when it can). */
	exportRows(): ExportRow[] {
		const videoId = this.video.kind === "youtube" ? this.video.id : undefined;
		return this.entries.map((e, i) => ({
			seconds: e.citation.seconds,
			text: e.citation.text,
			note: this.source(i).name,
			line: e.citation.line,
			...(videoId ? { videoId } : {}),
		}));
	}

	private searchKey(index: number): string {
		let key = this.searchKeys[index];
		if (key !== undefined) return key;
		const c = this.citations[index];
		if (!c) return "";
		key = `${c.text}\n${this.source(index).name}\n${formatTimestamp(c.seconds)}\n${formatTimestamp(c.seconds, { style: "m:ss" })}`.toLowerCase();
		this.searchKeys[index] = key;
		return key;
	}
}
