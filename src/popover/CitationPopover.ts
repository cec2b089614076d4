import { Component, MarkdownView, type App } from "obsidian";
import { extractCitations, formatTimestamp } from "../core";
import { closestCitationTarget, citationTargetOf, type CitationTarget } from "../notes/citationTargets";
import type { PluginServices } from "../services";
import { CUE_WINDOW_CLASS, renderCueWindow, type CitationCues } from "./cueWindow";
import type { TranscriptModel } from "../views/transcript/transcriptModel";

export { AFTER_SECONDS, BEFORE_SECONDS } from "./cueWindow";

/** How long the pointer rests on a citation before the popover opens (Obsidian's hover previews wait too), in ms. */
export const POPOVER_DELAY_MS = 350;
/** How long the popover stays after the pointer leaves, so it can be reached, in ms. */
const HIDE_DELAY_MS = 250;

/** A citation found in the page: its element, what it cites, and the note it is in. */
interface HoveredCitation {
	el: Element;
	seconds: number;
	target: CitationTarget;
	notePath: string;
}

/** `target` as an element, from any window (a pop-out's nodes are not this window's `Element`s). */
function asElement(target: EventTarget | null): Element | null {
	return target && (target as Node).nodeType === 1 ? (target as Element) : null;
}

/**
 * "What was said, beside the claim": hovering a citation (a reading-view link, a Live Preview
 * chip, a row or chip of the citations panel) for a moment, or focusing it, opens a popover with
 * the transcript around its moment (a few seconds before to about 20 s after, the cue at the
 * moment emphasised), the claim it backs, and buttons to play from there. Mod-hover opens it at
 * once; leaving, Escape or focus moving on closes it. Shown only when the note's video has a
 * transcript: otherwise the citation's own tooltip is all there is.
 *
 * It knows no view: a citation is any element a view marked with `markCitationTarget`, found from
 * the hovered or focused element up, or, for a focused list that moves an active descendant (the
 * panel's rows), from its `aria-activedescendant`. It listens in every window: the main one, the
 * pop-outs open when it loads, and each one opened later.
 */
export class CitationPopover extends Component {
	private el: HTMLElement | null = null;
	/** The citation element the popover is for (or is waiting to open for). */
	private target: Element | null = null;
	/** The focused element that led to {@link target} through its active descendant, if any. */
	private via: Element | null = null;
	private showTimer = 0;
	private hideTimer = 0;
	private generation = 0;
	private windows = new Map<Document, Component>();

	constructor(
		private readonly app: App,
		private readonly services: Pick<PluginServices, "noteText" | "playback">,
		private readonly cues: CitationCues,
	) {
		super();
	}

	override onload(): void {
		const { workspace } = this.app;
		this.watch(workspace.rootSplit.doc);
		// Pop-outs already open (the plugin enabled while they are), then each one opened later.
		workspace.iterateAllLeaves((leaf) => this.watch(leaf.view.containerEl.doc));
		this.registerEvent(workspace.on("window-open", (win) => this.watch(win.doc)));
		this.registerEvent(workspace.on("window-close", (win) => this.unwatch(win.doc)));
		this.register(() => this.hide());
	}

	/** The popover shown, if any (tests read it). */
	get popoverEl(): HTMLElement | null {
		return this.el;
	}

	/** Listens for hovers, focus and keys in `doc` (once per document), until it closes or the popover unloads. */
	private watch(doc: Document): void {
		if (this.windows.has(doc)) return;
		const listeners = new Component();
		this.windows.set(doc, listeners);
		listeners.registerDomEvent(doc, "mouseover", (evt) => this.onOver(evt.target, Boolean(evt.ctrlKey || evt.metaKey)));
		listeners.registerDomEvent(doc, "mouseout", (evt) => this.onOut(evt.target, evt.relatedTarget));
		listeners.registerDomEvent(doc, "focusin", (evt) => this.onFocus(evt.target));
		listeners.registerDomEvent(doc, "focusout", (evt) => this.onOut(evt.target, evt.relatedTarget));
		// Escape closes the popover before anything under it sees the key (the capture phase).
		listeners.registerDomEvent(
			doc,
			"keydown",
			(evt) => {
				if (evt.key !== "Escape" || (!this.el && !this.target)) return;
				const shown = this.el !== null;
				this.hide();
				// A popover only waiting to open goes quietly; a shown one takes the key.
				if (!shown) return;
				evt.preventDefault();
				evt.stopPropagation();
			},
			{ capture: true },
		);
		// After a list handled its keys (the bubbling phase): its active descendant may have moved.
		listeners.registerDomEvent(doc, "keydown", (evt) => {
			if (evt.key !== "Escape") this.onListKey(evt.target);
		});
		listeners.register(() => {
			if (this.el?.doc === doc) this.hide();
		});
		this.addChild(listeners);
	}

