import { Component, MarkdownView, type App } from "obsidian";
import { extractCitations, formatTimestamp, type TranscriptCue, type VideoRef } from "../core";
import { chipOf } from "../editor/TimestampChip";
import { sameVideo } from "../player/surface";
import { renderedLink } from "../reading/TimestampSection";
import type { PluginServices } from "../services";
import type { Transcripts } from "../transcripts/transcripts";
import { TranscriptModel } from "../views/transcript/transcriptModel";

/** How long the pointer rests on a citation before the popover opens (Obsidian's hover previews wait too), in ms. */
export const POPOVER_DELAY_MS = 350;
/** How long the popover stays after the pointer leaves, so it can be reached, in ms. */
const HIDE_DELAY_MS = 250;
/** The cues shown: from this many seconds before the moment… */
export const BEFORE_SECONDS = 5;
/** …to this many after. */
export const AFTER_SECONDS = 20;

/** A citation found in the page: its moment, its video, and the note it is in. */
interface HoveredCitation {
	el: HTMLElement;
	seconds: number;
	video: VideoRef;
	notePath: string;
}

const models = new WeakMap<readonly TranscriptCue[], TranscriptModel>();

/**
 * "What was said, beside the claim": hovering a citation (a reading-view link or a Live Preview
 * chip) for a moment, or focusing it, opens a popover with the transcript around its moment (a
 * few seconds before to about 20 s after, the cue at the moment emphasised), the claim it backs,
 * and buttons to play from there. Mod-hover opens it at once; leaving, Escape or focus moving on
 * closes it. Shown only when the note's video has a transcript: otherwise the link's own tooltip
 * is all there is.
 */
export class CitationPopover extends Component {
	private el: HTMLElement | null = null;
	private target: HTMLElement | null = null;
	private showTimer = 0;
	private hideTimer = 0;
	private generation = 0;

	constructor(
		private readonly app: App,
		private readonly services: PluginServices,
		private readonly transcripts: Transcripts,
	) {
		super();
	}

	override onload(): void {
		const doc = activeDocument;
		this.registerDomEvent(doc, "mouseover", (evt) => this.onOver(evt.target, Boolean(evt.ctrlKey || evt.metaKey)));
		this.registerDomEvent(doc, "mouseout", (evt) => this.onOut(evt.target, evt.relatedTarget));
		this.registerDomEvent(doc, "focusin", (evt) => this.onOver(evt.target, false));
		this.registerDomEvent(doc, "focusout", (evt) => this.onOut(evt.target, evt.relatedTarget));
		this.registerDomEvent(doc, "keydown", (evt) => {
			if (evt.key === "Escape" && this.el) {
				this.hide();
				evt.stopPropagation();
			}
		});
		this.register(() => this.hide());
	}

	/** The popover shown, if any (tests read it). */
	get popoverEl(): HTMLElement | null {
		return this.el;
	}

	private onOver(target: EventTarget | null, now: boolean): void {
		if (!(target instanceof HTMLElement)) return;
		if (this.el?.contains(target)) {
			window.clearTimeout(this.hideTimer);
			return;
		}
		const el = citationElement(target);
		if (!el) return;
		window.clearTimeout(this.hideTimer);
		if (el === this.target && this.el) return;
		window.clearTimeout(this.showTimer);
		this.target = el;
		if (now) void this.show(el);
		else this.showTimer = window.setTimeout(() => void this.show(el), POPOVER_DELAY_MS);
	}

	private onOut(target: EventTarget | null, related: EventTarget | null): void {
		if (!(target instanceof HTMLElement)) return;
		const fromCitation = this.target && this.target.contains(target);
		const fromPopover = this.el?.contains(target);
		if (!fromCitation && !fromPopover) return;
		if (related instanceof Node && (this.el?.contains(related) || this.target?.contains(related))) return;
		window.clearTimeout(this.showTimer);
		window.clearTimeout(this.hideTimer);
		this.hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
	}

