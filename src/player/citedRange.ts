/** What a player does when it reaches the end of a cited range. */
export type RangeStep = "pause" | "loop" | null;

/** How far a position may move between two reports and still count as playing on (not a jump). */
const MAX_STEP_SECONDS = 4;
/** A position this far before the start counts as moved elsewhere (a seek lands a little early). */
const EARLY_SECONDS = 0.5;
/** Reports of the old position a player may still give right after the seek (YouTube does). */
const STALE_REPORTS = 4;

/**
 * A cited range being played (issue 20): from `start` to `end`, once (pausing at the end) or over
 * and over. Fed the playing position, it says when the end is reached; a position that jumps away
 * (the user scrubbed, skipped or sought) ends it.
 */
export class CitedRange {
	private last: number;
	private armed = false;
	private stale = 0;
	private over = false;

	constructor(
		readonly start: number,
		readonly end: number,
		/** Plays over and over (the player's loop button may change it). */
		public loop: boolean,
	) {
		this.last = start;
	}

	/**
	 * The player is at `seconds`: `"pause"` or `"loop"` when it played on to the end, `null` while
	 * inside. {@link isOver} says whether the range no longer applies (reached without loop, or left).
	 */
	at(seconds: number): RangeStep {
		if (this.over) return null;
		const inside = seconds >= this.start - EARLY_SECONDS && seconds < this.end;
		if (!this.armed) {
			// Until the player reports a position in the range, what it says is where it was before the seek.
			if (inside) this.armed = true;
			else if (++this.stale > STALE_REPORTS) this.over = true;
			this.last = seconds;
			return null;
		}
		const last = this.last;
		this.last = seconds;
		if (seconds < this.start - EARLY_SECONDS || seconds - last > MAX_STEP_SECONDS || seconds < last - MAX_STEP_SECONDS) {
			this.over = true;
			return null;
		}
		if (seconds < this.end) return null;
		if (this.loop) {
			this.last = this.start;
			this.armed = false;
			this.stale = 0;
			return "loop";
		}
		this.over = true;
		return "pause";
	}

	/** Whether the range has ended (played once, or the player moved outside it). */
	get isOver(): boolean {
		return this.over;
	}
}
