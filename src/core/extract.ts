import { BlockReader, blockState, copyBlockState, startsBlock, type BlockState, COMMENT_REST, CONTINUATION, HEADING, PARAGRAPH, RULE, SETEXT, TABLE } from "./blockScan";
import { finder, frontmatterEnd } from "./lineScan";
import { spansFrom } from "./lineExclusions";
import type { Citation } from "./types";
import { readElementAt } from "./element";
import { readElementTime } from "./elementTime";
import { NoteTimes, statedDuration } from "./noteTimes";
import { MAX_CLAIM_SPAN, headingText, isClusterGap, newBlock, type Block, type LazyClaim, type Piece } from "./claims";
import { BROKEN_RUN, linkCitation, toCitation } from "./citationRecord";
import { LineLinks } from "./lineLinks";

const CLASS_TOKEN = "yt-timestamp";
const NONE: [number, number][] = [];
const NO_ELEMENTS: Piece[] = [];

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
	/**
	 * Read only the citations that start in `[from, to]` (offsets in the text; either may be left
	 * out). See {@link extractCitations} for what such a read gives.
	 */
	from?: number;
	/** The end of the range, inclusive (see {@link from}). */
	to?: number;
	/**
	 * For a range: the block state at the start of a line, `at`, at or before `from` (a state saved
	 * by a {@link BlockReader} over the same text; `line` its 0-based line number), so the lines
	 * above it are not scanned at all. `text` may then be a slice of a note starting at a line start.
	 */
	resume?: { at: number; line: number; state: Readonly<BlockState> };
}

/**
 * Every citation of a note, in document order, outside frontmatter, fenced and indented code,
 * `$$` math blocks, inline code and HTML comments: `yt-timestamp` elements, and links that point at
 * a moment (see `readMomentLink`; ordinary links stay ordinary). One pass over the lines, read by a
 * {@link BlockReader}: a line costs a few character checks unless it holds a candidate or a
 * structural marker, candidates are found with `indexOf`, every look-around is bounded, and claim
 * text is only worked out when read, so the cost is linear in the text and close to a bare regex
 * scan of it.
 *
 * **A range** (`from`/`to`) reads the block structure from the top of the note (or from `resume`)
 * without reading any citation, then reads citations from the start of the block (paragraph, list
 * item, heading, table row) that holds `from` to the line that holds `to`, and returns those that
 * start in `[from, to]`. Each is the whole note's citation, as `extractCitations(text, { inContext:
 * false })` gives it, in `form`, `from`, `to`, `line`, `label`, `seconds`, `end`, `repaired`,
 * `repair`, `invalid` and `video`, and in its claim `text`. What differs: times are read as written
 * (`inContext` and `duration` do not apply: weighing a time needs the whole note); `claim` numbers
 * the claims from the read's start; `headings` holds only headings read from there on. With
 * `resume` at a line inside the block of `from`, reading starts at `resume`, and the claim text of
 * citations before that block's next sentence end may start there.
 */
