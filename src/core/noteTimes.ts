import type { RawElement } from "./element";
import { labelWitness } from "./elementTime";
import { chooseReadings, type ChosenReading, type TimeWitness } from "./readings";
import { formatTimestamp, parseTimestamp } from "./timestamp";
import type { Citation, RepairKind } from "./types";

/** The repair kinds that come from weighing a time against its note rather than from its own markup. */
export const CONTEXT_REPAIRS: ReadonlySet<RepairKind> = new Set<RepairKind>(["minutes-seconds", "label", "ambiguous", "past-end"]);

/**
 * The times of a note as extraction meets them, read again in the context of the whole note once
 * it has been read (see `chooseReadings`). Extraction hands over each timed citation's fields as it
 * goes; what the choice needs to know up front (the largest first field, the third fields' counts)
 * is counted on the way, so a note with nothing to weigh (the common case) costs a few array writes
 * per citation. Labels are read as witnesses only for a note that is weighed.
 */
export class NoteTimes {
	/** Per timed citation: its index in the output. */
	private indices: number[] = [];
	/** Per timed citation: the time as written that it was read from. */
	private sources: string[] = [];
	/** Per timed citation: its element when the time is its clean `data-t` (its label may witness another reading). */
	private elements: (RawElement | null)[] = [];
	private others: Set<number> | null = null;
	private thirds: Uint16Array | null = null;
	private maxFirst = -1;
	private count = 0;
	/** The most frequent third field so far, and how often it comes. */
	private frame = -1;
	private frameCount = 0;

	/**
	 * Records the timed citation at `index` of the output, read from `source` (`fields` colon
	 * fields); `element` when that is its clean `data-t`, so its label can be weighed too. Only the
	 * first and last field of a three-field time are looked at here; the rest waits for a note
	 * that is weighed.
	 */
	note(index: number, source: string, fields: number, element: RawElement | null, ownVideo: boolean): void {
		this.indices.push(index);
		this.sources.push(fields === 3 ? source : "");
		this.elements.push(element);
		if (!ownVideo) (this.others ??= new Set()).add(index);
		if (fields !== 3) return;
		this.count++;
		const first = leadingNumber(source);
		if (first > this.maxFirst) this.maxFirst = first;
		const third = trailingNumber(source);
		if (third < 0) return;
		// One table for every note (reading is synchronous): a typed array per note cost more than the counting.
		const thirds = (this.thirds ??= THIRDS.fill(0));
		const n = (thirds[third] as number) + 1;
		if (n > 65535) return;
		thirds[third] = n;
		if (n > this.frameCount) {
			this.frameCount = n;
			this.frame = third;
		}
	}

	/** Gives each citation the reading its note supports, and says why where that is not the time as written. */
	apply(citations: Citation[], duration: number | undefined): void {
		if (this.count === 0) return;
		// A frame count: the third field most three-field times share (see `chooseReadings`).
		const frameLike = this.frameCount >= 3 && this.frameCount >= 0.5 * this.count;
		// No first field a talk cannot reach as hours (6 or more), no frame count, no length known:
		// nothing says any time means other than it is written, and every time reads as written.
		if (duration === undefined && this.maxFirst < 6 && !frameLike) return;
		// The note's own video is one timeline; a citation naming another video is no neighbour of it.
		const witnesses: TimeWitness[] = [];
		const indices: number[] = [];
		const written: string[] = [];
		const parts: number[] = [];
		this.indices.forEach((index, k) => {
			if (this.others?.has(index)) return;
			const c = citations[index] as Citation;
			const source = this.sources[k] as string;
			parts.length = 0;
			const fields: [number, number, number] | null = source && readThree(source, parts) ? [parts[0] as number, parts[1] as number, parts[2] as number] : null;
			const el = this.elements[k];
			const label = fields && el && typeof el.dataT === "string" ? labelWitness(el.label, el.dataT, c.seconds ?? 0) : undefined;
			witnesses.push({ seconds: c.seconds ?? 0, fields, label: label ?? null, ownVideo: true });
			indices.push(index);
			written.push(source || String(c.seconds));
		});
		const chosen = witnesses.length > 0 ? chooseReadings(witnesses, duration) : null;
		if (!chosen) return;
		chosen.forEach((reading, k) => {
			const c = citations[indices[k] as number] as Citation;
			if (c.seconds === null || reading.kind === "as-written") return;
			const note = words(reading, written[k] as string, duration);
			c.seconds = reading.seconds;
			// A time recovered from broken markup keeps that reason; the reading is said after it.
			c.repaired = c.repaired ? `${c.repaired}; ${note}` : note;
			c.repair = reading.kind;
			if (reading.alternative !== undefined) c.alternative = reading.alternative;
			// A range's end was written like its start: read it the same way.
			if (c.end !== undefined && reading.kind === "minutes-seconds") c.end = Math.floor(c.end / 3600) * 60 + Math.floor((c.end % 3600) / 60);
			if (c.end !== undefined && c.end <= c.seconds) delete c.end;
		});
	}
}

