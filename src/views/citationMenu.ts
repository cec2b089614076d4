import { Menu, Notice } from "obsidian";
import { formatTimestamp, youtubeShortUrl, youtubeWatchUrl, type Citation, type ExportRow, type TimedCitation, type VideoRef } from "../core";
import type { ClipboardWriter } from "../obsidian/clipboard";
import { copyCitations, EXPORT_FORMATS, FORMAT_ORDER } from "../tools/exportCitations";

/** The youtube.com link to a citation's moment; `null` when it has no time or its video is not on YouTube. */
export function momentLink(citation: Citation, video: VideoRef | null): string | null {
	if (citation.seconds === null || video?.kind !== "youtube") return null;
	return youtubeWatchUrl(video.id, citation.seconds);
}

/**
 * The citation as one markdown list item: `- [46:51](https://youtu.be/ID?t=2811) claim text` for a
 * YouTube video, else with the note's own anchor form, which the plugin plays for any video.
 */
export function citationMarkdown(citation: TimedCitation, video: VideoRef | null): string {
	const link =
		video?.kind === "youtube"
			? `[${formatTimestamp(citation.seconds, { style: "m:ss" })}](${youtubeShortUrl(video.id, citation.seconds)})`
			: `<a class="yt-timestamp" data-t="${formatTimestamp(citation.seconds)}">[${formatTimestamp(citation.seconds)}]</a>`;
	// One line, and a `<` in the text (shown as text in the note) must not become a tag when pasted.
	const text = citation.text.replace(/\s+/g, " ").trim().replace(/</g, "&lt;");
	return text ? `- ${link} ${text}` : `- ${link}`;
}

/** What the row menu needs besides the citation. */
export interface CitationMenuContext {
	/** The video the citation plays (its own, else the note's). */
	video: VideoRef | null;
	clipboard: ClipboardWriter;
	/** Shows the citation's line in the note. */
	reveal(): void;
}

/** Opens the context menu of a panel row: copy the moment's link or the citation, or show it in the note. */
export function showCitationMenu(evt: MouseEvent, citation: Citation, context: CitationMenuContext): Menu {
	const menu = new Menu();
	const link = momentLink(citation, context.video);
	if (link) {
		menu.addItem((item) =>
			item
				.setTitle("Copy link to this moment")
				.setIcon("link")
				.onClick(() => copy(context.clipboard, link, "Link copied.")),
		);
	}
	if (citation.seconds !== null) {
		const markdown = citationMarkdown(citation, context.video);
		menu.addItem((item) =>
			item
				.setTitle("Copy citation as Markdown")
				.setIcon("copy")
				.onClick(() => copy(context.clipboard, markdown, "Citation copied.")),
		);
	}
	menu.addItem((item) =>
		item
			.setTitle("Show in note")
			.setIcon("crosshair")
			.onClick(() => context.reveal()),
	);
	menu.showAtMouseEvent(evt);
	return menu;
}

function copy(clipboard: ClipboardWriter, text: string, done: string): void {
	clipboard.writeText(text).then(
		() => new Notice(done),
		() => new Notice("Could not copy to the clipboard."),
	);
}

/** Opens the panel's copy menu: the listed citations as a markdown list, YouTube chapters or CSV. */
export function showExportMenu(evt: MouseEvent, rows: () => ExportRow[], clipboard: ClipboardWriter): Menu {
	const menu = new Menu();
	for (const format of FORMAT_ORDER) {
		menu.addItem((item) =>
			item
				.setTitle(`Copy as ${EXPORT_FORMATS[format].as}`)
				.setIcon("copy")
				.onClick(() => void copyCitations(clipboard, format, rows(), (message) => new Notice(message))),
		);
	}
	menu.showAtMouseEvent(evt);
	return menu;
}
