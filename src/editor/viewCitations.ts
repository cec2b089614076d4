import type { ChangeDesc, Text } from "@codemirror/state";
import { citationsBetween, type ChipCitation } from "./rangeCitations";
import { isBlankLine, isRestartLine, type NoteStructure } from "./structure";

/** A stretch of whole lines: `from` is a line start, `to` a line end. */
export interface LineSpan {
	from: number;
	to: number;
}

/** How far below an edit its lines are read again when no restarting line comes sooner. */
const FORWARD_LINES = 200;

/**
 * The citations of the lines on screen, kept current the cheap way: an edit maps what is known and
 * extracts again only the lines it touched (plus the lines below whose reading it may change, up to
 * the next line that restarts the block structure); scrolling extracts only the lines that came
 * into view. So a keystroke costs a few lines of extraction however long the note is.
 */
export class ViewCitations {
	/** The spans whose citations are known: sorted, disjoint, whole lines. */
	spans: LineSpan[] = [];
	/** The citations inside {@link spans}, in document order. */
	list: ChipCitation[] = [];

	/** Forgets everything and extracts `wanted` afresh (after a structural edit or a frame-layout change). */
	reset(doc: Text, structure: NoteStructure, frames: boolean, wanted: LineSpan[]): void {
		this.spans = [];
		this.list = [];
		this.cover(doc, structure, frames, wanted);
	}

	/**
	 * Makes the known spans exactly `wanted`: citations already known inside it are kept, the rest of
	 * it is extracted, and anything outside is dropped. Returns whether anything changed.
	 */
	cover(doc: Text, structure: NoteStructure, frames: boolean, wanted: LineSpan[]): boolean {
		if (sameSpans(this.spans, wanted)) return false;
		const list: ChipCitation[] = [];
		for (const w of wanted) {
			const known = this.list.filter((c) => c.from >= w.from && c.from <= w.to);
			const fresh: ChipCitation[] = [];
			for (const gap of subtract(w, this.spans, doc)) fresh.push(...citationsBetween(doc, structure, gap.from, gap.to, frames));
			list.push(...merge(known, fresh));
		}
		this.spans = wanted;
		this.list = list;
		return true;
	}

	/** Carries the known citations through an edit, extracting again the lines it may have changed. */
	applyChanges(changes: ChangeDesc, doc: Text, structure: NoteStructure, frames: boolean): void {
		if (this.spans.length === 0) return;
		const spans = mergeSpans(
			this.spans.map((s) => ({ from: doc.lineAt(changes.mapPos(s.from, -1)).from, to: doc.lineAt(changes.mapPos(s.to, 1)).to })),
		);
		const dirty: LineSpan[] = [];
		changes.iterChangedRanges((_fromA, _toA, fromB, toB) => dirty.push(dirtySpan(doc, fromB, toB)));
		const dirtyMerged = mergeSpans(dirty);
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
				const kept = list.filter((c) => c.from < from || c.from > to);
				list = merge(kept, citationsBetween(doc, structure, from, to, frames));
			}
		}
		this.spans = spans;
		this.list = list;
	}
}

/**
 * The lines an edit over `[from, to]` (new document) may read differently: its own lines, and the
 * lines below up to the next one that restarts the block structure (typing on a line can turn the
 * indented lines under it from prose into code, or back).
 */
function dirtySpan(doc: Text, from: number, to: number): LineSpan {
	const first = doc.lineAt(from);
	let last = to <= first.to ? first : doc.lineAt(to);
	for (let i = 0; i < FORWARD_LINES && last.number < doc.lines; i++) {
		const next = doc.line(last.number + 1);
		if (isRestartLine(next.text, isBlankLine(last.text))) break;
		last = next;
	}
	return { from: first.from, to: last.to };
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
