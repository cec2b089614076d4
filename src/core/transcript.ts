/**
 * The subtitle reader: WebVTT and SubRip files as real tools write them, read into plain-text cues
 * in seconds. Tolerant by design (a BOM, CRLF or lone CR line ends, hours left out, comma or dot
 * decimals, cue numbers or identifiers or neither, a missing blank line between cues, cue
 * settings, `NOTE`/`STYLE`/`REGION` blocks, markup in the text), and it never throws: a file it
 * cannot read gives no cues and an `error` a person can act on.
 *
 * Auto-generated captions (YouTube's, and the files download tools write from them) repeat each
 * line: a cue shows the line before it on top of the new one, and a 10 ms cue between them shows
 * the finished line again. Such files are recognised (inline word times, or most cues starting
 * with the previous cue's last line, or each cue growing the one before it) and collapsed so each
 * spoken line appears once, at the time it was first spoken (`transcriptRolling.ts`).
 */
import { cueLineText } from "./cueText";
import { readTiming, timing } from "./cueTiming";
import { CueList, RollingCollapse, isRolling, type CueSink } from "./transcriptRolling";

/** One cue of a transcript: when it is shown, in seconds, and what it says, as plain text. */
export interface TranscriptCue {
	start: number;
	end: number;
	text: string;
}

/** What {@link parseTranscript} read: the cues in document order, or none and why. */
export interface Transcript {
	cues: TranscriptCue[];
	error?: string;
}

const WORD_TIME = /<\d+:\d/;
const CUE_NUMBER = /^\s*\d+\s*$/;
const BLOCK_KEYWORD = /^(?:WEBVTT|NOTE|STYLE|REGION)(?:\s|$)/;

/**
 * Reads a WebVTT or SubRip file into cues (seconds, plain text, document order). `fileName`
 * only names the file in an error and sharpens the message for a file of another kind; the text
 * decides how it is read.
 */
export function parseTranscript(text: string, fileName?: string): Transcript {
	try {
		return read(typeof text === "string" ? text : "", fileName);
	} catch {
		// Nothing above should throw; if it does, the file is still just unreadable, not a crash.
		return { cues: [], error: `${describe(fileName)} could not be read as subtitles.` };
	}
}

function read(text: string, fileName: string | undefined): Transcript {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === "") return { cues: [], error: `${describe(fileName)} is empty.` };
	if (body.includes("\u0000")) return { cues: [], error: `${describe(fileName)} is not a text file.` };
	let cues: TranscriptCue[];
	if (WORD_TIME.test(body)) {
		// Word times mark auto-generated captions: collapse them as they are read.
		const collapse = new RollingCollapse();
		readCues(body, collapse, true);
		cues = collapse.cues;
	} else {
		const list = new CueList();
		readCues(body, list, false);
		if (isRolling(list)) {
			const collapse = new RollingCollapse();
			list.replay(collapse);
			cues = collapse.cues;
		} else cues = list.plainCues();
	}
	if (cues.length === 0) return { cues, error: noCuesMessage(body, fileName) };
	return { cues };
}

/**
 * Reads the file's cues line by line into `sink`, each text line plain and non-empty, except,
 * with `passTimed`, lines with word times, handed over as written for the sink to read.
 *
 * The lines are read where they are in the text, which is not split into an array of lines:
 * timing and blank lines are never cut out of it, and a line with word times is handed over as a
 * range of it.
 */
