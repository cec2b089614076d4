/**
 * Reads one `yt-timestamp` element out of note source, tolerating what generators and hand edits
 * do to it: any element name, attribute order and quote style, stray brackets and quotes, broken
 * attribute names, missing labels and missing closing tags. Every scan is bounded by the line and
 * by the next candidate, so reading all elements of a note is linear in its length.
 */

/** One attribute as written: `value` is `null` for a bare name. */
export interface RawAttribute {
	name: string;
	value: string | null;
}

/** An element as it stands in the source. */
export interface RawElement {
	/** The whole note text the offsets refer to. */
	source: string;
	/** Offset of `<` (of the backslash before it, for an escaped `\<a`). */
	from: number;
	/** Offset past the closing tag, or past the opening tag when there is none. */
	to: number;
	/** Offset where the opening tag ends (past `>`, or where it broke off). */
	tagEnd: number;
	tag: string;
	/** Every attribute as written; `null` for the standard form, whose only attributes are `class` and `data-t`. */
	attributes: RawAttribute[] | null;
	/** The `data-t` value (`undefined` without one), read up front because nearly every caller wants it. */
	dataT: string | null | undefined;
	/** The element's text with inner tags removed, untrimmed. */
	label: string;
	/** Whether the opening tag ended with `>` (false: it broke off at `<` or the end of the line). */
	tagClosed: boolean;
	/**
	 * How the tag is mangled, in words (`the tag is written "< a"`), when it is read as a citation
	 * all the same: a class with `yt-timestamp` inside leftovers of an edit, a space after `<`, or a
	 * backslash before it. `undefined` for a tag written as HTML.
	 */
	mangled?: string;
}

const MAX_TAG_LENGTH = 2000;
const MAX_LABEL_LENGTH = 400;
const CLASS_TOKEN = "yt-timestamp";

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** Whether what follows a closing quote at `i` goes on as a tag would: a space, `>` or `/>`. */
function endsAttributeValue(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	return isSpace(c) || c === 62 || (c === 47 && text.charCodeAt(i + 1) === 62);
}

function isLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The element whose opening tag contains the `yt-timestamp` at `hit`, or `null` when that text is
 * not inside such a tag's `class`. `floor` is the earliest offset the tag may start at (the end of
 * the previous element or excluded range), `lineEnd` the end of the line and `limit` the latest
 * offset its label may reach (the next candidate).
 *
 * Tags mangled in ways that leave no doubt are read too, with {@link RawElement.mangled} set: a
 * class whose `yt-timestamp` follows leftovers of `yt`, `-`, `=` and quotes (`class="yt-yt-timestamp"`,
 * `class="yt="yt-timestamp"`), blanks after `<` (`< a class=…`), and a Markdown-escaped `\<a` whose
 * `data-t` is a plain time (with a broken one too, it is text). An escaped element starts at its
 * backslash, so replacing the element's span with a clean one drops the backslash too.
 */
