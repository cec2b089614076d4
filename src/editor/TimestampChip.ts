import { WidgetType } from "@codemirror/view";
import { setTooltip } from "obsidian";
import type { CitationForm, VideoRef } from "../core";
import { markCitationTarget } from "../notes/citationTargets";

/** What a chip shows and what pressing it plays. */
export interface ChipSpec {
	/** The time as `m:ss`, or the label of an element with no usable time. */
	text: string;
	/** State classes beside `vc-timestamp vc-chip`: `is-playing`, `is-invalid`, `is-repaired`, `is-novideo`. */
	modifiers: string;
	/** Its tooltip: "Play from 46:51" (with why it was repaired, or that the note names no video), or why it cannot play. */
	tooltip: string;
	/** The moment, or `null` for an element with no usable time. */
	seconds: number | null;
	/** The end of a cited range, when it is one (the press stops there). */
	end?: number;
	/** The element's own video, else the note's; `null` when neither names one. */
	video: VideoRef | null;
	/** Which written form the citation is (a YouTube link may open in the browser instead). */
	form: CitationForm;
	/** `videoKey(video)`, compared by {@link TimestampChip.eq}. */
	videoKey: string | null;
}

/** Chip elements and the widgets that drew them, so a press on one finds what it plays. */
const drawn = new WeakMap<HTMLElement, TimestampChip>();

/** The chip widget that drew `el`, if `el` is a chip. */
export function chipOf(el: HTMLElement): TimestampChip | undefined {
	return drawn.get(el);
}

/**
 * The compact seek chip that stands for a `yt-timestamp` element in Live Preview: "▶ 46:51". Chips
 * equal in everything they show and play are `eq`, so CodeMirror keeps their DOM across edits
 * elsewhere and a change of the playing citation redraws only the chips it concerns.
 */
export class TimestampChip extends WidgetType {
	constructor(readonly spec: ChipSpec) {
		super();
	}

	override eq(other: TimestampChip): boolean {
		const a = this.spec;
		const b = other.spec;
		return a.text === b.text && a.modifiers === b.modifiers && a.tooltip === b.tooltip && a.seconds === b.seconds && a.end === b.end && a.videoKey === b.videoKey && a.form === b.form;
	}

	toDOM(): HTMLElement {
		const { text, modifiers, tooltip, seconds } = this.spec;
		const el = createSpan({
			cls: modifiers ? `vc-timestamp vc-chip ${modifiers}` : "vc-timestamp vc-chip",
			// Reachable with Tab (Escape, then Tab, from the text), played with Enter or Space.
			attr: { role: "button", tabindex: 0 },
		});
		setTooltip(el, tooltip);
		if (seconds !== null) el.createSpan({ cls: "vc-chip-icon", text: "▶", attr: { "aria-hidden": "true" } });
		el.createSpan({ cls: "vc-chip-time", text });
		drawn.set(el, this);
		// What the chip cites, for features that read it from the page (the transcript popover); the note is the editor's.
		if (seconds !== null && this.spec.video) markCitationTarget(el, { seconds, video: this.spec.video });
		return el;
	}

	/** Presses and keys reach the editor's handlers (which seek and cancel them); everything else stays the chip's. */
	override ignoreEvent(event: Event): boolean {
		return event.type !== "mousedown" && event.type !== "keydown";
	}
}
