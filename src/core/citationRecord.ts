import type { Citation, CitationForm, TimedCitation, InvalidCitation, RepairKind, VideoRef } from "./types";
import type { RawElement } from "./element";
import type { RawLink } from "./linkAt";
import { badVideoReason, readElementVideo, type ElementTime } from "./elementTime";
import type { NoteTimes } from "./noteTimes";
import { formatTimestamp } from "./timestamp";
import { claimText, type LazyClaim, type Piece } from "./claims";

/**
 * A citation as `extractCitations` returns it: plain fields, and `text`, which is worked out from
 * the note when first read (the editor and reading view never read it; the panel does).
 */
export class CitationRecord {
	form: CitationForm = "element";
	label: string;
	from: number;
	to: number;
	line: number;
	headings: string[];
	claim: number;
	seconds: number | null;
	end: number | undefined = undefined;
	repaired: string | undefined = undefined;
	repair: RepairKind | undefined = undefined;
	alternative: number | undefined = undefined;
	invalid: string | undefined = undefined;
	video: VideoRef | undefined = undefined;
	#claim: LazyClaim;

	constructor(el: Piece, line: number, claim: LazyClaim, claimIndex: number, headings: string[], label: string, seconds: number | null) {
		this.label = label;
		this.from = el.from;
		this.to = el.to;
		this.line = line;
		this.headings = headings;
		this.claim = claimIndex;
		this.seconds = seconds;
		this.#claim = claim;
	}

	get text(): string {
		return claimText(this.#claim);
	}

	toJSON(): object {
		return { ...this, text: this.text };
	}
}

/** Why a run of opening tags that each break off into the next is one invalid citation. */
export const BROKEN_RUN = "broken timestamp markup: opening tags that never close";

/** An element's citation, its time as read from the element (noted in `times` for reading in context). */
export function toCitation(el: RawElement, time: ElementTime, line: number, claim: number, lazy: LazyClaim, headings: string[], times: NoteTimes, index: number): Citation {
	const label = el.label.trim();
	const video = readElementVideo(el);
	if (video === null || "invalid" in time) {
		const c = new CitationRecord(el, line, lazy, claim, headings, label, null);
		c.invalid = video === null ? badVideoReason(el) : !el.tagClosed && !el.label ? BROKEN_RUN : (time as { invalid: string }).invalid;
		if (video) c.video = { kind: "youtube", id: video };
		return c as InvalidCitation;
	}
	times.note(index, time.source, time.fields, time.repair === undefined && time.source === el.dataT ? el : null, !video);
	const c = new CitationRecord(el, line, lazy, claim, headings, label || formatTimestamp(time.seconds), time.seconds);
	if (time.end !== undefined) c.end = time.end;
	if (time.repaired) {
		c.repaired = time.repaired;
		c.repair = time.repair ?? "malformed";
	} else if (!el.tagClosed) {
		c.repaired = "the opening tag is not closed";
		c.repair = "unclosed";
	} else if (el.mangled !== undefined) {
		c.repaired = el.mangled;
		c.repair = "mangled-tag";
	}
	if (video) c.video = { kind: "youtube", id: video };
	return c as TimedCitation;
}

/**
 * A moment link's citation. A bare time link (`[05:36:58]()`) is read against its note as an
 * element's `data-t` is; a link with a time parameter or fragment says its moment in seconds.
 */
export function linkCitation(link: RawLink, line: number, claim: number, lazy: LazyClaim, headings: string[], times: NoteTimes, index: number): TimedCitation {
	const { moment } = link;
	const label = link.label.trim();
	const c = new CitationRecord(link, line, lazy, claim, headings, label || formatTimestamp(moment.seconds), moment.seconds);
	c.form = moment.form;
	if (moment.video) c.video = moment.video;
	if (moment.end !== undefined) c.end = moment.end;
	if (moment.form === "bare") {
		const written = label.startsWith("[") && label.endsWith("]") ? label.slice(1, -1).trim() : label;
		times.note(index, written, colonFields(written), null, true);
	}
	return c as TimedCitation;
}

function colonFields(time: string): number {
	let n = 1;
	for (let i = time.indexOf(":"); i >= 0; i = time.indexOf(":", i + 1)) n++;
	return n;
}