	private async show(el: HTMLElement): Promise<void> {
		const generation = ++this.generation;
		const hovered = this.read(el);
		if (!hovered) return;
		const noteVideo = this.services.notes.videoFor(hovered.notePath);
		if (!noteVideo || !sameVideo(noteVideo, hovered.video)) return;
		const transcript = await this.transcripts.load(hovered.notePath, noteVideo);
		if (generation !== this.generation || this.target !== el || transcript.status !== "ready" || transcript.cues.length === 0) return;
		let model = models.get(transcript.cues);
		if (!model) {
			model = new TranscriptModel(transcript.cues);
			models.set(transcript.cues, model);
		}
		let claim = "";
		try {
			const text = await this.services.noteText.current(hovered.notePath);
			claim = extractCitations(text).find((c) => c.seconds !== null && Math.abs(c.seconds - hovered.seconds) < 0.5)?.text.trim() ?? "";
		} catch {
			claim = "";
		}
		if (generation !== this.generation || this.target !== el) return;
		this.render(hovered, model, claim);
	}

	private read(el: HTMLElement): HoveredCitation | null {
		const chip = chipOf(el)?.spec;
		const link = chip ? null : renderedLink(el);
		const seconds = chip ? chip.seconds : (link?.seconds ?? null);
		const video = chip ? chip.video : (link?.video ?? null);
		if (seconds === null || !video) return null;
		const notePath = this.notePathOf(el);
		return notePath ? { el, seconds, video, notePath } : null;
	}

	/** The note whose view holds `el`. */
	private notePathOf(el: HTMLElement): string | null {
		for (const leaf of this.app.workspace.getLeavesOfType("markdown")) {
			if (leaf.view instanceof MarkdownView && leaf.view.containerEl.contains(el)) return leaf.view.file?.path ?? null;
		}
		return null;
	}

	private render(hovered: HoveredCitation, model: TranscriptModel, claim: string): void {
		this.hide(false);
		const at = formatTimestamp(Math.floor(hovered.seconds), { style: "m:ss" });
		const pop = activeDocument.body.createDiv({ cls: "popover hover-popover vc-citation-popover", attr: { role: "dialog", "aria-label": `What was said at ${at}` } });
		this.el = pop;
		if (claim) pop.createDiv({ cls: "vc-popover-claim", text: claim });
		const list = pop.createDiv({ cls: "vc-popover-cues" });
		const current = model.cueAt(hovered.seconds);
		model.cues.forEach((cue, i) => {
			if (cue.end < hovered.seconds - BEFORE_SECONDS || cue.start > hovered.seconds + AFTER_SECONDS) return;
			const row = list.createEl("button", { cls: i === current ? "vc-popover-cue is-current" : "vc-popover-cue", attr: { "aria-label": `Play from ${formatTimestamp(Math.floor(cue.start), { style: "m:ss" })}` } });
			row.createSpan({ cls: "vc-transcript-time", text: formatTimestamp(Math.floor(cue.start), { style: "m:ss" }) });
			row.createSpan({ cls: "vc-popover-cue-text", text: cue.text });
			row.addEventListener("click", () => this.play(hovered, cue.start));
		});
		const play = pop.createEl("button", { cls: "mod-cta vc-popover-play", text: `Play from ${at}` });
		play.addEventListener("click", () => this.play(hovered, hovered.seconds));
		this.place(pop, hovered.el);
	}

	/** Below the citation, or above it when there is no room below; kept inside the window. */
	private place(pop: HTMLElement, anchor: HTMLElement): void {
		const box = anchor.getBoundingClientRect();
		const win = activeWindow;
		const width = pop.offsetWidth;
		const height = pop.offsetHeight;
		const left = Math.max(8, Math.min(box.left, win.innerWidth - width - 8));
		const below = box.bottom + 6;
		const top = below + height <= win.innerHeight - 8 ? below : Math.max(8, box.top - height - 6);
		pop.setCssProps({ "--vc-popover-left": `${Math.round(left)}px`, "--vc-popover-top": `${Math.round(top)}px` });
	}

	private play(hovered: HoveredCitation, seconds: number): void {
		this.services.playback.seek(hovered.video, seconds, { sourcePath: hovered.notePath });
		this.hide();
	}

	private hide(forget = true): void {
		window.clearTimeout(this.showTimer);
		window.clearTimeout(this.hideTimer);
		this.el?.remove();
		this.el = null;
		if (forget) {
			this.target = null;
			this.generation++;
		}
	}
}

/** The citation element `target` is in: a Live Preview chip or a reading-view seek link. */
function citationElement(target: HTMLElement): HTMLElement | null {
	const el = target.closest<HTMLElement>(".vc-chip, .yt-timestamp, .vc-moment-link, .vc-text-citation");
	if (!el) return null;
	return chipOf(el) || renderedLink(el) ? el : null;
}
