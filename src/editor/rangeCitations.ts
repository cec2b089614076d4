import type { Text } from "@codemirror/state";
import { extractCitations, type BlockState, type Citation, type CitationForm, type RepairKind, type VideoRef } from "../core";
import type { NoteStructure } from "./structure";

/** One citation as the editor draws it: where its element is, and what it plays. */
export interface ChipCitation {
	/** Offset of the element's `<` in the document. */
	from: number;
	/**
	 * The element sits in stray brackets of its own (`[<a …>01:11:04</a>]`): a chip hides them with
	 * it, as the reading view shows them as the usual "[01:11:04]" label.
	 */
	bracketed?: boolean;
	/** Offset past the element. */
	to: number;
	/** The moment, or `null` when the element gives no usable time. */
	seconds: number | null;
	/** The end of a cited range, when it is one. */
	end?: number;
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
 * The citations whose elements start in `[from, to]` (a line start and a line end), read by a
 * range extraction over a slice of the document: from the block state the note's structure keeps
 * at a line above `from` (see `NoteStructure.marks`), so the lines read as in the whole note (a
 * list continuation indented four spaces stays prose, a line inside a code block or comment that
 * opened above stays excluded); times are read as written, then given the whole note's readings
 * (`frames`).
 */
export function citationsBetween(doc: Text, structure: NoteStructure, from: number, to: number, frames: FrameReadings, otherForms = true): ChipCitation[] {
	const first = Math.max(from, structure.bodyFrom);
	if (first > to) return [];
	const marks = structure.marks;
	const k = marks.before(first);
	if (k < 0) return [];
	const start = marks.pos[k] as number;
	const text = doc.sliceString(start, sliceEnd(doc, structure, start, to));
	const resume = { at: 0, line: doc.lineAt(start).number - 1, state: marks.states[k] as BlockState };
	const out: ChipCitation[] = [];
	for (const c of extractCitations(text, { from: first - start, to: to - start, resume, otherForms })) {
		const chip = toChipCitation(c, start);
		if (c.form === "element" && text.charCodeAt(c.from - 1) === 91 && text.charCodeAt(c.to) === 93 && !c.label.startsWith("[")) chip.bracketed = true;
		if (frames.size > 0 && chip.seconds !== null) {
			const reading = frames.get(readingKey(text, c.from, c.to));
			if (reading) {
				chip.seconds = reading.seconds;
				chip.repaired = reading.repaired;
				chip.repair = reading.repair;
				// The whole note read the start another way: its end is not known here.
				delete chip.end;
			}
		}
		out.push(chip);
	}
	return out;
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

function toChipCitation(c: Citation, shift: number): ChipCitation {
	const out: ChipCitation = { form: c.form, from: c.from + shift, to: c.to + shift, seconds: c.seconds, label: c.label };
	if (c.invalid !== undefined) out.invalid = c.invalid;
	if (c.end !== undefined) out.end = c.end;
	if (c.repaired !== undefined) out.repaired = c.repaired;
	if (c.repair !== undefined) out.repair = c.repair;
	if (c.video !== undefined) out.video = c.video;
	return out;
}
