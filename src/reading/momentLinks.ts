import { readMomentLink, type Citation, type VideoRef } from "../core";
import { MOMENT_LINK_CLASS, sameVideo, type TimestampLink } from "./timestampLink";

/**
 * The rendered links a moment link can be: a link with a time in its address (`youtu.be/ID?t=26`,
 * `talk.webm#t=90`), a wiki link with a fragment (`data-href="talk.mp4#t=90"`), or an empty-target
 * time link (`[02:01]()`, rendered with an empty or no `href`). Timestamp elements are not.
 */
const CANDIDATES = ["a[href*='t=']", "a[data-href*='#t=']", "a[href='']", "a:not([href])"].map((s) => `${s}:not(.yt-timestamp)`).join(", ");

/** What reading a section's moment links needs. */
export interface MomentLinkContext {
	noteVideo: VideoRef | null;
	/** Whether other plugins' forms are read (the setting). */
	otherForms: boolean;
	/** A video a link names, as it plays from this note (a linked file found in the vault). */
	linked: (ref: VideoRef) => VideoRef;
	/** Skips links that belong to an embed nested in the section. */
	skip: (el: HTMLElement) => boolean;
	/** The section's citations of link forms as core read them from its source, in order; `null` without section info. Asked only when the section shows a moment link. */
	citations: () => readonly Citation[] | null;
}

/**
 * The moment links of a rendered section, as seek links. Each link's target is read by core's
 * `readMomentLink`, the reader extraction uses; when the section's source holds exactly as many link
 * citations as the page shows, each takes core's citation (a bare `[05:36:58]()` means what its note
 * reads it as).
 */
export function momentLinks(section: HTMLElement, ctx: MomentLinkContext): TimestampLink[] {
	const out: TimestampLink[] = [];
	for (const el of Array.from(section.querySelectorAll(CANDIDATES))) {
		if (!el.instanceOf(HTMLElement) || el.hasClass(MOMENT_LINK_CLASS) || el.getAttribute("role") === "link" || ctx.skip(el)) continue;
		const dataHref = el.getAttribute("data-href");
		const target = dataHref ?? el.getAttribute("href") ?? "";
		const moment = readMomentLink(target, el.textContent ?? "", dataHref !== null);
		if (!moment || (moment.foreign && !ctx.otherForms)) continue;
		const video = moment.video ? ctx.linked(moment.video) : ctx.noteVideo;
		const link: TimestampLink = { el, form: moment.form, seconds: moment.seconds, video };
		if (moment.end !== undefined) link.end = moment.end;
		if (moment.video && !sameVideo(video as VideoRef, ctx.noteVideo)) link.elsewhere = true;
		out.push(link);
	}
	const cited = out.length > 0 ? ctx.citations() : null;
	if (cited && cited.length === out.length) {
		out.forEach((link, i) => {
			const c = cited[i] as Citation;
			if (c.form !== link.form || c.seconds === null) return;
			link.seconds = c.seconds;
			if (c.repaired !== undefined) link.repaired = c.repaired;
			if (c.repair !== undefined) link.repair = c.repair;
		});
	}
	return out;
}
