/**
 * Rolling captions, collapsed. Auto-generated captions show each line twice or more: under the
 * line before it, alone in a 10 ms cue when it is finished, and on top of the next line; other
 * tools grow a line word by word (`the`, `the first`, `the first study`). The reader hands cues to
 * a {@link CueSink}: {@link RollingCollapse} keeps each spoken line once, at the time it was
 * first spoken; {@link CueList} keeps the cues as read, to decide afterwards.
 */
import { cueLineText } from "./cueText";
import type { TranscriptCue } from "./transcript";

/** Where the reader puts cues: `begin`, then each non-empty text line, then `end`. */
export interface CueSink {
	begin(start: number, end: number): void;
	/** A line of text, plain. */
	line(text: string): void;
	/** A line with word times as written: `source` from `from` to `to` (see {@link RollingCollapse}). */
	timedLine(source: string, from: number, to: number): void;
	end(): void;
}

/**
 * Collapses rolling captions as they are read (see the module comment).
 *
 * A line with word times (`so<00:00:00.480><c> today</c>…`) is handed over as written, where it
 * is in the file (`timedLine`): YouTube follows it with a 10 ms cue showing the same line finished, so that cue's
 * text is taken for it when it is that line without its tags, and the markup is only stripped
 * (`cueLineText`) when it does not. That halves the cost of reading a file of auto-generated
 * captions (the comparison is made in the file's text, with no copy of the line); the result is
 * the same.
 */
export class RollingCollapse implements CueSink {
	private readonly out: TranscriptCue[] = [];
	private prevLast = "";
	private prevEnd = -Infinity;
	private start = 0;
	private stop = 0;
	private touching = false;
	private lines = 0;
	private last = "";
	private text = "";
	// A cue whose last line had word times, and that line as written (`pendingSource` from
	// `pendingFrom` to `pendingTo`; `pendingFrom` is -1 when there is none), until its plain text is known.
	private pendingCue: TranscriptCue | null = null;
	private pendingSource = "";
	private pendingFrom = -1;
	private pendingTo = 0;

	/** The collapsed cues. */
	get cues(): TranscriptCue[] {
		this.resolve(null);
		return this.out;
	}

	begin(start: number, end: number): void {
		this.start = start;
		this.stop = end;
		// A line shown again belongs to the cue just before; a gap of over a second is a new line.
		this.touching = start <= this.prevEnd + 1;
		this.lines = 0;
		this.text = "";
	}

	timedLine(source: string, from: number, to: number): void {
		this.settle(source, from, to);
		this.pendingSource = source;
		this.pendingFrom = from;
		this.pendingTo = to;
		this.lines++;
	}

	line(text: string): void {
		this.settle(text, 0, -1);
		if (this.lines === 0 && this.touching && text === this.prevLast) {
			// The line before, shown again on top: skip it.
		} else this.text = this.text === "" ? text : `${this.text} ${text}`;
		this.last = text;
		this.lines++;
	}

	/**
	 * Before the next line (`source` from `from` to `to`, or all of `source` when `to` is -1): the
	 * cue waiting for a timed line's plain text is settled with it, and a timed line of this cue is
	 * read, in order.
	 */
	private settle(source: string, from: number, to: number): void {
		if (this.pendingCue) this.resolve(this.lines === 0 && this.touching && this.stop - this.start <= 0.05 ? (to < 0 ? source : source.slice(from, to)) : null);
		if (this.pendingFrom >= 0) {
			// A timed line with more text after it in the same cue: read it now, in order.
			const plain = cueLineText(this.pendingSource.slice(this.pendingFrom, this.pendingTo));
			this.pendingFrom = -1;
			if (plain !== "") {
				this.text = this.text === "" ? plain : `${this.text} ${plain}`;
				this.last = plain;
			}
		}
	}

	end(): void {
		if (this.pendingFrom >= 0 && !this.pendingCue) {
			this.pendingCue = { start: this.start, end: this.stop, text: this.text };
			this.prevEnd = this.stop;
			return;
		}
		if (this.pendingCue) this.resolve(null);
		this.finish();
	}

	private finish(): void {
		if (this.text !== "") {
			const previous = this.out[this.out.length - 1];
			if (previous && this.touching && this.lines === 1 && grows(previous.text, this.text)) {
				// A line growing word by word: one cue, from its first word to its last.
				previous.text = this.text;
				if (this.stop > previous.end) previous.end = this.stop;
			} else this.out.push({ start: this.start, end: this.stop, text: this.text });
		}
		if (this.lines > 0) {
			this.prevLast = this.last;
			this.prevEnd = this.stop;
		}
	}

