import { attribute, type RawElement } from "./element";
import { MAX_SECONDS, parseTimestamp } from "./timestamp";
import type { RepairKind } from "./types";
import { isYouTubeId, parseYouTubeUrl } from "./video";

/** The time an element gives, or why it gives none. */
export type ElementTime =
	| {
			seconds: number;
			end?: number;
			repaired?: string;
			repair?: RepairKind;
			/** The time as written that `seconds` was read from, and its number of fields. */
			source: string;
			fields: number;
	  }
	| { invalid: string };

const TIME_SHAPE = /\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,3})?/;
const CLEAN_VALUE = /^\s*(\d{1,3}(?::\d{1,3}){0,3}(?:[.,]\d{1,3})?|\d+(?:\.\d+)?|(?:\d+h)?(?:\d+m)?(?:\d+(?:\.\d+)?s)?)\s*$/i;
/** A range written plainly: two times and a dash, nothing else. */
const CLEAN_RANGE = /^\s*\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,3})?\s*[-–]\s*\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,3})?\s*$/;
const RANGE = /^\s*\[?\s*(\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,3})?)\s*\]?\s*[-–—~]+\s*\[?\s*(\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,3})?)\s*\]?/;
const BRACKETED = /^\s*[[(]?\s*(\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,3})?)\s*[\])]?\s*$/;

/**
 * Reads an element's moment: from `data-t` when it is clean; else recovered (and flagged) from a
 * `data-t` with stray brackets or a range, another time-shaped attribute (`data-00:12:34"`,
 * `data="…"`, `data=t="…"`, `href="…?t=…"`) or the label. A clean label beats a time recovered from
 * a broken attribute's name or from a `data-t` with junk around its time (`0:00:00.413Z`); a clean label
 * that disagrees with a clean `data-t` is a witness the note's reading weighs ({@link labelWitness}).
 * Never guesses 0.
 */
export function readElementTime(el: RawElement): ElementTime {
	// Nearly every element has a clean data-t: that path stays small enough to be inlined.
	const fast = typeof el.dataT === "string" ? parseColonTime(el.dataT) : null;
	return fast ?? readBrokenTime(el);
}

/** The time of an element whose `data-t` is missing or not clean: see {@link readElementTime}. */
function readBrokenTime(el: RawElement): ElementTime {
	const dataT = attribute(el, "data-t");
	if (typeof dataT === "string") {
		const fromDataT = readValue(dataT);
		if (fromDataT) {
			const label = fromDataT.repair === "malformed" ? cleanLabel(el.label) : null;
			if (label && label.seconds !== fromDataT.seconds) {
				return { ...label, repair: "label", repaired: `data-t "${truncate(dataT)}" is malformed; time read from the label` };
			}
			if (fromDataT.repaired) return { ...fromDataT, repaired: `data-t ${fromDataT.repaired}` };
			return fromDataT;
		}
	}
	for (const a of el.attributes ?? []) {
		const name = a.name.toLowerCase();
		if (name === "class" || name === "data-t" || name === "data-v") continue;
		const fromAttr = readAttribute(name, a.value);
		if (fromAttr !== null) {
			// A time cut into an attribute's name (`data-58:21"`) is often cut short: a clean label beats it.
			const label = fromAttr.inName ? cleanLabel(el.label) : null;
			if (label && label.seconds !== fromAttr.seconds) {
				return { ...label, repair: "label", repaired: `the broken attribute "${truncate(a.name)}" says ${truncate(fromAttr.source)}; time read from the label` };
			}
			return { seconds: fromAttr.seconds, source: fromAttr.source, fields: fieldCount(fromAttr.source), repair: "attribute", repaired: `time read from the broken attribute "${truncate(a.name)}"` };
		}
	}
	const label = el.label.trim();
	const fromLabel = readValue(label);
	if (fromLabel) {
		const why = typeof dataT === "string" ? (dataT.trim() ? `data-t "${truncate(dataT)}" is not a time` : "data-t is empty") : "no data-t";
		return { ...fromLabel, repair: "label", repaired: `${why}; time read from the label` };
	}
	if (typeof dataT === "string") {
		return { invalid: dataT.trim() ? `data-t "${truncate(dataT)}" is not a time` : "data-t is empty and the label holds no time" };
	}
	return { invalid: "no data-t attribute and no time in the label" };
}

