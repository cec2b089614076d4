import type { Text } from "@codemirror/state";
import { extractCitations, type Citation } from "../core";
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
	/** Why its time was recovered from broken markup. */
	repaired?: string;
	/** The YouTube id the element names itself (`data-v`). */
	videoId?: string;
}

/** How far above a range the search for a clean starting line may go. */
const LOOKBACK_CHARS = 20_000;
const LOOKBACK_LINES = 400;

const anchor = (t: string) => `<a class="yt-timestamp" data-t="${t}"></a>`;
/**
 * `extractCitations` decides per text whether a note writes `mm:ss:ff` (see its frame layout
 * rule), and a slice can decide otherwise than the whole note. These lead-ins settle it the way the
 * note does: three `10:00:00` times make a slice whose own times all end in `:00` read as frames,
 * and one `0:00:01` makes any slice read as hours. Their citations fall before the slice and are
 * dropped.
 */
const FRAMES_ON = `${anchor("10:00:00")}${anchor("10:00:00")}${anchor("10:00:00")}\n\n`;
const FRAMES_OFF = `${anchor("0:00:01")}\n\n`;

/**
 * The citations whose elements start in `[from, to]` (a line start and a line end), extracted from
 * a slice of the document rather than the whole note.
 *
 * The slice starts at a line where extraction from scratch reaches the same state the whole note
 * would (see {@link sliceStart}), so list continuations indented four spaces stay prose and lines
 * inside a code block or comment that opened above stay excluded; the frontmatter is never in it.
 */
export function citationsBetween(doc: Text, structure: NoteStructure, from: number, to: number, frames: boolean): ChipCitation[] {
	const start = sliceStart(doc, structure, from);
	if (start > to) return [];
	const prefix = frames ? FRAMES_ON : FRAMES_OFF;
	const shift = start - prefix.length;
	const out: ChipCitation[] = [];
	for (const c of extractCitations(prefix + doc.sliceString(start, to))) {
		if (c.from < prefix.length || c.from + shift < from) continue;
		out.push(toChipCitation(c, shift));
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
	const out: ChipCitation = { from: c.from + shift, to: c.to + shift, seconds: c.seconds, label: c.label };
	if (c.invalid !== undefined) out.invalid = c.invalid;
	if (c.repaired !== undefined) out.repaired = c.repaired;
	if (c.videoId !== undefined) out.videoId = c.videoId;
	return out;
}
