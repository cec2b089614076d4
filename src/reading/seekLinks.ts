import type { MarkdownPostProcessorContext, MarkdownSectionInformation } from "obsidian";
import { cleanDataTime, writtenDataTime, type Citation, type VideoRef } from "../core";
import type { PluginServices } from "../services";
import type { LiveSections } from "./liveSections";
import { pairWithCitations } from "./pairing";
import { citationsInLines, type SourceCitations } from "./sourceCitations";
import { TimestampSection } from "./TimestampSection";
import { decorate, linkFromCitation, linkFromDom, type TimestampLink } from "./timestampLink";
import { momentLinks } from "./momentLinks";
import { textCitations, type TextCitations } from "./textCitations";

/** What the post-processor works with: the plugin's services, the shared citation cache and the live-section registry. */
export interface SeekLinkDeps {
	services: PluginServices;
	citations: SourceCitations;
	registry: LiveSections;
}

/**
 * The reading-view post-processor: turns each rendered `.yt-timestamp` element of a section into a
 * seek link in place, and lets YouTube links to the note's own video seek the player, with one
 * delegated listener per section (a {@link TimestampSection} added through `ctx.addChild`).
 */
export function seekLinkProcessor(deps: SeekLinkDeps): (el: HTMLElement, ctx: MarkdownPostProcessorContext) => void {
	return (el, ctx) => {
		// Most sections hold neither: two live collections are the cheapest way to find out.
		const stamps = el.getElementsByClassName("yt-timestamp");
		const anchors = el.getElementsByTagName("a").length;
		if (stamps.length === 0 && anchors === 0) {
			// Unless the renderer showed an element's markup as text (see textCitations.ts).
			if (showsMarkup(el)) textOnlySection(el, ctx, deps);
			return;
		}
		// Asked at most once, and only when something needs the section's source.
		let info: MarkdownSectionInformation | null | undefined;
		const sectionInfo = () => (info === undefined ? (info = ctx.getSectionInfo(el)) : info);
		// Checked per element only when the section holds an embed at all.
		const hasEmbed = el.querySelector(EMBEDS) !== null;
		const skip = (node: HTMLElement) => hasEmbed && isInNestedEmbed(node, el);
		const elements = Array.from(stamps).filter((node): node is HTMLElement => node.instanceOf(HTMLElement) && !isLink(node) && !skip(node));
		const noteVideo = videoOf(ctx, deps.services);
		const duration = noteVideo ? deps.services.durations.get(noteVideo) : undefined;
		const { otherForms } = deps.services.settings.current;
		// Only a section with links besides its timestamp elements can hold a moment link.
		const moments = !hasOtherAnchors(stamps, anchors) ? [] : momentLinks(el, {
			noteVideo,
			otherForms,
			linked: (ref) => deps.services.notes.linkedVideo(ref, ctx.sourcePath),
			skip,
			citations: linkCitationsOf(sectionInfo, deps.citations, duration),
		});
		const texts = textCitationsOf(el, stamps.length > 0, sectionInfo, deps.citations, noteVideo, duration, skip);
		if (elements.length === 0 && moments.length === 0 && !texts) return;

		const links = readLinks(elements, elements.length > 0 ? sectionInfo() : null, noteVideo, deps.citations, duration).concat(moments, texts?.links ?? []);
		for (const link of links) decorate(link);
		ctx.addChild(new TimestampSection(el, ctx.docId, ctx.sourcePath, links, deps.services, deps.registry, texts?.restore));
	};
}

/** Whether the section's text holds `yt-timestamp`: the renderer may have shown an element's markup as text. */
function showsMarkup(el: HTMLElement): boolean {
	return (el.textContent ?? "").includes("yt-timestamp");
}

/** A section with no element and no link whose text holds `yt-timestamp`: its citations shown as text become links. */
function textOnlySection(el: HTMLElement, ctx: MarkdownPostProcessorContext, deps: SeekLinkDeps): void {
	const hasEmbed = el.querySelector(EMBEDS) !== null;
	const noteVideo = videoOf(ctx, deps.services);
	const duration = noteVideo ? deps.services.durations.get(noteVideo) : undefined;
	const texts = textCitationsOf(el, false, () => ctx.getSectionInfo(el), deps.citations, noteVideo, duration, (node) => hasEmbed && isInNestedEmbed(node, el));
	if (!texts) return;
	for (const link of texts.links) decorate(link);
	ctx.addChild(new TimestampSection(el, ctx.docId, ctx.sourcePath, texts.links, deps.services, deps.registry, texts.restore));
}

/**
 * The section's element citations that the renderer showed as text, made links (see
 * textCitations.ts), or `null`. Only a note that writes some element other than the standard way
 * can show one as text: a section with elements asks the note's source that (one scan per note,
 * with the section info its elements need anyway); a section without looks for `yt-timestamp` in
 * its own text first. A section of standard elements therefore never walks its text.
 */
function textCitationsOf(
	el: HTMLElement,
	hasElements: boolean,
	sectionInfo: () => MarkdownSectionInformation | null,
	citations: SourceCitations,
	noteVideo: VideoRef | null,
	duration: number | undefined,
	skip: (node: HTMLElement) => boolean,
): TextCitations | null {
	if (!hasElements && !showsMarkup(el)) return null;
	const info = sectionInfo();
	if (!info || (hasElements && !citations.mayShowAsText(info.text))) return null;
	return textCitations(el, citationsInLines(citations.of(info.text, duration), info.lineStart, info.lineEnd), info.text, noteVideo, skip);
}

