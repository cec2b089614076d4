import type { Workspace, Vault } from "obsidian";
import { videoKey, type ExportRow, type VideoRef } from "../core";
import type { PlaybackPort } from "../player/types";
import type { ClipboardWriter } from "../obsidian/clipboard";
import type { NoteTextSource } from "../obsidian/noteText";
import { rangeOptions } from "../notes/citationMeaning";
import type { CitationTarget } from "../notes/citationTargets";
import { showCitationMenu } from "./citationMenu";
import { revealInNote, spotOf, type NoteSpot } from "../obsidian/revealInNote";
import type { IndexBuild } from "../vault/citationIndex";
import { TimelineLoader, type VaultCitationSource } from "./timelineLoader";
import type { VaultTimeline } from "./vaultTimeline";

/** What the whole-vault scope acts through. */
export interface VaultScopeDeps {
	index: VaultCitationSource;
	workspace: Workspace;
	vault: Pick<Vault, "getFileByPath">;
	/** The notes' saved text, as the index read it. */
	noteText: Pick<NoteTextSource, "saved">;
	playback: PlaybackPort;
	clipboard: ClipboardWriter;
	/** A video a citation names, as it plays from the note at `sourcePath` (a linked file found in the vault). */
	linkedVideo?: (ref: VideoRef, sourcePath: string) => VideoRef;
}

/**
 * The panel's "Whole vault" scope: which video's timeline is shown, loading it (the latest request
 * wins), and what its rows do: a chip plays the moment from its note, the note's name (or text)
 * opens the note at the citation, the menu copies it.
 */
export class VaultScope {
	/** The timeline shown, once loaded. */
	timeline: VaultTimeline | null = null;
	/** The key of the video shown or being loaded; `null` when there is none to show. */
	key: string | null = null;
	/** The video shown or being loaded. */
	video: VideoRef | null = null;
	/** How far the index's first build had come when the timeline was asked for (`null`: built, the timeline is shown). */
	indexing: Readonly<IndexBuild> | null = null;
	private generation = 0;
	private loader: TimelineLoader;

	constructor(private deps: VaultScopeDeps) {
		this.loader = new TimelineLoader(deps.index, (path) => deps.noteText.saved(path), deps.linkedVideo);
	}

	/** Whether `video` is another video than the one shown (or being loaded). */
	differs(video: VideoRef | null): boolean {
		return (video ? videoKey(video) : null) !== this.key;
	}

	/**
	 * Loads the timeline of `video` (`null`: none). Resolves `true` when it is the latest request
	 * and was applied, so the caller renders it; `false` when a newer one superseded it.
	 */
	async load(video: VideoRef | null): Promise<boolean> {
		const generation = ++this.generation;
		this.key = video ? videoKey(video) : null;
		this.video = video;
		// A timeline read while the index builds would miss the notes not read yet.
		this.indexing = video ? this.deps.index.building : null;
		if (!video || this.indexing) {
			this.timeline = null;
			return true;
		}
		const timeline = await this.loader.load(video);
		if (generation !== this.generation) return false;
		this.timeline = timeline;
		return true;
	}

	/** Forgets the shown video and drops any load in progress (the panel left this scope). */
	reset(): void {
		this.generation++;
		this.key = null;
		this.video = null;
		this.indexing = null;
		this.timeline = null;
	}

	/** Plays the citation at `index` from its note; a range stops at its end, or loops with `loop`. */
	seek(index: number, loop = false): void {
		const entry = this.timeline?.entries[index];
		if (!entry || !this.timeline) return;
		this.deps.playback.seek(this.timeline.video, entry.citation.seconds, { sourcePath: entry.path, ...rangeOptions(entry.citation, loop) });
	}

	/** What the citation at `index` plays: its moment in the timeline's video, from its note, and the claim it backs. */
	target(index: number): CitationTarget | null {
		const entry = this.timeline?.entries[index];
		if (!entry || !this.timeline) return null;
		return { seconds: entry.citation.seconds, video: this.timeline.video, notePath: entry.path, claim: entry.citation.text };
	}

	/** Plays the timeline's video from `seconds` (a transcript cue near the citation at `index`), from the citation's note. */
	playFrom(index: number, seconds: number): void {
		const entry = this.timeline?.entries[index];
		if (entry && this.timeline) this.deps.playback.seek(this.timeline.video, seconds, { sourcePath: entry.path });
	}

	/** Opens the citation's note at the citation (selecting it in an editor). */
	reveal(index: number): void {
		const entry = this.timeline?.entries[index];
		const file = entry && this.deps.vault.getFileByPath(entry.path);
		if (!entry || !file) return;
		const { citation } = entry;
		const spot: NoteSpot = entry.noteText
			? spotOf(entry.noteText, citation.from, citation.to)
			: { from: { line: citation.line, ch: 0 }, to: { line: citation.line, ch: 0 } };
		void revealInNote(this.deps.workspace, file, spot);
	}

	/** The timeline's citations as export rows (the copy menu). */
	exportRows(): ExportRow[] {
		return this.timeline?.exportRows() ?? [];
	}

	/** The row menu of the citation at `index`. */
	menu(index: number, evt: MouseEvent): void {
		const citation = this.timeline?.citations[index];
		if (!citation || !this.timeline) return;
		showCitationMenu(evt, citation, { video: this.timeline.video, clipboard: this.deps.clipboard, reveal: () => this.reveal(index) });
	}
}