/**
 * The fields of a label that gives a clean time other than `seconds` (its `data-t`'s, as written),
 * or `undefined`. The standard label `[data-t]` is recognised without parsing, so the common case
 * costs a few character checks.
 */
export function labelWitness(label: string, dataT: string, seconds: number): number[] | undefined {
	const n = label.length;
	if (n === dataT.length + 2 && label.charCodeAt(0) === 91 && label.charCodeAt(n - 1) === 93 && sameChars(label, 1, dataT)) return undefined;
	const clean = cleanLabel(label);
	if (!clean || clean.seconds === seconds) return undefined;
	return clean.source.split(":").map(Number);
}

/**
 * The time a label gives when it is a clean colon time (`[00:57:47]`, `1:0:41`), read as written, or
 * `null`: what beats a time recovered from junk in `data-t`, for callers that hold a rendered element.
 */
export function labelTime(label: string): number | null {
	return cleanLabel(label)?.seconds ?? null;
}

/** Whether `text` holds `part` at `at`, compared char by char (no string is built). */
function sameChars(text: string, at: number, part: string): boolean {
	for (let i = 0; i < part.length; i++) if (text.charCodeAt(at + i) !== part.charCodeAt(i)) return false;
	return true;
}

/** A label that is a clean colon time (`[00:57:47]`, `1:0:41`), read as written, or `null`. */
function cleanLabel(label: string): { seconds: number; source: string; fields: number } | null {
	let from = 0;
	let to = label.length;
	while (from < to && isLabelPadding(label.charCodeAt(from))) from++;
	while (to > from && isLabelPadding(label.charCodeAt(to - 1))) to--;
	if (to - from < 3 || to - from > 12) return null;
	const time = parseColonTime(label.slice(from, to));
	return time && time.fields >= 2 && time.fields <= 3 ? time : null;
}

function isLabelPadding(c: number): boolean {
	// space, tab, [ ] ( )
	return c === 32 || c === 9 || c === 91 || c === 93 || c === 40 || c === 41;
}

interface ValueTime {
	seconds: number;
	end?: number;
	source: string;
	fields: number;
	repaired?: string;
	repair?: RepairKind;
}

function fieldCount(source: string): number {
	let n = 1;
	for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 58) n++;
	return n;
}

/**
 * The moment a clean `data-t` gives, exactly as `extractCitations` reads it, or `null` when the
 * value is not clean or its meaning depends on the rest of the note: a three-field time may be
 * hours:minutes:seconds or minutes:seconds plus a third field (see `chooseReadings`).
 * For callers that hold a rendered element and want its time without extracting the whole note.
 */
export function cleanDataTime(value: string): number | null {
	const time = parseColonTime(value);
	return !time || time.fields === 3 ? null : time.seconds;
}

/** A clean three-field `data-t` read as written (hours:minutes:seconds), else `null`: what `extractCitations` plays when its note reads every time as written. */
export function writtenDataTime(value: string): number | null {
	const time = parseColonTime(value);
	return time && time.fields === 3 ? time.seconds : null;
}

/**
 * `h:mm:ss`, `mm:ss`, `h:mm:ss:ff` and plain seconds (up to three digits a field): the clean
 * `data-t` almost every element has, read without a regex. `null` for anything else.
 */
function parseColonTime(value: string): { seconds: number; source: string; fields: number } | null {
	const n = value.length;
	if (n < 1 || n > 15) return null;
	let seconds = 0;
	let field = 0;
	let fields = 1;
	let digits = 0;
	const parts = [0, 0, 0, 0];
	for (let i = 0; i < n; i++) {
		const c = value.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			if (++digits > 6) return null;
			field = field * 10 + (c - 48);
		} else if (c === 58 && digits > 0 && digits <= 3 && fields < 4) {
			parts[fields - 1] = field;
			fields++;
			field = 0;
			digits = 0;
		} else return null;
	}
	if (digits === 0 || (fields > 1 && digits > 3)) return null;
	parts[fields - 1] = field;
	if (fields === 4) {
		const ff = value.slice(value.lastIndexOf(":") + 1);
		seconds = (parts[0] as number) * 3600 + (parts[1] as number) * 60 + (parts[2] as number) + Number(`0.${ff}`);
	} else {
		for (let i = 0; i < fields; i++) seconds = seconds * 60 + (parts[i] as number);
	}
	if (seconds > MAX_SECONDS) return null;
	return { seconds: Math.round(seconds * 1000) / 1000, source: value, fields };
}