export function readElementAt(text: string, hit: number, floor: number, lineEnd: number, limit: number): RawElement | null {
	const fast = readStandardElement(text, hit, floor, lineEnd, limit);
	if (fast) return fast.from > floor && text.charCodeAt(fast.from - 1) === 92 /* \ */ ? unescape(fast, floor) : fast;
	const back = Math.max(floor, hit - MAX_TAG_LENGTH);
	const before = text.slice(back, hit);
	const lt = before.lastIndexOf("<");
	if (lt < 0 || before.indexOf(">", lt) >= 0) return null;
	const from = back + lt;
	let i = from + 1;
	while (i < hit && i - from <= 3 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
	if (!isLetter(text.charCodeAt(i))) return null;
	let mangled = i > from + 1 ? `the tag is written "< ${text.charAt(i)}"` : undefined;
	const nameStart = i;
	while (i < lineEnd && /[A-Za-z0-9-]/.test(text.charAt(i))) i++;
	const tag = text.slice(nameStart, i).toLowerCase();
	const tagLimit = Math.min(lineEnd, from + MAX_TAG_LENGTH);
	const attributes: RawAttribute[] = [];
	let tagClosed = false;
	let selfClosing = false;
	while (i < tagLimit) {
		const c = text.charCodeAt(i);
		if (isSpace(c)) {
			i++;
			continue;
		}
		if (c === 62 /* > */) {
			tagClosed = true;
			i++;
			break;
		}
		if (c === 60 /* < */) break;
		if (c === 47 /* / */ && text.charCodeAt(i + 1) === 62) {
			tagClosed = true;
			selfClosing = true;
			i += 2;
			break;
		}
		const attrStart = i;
		while (i < tagLimit) {
			const d = text.charCodeAt(i);
			if (isSpace(d) || d === 61 /* = */ || d === 62 || d === 60 || (d === 47 && text.charCodeAt(i + 1) === 62)) break;
			i++;
		}
		const name = text.slice(attrStart, i);
		if (i === attrStart) {
			i++; // a lone "/" or similar: skip it
			continue;
		}
		let value: string | null = null;
		let j = i;
		while (j < tagLimit && isSpace(text.charCodeAt(j))) j++;
		if (text.charCodeAt(j) === 61 /* = */) {
			j++;
			while (j < tagLimit && isSpace(text.charCodeAt(j))) j++;
			const q = text.charCodeAt(j);
			if (q === 34 || q === 39) {
				const quote = text.charAt(j);
				const close = indexWithin(text, quote, j + 1, tagLimit);
				const lt2 = indexWithin(text, "<", j + 1, close < 0 ? tagLimit : close);
				// A "<" inside quotes is part of the value when the quote closes and the tag goes on
				// after it, as an HTML parser reads it; otherwise the quote was never closed.
				if (close >= 0 && (lt2 < 0 || endsAttributeValue(text, close + 1))) {
					value = text.slice(j + 1, close);
					i = close + 1;
				} else {
					// Unterminated quote: the value runs to the next "<" (or the end of the line).
					const stop = lt2 >= 0 ? lt2 : tagLimit;
					value = text.slice(j + 1, stop);
					i = stop;
				}
			} else {
				const valueStart = j;
				while (j < tagLimit) {
					const d = text.charCodeAt(j);
					if (isSpace(d) || d === 62 || d === 60) break;
					j++;
				}
				value = text.slice(valueStart, j);
				i = j;
			}
		}
		attributes.push({ name, value });
	}
	const tagEnd = i;
	if (hit < from || hit >= tagEnd) return null;
	if (!hasTimestampClass(attributes)) {
		const written = mangledClass(text, hit, from);
		if (written === null) return null;
		mangled = joinMangled(mangled, `the class is written "${written}"`);
	}

	let to = tagEnd;
	let label = "";
	if (!tagClosed && text.slice(tagEnd, tagEnd + tag.length + 2).toLowerCase() === `</${tag}`) {
		// The opening tag broke off right at its own closing tag (`data-t="00:01:02]-[00:01:30]</a>`).
		const gt = indexWithin(text, ">", tagEnd, Math.min(lineEnd, tagEnd + tag.length + 12));
		if (gt >= 0) to = gt + 1;
	}
	if (tagClosed && !selfClosing) {
		const labelLimit = Math.min(lineEnd, limit, tagEnd + MAX_LABEL_LENGTH);
		const closing = `</${tag}`;
		let pos = tagEnd;
		let found = false;
		let parts = "";
		while (pos < labelLimit) {
			const next = indexWithin(text, "<", pos, labelLimit);
			if (next < 0) break;
			parts += text.slice(pos, next);
			if (text.slice(next, next + closing.length).toLowerCase() === closing) {
				const gt = indexWithin(text, ">", next, Math.min(labelLimit + closing.length + 8, lineEnd));
				to = gt >= 0 ? gt + 1 : next + closing.length;
				found = true;
				break;
			}
			// An inner tag (<b>, <span>): skip it and keep reading the label.
			const gt = indexWithin(text, ">", next, labelLimit);
			if (gt < 0) break;
			pos = gt + 1;
		}
		if (found) label = parts;
	}
	const dataT = attributes.find((a) => a.name.toLowerCase() === "data-t");
	const el: RawElement = { source: text, from, to, tagEnd, tag, attributes, dataT: dataT ? dataT.value : undefined, label, tagClosed };
	if (mangled !== undefined) el.mangled = mangled;
	return unescape(el, floor);
}

/**
 * `el` as read, unless a backslash escapes its `<` (`\<a`, which Markdown shows as text): then
 * the element from that backslash, marked mangled, when its `data-t` is a plain time; `null` when
 * not, as a tag both escaped and broken is more likely text than a citation.
 */
function unescape(el: RawElement, floor: number): RawElement | null {
	if (!isEscaped(el.source, el.from, floor)) return el;
	if (!isPlainTime(el.dataT)) return null;
	el.from--;
	el.mangled = joinMangled(`the tag is escaped as "\\<${el.tag}"`, el.mangled);
	return el;
}

/** Characters that edits leave before a class name: `y`, `t`, `-`, `=` and quotes. */
function isClassLeftover(c: number): boolean {
	return c === 121 || c === 116 || c === 45 || c === 61 || c === 34 || c === 39;
}

function joinMangled(a: string | undefined, b: string | undefined): string | undefined {
	return a === undefined ? b : b === undefined ? a : `${a}; ${b}`;
}

/**
 * The class as written when the `yt-timestamp` at `hit` is the class of a mangled tag: right after
 * `class=` and leftovers of `yt`, `-`, `=` and quotes (never other words: `not-yt-timestamp` is
 * another class), and followed by at most quotes before the tag goes on (`yt-timestamps` is
 * another word). `null` otherwise.
 */
function mangledClass(text: string, hit: number, from: number): string | null {
	let start = hit;
	while (start > from && hit - start < 16 && isClassLeftover(text.charCodeAt(start - 1))) start--;
	if (text.charCodeAt(start) !== 61 /* = */ || text.slice(start - 5, start).toLowerCase() !== "class") return null;
	let end = hit + CLASS_TOKEN.length;
	while (end - hit < CLASS_TOKEN.length + 2 && isQuote(text.charCodeAt(end))) end++;
	if (!endsAttributeValue(text, end)) return null;
	// As the value would be quoted: without its own outer quotes.
	let a = start + 1;
	let b = end;
	if (b - a > 1 && isQuote(text.charCodeAt(a))) a++;
	if (b > hit + CLASS_TOKEN.length && isQuote(text.charCodeAt(b - 1))) b--;
	return text.slice(a, b);
}

function isQuote(c: number): boolean {
	return c === 34 || c === 39;
}

/** Whether the `<` at `at` is escaped by a backslash (an odd run of them) that lies at or past `floor`. */
function isEscaped(text: string, at: number, floor: number): boolean {
	let i = at;
	while (i > floor && text.charCodeAt(i - 1) === 92 /* \ */) i--;
	return (at - i) % 2 === 1;
}

/** Whether a `data-t` value is a plain time: digits in two to four fields. */
function isPlainTime(value: string | null | undefined): boolean {
	if (!value) return false;
	let fields = 1;
	let digits = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
		else if (c === 58 /* : */ && digits > 0) {
			fields++;
			digits = 0;
		} else return false;
	}
	return digits > 0 && fields >= 2 && fields <= 4;
}