	private unwatch(doc: Document): void {
		const listeners = this.windows.get(doc);
		if (!listeners) return;
		this.windows.delete(doc);
		this.removeChild(listeners);
	}

	private onOver(eventTarget: EventTarget | null, now: boolean): void {
		const target = asElement(eventTarget);
		if (!target) return;
		if (this.el?.contains(target)) {
			window.clearTimeout(this.hideTimer);
			return;
		}
		const found = this.find(target);
		if (found) this.schedule(found, now, null);
	}

	private onFocus(eventTarget: EventTarget | null): void {
		const target = asElement(eventTarget);
		if (!target) return;
		const active = activeDescendant(target);
		if (active) {
			const found = this.find(active);
			if (found) this.schedule(found, false, target);
			return;
		}
		this.onOver(target, false);
	}

	/** A key in a focused list that moves its active descendant: the popover follows, or goes. */
	private onListKey(eventTarget: EventTarget | null): void {
		const target = asElement(eventTarget);
		if (!target?.hasAttribute("aria-activedescendant")) return;
		const active = activeDescendant(target);
		const found = active ? this.find(active) : null;
		if (found === this.target) return;
		if (this.via === target || this.target) this.hide();
		if (found) this.schedule(found, false, target);
	}

	/**
	 * The citation `el` is in, unless it is inside a cue window (the popover's own, or a panel
	 * row's) or already shows its cues (an expanded panel row, or a chip in one).
	 */
	private find(el: Element): Element | null {
		if (el.closest(`.${CUE_WINDOW_CLASS}`)) return null;
		const found = closestCitationTarget(el)?.el ?? null;
		return found && !showsCues(found) ? found : null;
	}

	private schedule(el: Element, now: boolean, via: Element | null): void {
		window.clearTimeout(this.hideTimer);
		if (el === this.target && this.el) return;
		window.clearTimeout(this.showTimer);
		this.target = el;
		this.via = via;
		if (now) void this.show(el);
		else this.showTimer = window.setTimeout(() => void this.show(el), POPOVER_DELAY_MS);
	}

	private onOut(eventTarget: EventTarget | null, relatedTarget: EventTarget | null): void {
		const target = asElement(eventTarget);
		if (!target) return;
		const fromCitation = (this.target && this.target.contains(target)) || (this.via !== null && this.via === target);
		const fromPopover = this.el?.contains(target);
		if (!fromCitation && !fromPopover) return;
		const related = asElement(relatedTarget);
		if (related && (this.el?.contains(related) || this.target?.contains(related) || related === this.via)) return;
		window.clearTimeout(this.showTimer);
		window.clearTimeout(this.hideTimer);
		this.hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
	}

	private async show(el: Element): Promise<void> {
		const generation = ++this.generation;
		const hovered = this.read(el);
		if (!hovered) return;
		const { model } = await this.cues.load(hovered.notePath, hovered.target.video);
		// The row may have been expanded meanwhile (a click on its toggle while the popover waited).
		if (!model || generation !== this.generation || this.target !== el || showsCues(el)) return;
		let claim = hovered.target.claim?.trim() ?? "";
		if (!claim) {
			try {
				const text = await this.services.noteText.current(hovered.notePath);
				claim = extractCitations(text).find((c) => c.seconds !== null && Math.abs(c.seconds - hovered.seconds) < 0.5)?.text.trim() ?? "";
			} catch {
				claim = "";
			}
		}
		if (generation !== this.generation || this.target !== el || showsCues(el)) return;
		this.render(hovered, model, claim);
	}

