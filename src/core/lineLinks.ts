import type { Piece } from "./claims";
import { charWithin, readMarkdownLinkAt, readWikiLinkAt, type RawLink } from "./linkAt";
import { finder } from "./lineScan";
import { isEmptyTarget, mayHoldLinks } from "./momentLink";

const NO_PIECES: Piece[] = [];

/**
 * Finds the moment links of a note's lines for `extractCitations`: markdown links (`](`) and, with
 * other plugins' forms, wiki links (`[[`). Every search goes through a `finder`, so the lines cost
 * what their own text does, and a line is only read for links when one there can point at a
 * moment: a markdown link needs a `t=` on its line or an empty target (`[02:01]()`), a wiki link a
 * `#t=`. Most notes' links are ordinary ones and cost a few searches.
 */
export class LineLinks {
	private readonly md: (start: number) => number;
	private readonly wiki: (start: number) => number;
	private readonly timeParams: (start: number) => number;
	private readonly fragments: (start: number) => number;
	private readonly dollars: (start: number) => number;

	constructor(
		private readonly text: string,
		private readonly foreign: boolean,
	) {
		this.md = finder(text, "](");
		this.wiki = foreign ? finder(text, "[[") : () => -1;
		this.timeParams = finder(text, "t=");
		this.fragments = foreign ? finder(text, "#t=") : () => -1;
		this.dollars = finder(text, "$");
	}

	/** Whether the note may hold a moment link at all (`false` is certain): one pass over its text. */
	inNote(): boolean {
		return mayHoldLinks(this.text);
	}

	/** Whether the line `[from, end)` may hold a moment link (`false` is certain). */
	onLine(from: number, end: number): boolean {
		const wiki = this.wiki(from);
		if (wiki >= 0 && wiki < end && this.within(this.fragments, from, end)) return true;
		const md = this.md(from);
		if (md < 0 || md >= end) return false;
		if (this.within(this.timeParams, from, end)) return true;
		for (let at = md; at >= 0 && at < end; at = this.md(at + 2)) if (isEmptyTarget(this.text, at)) return true;
		return false;
	}

	/**
	 * Adds the moment links of one line (outside its excluded ranges, inline math, and the elements
	 * already read on it, from `first` on in `pieces`) to `pieces`, keeping them in document order.
	 */
	add(pieces: Piece[], first: number, from: number, end: number, excluded: [number, number][]): void {
		const text = this.text;
		const elements = pieces.length > first ? pieces.splice(first) : NO_PIECES;
		const skip = this.within(this.dollars, from, end) ? excluded.concat(mathSpans(text, from, end)) : excluded;
		const links: RawLink[] = [];
		let floor = from;
		for (let at = from; at < end; ) {
			const md = this.md(at);
			const wiki = this.wiki(at);
			const mdHit = md >= 0 && md < end ? md : -1;
			const wikiHit = wiki >= 0 && wiki < end ? wiki : -1;
			if (mdHit < 0 && wikiHit < 0) break;
			const isWiki = wikiHit >= 0 && (mdHit < 0 || wikiHit < mdHit);
			const hit = isWiki ? wikiHit : mdHit;
			const link = isWiki ? readWikiLinkAt(text, hit, end, this.foreign) : readMarkdownLinkAt(text, hit, floor, end, this.foreign);
			if (link && !coveredBy(skip, link.from, link.to) && !coveredBy(elements, link.from, link.to)) {
				links.push(link);
				floor = link.to;
				at = link.to;
			} else at = isWiki ? hit + 1 : hit + 2; // `[[[x]]]`: a wiki link may open one bracket later
		}
		if (links.length === 0) {
			for (const el of elements) pieces.push(el);
			return;
		}
		let i = 0;
		for (const link of links) {
			while (i < elements.length && (elements[i] as Piece).from < link.from) pieces.push(elements[i++] as Piece);
			pieces.push(link);
		}
		while (i < elements.length) pieces.push(elements[i++] as Piece);
	}

	private within(find: (start: number) => number, from: number, end: number): boolean {
		const at = find(from);
		return at >= 0 && at < end;
	}
}

/** Whether `[from, to)` overlaps any of `ranges` (pairs or pieces). */
function coveredBy(ranges: readonly ([number, number] | Piece)[], from: number, to: number): boolean {
	for (const r of ranges) {
		const a = Array.isArray(r) ? r[0] : r.from;
		const b = Array.isArray(r) ? (r[1] < 0 ? Infinity : r[1]) : r.to;
		if (a < to && from < b) return true;
	}
	return false;
}

/**
 * Inline math on one line, `$…$` or `$$…$$`, as `[from, to)` ranges, by Pandoc's rule (which
 * Obsidian follows): the opening `$` is followed by a non-blank, the closing one preceded by a
 * non-blank and not followed by a digit, so prices ("$5 … $15") are not math. `\$` is a dollar.
 */
function mathSpans(text: string, from: number, end: number): [number, number][] {
	const out: [number, number][] = [];
	for (let i = charWithin(text, 36, from, end); i >= 0; ) {
		const double = text.charCodeAt(i + 1) === 36;
		const width = double ? 2 : 1;
		const escaped = i > 0 && text.charCodeAt(i - 1) === 92;
		const close = escaped || isSpace(text.charCodeAt(i + width)) ? -1 : mathClose(text, i + width + 1, end, double);
		if (close < 0) {
			i = charWithin(text, 36, i + width, end);
			continue;
		}
		out.push([i, close + width]);
		i = charWithin(text, 36, close + width, end);
	}
	return out;
}

function mathClose(text: string, from: number, end: number, double: boolean): number {
	for (let j = charWithin(text, 36, from - 1, end); j >= 0; j = charWithin(text, 36, j + 1, end)) {
		if (double && text.charCodeAt(j + 1) !== 36) continue;
		const after = text.charCodeAt(j + (double ? 2 : 1));
		if (!isSpace(text.charCodeAt(j - 1)) && text.charCodeAt(j - 1) !== 92 && !(after >= 48 && after <= 57)) return j;
	}
	return -1;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}
