import { formatTimestamp, youtubeSeconds } from "./timestamp";
import { youtubeShortUrl } from "./video";

/** One citation as the export formats see it. */
export interface ExportRow {
	seconds: number;
	text: string;
	/** The note it comes from (for whole-vault exports). */
	note?: string;
	/** 0-based line in that note. */
	line?: number;
	/** The YouTube video, when there is one: rows then carry links. */
	videoId?: string;
}

/** A markdown list, one citation a line: `- [46:51](https://youtu.be/ID?t=2811) claim (note)`. */
export function toMarkdownList(rows: readonly ExportRow[]): string {
	return rows
		.map((r) => {
			const time = formatTimestamp(r.seconds, { style: "m:ss" });
			const stamp = r.videoId ? `[${time}](${youtubeShortUrl(r.videoId, r.seconds)})` : time;
			const note = r.note ? ` ([[${r.note}]])` : "";
			return `- ${stamp} ${oneLine(r.text)}${note}`.trimEnd();
		})
		.join("\n");
}

/** YouTube's chapter rules: the first at 0:00, at least three, each at least 10 s long. */
export const CHAPTER_RULES = { minChapters: 3, minSeconds: 10 } as const;

/** YouTube chapters planned from rows: the lines, and what YouTube's rules made leave out or lack. */
export interface ChapterPlan {
	lines: string[];
	/** Moments left out because they came less than 10 s after the chapter before (a repeated second counts too). */
	leftOut: number;
	/** Fewer than three chapters: YouTube would show none. */
	tooFew: boolean;
}

/**
 * Plans YouTube chapters from `rows`, sorted by time: one chapter per moment, the first at 0:00
 * ("Start" unless a moment is within the first 10 s, which then opens at 0:00), and a moment less
 * than 10 s after the chapter before left out (its chapter covers it), so YouTube accepts the list.
 */
export function planChapters(rows: readonly ExportRow[]): ChapterPlan {
	const sorted = [...rows].sort((a, b) => a.seconds - b.seconds);
	const lines: string[] = [];
	let last = Number.NEGATIVE_INFINITY;
	let leftOut = 0;
	for (const r of sorted) {
		let s = youtubeSeconds(r.seconds);
		if (lines.length === 0) {
			if (s < CHAPTER_RULES.minSeconds) {
				s = 0;
			} else {
				lines.push(`${formatTimestamp(0)} Start`);
				last = 0;
			}
		}
		if (s - last < CHAPTER_RULES.minSeconds) {
			leftOut++;
			continue;
		}
		last = s;
		lines.push(`${formatTimestamp(s)} ${chapterTitle(r.text)}`);
	}
	return { lines, leftOut, tooFew: lines.length < CHAPTER_RULES.minChapters };
}

/** YouTube chapters (see {@link planChapters}), one per line: `00:12:34 Title`. */
export function toChapters(rows: readonly ExportRow[]): string {
	return planChapters(rows).lines.join("\n");
}

/** A chapter's title: the claim on one line, without the "…" of a clause continuing a sentence. */
function chapterTitle(text: string): string {
	return oneLine(text).replace(/^…\s*/, "") || "(untitled)";
}

/**
 * CSV with a header (`time,seconds,note,line,text,link`), quoted as RFC 4180 says, and cells that
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) prefixed with `'`.
 */
export function toCsv(rows: readonly ExportRow[]): string {
	const head = ["time", "seconds", "note", "line", "text", "link"];
	const body = rows.map((r) =>
		[
			formatTimestamp(r.seconds),
			String(r.seconds),
			r.note ?? "",
			r.line === undefined ? "" : String(r.line + 1),
			oneLine(r.text),
			r.videoId ? youtubeShortUrl(r.videoId, r.seconds) : "",
		]
			.map(csvCell)
			.join(","),
	);
	return [head.join(","), ...body].join("\r\n") + "\r\n";
}

function csvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function oneLine(text: string): string {
	return text.replace(/\s+/g, " ").trim();
}
