import { formatTimestamp, playingIndex, videoKey, type Citation, type InvalidCitation, type VideoRef } from "../core";
import { citationVideo, type LinkedVideo } from "../notes/citationVideo";
import { NO_VIDEO_MESSAGE } from "../notes/citationMeaning";
import type { PlaybackState } from "../player/types";
import type { IndexBuild } from "../vault/citationIndex";

/** What the panel says when there is nothing (or nothing playable) to list. */
export const PANEL_MESSAGES = {
	noNote: "Open a note to see its citations.",
	noVideo: NO_VIDEO_MESSAGE,
	noCitations: "No timestamps in this note yet. Use the insert timestamp command while the video plays.",
	noVaultVideo: "Play a video, or open a note that names one, to see every citation of it in this vault.",
	noVaultCitations: "No note in this vault cites this video yet.",
	/** The player is Obsidian's own YouTube embed (iOS), which does not say where it is. */
	noFollow: "Follow playback is unavailable: on this device the player cannot report its time.",
} as const;

/** What the whole-vault scope says while the index's first build runs: "Indexing citations… 120 of 5,000 notes". */
export function indexingMessage(build: Readonly<IndexBuild>): string {
	return build.total > 0 ? `Indexing citations… ${build.done.toLocaleString()} of ${build.total.toLocaleString()} notes` : "Indexing citations…";
}

/**
 * What the panel says under its filter box while a filter is typed: "4 of 92 citations match" (the
 * citations in the rows shown), or that none does; "" without a filter.
 */
export function filterStatus(query: string, rows: readonly PanelRow[], total: number): string {
	const q = query.trim();
	if (!q || total === 0) return "";
	let shown = 0;
	for (const row of rows) shown += row.citations.length;
	if (shown === 0) return `No citations match "${q}".`;
	return `${shown.toLocaleString()} of ${total.toLocaleString()} citations match`;
}

/** One row of the citations panel: a claim with its citations, or one citation in the timeline. */
export interface PanelRow {
	/** Indexes into the note's citations, in the order the row shows them (never empty). */
	citations: number[];
}

/** How the panel lays rows out: claims under their headings, or every citation by time. */
export type PanelLayout = "claims" | "timeline";

/** What the panel lists: the shown note's citations, or every note's citations of one video. */
export type PanelScope = "note" | "vault";

/** The note a row of a list spanning notes comes from. */
export interface NoteSource {
	/** The note's name (its basename). */
	name: string;
	/** Its folder ("" at the vault root), shown as a tooltip. */
	folder: string;
}

/**
 * What the panel's list renders and acts on: citations by index, whether each can be played, the
 * rows (indexes into `citations`), which one is playing, and for a list spanning notes, the note
 * of each citation.
 */
export interface ListModel {
	readonly citations: readonly Citation[];
	playable(index: number): boolean;
	/** The rows to show for a layout (a list spanning notes has one layout, by time). */
	rows(layout: PanelLayout): PanelRow[];
	/** The rows matching a filter (all of them for a blank query). */
	filter(rows: PanelRow[], query: string): PanelRow[];
	/** The citation being played, or -1. */
	playing(state: Readonly<PlaybackState>): number;
	/** Where the citation at `index` comes from, when the list spans notes. */
	source?(index: number): NoteSource;
}

/**
 * A note's citations as the panel needs them: rows per claim and per moment, a case-insensitive
 * search over text and times, and "which citation is playing" lookups. Pure; built once per
 * extraction, with the costly parts (rows, claim text, search keys) worked out when first asked for.
 */
export class NoteCitations implements ListModel {
	private claimRows: PanelRow[] | null = null;
	private timelineRows: PanelRow[] | null = null;
	private searchKeys: (string | undefined)[] = [];
	private tracks: Map<string, { seconds: number[]; citations: number[] }> | null = null;

	constructor(
		readonly citations: readonly Citation[],
		readonly noteVideo: VideoRef | null,
		/** A video a citation names, as it plays from this note (a linked file found in the vault). */
		readonly linked: LinkedVideo = (ref) => ref,
	) {}

	/** The video citation `c` plays (its own, else the note's), or `null`. */
	videoOf(c: Citation): VideoRef | null {
		return citationVideo(c, this.noteVideo, this.linked);
	}

