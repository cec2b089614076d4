/**
 * The claim a citation backs: the sentence (within its block) its element or link ends, worked
 * out lazily from the note text, and the plain text of headings. Used by `extractCitations`.
 */
import type { RawElement } from "./element";
import type { RawLink } from "./linkAt";
import { toPlainText } from "./plainText";
import { endsSentence, isSentenceMark } from "./sentenceEnds";

/** What a citation is read from: an element, or a link to a moment. Both are cut out of claim text. */
export type Piece = RawElement | RawLink;
/** How far back a claim's sentence may reach, so hostile lines stay linear. */
export const MAX_CLAIM_SPAN = 600;
const CLUSTER_GAP = /^[\s,;&()[\]–—-]*(?:(?:and|or|see|also)[\s,;&()[\]–—-]*)?$/i;

/** A stretch of note text whose citations share sentence context: a paragraph, list item, heading or table row. */
export interface Block {
	start: number;
	table: boolean;
	/** The block's latest claim, which a claim continuing its sentence (after a comma) starts from. */
	lastClaim: LazyClaim | null;
	/** End of the last element in the block, or -1. */
	lastTo: number;
	/** The block's elements and moment links, in order, for cutting them out of claim text. */
	elements: Piece[];
}

/** The claim text of one or more citations, computed when first read (most callers never read it). */
export interface LazyClaim {
	value: string | null;
	block: Block;
	/** Where the text between the previous element (or the block start) and this claim's first element begins. */
	gapFrom: number;
	to: number;
	/** The block's previous claim, or `null` for its first. */
	previous: LazyClaim | null;
	/** Where the claim's sentence starts; -1 until worked out. */
	sentenceStart: number;
	/** Index in `block.elements` of the claim's first element, for the text-after fallback. */
	element: number;
	lineEnd: number;
}


/** A new block starting at `start` (a table row when `table`), with no pieces yet. */
export function newBlock(start: number, table: boolean): Block {
	return { start, table, lastClaim: null, lastTo: -1, elements: [] };
}

/**
 * Where a claim's sentence starts: after the last sentence end between the previous element and
 * this one; at the sentence before, when the element sits right after a full stop; and where the
 * previous claim's sentence started, when this one continues it after a comma.
 */
function sentenceStart(lazy: LazyClaim): number {
	if (lazy.sentenceStart >= 0) return lazy.sentenceStart;
	const { block, gapFrom, to } = lazy;
	const source = (block.elements[0] as Piece).source;
	let start: number;
	const boundary = to > gapFrom ? lastBoundaries(source, gapFrom, to, block.table) : { last: -1, previous: -1 };
	if (boundary.last >= 0 && hasText(source, boundary.last, to)) start = boundary.last;
	else if (boundary.last >= 0) start = boundary.previous >= 0 ? boundary.previous : lazy.previous ? sentenceStart(lazy.previous) : block.start;
	else start = lazy.previous ? sentenceStart(lazy.previous) : block.start;
	lazy.sentenceStart = start;
	return start;
}

/**
 * The claim text of `lazy`, worked out on first read and kept: the clause the citation closes
 * (from the previous citation in its sentence, or a `;` after it), marked "…" as part of a longer sentence;
 * the sentence up to the citation when that clause is too short to stand alone.
 */
export function claimText(lazy: LazyClaim): string {
	if (lazy.value !== null) return lazy.value;
	const from = Math.max(sentenceStart(lazy), lazy.to - MAX_CLAIM_SPAN);
	const clause = clauseText(lazy, from);
	let value = clause ?? spanText(lazy.block.elements, from, lazy.to);
	if (!value) {
		// Timestamp-first style ("[12:34] The speaker says…"): the claim follows the element.
		const el = lazy.block.elements[lazy.element] as Piece;
		const next = lazy.block.elements[lazy.element + 1];
		const end = Math.min(next && next.from < lazy.lineEnd ? next.from : lazy.lineEnd, el.to + MAX_CLAIM_SPAN);
		value = spanText(lazy.block.elements, el.to, end);
	}
	lazy.value = value;
	return value;
}

/** Words a clause may open with that join it to the one before ("and", "which"), dropped from its text. */
const JOINER = /^(?:[\s,;:&–—-]|(?:and|or|but|while|whereas|plus|also|then|y|e|o|et|und|ve)(?=[\s,]))+/iu;
/** A clause shorter than this (letters and digits, joiners dropped) does not stand alone. */
const MIN_CLAUSE_CHARS = 16;
const MIN_CLAUSE_WORDS = 3;

/**
 * The clause `lazy` closes when a citation earlier in its sentence claims the sentence's first part:
 * from that citation (or a `;` after it), as "…words"; `null` when the claim is the whole sentence
 * so far, or when the clause is too short to stand alone.
 */