/**
 * Each element's time and video: from the citation core found for it in the section's source when
 * there is one, else (no section info, or source and DOM disagree) from the element itself.
 *
 * When every element of the section is in the standard form (`<a class="yt-timestamp"
 * data-t="…">` with a clean time), core would read exactly that `data-t` with exactly
 * {@link cleanDataTime}, so the times are taken from the DOM without pairing elements with the
 * source: the same seconds. A three-field time, whose meaning depends on the rest of the note, takes
 * the reading core gives that value in the note (one extraction per note text, shared by its
 * sections); a value the note reads two ways sends the section to pairing. Anything else
 * (broken markup, `data-v`) goes through core, and so does every section of a note that writes
 * `data-v` anywhere: the sanitizer may have dropped one from an element that looks standard.
 */
function readLinks(
	elements: readonly HTMLElement[],
	/** The section's info (asked only when it has elements). */
	info: MarkdownSectionInformation | null,
	noteVideo: VideoRef | null,
	citations: SourceCitations,
	/** The length of the note's video, once a player has measured it. */
	duration: number | undefined,
): TimestampLink[] {
	if (elements.length === 0) return [];
	const standard = info && !citations.writesDataV(info.text) ? standardLinks(elements, noteVideo, () => citations.readingsByValue(info.text, duration), duration) : null;
	if (standard) return standard;
	const paired = info
		? pairWithCitations(elements, citationsInLines(citations.of(info.text, duration), info.lineStart, info.lineEnd), info.text)
		: [];
	return elements.map((node, i) => {
		const citation = paired[i] ?? (info ? sameTime(node, citations.readingsByValue(info.text, duration)) : null);
		return citation ? linkFromCitation(node, citation, noteVideo) : linkFromDom(node, noteVideo);
	});
}

/**
 * The section's citations of link forms as core read them from its source (only asked when the
 * section holds a link at all), or `null` without section info.
 */
function linkCitationsOf(sectionInfo: () => MarkdownSectionInformation | null, citations: SourceCitations, duration: number | undefined): () => Citation[] | null {
	return () => {
		const info = sectionInfo();
		return info ? citationsInLines(citations.of(info.text, duration), info.lineStart, info.lineEnd).filter((c) => c.form !== "element") : null;
	};
}

/**
 * For an element no citation of its section pairs with (the HTML parser re-opens an `<a>` left
 * open in the source in the blocks after it), the note's citation written with the same clean
 * three-field `data-t`: such a time means what the note reads it as, not what it says on its own.
 */
function sameTime(el: HTMLElement, byValue: ReadonlyMap<string, Citation | null> | null): Citation | null {
	const value = el.getAttribute("data-t");
	return byValue && value !== null && writtenDataTime(value) !== null ? (byValue.get(value) ?? null) : null;
}

/**
 * The links of a section whose elements are all in the standard form, else `null`. A three-field
 * time means what the note reads it as: `readings` (asked at most once) says how core reads each
 * value; a value core does not know, or reads two ways in the note, sends the section to pairing.
 */
function standardLinks(
	elements: readonly HTMLElement[],
	video: VideoRef | null,
	readings: () => ReadonlyMap<string, Citation | null> | null,
	duration?: number,
): TimestampLink[] | null {
	const out: TimestampLink[] = [];
	let byValue: ReadonlyMap<string, Citation | null> | null | undefined;
	for (const el of elements) {
		if (el.localName !== "a" || el.attributes.length !== 2 || el.className !== "yt-timestamp") return null;
		const value = el.getAttribute("data-t") ?? "";
		const seconds = cleanDataTime(value);
		// Past the end of the video, a time may read otherwise against its length: core decides.
		if (seconds !== null && duration !== undefined && seconds > duration) return null;
		if (seconds !== null) {
			out.push({ el, seconds, video });
			continue;
		}
		const written = writtenDataTime(value);
		if (written === null) return null;
		byValue = byValue === undefined ? readings() : byValue;
		if (byValue === null) {
			out.push({ el, seconds: written, video });
			continue;
		}
		const citation = byValue.get(value);
		if (!citation || citation.seconds === null) return null;
		out.push({ el, seconds: citation.seconds, video, repaired: citation.repaired, repair: citation.repair });
	}
	return out;
}

/** The note's video from the frontmatter Obsidian hands over, or (embeds have none) from the metadata cache. */
function videoOf(ctx: MarkdownPostProcessorContext, services: PluginServices): VideoRef | null {
	const frontmatter = ctx.frontmatter as unknown;
	if (frontmatter && typeof frontmatter === "object") {
		return services.notes.videoFromFrontmatter(frontmatter as Record<string, unknown>, ctx.sourcePath);
	}
	return services.notes.videoFor(ctx.sourcePath);
}

const EMBEDS = ".internal-embed, .markdown-embed";

/** Whether a section's `anchors` links are more than its `yt-timestamp` anchors (counted only when it could be otherwise). */
function hasOtherAnchors(stamps: HTMLCollectionOf<Element>, anchors: number): boolean {
	if (anchors > stamps.length) return true;
	let stampAnchors = 0;
	for (let i = 0; i < stamps.length; i++) if (stamps[i]?.localName === "a") stampAnchors++;
	return anchors > stampAnchors;
}

/** Whether an earlier pass over the same DOM already made this element a link. */
function isLink(node: HTMLElement): boolean {
	return node.getAttribute("role") === "link" && node.hasAttribute("tabindex");
}

/** Whether `node` sits in an embed nested inside `root`: that embed's own render pass handles it. */
function isInNestedEmbed(node: HTMLElement, root: HTMLElement): boolean {
	const embed = node.parentElement?.closest(EMBEDS);
	return !!embed && embed !== root && root.contains(embed);
}