	private read(el: Element): HoveredCitation | null {
		const target = citationTargetOf(el);
		if (!target) return null;
		const notePath = target.notePath ?? this.notePathOf(el);
		return notePath ? { el, seconds: target.seconds, target, notePath } : null;
	}

	/** The note whose view holds `el`. */
	private notePathOf(el: Element): string | null {
		for (const leaf of this.app.workspace.getLeavesOfType("markdown")) {
			if (leaf.view instanceof MarkdownView && leaf.view.containerEl.contains(el)) return leaf.view.file?.path ?? null;
		}
		return null;
	}

	private render(hovered: HoveredCitation, model: TranscriptModel, claim: string): void {
		this.hide(false);
		const at = formatTimestamp(Math.floor(hovered.seconds), { style: "m:ss" });
		// In the citation's own window: a pop-out's citations get their popover there.
		const pop = hovered.el.doc.body.createDiv({ cls: "popover hover-popover vc-citation-popover", attr: { role: "dialog", "aria-label": `What was said at ${at}` } });
		this.el = pop;
		if (claim) pop.createDiv({ cls: "vc-popover-claim", text: claim });
		renderCueWindow(pop, model, hovered.seconds, (start) => this.play(hovered, start));
		const play = pop.createEl("button", { cls: "mod-cta vc-popover-play", text: `Play from ${at}` });
		play.addEventListener("click", () => this.play(hovered, hovered.seconds));
		this.place(pop, hovered.el);
	}

	/**
	 * Beside the sidebar for a citation in one (the panel's rows: over the list it would hide the
	 * next rows from the pointer), else below the citation, or above it when there is no room
	 * below; kept inside the citation's window.
	 */
	private place(pop: HTMLElement, anchor: Element): void {
		const box = anchor.getBoundingClientRect();
		const win = anchor.win;
		const width = pop.offsetWidth;
		const height = pop.offsetHeight;
		const clampLeft = (x: number) => Math.max(8, Math.min(x, win.innerWidth - width - 8));
		const clampTop = (y: number) => Math.max(8, Math.min(y, win.innerHeight - height - 8));
		const dock = anchor.closest(".mod-right-split, .mod-left-split");
		if (dock) {
			const edge = dock.getBoundingClientRect();
			const left = dock.hasClass("mod-right-split") ? edge.left - width - 6 : edge.right + 6;
			if (left >= 8 && left + width <= win.innerWidth - 8) return this.moveTo(pop, left, clampTop(box.top));
		}
		const below = box.bottom + 6;
		this.moveTo(pop, clampLeft(box.left), below + height <= win.innerHeight - 8 ? below : Math.max(8, box.top - height - 6));
	}

	private moveTo(pop: HTMLElement, left: number, top: number): void {
		pop.setCssProps({ "--vc-popover-left": `${Math.round(left)}px`, "--vc-popover-top": `${Math.round(top)}px` });
	}

	private play(hovered: HoveredCitation, seconds: number): void {
		this.services.playback.seek(hovered.target.video, seconds, { sourcePath: hovered.notePath });
		this.hide();
	}

	private hide(forget = true): void {
		window.clearTimeout(this.showTimer);
		window.clearTimeout(this.hideTimer);
		this.el?.remove();
		this.el = null;
		if (forget) {
			this.target = null;
			this.via = null;
			this.generation++;
		}
	}
}

/** The element `el` (a focused list) names as its active descendant, in its own document. */
function activeDescendant(el: Element): Element | null {
	const id = el.getAttribute("aria-activedescendant");
	return id ? el.doc.getElementById(id) : null;
}

/** Whether the citation element `el`, or one it is in, shows its cues already (an expanded panel row, or a chip in one). */
function showsCues(el: Element): boolean {
	for (let n: Element | null = el; n; n = closestCitationTarget(n.parentElement)?.el ?? null) {
		if (n.querySelector(`.${CUE_WINDOW_CLASS}`)) return true;
	}
	return false;
}
