import { playingIndex, type Citation, type TranscriptCue } from "../../core";

/**
 * A transcript as the view reads it: the cue at a moment (a binary search over the starts, in
 * time order even when the file's cues are not), the cues a search matches, and the cues the
 * note's citations point at.
 */
export class TranscriptModel {
	/** The cues' indices in order of start time. */
	private readonly order: number[];
	/** The starts, in that order. */
	private readonly starts: number[];
	/** The cues' text in lower case, for the search. */
	private lower: string[] | null = null;

	constructor(readonly cues: readonly TranscriptCue[]) {
		let sorted = true;
		for (let i = 1; i < cues.length && sorted; i++) if ((cues[i] as TranscriptCue).start < (cues[i - 1] as TranscriptCue).start) sorted = false;
		this.order = cues.map((_, i) => i);
		if (!sorted) this.order.sort((a, b) => (cues[a] as TranscriptCue).start - (cues[b] as TranscriptCue).start || a - b);
		this.starts = this.order.map((i) => (cues[i] as TranscriptCue).start);
	}

	/** The cue playing at `seconds`: the last to start at or before it; -1 before the first. */
	cueAt(seconds: number): number {
		const k = playingIndex(this.starts, seconds);
		return k < 0 ? -1 : (this.order[k] as number);
	}

	/** The cues whose text holds `query` (any case, spaces collapsed), in document order. */
	search(query: string): number[] {
		const q = query.trim().replace(/\s+/g, " ").toLowerCase();
		if (q === "") return [];
		this.lower ??= this.cues.map((c) => c.text.toLowerCase());
		const out: number[] = [];
		this.lower.forEach((text, i) => {
			if (text.includes(q)) out.push(i);
		});
		return out;
	}

	/** The note's timed citations by the cue at their moment. */
	citedCues(citations: readonly Citation[]): Map<number, Citation[]> {
		const out = new Map<number, Citation[]>();
		for (const c of citations) {
			if (c.seconds === null) continue;
			const i = this.cueAt(c.seconds);
			if (i < 0) continue;
			const list = out.get(i);
			if (list) list.push(c);
			else out.set(i, [c]);
		}
		return out;
	}
}