function readCues(source: string, sink: CueSink, passTimed: boolean): void {
	const body = source.indexOf("\r") >= 0 ? source.replace(/\r\n?/g, "\n") : source;
	const size = body.length;
	let inCue = false;
	let cueLines = 0;
	// A cue's last text line is held back until the next: a bare number just before a timing line,
	// with no blank line between, is the next cue's number, not text.
	let held = "";
	let heldNumber = false;
	// Or a line with word times, held where it is in the body (handed over as written).
	let heldTimed = false;
	let heldFrom = 0;
	let heldTo = 0;
	// Lines since the last blank one outside a cue: a cue number or identifier.
	let pending = 0;
	let skipBlock = false;
	let lastRaw = "";
	let lastPlain = "";
	for (let from = 0, to = 0; from <= size; from = to + 1) {
		to = body.indexOf("\n", from);
		if (to < 0) to = size;
		// A timing line starts with a digit, after any spaces: most text lines are ruled out by their first character.
		const first = from < to ? body.charCodeAt(from) : -1;
		if (((first >= 48 && first <= 57) || first === 32 || first === 9) && readTiming(body, from, to) && (timing.dashed || hasArrow(body, from, to))) {
			if (inCue) {
				if (heldTimed) sink.timedLine(body, heldFrom, heldTo);
				else if (held !== "" && !heldNumber) sink.line(held);
				sink.end();
			}
			sink.begin(timing.start, timing.end);
			inCue = true;
			cueLines = 0;
			held = "";
			heldTimed = false;
			skipBlock = false;
			pending = 0;
			continue;
		}
		if (isBlank(body, from, to)) {
			// Auto-generated captions start a cue with a line of one space: only an empty line,
			// or a blank one after the cue's text, ends a cue.
			if (inCue && cueLines === 0 && to > from) continue;
			if (inCue) {
				if (heldTimed) sink.timedLine(body, heldFrom, heldTo);
				else if (held !== "") sink.line(held);
				sink.end();
				inCue = false;
				held = "";
				heldTimed = false;
			}
			skipBlock = false;
			pending = 0;
			continue;
		}
		if (inCue) {
			if (heldTimed) sink.timedLine(body, heldFrom, heldTo);
			else if (held !== "") sink.line(held);
			// Rolling captions repeat the line before: read each distinct line once.
			const line = body.slice(from, to);
			if (line !== lastRaw) {
				if (passTimed && line.indexOf("<") >= 0 && WORD_TIME.test(line)) {
					held = "";
					heldTimed = true;
					heldFrom = from;
					heldTo = to;
					heldNumber = false;
					cueLines++;
					continue;
				}
				lastRaw = line;
				lastPlain = cueLineText(line);
			}
			// (A line with word times is never the last plain line when they are passed on, so a repeat is plain text.)
			held = lastPlain;
			heldTimed = false;
			if (lastPlain === "") continue;
			heldNumber = ((first >= 48 && first <= 57) || first === 32) && CUE_NUMBER.test(line);
			cueLines++;
			continue;
		}
		if (skipBlock) continue;
		if (pending === 0 && BLOCK_KEYWORD.test(body.slice(from, to))) {
			// The header block (with its metadata lines) and comment, style and region blocks.
			skipBlock = true;
			continue;
		}
		pending++;
	}
	if (inCue) {
		if (heldTimed) sink.timedLine(body, heldFrom, heldTo);
		else if (held !== "") sink.line(held);
		sink.end();
	}
}

/** Whether the line `from`–`to` of `text` is empty or only spaces, tabs, no-break spaces and BOMs. */
function isBlank(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff) return false;
	}
	return true;
}

/** Whether the line `from`–`to` of `text` has `->` in it (a timing line whose own arrow is a bare `>` may still). */
function hasArrow(text: string, from: number, to: number): boolean {
	for (let i = from + 1; i < to; i++) if (text.charCodeAt(i) === 62 && text.charCodeAt(i - 1) === 45) return true;
	return false;
}

function noCuesMessage(body: string, fileName: string | undefined): string {
	const name = describe(fileName);
	if (/^\s*\[Script Info\]/i.test(body) || /\.(ass|ssa)$/i.test(fileName ?? "")) {
		return `${name} is an SSA/ASS subtitle file, which is not read: save it as WebVTT (.vtt) or SubRip (.srt).`;
	}
	if (/^\s*WEBVTT/.test(body)) return `${name} is a WebVTT file with no cues.`;
	return `${name} holds no subtitle cues: expected WebVTT or SubRip, with lines like "00:00:01.000 --> 00:00:04.000".`;
}

function describe(fileName: string | undefined): string {
	return fileName ? `"${fileName}"` : "The file";
}