	/**
	 * Settles the cue waiting for its timed line's plain text: `finished` (the next cue's line,
	 * when that is a 10 ms cue) if it is that line without its markup, else the line stripped.
	 */
	private resolve(finished: string | null): void {
		const cue = this.pendingCue;
		if (!cue) return;
		const source = this.pendingSource;
		const from = this.pendingFrom;
		const to = this.pendingTo;
		this.pendingCue = null;
		this.pendingFrom = -1;
		const plain = finished !== null && sameWords(source, from, to, finished) ? finished : cueLineText(source.slice(from, to));
		if (plain !== "") {
			const text = cue.text === "" ? plain : `${cue.text} ${plain}`;
			this.out.push({ start: cue.start, end: cue.end, text });
		} else if (cue.text !== "") this.out.push(cue);
		this.prevLast = plain;
		this.prevEnd = cue.end;
	}
}

/**
 * Whether `finished` is exactly the timed line (`source` from `from` to `to`) without its tags:
 * one walk over both, in step, skipping each `<…>` of the timed line. Anything else (spaces to
 * tidy, entities) says no, and the line is stripped instead.
 */
function sameWords(source: string, from: number, to: number, finished: string): boolean {
	const m = finished.length;
	if (m >= to - from) return false;
	// The line's last ">": a tag opened before it closes within the line (found by a native search
	// that cannot run on past the line), one opened after it does not.
	let lastClose = to - 1;
	while (lastClose >= from && source.charCodeAt(lastClose) !== 62) lastClose--;
	let j = 0;
	for (let i = from; i < to; i++) {
		const c = source.charCodeAt(i);
		if (c === 60) {
			if (i >= lastClose) return false;
			i = source.indexOf(">", i + 1);
			continue;
		}
		if (j >= m || finished.charCodeAt(j) !== c) return false;
		j++;
	}
	return j === m;
}

/** Keeps the cues as read, each with its lines, for {@link isRolling} to judge. */
export class CueList implements CueSink {
	/** The cues as read. */
	readonly cues: { start: number; end: number; lines: string[] }[] = [];

	begin(start: number, end: number): void {
		this.cues.push({ start, end, lines: [] });
	}

	line(text: string): void {
		this.cues[this.cues.length - 1]?.lines.push(text);
	}

	timedLine(source: string, from: number, to: number): void {
		this.cues[this.cues.length - 1]?.lines.push(cueLineText(source.slice(from, to)));
	}

	end(): void {}

	/** Hands every cue, as read, to another sink. */
	replay(sink: CueSink): void {
		for (const c of this.cues) {
			sink.begin(c.start, c.end);
			for (const l of c.lines) sink.line(l);
			sink.end();
		}
	}

	/** The cues as they are, their lines joined by spaces; cues with no text are left out. */
	plainCues(): TranscriptCue[] {
		const out: TranscriptCue[] = [];
		for (const c of this.cues) if (c.lines.length > 0) out.push({ start: c.start, end: c.end, text: c.lines.join(" ") });
		return out;
	}
}

/**
 * Whether cues read without word times are rolling captions: at least a third of them (and two)
 * start with the previous cue's last line (where either cue has two lines: a line said twice in
 * ordinary subtitles is two one-line cues) or grow the previous cue's one line.
 */
export function isRolling(list: CueList): boolean {
	const cues = list.cues;
	let repeats = 0;
	for (let i = 1; i < cues.length; i++) {
		const prev = (cues[i - 1] as { lines: string[] }).lines;
		const lines = (cues[i] as { lines: string[] }).lines;
		if (prev.length === 0 || lines.length === 0) continue;
		const last = prev[prev.length - 1] as string;
		if (lines[0] === last && (lines.length > 1 || prev.length > 1)) repeats++;
		else if (lines.length === 1 && prev.length === 1 && grows(last, lines[0] as string)) repeats++;
	}
	return repeats >= 2 && repeats * 3 >= cues.length;
}

/** Whether `next` is `prev` with more words after it. */
function grows(prev: string, next: string): boolean {
	return next.length > prev.length && next.charCodeAt(prev.length) === 32 && next.startsWith(prev);
}