function clauseText(lazy: LazyClaim, sentence: number): string | null {
	const source = (lazy.block.elements[0] as Piece).source;
	// Only a citation earlier in the sentence claims its first part; without one, the whole sentence is this claim.
	if (lazy.gapFrom <= sentence) return null;
	let start = lazy.gapFrom;
	for (let i = lazy.to - 1; i >= start; i--) {
		if (source.charCodeAt(i) === 59 && !isEntitySemicolon(source, i)) {
			start = i + 1;
			break;
		}
	}
	if (start <= sentence) return null;
	const text = spanText(lazy.block.elements, start, lazy.to).replace(JOINER, "");
	if (text.length < MIN_CLAUSE_CHARS || countWords(text) < MIN_CLAUSE_WORDS) return null;
	return `…${text}`;
}

function isEntitySemicolon(text: string, at: number): boolean {
	// "&amp;" and "&#39;": the semicolon closes an entity.
	for (let i = at - 1; i >= 0 && at - i <= 10; i--) {
		const c = text.charCodeAt(i);
		if (c === 38) return true;
		if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 35)) return false;
	}
	return false;
}

function countWords(text: string): number {
	let words = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const space = isSpace(text.charCodeAt(i));
		if (!space && !inWord) words++;
		inWord = !space;
	}
	return words;
}

/** Whether the text between two pieces only separates them (`, `, ` and `, `; see`), so they back one claim. */
export function isClusterGap(text: string, from: number, to: number): boolean {
	if (to - from > 24) return false;
	let letters = false;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		// Only separators (space , ; ( ) [ ]) between the two elements: no regex needed.
		if (isSpace(c) || c === 44 || c === 59 || c === 40 || c === 41 || c === 91 || c === 93) continue;
		if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters = true;
		else if (c !== 38 && c !== 45 && c !== 0x2013 && c !== 0x2014) return false;
	}
	return !letters || CLUSTER_GAP.test(text.slice(from, to));
}

function hasText(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return true;
	}
	return false;
}

/**
 * The last two sentence (or table cell) boundaries in `[from, to)`, as absolute offsets where the
 * next sentence starts: whitespace after a sentence mark that ends a sentence (`sentenceEnds.ts`;
 * closing quotes and brackets allowed between). Scans backwards from `to`, so a claim costs the length of its own sentence.
 */
function lastBoundaries(text: string, from: number, to: number, table: boolean): { last: number; previous: number } {
	let last = -1;
	for (let i = to - 1; i > from; i--) {
		const c = text.charCodeAt(i);
		if (table && c === 124) return { last: i + 1, previous: -1 };
		if (!isSpace(c)) continue;
		let j = i - 1;
		while (j >= from && isSpace(text.charCodeAt(j))) j--;
		let k = j;
		while (k >= from && isCloser(text.charCodeAt(k))) k--;
		let start = i + 1;
		while (start < to && isSpace(text.charCodeAt(start))) start++;
		if (k >= from && isSentenceMark(text.charCodeAt(k)) && endsSentence(text, k, start)) {
			if (last < 0) {
				last = start;
				if (hasText(text, start, to)) return { last, previous: -1 };
			} else return { last, previous: start };
		}
		i = j + 1;
	}
	return { last, previous: -1 };
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

function isCloser(c: number): boolean {
	// " ' ” ’ ) ] * _
	return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 42 || c === 95;
}

/** Plain text of `[from, to)` with timestamp elements cut out. */
function spanText(elements: Piece[], from: number, to: number): string {
	if (to <= from || elements.length === 0) return "";
	const text = (elements[0] as Piece).source;
	let out = "";
	let at = from;
	for (let i = firstEndingAfter(elements, from); i < elements.length; i++) {
		const el = elements[i] as Piece;
		if (el.from >= to) break;
		if (el.from > at) out += text.slice(at, el.from);
		out += " ";
		at = Math.max(at, el.to);
	}
	if (at < to) out += text.slice(at, to);
	return toPlainText(out);
}

function firstEndingAfter(elements: Piece[], offset: number): number {
	let lo = 0;
	let hi = elements.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((elements[mid] as Piece).to <= offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** A heading's plain text, with the pieces on its line cut out. */
export function headingText(text: string, from: number, to: number, elements: Piece[]): string {
	const plain = text.slice(from, to);
	if (!/[<>[\]`*_~=&|#\\]/.test(plain)) return plain.trim();
	let out = "";
	let at = from;
	for (const el of elements) {
		if (el.from < from || el.from >= to) continue;
		out += text.slice(at, el.from) + " ";
		at = el.to;
	}
	out += text.slice(at, to);
	return toPlainText(out.replace(/[ \t]+#+[ \t]*$/, ""));
}