export function extractCitations(markdown: string, options: ExtractOptions = {}): Citation[] {
	const text = typeof markdown === "string" ? markdown : "";
	const out: Citation[] = [];
	const candidates = finder(text, CLASS_TOKEN, "yt-t");
	const foreign = options.otherForms !== false;
	const links = new LineLinks(text, foreign);
	if (candidates(0) < 0 && !links.inNote()) return out;
	const times = new NoteTimes();
	const len = text.length;
	const ranged = options.from !== undefined || options.to !== undefined || options.resume !== undefined;
	const rangeFrom = options.from ?? 0;
	const rangeTo = options.to ?? len;
	let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let lineNo = 0;
	let duration: number | undefined;
	const state = blockState();

	if (options.resume) {
		pos = options.resume.at;
		lineNo = options.resume.line;
		copyBlockState(state, options.resume.state);
	} else {
		const fm = frontmatterEnd(text, pos);
		duration = options.duration ?? (fm > pos ? statedDuration(text, pos, fm) : undefined);
		if (fm > pos) {
			lineNo = countNewlines(text, 0, fm);
			pos = fm;
		}
	}
	if (ranged) {
		const start = blockStartBefore(text, pos, lineNo, state, rangeFrom);
		pos = start.at;
		lineNo = start.line;
	}

	const reader = new BlockReader(text);
	const backticks = finder(text, "`");
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
		if (lineStart > rangeTo) break;

		const kind = reader.step(lineStart, contentEnd, state);
		if (kind < PARAGRAPH) {
			if (kind === COMMENT_REST) break;
			if (kind === SETEXT) setHeading(reader.level, headingText(text, prevLineStart, prevLineEnd, block ? block.elements : NO_ELEMENTS));
			else if (kind === RULE) startBlock(lineEnd, false);
			continue;
		}
		const scanFrom = reader.from;
		const contentStart = reader.contentStart;
		const headingLevel = kind === HEADING ? reader.level : 0;
		if (kind === TABLE) startBlock(reader.first, true);
		else if (kind !== CONTINUATION) startBlock(contentStart, false);
		prevLineStart = contentStart;
		prevLineEnd = contentEnd;

		const nextCandidate = candidates(scanFrom);
		const hasCandidate = nextCandidate >= 0 && nextCandidate + CLASS_TOKEN.length <= contentEnd;
		const hasLink = links.onLine(scanFrom, contentEnd);
		if (!hasCandidate && !hasLink) {
			if (headingLevel) setHeading(headingLevel, headingText(text, contentStart, contentEnd, NO_ELEMENTS));
			continue;
		}

		// Candidates on this line, outside inline code and comments.
		const tick = backticks(scanFrom);
		const excluded = reader.excluded ?? (tick >= 0 && tick < contentEnd ? spansFrom(text, scanFrom, contentEnd) : NONE);
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

		if (hasLink) links.add(block.elements, lineElementsFrom, scanFrom, contentEnd, excluded);
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
			if ("moment" in el) {
				out.push(linkCitation(el, lineNo, claim, lazy as LazyClaim, headings, times, out.length));
				continue;
			}
			const time = readElementTime(el);
			const previous = out[out.length - 1];
			if (!el.tagClosed && "invalid" in time && previous && previous.to === el.from && previous.invalid === BROKEN_RUN) {
				// A run of opening tags that each break off into the next is one broken stretch, not thousands of citations.
				previous.to = el.to;
				continue;
			}
			out.push(toCitation(el, time, lineNo, claim, lazy as LazyClaim, headings, times, out.length));
		}
	}

	if (ranged) return out.filter((c) => c.from >= rangeFrom && c.from <= rangeTo);
	if (options.inContext !== false) times.apply(out, duration);
	return out;
}

/**
 * Where a range read starts reading citations: the last line at or before the one holding `from`
 * that starts a block, found by reading the block structure alone from `pos` (a line start, line
 * `line`, in `state`). Leaves `state` as it is at that line's start.
 */
function blockStartBefore(text: string, pos: number, line: number, state: BlockState, from: number): { at: number; line: number } {
	const reader = new BlockReader(text);
	const before = copyBlockState(blockState(), state);
	const saved = copyBlockState(blockState(), state);
	let at = pos;
	let atLine = line;
	for (let n = line; pos <= text.length && pos <= from; n++) {
		const nl = text.indexOf("\n", pos);
		const lineEnd = nl < 0 ? text.length : nl;
		const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
		copyBlockState(before, state);
		if (startsBlock(reader.step(pos, contentEnd, state))) {
			copyBlockState(saved, before);
			at = pos;
			atLine = n;
		}
		pos = lineEnd + 1;
	}
	copyBlockState(state, saved);
	return { at, line: atLine };
}

function within(index: number, end: number): number {
	return index >= 0 && index + CLASS_TOKEN.length <= end ? index : -1;
}

function countNewlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
	return n;
}
