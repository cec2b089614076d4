import { OpenComments } from "./comments";
import { closesFence, fenceFloor, finder, frontmatterEnd, isMarkerChar, itemContentColumn, lineIndent, listMarkerEnd } from "./lineScan";
import type { Citation, CitationForm, TimedCitation, InvalidCitation, RepairKind, VideoRef } from "./types";
import { readElementAt, type RawElement } from "./element";
import { charWithin, readMarkdownLinkAt, readWikiLinkAt, type RawLink } from "./linkAt";
import { badVideoReason, readElementTime, readElementVideo, type ElementTime } from "./elementTime";
import { NoteTimes, statedDuration } from "./noteTimes";
import { formatTimestamp } from "./timestamp";
import { toPlainText } from "./plainText";
import { codeSpans } from "./codeSpans";

const CLASS_TOKEN = "yt-timestamp";
const NONE: [number, number][] = [];
const NO_ELEMENTS: Piece[] = [];

/** What a citation is read from: an element, or a link to a moment. Both are cut out of claim text. */
type Piece = RawElement | RawLink;
/** How far back a claim's sentence may reach, so hostile lines stay linear. */
const MAX_CLAIM_SPAN = 600;
const CLUSTER_GAP = /^[\s,;&()[\]–—-]*(?:(?:and|or|see|also)[\s,;&()[\]–—-]*)?$/i;

