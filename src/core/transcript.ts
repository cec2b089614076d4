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
 */
function readCues(body: string, sink: CueSink, passTimed: boolean): void {
	const lines = body.indexOf("\r") >= 0 ? body.split(/\r\n?|\n/) : body.split("\n");
	let inCue = false;
	let cueLines = 0;
	// A cue's last text line is held back until the next: a bare number just before a timing line,
	// with no blank line between, is the next cue's number, not text.
	let held = "";
	let heldNumber = false;
	let heldTimed = false;
	// Lines since the last blank one outside a cue: a cue number or identifier.
	let pending = 0;
	let skipBlock = false;
	let lastRaw = "";
	let lastPlain = "";
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		if (line.indexOf("->") >= 0 && readTiming(line)) {
			if (inCue) {
				if (held !== "" && !heldNumber) sink.line(held, heldTimed);
				sink.end();
			}
			sink.begin(timing.start, timing.end);
			inCue = true;
			cueLines = 0;
			held = "";
			skipBlock = false;
			pending = 0;
			continue;
		}
		if (isBlank(line)) {
			// Auto-generated captions start a cue with a line of one space: only an empty line,
			// or a blank one after the cue's text, ends a cue.
			if (inCue && cueLines === 0 && line !== "") continue;
			if (inCue) {
				if (held !== "") sink.line(held, heldTimed);
				sink.end();
				inCue = false;
				held = "";
			}
			skipBlock = false;
			pending = 0;
			continue;
		}
		if (inCue) {
			if (held !== "") sink.line(held, heldTimed);
			if (passTimed && line.indexOf("<") >= 0 && WORD_TIME.test(line)) {
				held = line;
				heldTimed = true;
				heldNumber = false;
				cueLines++;
				continue;
			}
			// Rolling captions repeat the line before: read each distinct line once.
			if (line !== lastRaw) {
				lastRaw = line;
				lastPlain = cueLineText(line);
			}
			held = lastPlain;
			heldTimed = false;
			if (lastPlain === "") continue;
			const first = line.charCodeAt(0);
			heldNumber = ((first >= 48 && first <= 57) || first === 32) && CUE_NUMBER.test(line);
			cueLines++;
			continue;
		}
		if (skipBlock) continue;
		if (pending === 0 && BLOCK_KEYWORD.test(line)) {
			// The header block (with its metadata lines) and comment, style and region blocks.
			skipBlock = true;
			continue;
		}
		pending++;
	}
	if (inCue) {
		if (held !== "") sink.line(held, heldTimed);
		sink.end();
	}
}

function isBlank(line: string): boolean {
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0xfeff) return false;
	}
	return true;
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
