import type { ChangeDesc, Text } from "@codemirror/state";
import { videoKey } from "../core";
import { citationsBetween, type ChipCitation, type FrameReadings } from "./rangeCitations";
import { rewalk } from "./blockMarks";
import type { NoteStructure } from "./structure";

/** A stretch of whole lines: `from` is a line start, `to` a line end. */
export interface LineSpan {
	from: number;
	to: number;
}

/**
 * The citations of the lines on screen, kept current the cheap way: an edit maps what is known and
 * extracts again only the lines it touched (plus the lines below whose block state it changed, see
 * `rewalk`); scrolling extracts only the lines that came into view. So a keystroke costs a few
 * lines of extraction however long the note is.
 */
export class ViewCitations {
	/** The spans whose citations are known: sorted, disjoint, whole lines. */
	spans: LineSpan[] = [];
	/** @param otherForms whether other plugins' forms are read as citations (the setting, read at each extraction). */
	constructor(private otherForms: () => boolean = () => true) {}

	/** The citations inside {@link spans}, in document order. */
	list: ChipCitation[] = [];

	/** Forgets everything and extracts `wanted` afresh (after a structural edit or a frame-layout change). */
	reset(doc: Text, structure: NoteStructure, frames: FrameReadings, wanted: LineSpan[]): void {
		this.spans = [];
		this.list = [];
		this.cover(doc, structure, frames, wanted);
	}

	/**
	 * Makes the known spans exactly `wanted`: citations already known inside it are kept, the rest of
	 * it is extracted, and anything outside is dropped. Returns whether anything changed.
	 */
	cover(doc: Text, structure: NoteStructure, frames: FrameReadings, wanted: LineSpan[]): boolean {
		if (sameSpans(this.spans, wanted)) return false;
		const list: ChipCitation[] = [];
		for (const w of wanted) {
			const known = this.list.filter((c) => c.from >= w.from && c.from <= w.to);
			const fresh: ChipCitation[] = [];
			for (const gap of subtract(w, this.spans, doc)) fresh.push(...citationsBetween(doc, structure, gap.from, gap.to, frames, this.otherForms()));
			list.push(...merge(known, fresh));
		}
		this.spans = wanted;
		this.list = list;
		return true;
	}

	/**
	 * Carries the known citations through an edit, extracting again the lines it may have changed.
	 * Says what the edit did to the note's citations: `"same"` when the re-read lines hold the same
	 * citations (the old objects are kept, so their chips are too), `"changed"`, or `"unknown"` when
	 * the edit reached lines off screen.
	 */
	applyChanges(changes: ChangeDesc, before: Text, doc: Text, structure: NoteStructure, frames: FrameReadings): EditEffect {
		if (this.spans.length === 0) return "unknown";
		const spans = mergeSpans(
			this.spans.map((s) => ({ from: doc.lineAt(changes.mapPos(s.from, -1)).from, to: doc.lineAt(changes.mapPos(s.to, 1)).to })),
		);
		const edited = new Set<ChipCitation>();
		changes.iterChangedRanges((fromA, toA) => {
			for (const c of this.list) if (fromA < c.to && toA > c.from) edited.add(c);
		});
		// The lines that may read differently: the edited ones, and those below until the block state is as before.
		const walk = rewalk(before, doc, structure.marks, changes);
		const dirtyMerged = walk.to >= walk.from ? [{ from: walk.from, to: walk.to }] : [];
		let effect: EditEffect = dirtyMerged.every((d) => spans.some((s) => s.from <= d.from && d.to <= s.to)) ? "same" : "unknown";
		// The citations are this object's own: moving them in place keeps their chips for reuse.
		for (const c of this.list) {
			c.from = changes.mapPos(c.from, 1);
			c.to = changes.mapPos(c.to, -1);
		}
		let list = this.list;
		for (const span of spans) {
			for (const d of dirtyMerged) {
				const from = Math.max(span.from, d.from);
				const to = Math.min(span.to, d.to);
				if (from > to) continue;
				const kept: ChipCitation[] = [];
				const removed: ChipCitation[] = [];
				for (const c of list) (c.from < from || c.from > to ? kept : removed).push(c);
				const added = citationsBetween(doc, structure, from, to, frames, this.otherForms());
				if (sameCitations(removed, added, edited)) list = merge(kept, removed);
				else {
					if (effect === "same") effect = "changed";
					list = merge(kept, added);
				}
			}
		}
		this.spans = spans;
		this.list = list;
		return effect;
	}
}

/** What an edit did to the note's citations, as far as the lines on screen tell. */
export type EditEffect = "same" | "changed" | "unknown";

/** Whether re-reading lines gave back the citations they held, none of whose elements the edit touched. */
function sameCitations(before: ChipCitation[], after: ChipCitation[], edited: Set<ChipCitation>): boolean {
	if (before.length !== after.length) return false;
	return before.every((a, i) => {
		const b = after[i] as ChipCitation;
		return (
			!edited.has(a) &&
			a.from === b.from &&
			a.to === b.to &&
			a.seconds === b.seconds &&
			a.label === b.label &&
			a.invalid === b.invalid &&
			a.repaired === b.repaired &&
			a.repair === b.repair &&
			a.form === b.form &&
			(a.video === b.video || (a.video !== undefined && b.video !== undefined && videoKey(a.video) === videoKey(b.video)))
		);
	});
}

/** The parts of `span` that none of `known` covers, as whole lines. */
function subtract(span: LineSpan, known: LineSpan[], doc: Text): LineSpan[] {
	const out: LineSpan[] = [];
	let at = span.from;
	for (const k of known) {
		if (k.to < at) continue;
		if (k.from > span.to) break;
		if (k.from > at) out.push({ from: at, to: doc.lineAt(k.from - 1).to });
		at = Math.max(at, k.to + 1);
		if (at > span.to) break;
	}
	if (at <= span.to) out.push({ from: at, to: span.to });
	return out;
}

/** Sorted, overlapping or touching spans joined. */
export function mergeSpans(spans: LineSpan[]): LineSpan[] {
	const sorted = spans.slice().sort((a, b) => a.from - b.from);
	const out: LineSpan[] = [];
	for (const s of sorted) {
		const last = out[out.length - 1];
		if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
		else out.push({ from: s.from, to: s.to });
	}
	return out;
}

function sameSpans(a: LineSpan[], b: LineSpan[]): boolean {
	return a.length === b.length && a.every((s, i) => s.from === b[i]?.from && s.to === b[i]?.to);
}

/** Two position-sorted lists as one. */
function merge(a: ChipCitation[], b: ChipCitation[]): ChipCitation[] {
	if (b.length === 0) return a;
	if (a.length === 0) return b;
	const out: ChipCitation[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		const x = a[i];
		const y = b[j];
		if (y === undefined || (x !== undefined && x.from <= y.from)) {
			out.push(x as ChipCitation);
			i++;
		} else {
			out.push(y);
			j++;
		}
	}
	return out;
}
