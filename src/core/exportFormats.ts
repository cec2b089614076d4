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

/**
 * YouTube chapter lines, `00:46:51 claim`, sorted by time with one line per second. YouTube wants
 * the first chapter at 0:00, so one is added when missing.
 */
export function toChapters(rows: readonly ExportRow[]): string {
	const sorted = [...rows].sort((a, b) => a.seconds - b.seconds);
	const lines: string[] = [];
	let last = -1;
	for (const r of sorted) {
		const s = youtubeSeconds(r.seconds);
		if (s === last) continue;
		last = s;
		lines.push(`${formatTimestamp(s)} ${oneLine(r.text) || "(untitled)"}`);
	}
	if (!lines[0]?.startsWith("00:00:00")) lines.unshift("00:00:00 Start");
	return lines.join("\n");
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