	/** Rows for a layout: one per claim in document order, or one per citation sorted by time. */
	rows(layout: PanelLayout): PanelRow[] {
		return layout === "claims" ? this.claims() : this.timeline();
	}

	/** Citations that cannot be played, for the "fix these" list. */
	invalid(): { index: number; citation: InvalidCitation }[] {
		const out: { index: number; citation: InvalidCitation }[] = [];
		this.citations.forEach((citation, index) => {
			if (citation.seconds === null) out.push({ index, citation });
		});
		return out;
	}

	/** How many citations are read as minutes:seconds because their note is written that way (said once, in the header). */
	minutesSecondsCount(): number {
		let n = 0;
		for (const c of this.citations) if (c.repair === "minutes-seconds") n++;
		return n;
	}

	/** Whether the citation at `index` can be seeked: it has a time and a video. */
	playable(index: number): boolean {
		const c = this.citations[index];
		return !!c && c.seconds !== null && this.videoOf(c) !== null;
	}

	/** The rows of `rows` matching `query` (text, label or time, case-insensitive); all of them for a blank query. */
	filter(rows: PanelRow[], query: string): PanelRow[] {
		const q = query.trim().toLowerCase();
		if (!q) return rows;
		return rows.filter((row) => row.citations.some((i) => this.searchKey(i).includes(q)));
	}

	/**
	 * The citation being played: among this note's citations of the loaded video, the latest at or
	 * before the playing time. -1 when none is (another video, or before the first citation).
	 */
	playing(state: Readonly<PlaybackState>): number {
		if (!state.video || state.loaded === false) return -1;
		const track = this.playbackTracks().get(videoKey(state.video));
		if (!track) return -1;
		const at = playingIndex(track.seconds, state.seconds);
		return at < 0 ? -1 : (track.citations[at] ?? -1);
	}

	private claims(): PanelRow[] {
		if (this.claimRows) return this.claimRows;
		const rows: PanelRow[] = [];
		let claim = Number.NaN;
		this.citations.forEach((c, i) => {
			// Citations of one claim are consecutive, so a change of claim starts a row.
			if (c.claim === claim && rows.length > 0) rows[rows.length - 1]?.citations.push(i);
			else rows.push({ citations: [i] });
			claim = c.claim;
		});
		return (this.claimRows = rows);
	}

	private timeline(): PanelRow[] {
		if (this.timelineRows) return this.timelineRows;
		const order = this.citations.map((_, i) => i);
		// Stable sort by time; citations without one go last, in document order.
		order.sort((a, b) => (this.citations[a]?.seconds ?? Infinity) - (this.citations[b]?.seconds ?? Infinity) || a - b);
		return (this.timelineRows = order.map((i) => ({ citations: [i] })));
	}

	private searchKey(index: number): string {
		let key = this.searchKeys[index];
		if (key !== undefined) return key;
		const c = this.citations[index];
		if (!c) return "";
		const times = c.seconds === null ? "" : `\n${formatTimestamp(c.seconds)}\n${formatTimestamp(c.seconds, { style: "m:ss" })}`;
		key = `${c.text}\n${c.label}${times}`.toLowerCase();
		this.searchKeys[index] = key;
		return key;
	}

	private playbackTracks(): Map<string, { seconds: number[]; citations: number[] }> {
		if (this.tracks) return this.tracks;
		const byVideo = new Map<string, number[]>();
		this.citations.forEach((c, i) => {
			const video = c.seconds === null ? null : this.videoOf(c);
			if (!video) return;
			const key = videoKey(video);
			const list = byVideo.get(key) ?? [];
			list.push(i);
			byVideo.set(key, list);
		});
		this.tracks = new Map();
		for (const [key, list] of byVideo) {
			list.sort((a, b) => (this.citations[a]?.seconds ?? 0) - (this.citations[b]?.seconds ?? 0) || a - b);
			const track = { seconds: [] as number[], citations: [] as number[] };
			for (const i of list) {
				const s = this.citations[i]?.seconds ?? 0;
				// A moment cited twice highlights its first citation in the note, not the last.
				if (track.seconds[track.seconds.length - 1] === s) continue;
				track.seconds.push(s);
				track.citations.push(i);
			}
			this.tracks.set(key, track);
		}
		return this.tracks;
	}
}