/** A stretch of note text whose citations share sentence context: a paragraph, list item, heading or table row. */
interface Block {
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
interface LazyClaim {
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

/** How {@link extractCitations} reads a note's times. */
export interface ExtractOptions {
	/**
	 * The length of the note's video in seconds, once a player has reported it (or the note states
	 * it with `duration:` in its frontmatter, which is read without this): a reading past the end
	 * that has one within it takes that one.
	 */
	duration?: number;
	/**
	 * `false` reads every time as written, without weighing it against the rest of the text: for a
	 * slice of a note, whose context is the whole note's (the editor reads the whole note for that).
	 */
	inContext?: boolean;
	/**
	 * Whether other plugins' forms are citations too: media-fragment links (`[[talk.mp4#t=90]]`,
	 * `[clip](media/talk.webm#t=1:30)`) and empty-target time links (`[02:01]()`). On by default;
	 * `yt-timestamp` elements and YouTube moment links (this plugin's portable form) are always read.
	 */
	otherForms?: boolean;
}

/**
 * Every citation of a note, in document order, outside frontmatter, fenced and indented code,
 * inline code and HTML comments: `yt-timestamp` elements, and links that point at a moment (see
 * `readMomentLink`; ordinary links stay ordinary). One pass over the lines: a line costs a few
 * character checks unless it holds a candidate or a structural marker, candidates are found with
 * `indexOf`, every look-around is bounded, and claim text is only worked out when read, so the cost
 * is linear in the text and close to a bare regex scan of it.
 */
export function extractCitations(markdown: string, options: ExtractOptions = {}): Citation[] {
	const text = typeof markdown === "string" ? markdown : "";
	const out: Citation[] = [];
	const candidates = finder(text, CLASS_TOKEN, "yt-t");
	const foreign = options.otherForms !== false;
	// Moment links open with `](` (markdown, and the empty-target `]()`) or hold `#t=` (wiki). The
	// finders remember their next hit, so asking here costs nothing the line loop would not pay.
	const mdLinks = closingFinder(text);
	const wikiTimes = foreign ? finder(text, "#t=") : NOWHERE;
	// Every moment link holds `t=` or `]()`: a note of ordinary links only (a channel page) costs a look for each.
	const mayLink = candidates(0) >= 0 || hasTimeParameter(text) || text.includes("]()");
	const times = finder(text, "t=");
	let wikiOpens: ((start: number) => number) | undefined;
	const bares = finder(text, "]()");
	if (!mayLink) return out;
	let nextMd = mdLinks(0);
	let nextWiki = wikiTimes(0);
	const noteTimes = new NoteTimes();
	const len = text.length;
	let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let lineNo = 0;

	const fm = frontmatterEnd(text, pos);
	const duration = options.duration ?? (fm > pos ? statedDuration(text, pos, fm) : undefined);
	if (fm > pos) {
		lineNo = countNewlines(text, 0, fm);
		pos = fm;
	}

	const comments = finder(text, "<!--");
	const openComments = new OpenComments(text);
	const backticks = finder(text, "`");
	let fence: { char: number; len: number; floor: number } | null = null;
	let commentClose = -2; // -2: not in a comment; -1: in one that never closes
	let listOpen = false;
	let itemContent = 0; // the column where the latest list item's content starts
	let prevBlank = true;
	let prevIndentedCode = false;
	let paragraphOpen = false;
	let prevLineStart = pos;
	let prevLineEnd = pos;
	let headingStack: string[] = [];
	let headings: string[] = [];
	// The current block is allocated only once it holds an element: most paragraphs hold none.
	let blockStart = pos;
	let blockTable = false;
	let block: Block | null = null;
	let claim = -1;
	let lazy: LazyClaim | null = null;

	const startBlock = (start: number, table: boolean) => {
		blockStart = start;
		blockTable = table;
		block = null;
	};
	const setHeading = (level: number, title: string) => {
		headingStack = headingStack.slice(0, level - 1);
		while (headingStack.length < level - 1) headingStack.push("");
		headingStack.push(title);
		headings = headingStack.filter((h) => h.length > 0);
	};

	for (; pos <= len; lineNo++) {
		const nl = text.indexOf("\n", pos);
		const lineEnd = nl < 0 ? len : nl;
		const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
		const lineStart = pos;
		pos = lineEnd + 1;
		let scanFrom = lineStart;

		if (commentClose !== -2) {
			if (commentClose === -1) break;
			if (commentClose + 3 > contentEnd) continue;
			scanFrom = commentClose + 3;
			commentClose = -2;
		}

		// First non-blank character, past blockquote markers.
		const { first, indent } = lineIndent(text, scanFrom);
		const firstChar = first < contentEnd ? text.charCodeAt(first) : -1;

		if (fence) {
			if (firstChar < 0 || indent >= fence.floor) {
				if ((firstChar === 96 || firstChar === 126) && closesFence(text, first, contentEnd, fence)) fence = null;
				continue;
			}
			fence = null; // the line ends the fence's list item: it is read as any other
		}
		if (firstChar < 0) {
			prevBlank = true;
			paragraphOpen = false;
			prevIndentedCode = false;
			continue;
		}
		if (indent >= 4 && !listOpen && !paragraphOpen && (prevBlank || prevIndentedCode) && scanFrom === lineStart) {
			prevIndentedCode = true;
			prevBlank = false;
			continue;
		}
		prevIndentedCode = false;

		let headingLevel = 0;
		let contentStart = first;
		if (isMarkerChar(firstChar)) {
			// Only lines that are short or start a fence need their text; the rest are read char by char.
			const lineLength = contentEnd - first;
			if ((firstChar === 96 || firstChar === 126) && lineLength >= 3) {
				const fenceOpen = /^(`{3,}|~{3,})([^`]*)$/.exec(text.slice(first, contentEnd).trimEnd());
				if (fenceOpen) {
					fence = { char: firstChar, len: fenceOpen[1]?.length ?? 3, floor: fenceFloor(listOpen, itemContent, indent) };
					paragraphOpen = false;
					prevBlank = false;
					continue;
				}
			}
			if (lineLength <= 120 && (firstChar === 61 || firstChar === 45 || firstChar === 42 || firstChar === 95)) {
				const trimmed = text.slice(first, contentEnd).trimEnd();
				if (paragraphOpen && !listOpen && /^(=+|-+)$/.test(trimmed)) {
					setHeading(firstChar === 61 ? 1 : 2, headingText(text, prevLineStart, prevLineEnd, block ? block.elements : NO_ELEMENTS));
					paragraphOpen = false;
					prevBlank = false;
					continue;
				}
				if (/^([-*_])(?:[ \t]*\1){2,}$/.test(trimmed)) {
					paragraphOpen = false;
					prevBlank = false;
					startBlock(lineEnd, false);
					continue;
				}
			}
			const atx = firstChar === 35 ? atxLevel(text, first, contentEnd) : 0;
			const item = atx ? -1 : listMarkerEnd(text, first, contentEnd, firstChar);
			if (atx) {
				headingLevel = atx;
				contentStart = skipSpaces(text, first + atx, contentEnd);
				startBlock(contentStart, false);
			} else if (item >= 0) {
				listOpen = true;
				itemContent = itemContentColumn(text, item, indent + item - first, contentEnd);
				contentStart = skipSpaces(text, item, contentEnd);
				startBlock(contentStart, false);
			} else if (firstChar === 124 /* | */) {
				startBlock(first, true);
			} else if (!paragraphOpen) {
				if (indent === 0 && prevBlank) listOpen = false;
				startBlock(first, false);
			}
		} else if (!paragraphOpen) {
			if (indent === 0 && prevBlank) listOpen = false;
			if (!(listOpen && indent > 0 && !prevBlank)) startBlock(first, false);
		}
		paragraphOpen = headingLevel === 0;
		prevBlank = false;
		prevLineStart = contentStart;
		prevLineEnd = contentEnd;

		const nextCandidate = candidates(scanFrom);
		const nextComment = comments(scanFrom);
		const hasCandidate = nextCandidate >= 0 && nextCandidate + CLASS_TOKEN.length <= contentEnd;
		const hasComment = nextComment >= 0 && nextComment < contentEnd;
		// Link openings are rare: most lines compare two numbers. `t=` is on every element's line (`data-t=`), so it is asked last.
		if (nextMd >= 0 && nextMd < scanFrom) nextMd = mdLinks(scanFrom);
		if (nextWiki >= 0 && nextWiki < scanFrom) nextWiki = wikiTimes(scanFrom);
		const hasLink =
			(nextWiki >= 0 && nextWiki < contentEnd) || (nextMd >= 0 && nextMd < contentEnd && (before(bares(scanFrom), contentEnd) || before(times(scanFrom), contentEnd)));
		if (!hasCandidate && !hasComment && !hasLink) {
			if (headingLevel) setHeading(headingLevel, headingText(text, contentStart, contentEnd, []));
			continue;
		}

		// Candidates on this line, outside inline code and comments.
		const tick = backticks(scanFrom);
		const excluded = hasComment || (tick >= 0 && tick < contentEnd) ? excludedRanges(text, scanFrom, contentEnd) : NONE;
		const last = excluded[excluded.length - 1];
		if (last && last[1] === -1) {
			const end = openComments.end(last[0], lineStart);
			if (end === null) excluded.pop();
			else {
				commentClose = end;
				last[1] = contentEnd;
			}
		}
		block ??= newBlock(blockStart, blockTable);
		const lineElementsFrom = block.elements.length;
		let floor = scanFrom;
		let hit = hasCandidate ? nextCandidate : -1;
		let ex = 0;
		while (hit >= 0) {
			while (ex < excluded.length && (excluded[ex] as [number, number])[1] <= hit) ex++;
			const range = excluded[ex];
			if (range && range[0] <= hit) {
				floor = Math.max(floor, range[1]);
				hit = within(candidates(range[1]), contentEnd);
				continue;
			}
			const nextHit = within(candidates(hit + CLASS_TOKEN.length), contentEnd);
			const limit = Math.min(nextHit < 0 ? contentEnd : nextHit, range ? range[0] : contentEnd);
			const el = readElementAt(text, hit, floor, contentEnd, limit);
			if (el && (!range || el.to <= range[0])) {
				block.elements.push(el);
				floor = el.to;
				hit = el.to <= hit + CLASS_TOKEN.length ? nextHit : within(candidates(el.to), contentEnd);
			} else {
				floor = hit + 1;
				hit = nextHit;
			}
		}

		if (hasLink) addLinks(block.elements, lineElementsFrom, text, scanFrom, contentEnd, excluded, mdLinks, (wikiOpens ??= finder(text, "[[")), foreign);
		if (headingLevel) setHeading(headingLevel, headingText(text, contentStart, contentEnd, block.elements));

		for (let k = lineElementsFrom; k < block.elements.length; k++) {
			const el = block.elements[k] as Piece;
			const gapStart = block.lastTo >= 0 ? block.lastTo : block.start;
			const gapFrom = Math.max(gapStart, el.from - MAX_CLAIM_SPAN);
			if (!(block.lastTo >= 0 && isClusterGap(text, gapFrom, el.from))) {
				claim++;
				lazy = { value: null, block, gapFrom, to: el.from, previous: block.lastClaim, sentenceStart: -1, element: k, lineEnd: contentEnd };
				block.lastClaim = lazy;
			}
			block.lastTo = el.to;
			// Only a line with a link holds pieces other than elements: the others skip the look.
			if (hasLink && isLink(el)) {
				out.push(linkCitation(el, lineNo, claim, lazy as LazyClaim, headings, noteTimes, out.length));
				continue;
			}
			const element = el as RawElement;
			const time = readElementTime(element);
			const previous = out[out.length - 1];
			if (!element.tagClosed && "invalid" in time && previous && previous.to === element.from && previous.invalid === BROKEN_RUN) {
				// A run of opening tags that each break off into the next is one broken stretch, not thousands of citations.
				previous.to = element.to;
				continue;
			}
			out.push(toCitation(element, time, lineNo, claim, lazy as LazyClaim, headings, noteTimes, out.length));
		}
	}