function readValue(value: string): ValueTime | null {
	if (!value.trim()) return null;
	if (CLEAN_VALUE.test(value)) {
		const seconds = parseTimestamp(value);
		if (seconds !== null) return { seconds, source: value.trim(), fields: fieldCount(value.trim()) };
	}
	const range = RANGE.exec(value);
	if (range) {
		const start = parseTimestamp(range[1] ?? "");
		const end = parseTimestamp(range[2] ?? "");
		if (start !== null) {
			const source = range[1] ?? "";
			const hasEnd = end !== null && end > start;
			// A range written plainly (`00:01:02-00:01:30`) plays from its start to its end as written
			// (issue 20); one in stray brackets, or whose end is unusable, is said to be read.
			if (hasEnd && CLEAN_RANGE.test(value)) return { seconds: start, end, source, fields: fieldCount(source) };
			const repaired = hasEnd ? "is a range in stray brackets" : "is a range without a usable end; playing from its start";
			const out: ValueTime = { seconds: start, source, fields: fieldCount(source), repair: "range", repaired };
			if (hasEnd) out.end = end;
			return out;
		}
	}
	const bracketed = BRACKETED.exec(value);
	if (bracketed) {
		const seconds = parseTimestamp(bracketed[1] ?? "");
		if (seconds !== null) return { seconds, source: bracketed[1] ?? "", fields: fieldCount(bracketed[1] ?? ""), repair: "brackets", repaired: "has stray brackets" };
	}
	const shaped = TIME_SHAPE.exec(value);
	if (shaped) {
		const seconds = parseTimestamp(shaped[0]);
		if (seconds !== null) return { seconds, source: shaped[0], fields: fieldCount(shaped[0]), repair: "malformed", repaired: `"${truncate(value)}" is malformed` };
	}
	return null;
}

function readAttribute(name: string, value: string | null): { seconds: number; source: string; inName?: boolean } | null {
	// `data-00:12:34"`: the time ended up in the attribute name.
	const inName = TIME_SHAPE.exec(name);
	if (inName && name.startsWith("data")) {
		const seconds = parseTimestamp(inName[0]);
		if (seconds !== null) return { seconds, source: inName[0], inName: true };
	}
	if (value === null) return null;
	if (name === "href" || name === "data-url") {
		const yt = parseYouTubeUrl(value);
		if (yt?.start !== undefined) return { seconds: yt.start, source: String(yt.start) };
		const frag = /[#?&]t=([0-9hms:.]+)/.exec(value);
		const seconds = frag ? parseTimestamp(frag[1] ?? "") : null;
		return seconds !== null ? { seconds, source: frag?.[1] ?? "" } : null;
	}
	if (!name.startsWith("data") && name !== "t" && name !== "time") return null;
	const shaped = TIME_SHAPE.exec(value);
	if (!shaped) return null;
	const seconds = parseTimestamp(shaped[0]);
	return seconds !== null ? { seconds, source: shaped[0] } : null;
}

/** Why an element's `data-v` is unusable, in words: `data-v "…" names no YouTube video`. */
export function badVideoReason(el: RawElement): string {
	return `data-v "${truncate(attribute(el, "data-v") ?? "")}" names no YouTube video`;
}

/** The YouTube id an element names with `data-v` (an id or a YouTube URL); `undefined` without one, `null` when unusable. */
export function readElementVideo(el: RawElement): string | null | undefined {
	const v = attribute(el, "data-v");
	if (v === undefined) return undefined;
	if (v === null) return null;
	const t = v.trim();
	if (isYouTubeId(t)) return t;
	return parseYouTubeUrl(t)?.id ?? null;
}

function truncate(s: string): string {
	const t = s.trim();
	return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
