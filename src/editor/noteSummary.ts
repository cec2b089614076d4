import type { Text } from "@codemirror/state";
import { CONTEXT_REPAIRS, extractCitations, playingIndex, videoKey, type ExtractOptions, type RepairKind } from "../core";
import type { PlaybackState } from "../player/types";
import type { PlayingMoment } from "./playing";
import { readingKey } from "./rangeCitations";

/** One video's cited moments in a note: sorted seconds, and where each moment is first cited. */
interface Timeline {
	seconds: number[];
	first: Map<number, number>;
}

/**
 * What the editor needs from the whole note rather than the lines on screen: whether it writes its
 * times as `mm:ss:ff` (decided by `extractCitations` over all of them), and the sorted moments of
 * its timed citations, to tell which one is being played. Worked out when the editor opens and,
 * after edits that touch an anchor, once typing pauses; never per keystroke.
 */
export class NoteSummary {
	/**
	 * The times the whole note reads otherwise than as written (minutes:seconds, a label's time, an
	 * ambiguous one), by {@link readingKey}: a slice of lines cannot weigh them (usually none).
	 */
	readonly frames = new Map<string, { seconds: number; repaired: string; repair: RepairKind }>();
	/** The timed citations' moments and offsets, by the video a citation names itself ("" for the note's video). */
	private timelines = new Map<string, { seconds: number; from: number }[]>();
	private merged = new Map<string, Timeline>();

	/** The length of the note's video the note was read against (`undefined`: none known). */
	readonly duration: number | undefined;

	/**
	 * Reads `doc` (against `options.duration`, the length of the note's video once known); `null`
	 * gives a placeholder (no frame layout, nothing playing) until the note is read.
	 */
	constructor(doc: Text | null, options: ExtractOptions = {}) {
		this.duration = options.duration;
		const text = doc ? doc.toString() : "";
		for (const c of doc ? extractCitations(text, options) : []) {
			if (c.seconds === null) continue;
			if (c.repair !== undefined && c.repaired !== undefined && CONTEXT_REPAIRS.has(c.repair)) this.frames.set(readingKey(text, c.from, c.to), { seconds: c.seconds, repaired: c.repaired, repair: c.repair });
			const own = c.video ? videoKey(c.video) : "";
			const list = this.timelines.get(own);
			if (list) list.push({ seconds: c.seconds, from: c.from });
			else this.timelines.set(own, [{ seconds: c.seconds, from: c.from }]);
		}
	}

	/**
	 * The citation moment being played: the latest at or before the playing position among the
	 * citations of the loaded video (the note's own, `noteKey`, or one an element names), or `null`.
	 */
	playing(noteKey: string | null, state: Readonly<PlaybackState>): PlayingMoment | null {
		if (!state.video || state.loaded === false) return null;
		const key = videoKey(state.video);
		const timeline = this.timeline(key, noteKey);
		const index = playingIndex(timeline.seconds, state.seconds);
		const seconds = timeline.seconds[index];
		// A moment cited twice: the first copy in the note is the one marked, as in the panel.
		return seconds === undefined ? null : { video: key, seconds, from: timeline.first.get(seconds) ?? -1 };
	}

	/** Whether the two summaries read the note's frame-layout times the same way. */
	sameFrames(other: NoteSummary): boolean {
		if (other.frames.size !== this.frames.size) return false;
		for (const [text, reading] of this.frames) if (other.frames.get(text)?.seconds !== reading.seconds) return false;
		return true;
	}

	private timeline(key: string, noteKey: string | null): Timeline {
		const cacheKey = `${key}\n${noteKey ?? ""}`;
		const cached = this.merged.get(cacheKey);
		if (cached) return cached;
		const seconds: number[] = [];
		const first = new Map<number, number>();
		for (const [id, list] of this.timelines) {
			const own = id || noteKey;
			if (own !== key) continue;
			for (const c of list) {
				seconds.push(c.seconds);
				const known = first.get(c.seconds);
				if (known === undefined || c.from < known) first.set(c.seconds, c.from);
			}
		}
		seconds.sort((a, b) => a - b);
		const timeline = { seconds, first };
		this.merged.set(cacheKey, timeline);
		return timeline;
	}
}
