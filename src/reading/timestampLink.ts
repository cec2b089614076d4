import { extractCitations, formatTimestamp, readingShown, videoKey, type Citation, type CitationForm, type RepairKind, type VideoRef } from "../core";
import { citationTitle } from "../notes/citationMeaning";

/** A rendered citation (a `yt-timestamp` element or a moment link) turned into a seek link: what it plays, or why it cannot. */
export interface TimestampLink {
	el: HTMLElement;
	/** Which written form it is; absent for an element. */
	form?: CitationForm;
	/** Whether it plays another video than the note's (its tooltip says which). */
	elsewhere?: boolean;
	/** The moment, or `null` when none could be read (then `invalid` says why). */
	seconds: number | null;
	/** The end of a cited range, when it is one (the press stops there). */
	end?: number;
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

/** Marks a moment link the reading view made a seek link (its look stays the link's own). */
export const MOMENT_LINK_CLASS = "vc-moment-link";

/**
 * Marks a link the reading view built itself in place of an element's markup that the renderer
 * showed as text (see `textCitations.ts`); it goes again when its section is unloaded.
 */
export const TEXT_CITATION_CLASS = "vc-text-citation";

/** The link for an element paired with the citation core read from the note's source. */
export function linkFromCitation(el: HTMLElement, citation: Citation, noteVideo: VideoRef | null): TimestampLink {
	const video: VideoRef | null = citation.video ?? noteVideo;
	const link: TimestampLink =
		citation.seconds === null
			? { el, seconds: null, video, invalid: citation.invalid }
			: { el, seconds: citation.seconds, video, repaired: citation.repaired, repair: citation.repair };
	if (citation.video && !sameVideo(citation.video, noteVideo)) link.elsewhere = true;
	if (citation.end !== undefined) link.end = citation.end;
	return link;
}

/**
 * The link for an element read from the DOM alone (no section source, or one that disagrees):
 * core reads the element as the page shows it, written back as markup (its tag, attributes and
 * text), with the same rules it reads notes with.
 */
export function linkFromDom(el: HTMLElement, noteVideo: VideoRef | null): TimestampLink {
	const citation = extractCitations(markupOf(el), { inContext: false })[0];
	if (!citation) return { el, seconds: null, video: noteVideo, invalid: "not a readable timestamp" };
	return linkFromCitation(el, citation, noteVideo);
}

/** `<a class="yt-timestamp" data-t="…">label</a>` from a rendered element, on one line. */
function markupOf(el: HTMLElement): string {
	let out = `<${el.localName}`;
	for (const attr of Array.from(el.attributes)) {
		const value = attr.value.replace(/[\r\n]/g, " ");
		out += value.includes('"') ? ` ${attr.name}='${value.replace(/'/g, "&#39;")}'` : ` ${attr.name}="${value}"`;
	}
	const label = (el.textContent ?? "").replace(/[<>\r\n]/g, " ");
	return `${out}>${label}</${el.localName}>`;
}

/**
 * Makes the element behave like a link, in place: role, keyboard focus and its accessible name
 * ("Play from 46:51", or why it cannot play), written as it is rendered so a screen reader has it
 * before any hover; an empty element shows its time, and the rare states (invalid, repaired, no
 * video) add a class. Its look comes from its own `yt-timestamp` class (styles.css).
 */
export function decorate(link: TimestampLink): void {
	const { el } = link;
	if (link.form !== undefined && link.form !== "element") {
		el.addClass(MOMENT_LINK_CLASS);
		// A link with an address is a link already; an empty-target one (`[02:01]()`) is made one.
		if (el.hasAttribute("href")) return;
	}
	el.setAttribute("role", "link");
	el.setAttribute("tabindex", "0");
	el.setAttribute("aria-label", citationTitle(link));
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
	el.removeClass("is-invalid", "is-repaired", "is-novideo", "is-playing", MOMENT_LINK_CLASS);
	el.removeAttribute("role");
	el.removeAttribute("tabindex");
	el.removeAttribute("aria-label");
	if (link.filledLabel) el.empty();
	link.filledLabel = false;
}

/** Whether `a` and `b` name the same video. */
export function sameVideo(a: VideoRef, b: VideoRef | null): boolean {
	return b !== null && videoKey(a) === videoKey(b);
}
