import { RangeSetBuilder, type SelectionRange } from "@codemirror/state";
import { Decoration, type DecorationSet } from "@codemirror/view";
import { formatTimestamp, labelTime, readingShown, videoKey, type VideoRef } from "../core";
import { citationTitle } from "../notes/citationMeaning";
import type { PlayingMoment } from "./playing";
import type { ChipCitation } from "./rangeCitations";
import { TimestampChip } from "./TimestampChip";

/** What decides how the citations on screen are drawn, beside the citations themselves. */
export interface DrawContext {
	/** Live Preview (chips) rather than source mode (marks). */
	live: boolean;
	/** The note's video and its key, or `null`. */
	noteVideo: VideoRef | null;
	noteKey: string | null;
	/** A video a citation names, as it plays from this note (a linked file found in the vault). */
	linked: (ref: VideoRef) => VideoRef;
	playing: PlayingMoment | null;
	/** The selection: in Live Preview an element it touches shows as markup, for editing. */
	selection: readonly SelectionRange[];
}

/** Longest label an invalid chip shows before it is cut with "…". */
const MAX_LABEL = 24;

/**
 * The decorations for `citations`: in Live Preview each element the selection does not touch is
 * replaced by a {@link TimestampChip}; in source mode each is marked (`vc-timestamp
 * vc-source-timestamp`), keeping its text. Runs on every keystroke over the citations on screen,
 * so a citation's chip is reused while what it shows and plays stays the same.
 */
export function drawCitations(citations: readonly ChipCitation[], ctx: DrawContext): DecorationSet {
	const builder = new RangeSetBuilder<Decoration>();
	for (const c of citations) {
		const video: VideoRef | null = c.video ? ctx.linked(c.video) : ctx.noteVideo;
		const key = c.video ? videoKey(video as VideoRef) : ctx.noteKey;
		const playing = ctx.playing !== null && c.from === ctx.playing.from && c.seconds === ctx.playing.seconds && key === ctx.playing.video;
		const modifiers = stateClasses(c, video !== null, playing);
		if (!ctx.live) {
			builder.add(c.from, c.to, markFor(modifiers));
			continue;
		}
		const from = c.bracketed ? c.from - 1 : c.from;
		const to = c.bracketed ? c.to + 1 : c.to;
		if (touchesSelection(ctx.selection, { from, to })) continue;
		builder.add(from, to, chipFor(c, modifiers, video, key, ctx.noteKey));
	}
	return builder.finish();
}

/** The last chip drawn for each citation, reused while its look and video stay the same. */
const chips = new WeakMap<ChipCitation, Decoration>();

function chipFor(c: ChipCitation, modifiers: string, video: VideoRef | null, key: string | null, noteKey: string | null): Decoration {
	const previous = chips.get(c);
	const spec = (previous?.spec as { widget?: TimestampChip } | undefined)?.widget?.spec;
	if (previous && spec && spec.modifiers === modifiers && spec.videoKey === key && spec.end === c.end) return previous;
	const shown = look(c, video, key, noteKey);
	const widget = new TimestampChip({ text: shown.text, tooltip: shown.tooltip, modifiers, seconds: c.seconds, video, videoKey: key, form: c.form, ...(c.end === undefined ? {} : { end: c.end }) });
	const deco = Decoration.replace({ widget });
	chips.set(c, deco);
	return deco;
}

/**
 * What a chip says, in the reading view's words: its time and what a press does, or (for an
 * element with no usable time) its label and why it cannot play.
 */
function look(c: ChipCitation, video: VideoRef | null, key: string | null, noteKey: string | null): { text: string; tooltip: string } {
	const tooltip = citationTitle({ ...c, video, elsewhere: c.video !== undefined && key !== noteKey });
	if (c.seconds === null) {
		const label = c.label.replace(/^\[|\]$/g, "").trim();
		const text = !label ? "no time" : label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
		return { text, tooltip };
	}
	// A link in the writer's own words ("[at the demo](…#t=25)") keeps them; its time is in the tooltip.
	const words = c.form === "link" && labelTime(c.label) === null ? c.label.trim() : "";
	if (words) return { text: words.length > MAX_LABEL ? `${words.slice(0, MAX_LABEL - 1)}…` : words, tooltip };
	return { text: formatTimestamp(c.seconds, { style: "m:ss" }), tooltip };
}

function stateClasses(c: ChipCitation, hasVideo: boolean, playing: boolean): string {
	const out: string[] = [];
	if (playing) out.push("is-playing");
	if (c.seconds === null) out.push("is-invalid");
	else if (readingShown(c).marked) out.push("is-repaired");
	if (!hasVideo && c.seconds !== null) out.push("is-novideo");
	return out.join(" ");
}

/** Whether any selection range touches the element (its ends included, as Obsidian does for links). */
function touchesSelection(selection: readonly SelectionRange[], c: { from: number; to: number }): boolean {
	for (const r of selection) if (r.from <= c.to && r.to >= c.from) return true;
	return false;
}

/** Source-mode marks, one per class combination, created once and shared by every editor. */
const marks = new Map<string, Decoration>();

function markFor(modifiers: string): Decoration {
	let mark = marks.get(modifiers);
	if (!mark) {
		mark = Decoration.mark({ class: modifiers ? `vc-timestamp vc-source-timestamp ${modifiers}` : "vc-timestamp vc-source-timestamp" });
		marks.set(modifiers, mark);
	}
	return mark;
}
