import type { Text } from "@codemirror/state";
import { extractCitations, type Citation, type CitationForm, type RepairKind, type VideoRef } from "../core";
import { isBlankLine, isRestartLine } from "./lineKinds";
import { regionAround, type NoteStructure } from "./structure";

/** One citation as the editor draws it: where its element is, and what it plays. */
export interface ChipCitation {
	/** Offset of the element's `<` in the document. */
	from: number;
	/** Offset past the element. */
	to: number;
	/** The moment, or `null` when the element gives no usable time. */
	seconds: number | null;
	label: string;
	/** Why it cannot be played (set when `seconds` is `null`). */
	invalid?: string;
	/** Why its time was recovered from broken markup, or how its note reads it. */
	repaired?: string;
	/** The same, for code (see `readingShown`). */
	repair?: RepairKind;
	/** Which written form it is. */
	form: CitationForm;
	/** The video it names itself (`data-v`, a moment link's video); absent: the note's. */
	video?: VideoRef;
}

/** How far above a range the search for a clean starting line may go. */
const LOOKBACK_CHARS = 20_000;
const LOOKBACK_LINES = 400;

/**
 * How the whole note reads the times it weighs against its context (see `NoteSummary.frames`): each
 * such element's text and its reading. Empty for the many notes that read every time as written.
 */
export type FrameReadings = ReadonlyMap<string, { seconds: number; repaired: string; repair: RepairKind }>;

/**
 * What a reading is filed under in {@link FrameReadings}: the element's line and its column in
 * it, the same in the whole note and in any slice of it (one element text can read two ways in a
 * note, `02:10:00` as hours in one place and as minutes:seconds in another).
 */
export function readingKey(text: string, from: number, to: number): string {
	const start = text.lastIndexOf("\n", from - 1) + 1;
	const nl = text.indexOf("\n", to);
	return `${from - start}\u0000${text.slice(start, nl < 0 ? text.length : nl)}`;
}

/**
 * The citations whose elements start in `[from, to]` (a line start and a line end), extracted from
 * a slice of the document rather than the whole note.
 *
 * The slice starts at a line where extraction from scratch reaches the same state the whole note
 * would (see {@link sliceStart}), so list continuations indented four spaces stay prose and lines
 * inside a code block or comment that opened above stay excluded; the frontmatter is never in it.
 */
export function citationsBetween(doc: Text, structure: NoteStructure, from: number, to: number, frames: FrameReadings, otherForms = true): ChipCitation[] {
	const start = sliceStart(doc, structure, from);
	if (start > to) return [];
	const slice = doc.sliceString(start, sliceEnd(doc, structure, start, to));
	// A blank line first, so a slice that starts with `---` is not read as frontmatter.
	const text = `\n${slice}`;
	const shift = start - 1;
	const out: ChipCitation[] = [];
	// A slice cannot weigh a time against its note: it reads them as written and takes the whole note's readings.
	for (const c of extractCitations(text, { inContext: false, otherForms })) {
		if (c.from + shift < from || c.from + shift > to) continue;
		const chip = toChipCitation(c, shift);
		if (frames.size > 0 && chip.seconds !== null) {
			const reading = frames.get(readingKey(text, c.from, c.to));
			if (reading) {
				chip.seconds = reading.seconds;
				chip.repaired = reading.repaired;
				chip.repair = reading.repair;
			}
		}
		out.push(chip);
	}
	return out;
}

/**
 * Where to start extracting so that `from` (a line start) is read as in the whole note: walking up
 * from `from`, the first line that restarts the block structure (a list item, or an unindented
 * paragraph after a blank line); a code block or comment met on the way is taken in whole, so
 * extraction sees it open. The walk is bounded: past {@link LOOKBACK_CHARS} it starts after a
 * region that opened further up, or at the line it reached.
 */
export function sliceStart(doc: Text, structure: NoteStructure, from: number): number {
	const body = structure.bodyFrom;
	if (from <= body) return body;
	const floor = from - LOOKBACK_CHARS;
	let line = doc.lineAt(from);
	for (let steps = 0; ; steps++) {
		if (line.from <= body) return body;
		const region = regionAround(structure.regions, line.from);
		if (region) {
			if (region.from < floor) return after(doc, region);
			line = doc.lineAt(region.from);
			continue;
		}
		const prev = doc.line(line.number - 1);
		if (isRestartLine(line.text, isBlankLine(prev.text))) return line.from;
		if (line.from <= floor || steps >= LOOKBACK_LINES) return line.from;
		line = prev;
	}
}

/**
 * Where to stop extracting so that the lines up to `to` read as in the whole note: past the line
 * where a comment that opens in the slice closes (a `<!--` inside a paragraph is a comment only
 * when its `-->` comes before the paragraph ends, which extraction must see).
 */
function sliceEnd(doc: Text, structure: NoteStructure, start: number, to: number): number {
	let end = to;
	structure.regions.between(start, to, (regionFrom, regionTo, value) => {
		if (value.kind === "comment" && regionFrom >= start && regionFrom <= to && regionTo > end) end = doc.lineAt(regionTo).to;
	});
	return end;
}

/** Where text resumes after a region: the line after a fence, the text after a comment's `-->`. */
function after(doc: Text, region: { to: number; kind: "fence" | "comment" }): number {
	if (region.kind === "fence") return Math.min(region.to + 1, doc.length);
	let at = region.to;
	const end = doc.lineAt(at).to;
	const rest = doc.sliceString(at, end);
	const skip = rest.length - rest.trimStart().length;
	at += skip;
	return at;
}

function toChipCitation(c: Citation, shift: number): ChipCitation {
	const out: ChipCitation = { form: c.form, from: c.from + shift, to: c.to + shift, seconds: c.seconds, label: c.label };
	if (c.invalid !== undefined) out.invalid = c.invalid;
	if (c.repaired !== undefined) out.repaired = c.repaired;
	if (c.repair !== undefined) out.repair = c.repair;
	if (c.video !== undefined) out.video = c.video;
	return out;
}
