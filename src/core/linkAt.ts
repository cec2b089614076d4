import { readMomentLink, type LinkMoment } from "./momentLink";

/** A markdown or wiki link that points at a moment, as it stands in the source. */
export interface RawLink {
	/** The whole note text the offsets refer to. */
	source: string;
	/** Offset of the link's `[`. */
	from: number;
	/** Offset past its closing `)` or `]]`. */
	to: number;
	/** The link text as written (a wiki link's alias, or `""` without one). */
	label: string;
	moment: LinkMoment;
}

const MAX_LABEL = 200;
const MAX_TARGET = 2048;

/**
 * The markdown link whose `](` is at `hit` (`[label](target "title")`, `[label](<target>)`,
 * `[02:01]()`), when it points at a moment; `null` for an image, an ordinary link or text that is
 * not a link. `floor` is the earliest offset its `[` may be at and `end` the end of the line.
 */
export function readMarkdownLinkAt(text: string, hit: number, floor: number, end: number, foreign: boolean): RawLink | null {
	const open = labelStart(text, hit, floor);
	if (open < 0 || (open > 0 && (text.charCodeAt(open - 1) === 33 /* ! */ || text.charCodeAt(open - 1) === 92) /* \ */)) return null;
	let i = hit + 2;
	const limit = Math.min(end, i + MAX_TARGET);
	let target: string;
	if (text.charCodeAt(i) === 60 /* < */) {
		const close = charWithin(text, 62 /* > */, i + 1, limit);
		if (close < 0) return null;
		target = text.slice(i + 1, close);
		i = close + 1;
	} else {
		let depth = 0;
		const start = i;
		for (; i < limit; i++) {
			const c = text.charCodeAt(i);
			if (c === 40) depth++;
			else if (c === 41) {
				if (depth === 0) break;
				depth--;
			} else if (c === 32 || c === 9) break;
		}
		target = text.slice(start, i);
	}
	// An optional title, then the closing parenthesis.
	while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
	const q = text.charCodeAt(i);
	if (q === 34 || q === 39) {
		const close = charWithin(text, q, i + 1, limit);
		if (close < 0) return null;
		i = close + 1;
		while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
	}
	if (text.charCodeAt(i) !== 41 /* ) */) return null;
	// Cheap turn-aways before any URL parsing: a moment needs a time in the target, or none at all.
	if (target.length > 0 && !target.includes("t=")) return null;
	const label = text.slice(open + 1, hit);
	const moment = readMomentLink(target, label, false);
	if (!moment || (moment.foreign && !foreign)) return null;
	return { source: text, from: open, to: i + 1, label, moment };
}

/**
 * The wiki link opening at `hit` (`[[talk.mp4#t=90]]`, `[[talk.mp4#t=1:30|label]]`) when it points
 * at a moment of a media file; `null` for an embed (`![[…]]`), an ordinary link or no link.
 */
export function readWikiLinkAt(text: string, hit: number, end: number, foreign: boolean): RawLink | null {
	if (!foreign || (hit > 0 && text.charCodeAt(hit - 1) === 33 /* ! */)) return null;
	let close = charWithin(text, 93 /* ] */, hit + 2, Math.min(end, hit + MAX_TARGET));
	while (close >= 0 && text.charCodeAt(close + 1) !== 93) close = charWithin(text, 93, close + 1, Math.min(end, hit + MAX_TARGET));
	if (close < 0) return null;
	const inner = text.slice(hit + 2, close);
	if (!inner.includes("#t=") || inner.includes("[")) return null;
	const bar = inner.indexOf("|");
	const target = bar < 0 ? inner : inner.slice(0, bar);
	const label = bar < 0 ? "" : inner.slice(bar + 1);
	const moment = readMomentLink(target, label, true);
	return moment ? { source: text, from: hit, to: close + 2, label, moment } : null;
}

/** The `[` that opens the link text ending at `hit` (brackets inside it balanced), or -1. */
function labelStart(text: string, hit: number, floor: number): number {
	let depth = 0;
	const stop = Math.max(floor, hit - MAX_LABEL);
	for (let i = hit - 1; i >= stop; i--) {
		const c = text.charCodeAt(i);
		if (c === 93 /* ] */) depth++;
		else if (c === 91 /* [ */) {
			if (depth === 0) return i;
			depth--;
		} else if (c === 10) return -1;
	}
	return -1;
}

/**
 * The first `code` in `[from, to)`, or -1. Bounded by the line, where `indexOf` would search the
 * rest of the note for a character the line lacks: on a note of many such lines, that is quadratic.
 */
export function charWithin(text: string, code: number, from: number, to: number): number {
	for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
	return -1;
}
