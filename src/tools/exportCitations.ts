import { extractCitations, planChapters, toChapters, toCsv, toMarkdownList, type Citation, type ExportRow, type ExtractOptions, type VideoRef } from "../core";
import type { ClipboardWriter } from "../obsidian/clipboard";

/** The formats citations can be copied in. */
export type ExportFormat = "markdown" | "chapters" | "csv";

/** Each format: how its commands and menu items name it, and how it writes rows. */
export const EXPORT_FORMATS: Record<ExportFormat, { as: string; noticeAs: string; write: (rows: readonly ExportRow[]) => string; caveat?: (rows: readonly ExportRow[]) => string }> = {
	markdown: { as: "markdown list", noticeAs: "a markdown list", write: toMarkdownList },
	chapters: { as: "YouTube chapters", noticeAs: "YouTube chapters", write: toChapters, caveat: chapterCaveat },
	csv: { as: "CSV", noticeAs: "CSV", write: toCsv },
};

/** The order formats are offered in. */
export const FORMAT_ORDER: readonly ExportFormat[] = ["markdown", "chapters", "csv"];

/**
 * A note's citations as export rows: those with a time, in document order, each linking to its
 * YouTube moment when it has one (its own `data-v`, else the note's video).
 */
export function noteExportRows(citations: readonly Citation[], noteVideo: VideoRef | null): ExportRow[] {
	const noteId = noteVideo?.kind === "youtube" ? noteVideo.id : undefined;
	const rows: ExportRow[] = [];
	for (const c of citations) {
		if (c.seconds === null) continue;
		const videoId = c.video ? (c.video.kind === "youtube" ? c.video.id : undefined) : noteId;
		rows.push({ seconds: c.seconds, text: c.text, line: c.line, ...(videoId ? { videoId } : {}) });
	}
	return rows;
}

/** {@link noteExportRows} straight from a note's text (read against its video's length with `reading`, once known). */
export function noteTextExportRows(text: string, noteVideo: VideoRef | null, reading: ExtractOptions = {}): ExportRow[] {
	return noteExportRows(extractCitations(text, reading), noteVideo);
}

/**
 * Writes `rows` in `format` to the clipboard and says what was copied ("Copied 32 citations as
 * YouTube chapters"), or why nothing was.
 */
export async function copyCitations(clipboard: ClipboardWriter, format: ExportFormat, rows: readonly ExportRow[], notify: (message: string) => void): Promise<void> {
	if (rows.length === 0) {
		notify("No timestamps to copy.");
		return;
	}
	const { write, noticeAs, caveat } = EXPORT_FORMATS[format];
	try {
		await clipboard.writeText(write(rows));
	} catch {
		notify("Could not copy to the clipboard.");
		return;
	}
	const said = caveat?.(rows) ?? "";
	notify(`Copied ${rows.length === 1 ? "1 citation" : `${rows.length} citations`} as ${noticeAs}${said ? `. ${said}` : ""}`);
}

/**
 * What YouTube's chapter rules changed, for the notice: "9 moments less than 10 s after the
 * chapter before were left out (YouTube needs chapters at least 10 s long)", and a warning when
 * fewer than three chapters remain.
 */
export function chapterCaveat(rows: readonly ExportRow[]): string {
	const plan = planChapters(rows);
	const out: string[] = [];
	if (plan.leftOut > 0) {
		const n = plan.leftOut === 1 ? "1 moment less than 10 s after the chapter before was" : `${plan.leftOut} moments less than 10 s after the chapter before were`;
		out.push(`${n} left out: YouTube needs chapters at least 10 s long.`);
	}
	if (plan.tooFew) out.push(`Only ${plan.lines.length === 1 ? "1 chapter" : `${plan.lines.length} chapters`}: YouTube shows chapters only when there are at least three.`);
	return out.join(" ");
}
