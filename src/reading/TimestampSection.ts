import { Keymap, MarkdownRenderChild, Notice } from "obsidian";
import { youtubeWatchUrl, type VideoRef } from "../core";
import type { PluginServices } from "../services";
import type { LiveSection, LiveSections } from "./liveSections";
import { labelLink, undecorate, type TimestampLink } from "./timestampLink";
import { YOUTUBE_LINK_CLASS, type YouTubeMomentLink } from "./youtubeLinks";

/** What a section's clicks reach: settings, the player and the browser. */
export type SectionServices = Pick<PluginServices, "settings" | "playback" | "openExternal">;

/** Shown when a link of a note without a usable video is clicked. */
export const NO_VIDEO_MESSAGE = "This note names no video. Add videoId: <id> or video: <url or file> to this note's properties.";

/**
 * One rendered section's seek links, owned by the section's render child so everything goes when
 * the section does. ONE delegated listener for clicks and keys serves every link in the section;
 * a click that lands on one of its links is handled here and goes no further, so Obsidian's own
 * link handling (footnotes, external links) does not also fire.
 */
export class TimestampSection extends MarkdownRenderChild implements LiveSection {
	private links = new Map<Node, TimestampLink>();
	private moments = new Map<Node, YouTubeMomentLink>();

	constructor(
		containerEl: HTMLElement,
		readonly docId: string,
		private sourcePath: string,
		links: readonly TimestampLink[],
		moments: readonly YouTubeMomentLink[],
		private services: SectionServices,
		private registry: LiveSections,
	) {
		super(containerEl);
		for (const link of links) this.links.set(link.el, link);
		for (const moment of moments) this.moments.set(moment.el, moment);
	}

	override onload(): void {
		this.registerDomEvent(this.containerEl, "click", (evt) => this.onClick(evt));
		this.registerDomEvent(this.containerEl, "keydown", (evt) => this.onKeydown(evt));
		// Tooltips are written on first use, not for every link up front (see `decorate`).
		this.registerDomEvent(this.containerEl, "mouseover", (evt) => this.label(evt.target));
		this.registerDomEvent(this.containerEl, "focusin", (evt) => this.label(evt.target));
		this.registry.add(this);
	}

	override onunload(): void {
		this.registry.remove(this);
		for (const link of this.links.values()) undecorate(link);
		for (const moment of this.moments.values()) moment.el.removeClass(YOUTUBE_LINK_CLASS);
	}

	*playable(): Iterable<{ el: HTMLElement; seconds: number; video: VideoRef }> {
		for (const { el, seconds, video } of this.links.values()) {
			if (seconds !== null && video) yield { el, seconds, video };
		}
	}

	private onClick(evt: MouseEvent): void {
		if (evt.button !== 0) return;
		const mod = Boolean(Keymap.isModEvent(evt));
		const link = this.find(evt.target, this.links);
		if (link) {
			evt.preventDefault();
			evt.stopPropagation();
			this.play(link, mod);
			return;
		}
		const moment = this.find(evt.target, this.moments);
		const settings = this.services.settings.current;
		// The browser is what such a link does anyway: let Obsidian open it.
		if (!moment || !settings.seekYouTubeLinks || mod !== settings.clickOpensBrowser) return;
		evt.preventDefault();
		evt.stopPropagation();
		this.services.playback.seek(moment.video, moment.seconds, { sourcePath: this.sourcePath });
	}

	private label(target: EventTarget | null): void {
		const link = this.find(target, this.links);
		if (link) labelLink(link);
	}

	private onKeydown(evt: KeyboardEvent): void {
		if ((evt.key !== "Enter" && evt.key !== " ") || evt.isComposing) return;
		const link = this.find(evt.target, this.links);
		if (!link) return;
		// Also keeps Space from scrolling and Enter from "clicking" an element that has an href.
		evt.preventDefault();
		evt.stopPropagation();
		if (!evt.repeat) this.play(link, Boolean(Keymap.isModEvent(evt)));
	}

	/** A plain activation seeks and a Mod one opens youtube.com, unless the setting swaps them. */
	private play(link: TimestampLink, mod: boolean): void {
		if (link.seconds === null) {
			new Notice(`Cannot play this timestamp: ${link.invalid ?? "no usable time"}.`);
			return;
		}
		if (!link.video) {
			new Notice(NO_VIDEO_MESSAGE);
			return;
		}
		const browser = mod !== this.services.settings.current.clickOpensBrowser;
		if (browser && link.video.kind === "youtube") {
			this.services.openExternal(youtubeWatchUrl(link.video.id, link.seconds));
			return;
		}
		this.services.playback.seek(link.video, link.seconds, { sourcePath: this.sourcePath });
	}

	/** The entry of `map` that `target` is (or is inside), up to this section's element. */
	private find<T>(target: EventTarget | null, map: Map<Node, T>): T | undefined {
		if (map.size === 0) return undefined;
		let node = target as Node | null;
		for (; node && node !== this.containerEl; node = node.parentNode) {
			const hit = map.get(node);
			if (hit) return hit;
		}
		return undefined;
	}
}
