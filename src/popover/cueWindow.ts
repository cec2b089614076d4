import { formatTimestamp, type TranscriptCue, type VideoRef } from "../core";
import { sameVideo } from "../player/surface";
import type { NoteTranscript } from "../transcripts/transcripts";
import { TranscriptModel } from "../views/transcript/transcriptModel";

/** The cues shown around a cited moment: from this many seconds before it… */
export const BEFORE_SECONDS = 5;
/** …to this many after. */
export const AFTER_SECONDS = 20;

/** The class of every drawn cue window (the popover ignores citations inside one). */
export const CUE_WINDOW_CLASS = "vc-cue-window";

/**
 * Draws the cues around `seconds` into `parent`: every cue that overlaps BEFORE_SECONDS before the
 * moment to AFTER_SECONDS after it, the cue at the moment emphasised (`is-current`), each a button
 * that calls `play` with its start. The popover and the panel's expanded rows both draw with it.
 */
export function renderCueWindow(parent: HTMLElement, model: TranscriptModel, seconds: number, play: (start: number) => void): HTMLElement {
	const list = parent.createDiv({ cls: `vc-popover-cues ${CUE_WINDOW_CLASS}` });
	const current = model.cueAt(seconds);
	model.cues.forEach((cue, i) => {
		if (cue.end < seconds - BEFORE_SECONDS || cue.start > seconds + AFTER_SECONDS) return;
		const at = formatTimestamp(Math.floor(cue.start), { style: "m:ss" });
		const row = list.createEl("button", { cls: i === current ? "vc-popover-cue is-current" : "vc-popover-cue", attr: { "aria-label": `Play from ${at}: ${cue.text}` } });
		if (i === current) row.setAttr("aria-current", "true");
		row.createSpan({ cls: "vc-transcript-time", text: at });
		row.createSpan({ cls: "vc-popover-cue-text", text: cue.text });
		row.addEventListener("click", (evt) => {
			evt.stopPropagation();
			play(cue.start);
		});
	});
	return list;
}

/** What the cue lookups need of the transcripts: whether a note's video may have one, and reading it. */
export interface TranscriptSourceReader {
	mayHave(notePath: string, video: VideoRef | null): boolean;
	load(notePath: string, video: VideoRef | null): Promise<NoteTranscript>;
}

/** A cited moment's cues, or why there are none to show, in words. */
export type CueLoad = { model: TranscriptModel } | { model: null; message: string };

/**
 * The transcripts as citations see them: a citation has cues when it plays its note's video and
 * that video has a transcript. {@link offered} only looks for a source (no file is read, nothing is fetched), so a
 * list can ask it per note as it draws; {@link load} reads and parses, once per file.
 */
export class CitationCues {
	private models = new WeakMap<readonly TranscriptCue[], TranscriptModel>();

	constructor(
		private readonly transcripts: TranscriptSourceReader,
		private readonly noteVideo: (notePath: string) => VideoRef | null,
	) {}

	/** Whether a citation of `video` in the note at `notePath` may have cues to show: a transcript source exists (none is read). */
	offered(notePath: string, video: VideoRef): boolean {
		const own = this.noteVideo(notePath);
		if (!own || !sameVideo(own, video)) return false;
		return this.transcripts.mayHave(notePath, own);
	}

	/** The transcript of the note's video, as a model, when it is ready. */
	async load(notePath: string, video: VideoRef): Promise<CueLoad> {
		const own = this.noteVideo(notePath);
		if (!own || !sameVideo(own, video)) return { model: null, message: "This citation plays another video than its note's, which has no transcript here." };
		const transcript = await this.transcripts.load(notePath, own);
		if (transcript.status === "remote") return { model: null, message: "This note's transcript is on the web: load it in the transcript view first." };
		if (transcript.status !== "ready" || transcript.cues.length === 0) return { model: null, message: transcript.message ?? "This note's video has no transcript." };
		let model = this.models.get(transcript.cues);
		if (!model) {
			model = new TranscriptModel(transcript.cues);
			this.models.set(transcript.cues, model);
		}
		return { model };
	}
}