/** How often each third field comes, by value, for the note being read (see {@link NoteTimes.note}). */
const THIRDS = new Uint16Array(1000);

/** The digits a time starts with, as a number. */
function leadingNumber(source: string): number {
	let n = 0;
	for (let i = 0; i < source.length; i++) {
		const c = source.charCodeAt(i);
		if (c < 48 || c > 57) break;
		n = n * 10 + (c - 48);
	}
	return n;
}

/** The digits a time ends with, as a number (up to three), or -1. */
function trailingNumber(source: string): number {
	let n = 0;
	let scale = 1;
	for (let i = source.length - 1; i >= 0 && scale <= 100; i--) {
		const c = source.charCodeAt(i);
		if (c < 48 || c > 57) break;
		n += (c - 48) * scale;
		scale *= 10;
	}
	return scale > 1 ? n : -1;
}

/** Pushes the three fields of `source` (`h:m:s`, up to three digits each) onto `out`; false when it is not one. */
function readThree(source: string, out: number[]): boolean {
	let field = 0;
	let n = 0;
	const start = out.length;
	for (let i = 0; i < source.length; i++) {
		const c = source.charCodeAt(i);
		if (c >= 48 && c <= 57) field = field * 10 + (c - 48);
		else if (c === 58 && n < 2) {
			out.push(field);
			field = 0;
			n++;
		} else if (c !== 32) {
			out.length = start;
			return false;
		}
	}
	if (n !== 2 || field > 999) {
		out.length = start;
		return false;
	}
	out.push(field);
	return true;
}

function clock(seconds: number): string {
	return formatTimestamp(seconds, { style: "m:ss" });
}

function words(reading: ChosenReading, source: string, duration: number | undefined): string {
	switch (reading.kind) {
		case "minutes-seconds":
			return `"${source.trim()}" read as minutes:seconds (${clock(reading.seconds)}), as the rest of this note is written`;
		case "label":
			return `data-t "${source.trim()}" and the label disagree; the label's time (${clock(reading.seconds)}) fits the note`;
		case "ambiguous":
			return `this note writes times both ways: "${source.trim()}" may be ${clock(reading.seconds)} or ${clock(reading.alternative ?? reading.seconds)}; the video's length will tell once it has played`;
		case "past-end":
			return `past the end of the video (${clock(duration ?? 0)}) however "${source.trim()}" is read`;
		default:
			return "";
	}
}

const ISO_DURATION = /^P(?:T)?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i;

/**
 * The video's length a note states in its frontmatter (`duration: 15:32`, `duration: 932`,
 * `duration: PT15M32S`), between `from` and `to` (the frontmatter's lines), or `undefined`.
 */
export function statedDuration(text: string, from: number, to: number): number | undefined {
	// Searched in the frontmatter alone: an indexOf over the whole note would cost as much as reading it.
	const frontmatter = text.slice(from, to);
	const line = /^duration:[ \t]*(.*)$/m.exec(frontmatter);
	if (!line) return undefined;
	const seconds = readDuration((line[1] ?? "").trim().replace(/^["']|["']$/g, "").trim());
	return seconds !== null && seconds > 0 ? seconds : undefined;
}

function readDuration(value: string): number | null {
	const iso = ISO_DURATION.exec(value);
	if (iso && (iso[1] || iso[2] || iso[3])) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
	return parseTimestamp(value);
}