const STANDARD_OPEN = '<a class="';
const STANDARD_ATTR = '" data-t="';

/**
 * The form nearly every element takes, `<a class="yt-timestamp" data-t="…">label</a>`, read with a
 * handful of `indexOf`s; `null` for anything else, which the general reader handles.
 */
function readStandardElement(text: string, hit: number, floor: number, lineEnd: number, limit: number): RawElement | null {
	const from = hit - STANDARD_OPEN.length;
	if (from < floor || !text.startsWith(STANDARD_OPEN, from) || !text.startsWith(STANDARD_ATTR, hit + CLASS_TOKEN.length)) return null;
	const valueStart = hit + CLASS_TOKEN.length + STANDARD_ATTR.length;
	const end = Math.min(lineEnd, valueStart + 64);
	let i = valueStart;
	let c = -1;
	for (; i < end; i++) {
		c = text.charCodeAt(i);
		if (c === 34 /* " */ || c === 60 /* < */) break;
	}
	if (i >= end) return null;
	if (c === 60) {
		// The quoted value breaks off at the next tag: the opening tag ends there, without a label.
		const closes = text.startsWith("</a>", i);
		const dataT = text.slice(valueStart, i);
		return {
			source: text,
			from,
			to: closes ? i + 4 : hasDigit(dataT) ? i : endOfBrokenRun(text, i, lineEnd),
			tagEnd: i,
			tag: "a",
			attributes: null,
			dataT,
			label: "",
			tagClosed: false,
		};
	}
	const valueEnd = i;
	if (text.charCodeAt(valueEnd + 1) !== 62 /* > */) return null;
	const labelStart = valueEnd + 2;
	const lt = indexWithin(text, "<", labelStart, Math.min(lineEnd, limit, labelStart + MAX_LABEL_LENGTH));
	if (lt < 0 || !text.startsWith("</a>", lt)) return null;
	return {
		source: text,
		from,
		to: lt + 4,
		tagEnd: labelStart,
		tag: "a",
		attributes: null,
		dataT: text.slice(valueStart, valueEnd),
		label: text.slice(labelStart, lt),
		tagClosed: true,
	};
}

