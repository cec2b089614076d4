import { formatTimestamp, readingShown, type Citation, type RepairKind, type VideoRef } from "../core";
import { readTimeFromDom, readVideoIdFromDom, truncate } from "./domTime";

/** A rendered `yt-timestamp` element turned into a seek link: what it plays, or why it cannot. */
export interface TimestampLink {
	el: HTMLElement;
	/** The moment, or `null` when none could be read (then `invalid` says why). */
	seconds: number | null;
	/** The video it plays: its own `data-v`, else the note's; `null` when neither names one. */
	video: VideoRef | null;
	/** Why it cannot be played, in words a person can act on. */
	invalid?: string;
	/** How its time was read when not simply as written, in words. */
	repaired?: string;
	/** The same, for code (see `readingShown`); absent for a time read from the page alone. */
	repair?: RepairKind;
	/** Whether the time was written into an empty element (so unloading can take it out again). */
	filledLabel?: boolean;
}

/** The link for an element paired with the citation core read from the note's source. */
export function linkFromCitation(el: HTMLElement, citation: Citation, noteVideo: VideoRef | null): TimestampLink {
	const video: VideoRef | null = citation.video ?? noteVideo;
	if (citation.seconds === null) return { el, seconds: null, video, invalid: citation.invalid };
	return { el, seconds: citation.seconds, video, repaired: citation.repaired, repair: citation.repair };
}

/** The link for an element read from the DOM alone (no section source, or one that disagrees). */
export function linkFromDom(el: HTMLElement, noteVideo: VideoRef | null): TimestampLink {
	const ownVideo = readVideoIdFromDom(el);
	const video: VideoRef | null = ownVideo ? { kind: "youtube", id: ownVideo } : noteVideo;
	if (ownVideo === null) {
		return { el, seconds: null, video, invalid: `data-v "${truncate(el.getAttribute("data-v") ?? "")}" names no YouTube video` };
	}
	const time = readTimeFromDom(el);
	if ("invalid" in time) return { el, seconds: null, video, invalid: time.invalid };
	return { el, seconds: time.seconds, video, repaired: time.repaired };
}

/** The tooltip of a link that plays: "Play from 46:51", as the editor's chips say it. */
export function playLabel(seconds: number): string {
	return `Play from ${formatTimestamp(seconds, { style: "m:ss" })}`;
}

/**
 * Makes the element behave like a link, in place: role and keyboard focus; an empty element shows
 * its time, and the rare states (invalid, repaired, no video) add a class. Its look comes from its
 * own `yt-timestamp` class (styles.css) and its tooltip is written when it is first hovered or
 * focused ({@link labelLink}): each attribute written to an element in the page costs the browser
 * work, and for a section with 2,000 links the eager version took longer than everything else.
 */
export function decorate(link: TimestampLink): void {
	const { el } = link;
	el.setAttribute("role", "link");
	el.setAttribute("tabindex", "0");
	// An element with an image or other markup for a label keeps it; only a truly empty one gets text.
	const empty = isEmpty(el);
	if (link.seconds === null) {
		el.addClass("is-invalid");
		if (empty) fill(link, "[?]");
		if (!link.video) el.addClass("is-novideo");
		return;
	}
	if (readingShown(link).marked) el.addClass("is-repaired");
	if (!link.video) el.addClass("is-novideo");
	if (empty) fill(link, formatTimestamp(link.seconds));
}

/** What a link's tooltip (and accessible name) says: "Play from 46:51", or why it cannot play. */
export function linkLabel(link: TimestampLink): string {
	if (link.seconds === null) return `Cannot play this timestamp: ${link.invalid ?? "no usable time"}`;
	let label = playLabel(link.seconds);
	const { note } = readingShown(link);
	if (note) label += ` (${note})`;
	if (!link.video) label += " (this note names no video)";
	return label;
}

/** Writes the link's tooltip once, when it is first hovered or focused. */
export function labelLink(link: TimestampLink): void {
	if (!link.el.hasAttribute("aria-label")) link.el.setAttribute("aria-label", linkLabel(link));
}

/** Whether the element shows nothing: no child element and only blank text (one text node, nearly always, read without building `textContent`). */
function isEmpty(el: HTMLElement): boolean {
	const first = el.firstChild;
	if (!first) return true;
	if (first.nodeType === Node.TEXT_NODE && !first.nextSibling) return (first.nodeValue ?? "").trim() === "";
	return el.childElementCount === 0 && (el.textContent ?? "").trim() === "";
}

function fill(link: TimestampLink, text: string): void {
	link.el.setText(text);
	link.filledLabel = true;
}

/** Takes everything {@link decorate} added off the element again. */
export function undecorate(link: TimestampLink): void {
	const { el } = link;
	el.removeClass("is-invalid", "is-repaired", "is-novideo", "is-playing");
	el.removeAttribute("role");
	el.removeAttribute("tabindex");
	el.removeAttribute("aria-label");
	if (link.filledLabel) el.empty();
	link.filledLabel = false;
}
