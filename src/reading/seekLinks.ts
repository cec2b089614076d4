import type { MarkdownPostProcessorContext } from "obsidian";
import { cleanDataTime, type VideoRef } from "../core";
import type { PluginServices } from "../services";
import type { LiveSections } from "./liveSections";
import { pairWithCitations } from "./pairing";
import { citationsInLines, type SourceCitations } from "./sourceCitations";
import { TimestampSection } from "./TimestampSection";
import { decorate, linkFromCitation, linkFromDom, type TimestampLink } from "./timestampLink";
import { youtubeMomentLinks, YOUTUBE_LINK_CLASS } from "./youtubeLinks";

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
		if (stamps.length === 0 && el.getElementsByTagName("a").length === 0) return;
		// Checked per element only when the section holds an embed at all.
		const hasEmbed = el.querySelector(EMBEDS) !== null;
		const skip = (node: HTMLElement) => hasEmbed && isInNestedEmbed(node, el);
		const elements = Array.from(stamps).filter((node): node is HTMLElement => node.instanceOf(HTMLElement) && !isLink(node) && !skip(node));
		const noteVideo = videoOf(ctx, deps.services);
		const moments = youtubeMomentLinks(el, noteVideo, skip);
		if (elements.length === 0 && moments.length === 0) return;

		const links = readLinks(elements, el, ctx, noteVideo, deps.citations);
		for (const link of links) decorate(link);
		for (const moment of moments) moment.el.addClass(YOUTUBE_LINK_CLASS);
		ctx.addChild(new TimestampSection(el, ctx.docId, ctx.sourcePath, links, moments, deps.services, deps.registry));
	};
}

/**
 * Each element's time and video: from the citation core found for it in the section's source when
 * there is one, else (no section info, or source and DOM disagree) from the element itself.
 *
 * When every element of the section is in the standard form (`<a class="yt-timestamp"
 * data-t="…">` with a clean time whose meaning does not depend on the rest of the note), core
 * would read exactly that `data-t` with exactly {@link cleanDataTime}, so the times are taken from
 * the DOM without extracting the note: the same seconds, without the whole note's extraction on
 * the render path. Anything else (broken markup, `data-v`, `mm:ss:00` times) goes through core,
 * and so does every section of a note that writes `data-v` anywhere: the sanitizer may have
 * dropped one from an element that looks standard in the DOM.
 */
function readLinks(
	elements: readonly HTMLElement[],
	section: HTMLElement,
	ctx: MarkdownPostProcessorContext,
	noteVideo: VideoRef | null,
	citations: SourceCitations,
): TimestampLink[] {
	if (elements.length === 0) return [];
	const info = ctx.getSectionInfo(section);
	const standard = info && !citations.writesDataV(info.text) ? standardTimes(elements) : null;
	if (standard) return elements.map((el, i) => ({ el, seconds: standard[i] as number, video: noteVideo }));
	const paired = info
		? pairWithCitations(elements, citationsInLines(citations.of(info.text), info.lineStart, info.lineEnd), info.text)
		: [];
	return elements.map((node, i) => {
		const citation = paired[i];
		return citation ? linkFromCitation(node, citation, noteVideo) : linkFromDom(node, noteVideo);
	});
}

/** The times of a section's elements when all are in the standard form, else `null`. */
function standardTimes(elements: readonly HTMLElement[]): number[] | null {
	const out: number[] = [];
	for (const el of elements) {
		if (el.localName !== "a" || el.attributes.length !== 2 || el.className !== "yt-timestamp") return null;
		const seconds = cleanDataTime(el.getAttribute("data-t") ?? "");
		if (seconds === null) return null;
		out.push(seconds);
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

/** Whether an earlier pass over the same DOM already made this element a link. */
function isLink(node: HTMLElement): boolean {
	return node.getAttribute("role") === "link" && node.hasAttribute("tabindex");
}

/** Whether `node` sits in an embed nested inside `root`: that embed's own render pass handles it. */
function isInNestedEmbed(node: HTMLElement, root: HTMLElement): boolean {
	const embed = node.parentElement?.closest(EMBEDS);
	return !!embed && embed !== root && root.contains(embed);
}