const FRAGMENT = STANDARD_OPEN + CLASS_TOKEN + STANDARD_ATTR;

/**
 * Where a run of opening tags that each break off into the next (`<a class="yt-timestamp"
 * data-t="<a class="yt-timestamp" data-t="…`, none with a time) ends: the run is one broken
 * stretch, read in a tight loop instead of one element at a time.
 */
function endOfBrokenRun(text: string, at: number, lineEnd: number): number {
	while (text.startsWith(FRAGMENT, at)) {
		const valueStart = at + FRAGMENT.length;
		const end = Math.min(lineEnd, valueStart + 64);
		let i = valueStart;
		for (; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c === 60 || c === 34 || (c >= 48 && c <= 57)) break;
		}
		if (i >= end || text.charCodeAt(i) !== 60 || text.startsWith("</a>", i)) return at;
		at = i;
	}
	return at;
}

function hasDigit(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) return true;
	}
	return false;
}

/** `indexOf` that never reads past `end` (the windows here are short), so a missing needle costs only the window. */
function indexWithin(text: string, needle: string, start: number, end: number): number {
	const first = needle.charCodeAt(0);
	const last = end - needle.length;
	for (let i = start; i <= last; i++) {
		if (text.charCodeAt(i) === first && (needle.length === 1 || text.startsWith(needle, i))) return i;
	}
	return -1;
}

function hasTimestampClass(attributes: RawAttribute[]): boolean {
	for (const a of attributes) {
		if (a.name.toLowerCase() !== "class" || a.value === null) continue;
		if (a.value.split(/\s+/).includes(CLASS_TOKEN)) return true;
	}
	return false;
}

/** The value of the first attribute with this name (case-insensitive), if any. */
export function attribute(el: RawElement, name: string): string | null | undefined {
	if (name === "data-t") return el.dataT;
	if (!el.attributes) return name === "class" ? CLASS_TOKEN : undefined;
	const a = el.attributes.find((x) => x.name.toLowerCase() === name);
	return a ? a.value : undefined;
}
