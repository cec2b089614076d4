import { Keymap, MarkdownRenderChild, Notice } from "obsidian";
import type { VideoRef } from "../core";
import { NO_VIDEO_MESSAGE, pressAction, rangeOptions } from "../notes/citationMeaning";
import { markCitationTarget, unmarkCitationTarget } from "../notes/citationTargets";
import type { PluginServices } from "../services";
import type { LiveSection, LiveSections } from "./liveSections";
import { undecorate, type TimestampLink } from "./timestampLink";

/** What a section's clicks reach: settings, the player and the browser. */
export type SectionServices = Pick<PluginServices, "settings" | "playback" | "openExternal">;

/**
 * One rendered section's seek links (timestamp elements and moment links alike), owned by the
 * section's render child so everything goes when the section does. ONE delegated listener for
 * clicks and keys serves every link in the section; a click that lands on one of its links is
 * handled here and goes no further, so Obsidian's own link handling does not also fire.
 */
export class TimestampSection extends MarkdownRenderChild implements LiveSection {
	private links = new Map<Node, TimestampLink>();

	constructor(
		containerEl: HTMLElement,
		readonly docId: string,
		private sourcePath: string,
		links: readonly TimestampLink[],
		private services: SectionServices,
		private registry: LiveSections,
		/** Puts back text the section replaced with links (see `textCitations.ts`). */
		private restore?: () => void,
	) {
		super(containerEl);
		for (const link of links) {
			this.links.set(link.el, link);
			// What the link cites, for features that read it from the page (the transcript popover).
			if (link.seconds !== null && link.video) markCitationTarget(link.el, { seconds: link.seconds, video: link.video, notePath: sourcePath });
		}
	}

	override onload(): void {
		this.registerDomEvent(this.containerEl, "click", (evt) => this.onClick(evt));
		this.registerDomEvent(this.containerEl, "keydown", (evt) => this.onKeydown(evt));
		this.registry.add(this);
	}

	override onunload(): void {
		this.registry.remove(this);
		for (const link of this.links.values()) {
			undecorate(link);
			unmarkCitationTarget(link.el);
		}
		this.restore?.();
		this.restore = undefined;
	}

	*playable(): Iterable<{ el: HTMLElement; seconds: number; video: VideoRef }> {
		for (const { el, seconds, video } of this.links.values()) {
			if (seconds !== null && video) yield { el, seconds, video };
		}
	}

	private onClick(evt: MouseEvent): void {
		if (evt.button !== 0) return;
		const link = this.find(evt.target);
		if (!link) return;
		const mod = Boolean(Keymap.isModEvent(evt));
		// A link that opens in the browser anyway is left to Obsidian, which opens links as the user set it to.
		if (this.leftToLink(link, mod)) return;
		evt.preventDefault();
		evt.stopPropagation();
		this.play(link, mod, evt.altKey);
	}

	private leftToLink(link: TimestampLink, mod: boolean): boolean {
		return link.form === "link" && link.el.hasAttribute("href") && pressAction(link, mod, true, this.services.settings.current).kind === "browser";
	}

	private onKeydown(evt: KeyboardEvent): void {
		if ((evt.key !== "Enter" && evt.key !== " ") || evt.isComposing) return;
		const link = this.find(evt.target);
		if (!link || this.leftToLink(link, Boolean(Keymap.isModEvent(evt)))) return;
		// Also keeps Space from scrolling and Enter from "clicking" an element that has an href.
		evt.preventDefault();
		evt.stopPropagation();
		if (!evt.repeat) this.play(link, Boolean(Keymap.isModEvent(evt)), evt.altKey);
	}

	/** What a press does is the same in every view (see `pressAction`). */
	private play(link: TimestampLink, mod: boolean, alt: boolean): void {
		const action = pressAction(link, mod, true, this.services.settings.current);
		if (action.kind === "seek") this.services.playback.seek(action.video, action.seconds, { sourcePath: this.sourcePath, ...rangeOptions(action, alt) });
		else if (action.kind === "browser") this.services.openExternal(action.url);
		else if (action.kind === "no-video") new Notice(NO_VIDEO_MESSAGE);
		else new Notice(`Cannot play this timestamp: ${link.invalid ?? "no usable time"}.`);
	}

	/** The link that `target` is (or is inside), up to this section's element. */
	private find(target: EventTarget | null): TimestampLink | undefined {
		if (this.links.size === 0) return undefined;
		let node = target as Node | null;
		for (; node && node !== this.containerEl; node = node.parentNode) {
			const hit = this.links.get(node);
			if (hit) return hit;
		}
		return undefined;
	}
}