	if (options.inContext !== false) noteTimes.apply(out, duration);
	return out;
}

const NOWHERE = (): number => -1;

/**
 * Like `finder(text, "](")`, found by its `(`: in a note of timestamp elements every label holds a
 * `]`, and far fewer characters are `(`.
 */
function closingFinder(text: string): (start: number) => number {
	let from = -1;
	let found = -1;
	return (start) => {
		if (start >= from && (found < 0 ? from >= 0 : start <= found)) return found;
		from = start;
		found = -1;
		for (let i = text.indexOf("(", start + 1); i > 0; i = text.indexOf("(", i + 1)) {
			if (text.charCodeAt(i - 1) === 93) {
				found = i - 1;
				break;
			}
		}
		return found;
	};
}

/**
 * Whether `text` holds `t=` anywhere. Found by its `=`, which prose rarely holds: searching for
 * `t=` itself stops at every "t", the commonest letter in English.
 */
function hasTimeParameter(text: string): boolean {
	for (let i = text.indexOf("="); i > 0; i = text.indexOf("=", i + 1)) if (text.charCodeAt(i - 1) === 116) return true;
	return false;
}

function isLink(piece: Piece): piece is RawLink {
	return (piece as RawLink).moment !== undefined;
}

function newBlock(start: number, table: boolean): Block {
	return { start, table, lastClaim: null, lastTo: -1, elements: [] };
}

/** Characters that may begin a structural line (heading, fence, list, rule, table, setext underline). */
/** The level of an ATX heading (`## Title`) starting at `first`, or 0. */
function atxLevel(text: string, first: number, end: number): number {
	let i = first;
	while (i < end && i - first < 7 && text.charCodeAt(i) === 35) i++;
	const level = i - first;
	if (level > 6) return 0;
	const after = i < end ? text.charCodeAt(i) : 32;
	return after === 32 || after === 9 ? level : 0;
}

function skipSpaces(text: string, i: number, end: number): number {
	while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
	return i;
}

/**
 * A citation as `extractCitations` returns it: plain fields, and `text`, which is worked out from
 * the note when first read (the editor and reading view never read it; the panel does).
 */
class CitationRecord {
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

const BROKEN_RUN = "broken timestamp markup: opening tags that never close";

function toCitation(el: RawElement, time: ElementTime, line: number, claim: number, lazy: LazyClaim, headings: string[], times: NoteTimes, index: number): Citation {
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
function linkCitation(link: RawLink, line: number, claim: number, lazy: LazyClaim, headings: string[], times: NoteTimes, index: number): TimedCitation {
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

/**
 * Adds the moment links of one line (outside its excluded ranges and the elements already read on
 * it, from `first` on in `pieces`) to `pieces`, keeping them in document order.
 */
function addLinks(
	pieces: Piece[],
	first: number,
	text: string,
	from: number,
	end: number,
	excluded: [number, number][],
	mdLinks: (start: number) => number,
	wikiOpens: (start: number) => number,
	foreign: boolean,
): void {
	const elements = pieces.length > first ? pieces.splice(first) : NO_ELEMENTS;
	const skip = charWithin(text, 36 /* $ */, from, end) >= 0 ? excluded.concat(mathSpans(text, from, end)) : excluded;
	const links: RawLink[] = [];
	let floor = from;
	let md = mdLinks(from);
	let wiki = foreign ? wikiOpens(from) : -1;
	for (;;) {
		const mdHit = md >= 0 && md < end ? md : -1;
		const wikiHit = wiki >= 0 && wiki < end ? wiki : -1;
		if (mdHit < 0 && wikiHit < 0) break;
		const isWiki = wikiHit >= 0 && (mdHit < 0 || wikiHit < mdHit);
		const hit = isWiki ? wikiHit : mdHit;
		const link = isWiki ? readWikiLinkAt(text, hit, end, foreign) : readMarkdownLinkAt(text, hit, floor, end, foreign);
		let next = hit + 2;
		if (link && !coveredBy(skip, link.from, link.to) && !coveredBy(elements, link.from, link.to)) {
			links.push(link);
			floor = link.to;
			next = link.to;
		}
		if (md >= 0 && md < next) md = mdLinks(next);
		// `[[[x]]]`: the wiki link may open one bracket later than a failed `[[`.
		if (wiki >= 0 && wiki < next) wiki = wikiOpens(link ? next : hit + 1);
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

function claimText(lazy: LazyClaim): string {
	if (lazy.value !== null) return lazy.value;
	let value = spanText(lazy.block.elements, Math.max(sentenceStart(lazy), lazy.to - MAX_CLAIM_SPAN), lazy.to);
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

function isClusterGap(text: string, from: number, to: number): boolean {
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
 * next sentence starts: whitespace after `.`, `!`, `?` or `…` (closing quotes and brackets allowed
 * between). Scans backwards from `to`, so a claim costs the length of its own sentence.
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
		if (k >= from && isSentenceEnd(text.charCodeAt(k))) {
			let start = i + 1;
			while (start < to && isSpace(text.charCodeAt(start))) start++;
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

function isSentenceEnd(c: number): boolean {
	return c === 46 || c === 33 || c === 63 || c === 0x2026;
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

function headingText(text: string, from: number, to: number, elements: Piece[]): string {
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

/** Inline code spans and HTML comments on one line, as sorted `[from, to)` ranges; a comment left open ends with `to = -1`. */
function excludedRanges(text: string, from: number, to: number): [number, number][] {
	const ranges: [number, number][] = [];
	const line = text.slice(from, to);
	if (line.includes("`")) for (const [a, b] of codeSpans(line)) ranges.push([from + a, from + b]);
	let at = line.indexOf("<!--");
	while (at >= 0) {
		const absolute = from + at;
		if (ranges.some(([a, b]) => a <= absolute && absolute < b)) {
			at = line.indexOf("<!--", at + 4);
			continue;
		}
		const close = line.indexOf("-->", at + 4);
		if (close < 0) {
			ranges.push([absolute, -1]);
			break;
		}
		ranges.push([absolute, from + close + 3]);
		at = line.indexOf("<!--", close + 3);
	}
	ranges.sort((a, b) => a[0] - b[0]);
	return ranges;
}

/** Whether a finder's hit lies before `end` (a hit of -1 is none). */
function before(index: number, end: number): boolean {
	return index >= 0 && index < end;
}

function within(index: number, end: number): number {
	return index >= 0 && index + CLASS_TOKEN.length <= end ? index : -1;
}

function countNewlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
	return n;
}
