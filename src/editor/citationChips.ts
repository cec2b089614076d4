import { Prec, StateEffect, type EditorState, type Extension, type Text } from "@codemirror/state";
import { ViewPlugin, type DecorationSet, type EditorView, type PluginValue, type ViewUpdate } from "@codemirror/view";
import { editorLivePreviewField, Keymap, Notice } from "obsidian";
import { mayHoldCitations, type ExtractOptions, type VideoRef } from "../core";
import { readingOptions } from "../notes/videoDurations";
import type { PlaybackState } from "../player/types";
import type { PluginServices } from "../services";
import { NO_VIDEO_MESSAGE, pressAction, rangeOptions, type CitationFacts } from "../notes/citationMeaning";
import { drawCitations } from "./decorations";
import { NoteSummary } from "./noteSummary";
import { EditorNoteVideo } from "./noteVideo";
import { playingField, sameMoment, setPlaying } from "./playing";
import { noteStructure } from "./structure";
import { chipOf } from "./TimestampChip";
import { mergeSpans, ViewCitations, type LineSpan } from "./viewCitations";

/** Tells an editor that the note's frame layout changed, so the citations on screen are read again. */
const summaryChanged = StateEffect.define<null>();

/** How long after the last edit to an anchor the whole-note summary is worked out again, in ms. */
export const SUMMARY_DELAY = 750;

/** Notes longer than this (in characters) are summarized just after the editor opens rather than while it is built. */
const SUMMARIZE_AT_ONCE = 300_000;

/**
 * Makes `yt-timestamp` elements live in the editor: seek chips in Live Preview, marked and
 * Mod-clickable text in source mode, the playing citation highlighted in both.
 *
 * How it stays fast in huge notes: decorations cover only `view.visibleRanges`. Their citations
 * come from `extractCitations` run on slices of the visible lines ({@link ViewCitations}), which
 * start at a line that reads the same as in the whole note ({@link noteStructure} tracks the code
 * blocks and comments that may have opened above the screen, and the frontmatter), and an edit
 * re-reads only the lines it touched. The note as a whole is read only when the editor opens and,
 * after edits that changed its citations, once typing pauses ({@link NoteSummary}: how it reads
 * `mm:ss:ff` times, and the moments that decide which citation is playing). The playing position enters as a
 * {@link setPlaying} effect from this editor's playback subscription, dispatched only when the
 * playing citation changes.
 */
export function citationChips(services: PluginServices): Extension {
	const plugin = ViewPlugin.define((view) => new CitationChips(view, services), {
		decorations: (chips) => chips.decorations,
		eventHandlers: {
			mousedown(event, view) {
				return this.pressed(event, view);
			},
			// A chip reached with Tab plays with Enter or Space, as a link or button does.
			keydown(event, view) {
				return this.keyPressed(event, view);
			},
		},
	});
	// High precedence: the chip wins over other renderings of the same inline HTML, and a press reaches
	// this handler before the editor's own link handling.
	return [noteStructure, playingField, Prec.high(plugin)];
}

class CitationChips implements PluginValue {
	decorations: DecorationSet;
	private citations: ViewCitations;
	private note: EditorNoteVideo;
	private summary: NoteSummary;
	private live: boolean;
	private summaryTimer: number | null = null;
	private playbackTimer: number | null = null;
	private unsubscribe: () => void;
	private unsubscribeDurations: () => void;
	private unsubscribeSettings: () => void;

	constructor(private view: EditorView, private services: PluginServices) {
		const { state } = view;
		this.citations = new ViewCitations(() => services.settings.current.otherForms);
		const structure = state.field(noteStructure);
		this.note = new EditorNoteVideo(services.notes);
		this.note.sync(state, structure, true);
		this.summary = new NoteSummary(state.doc.length <= SUMMARIZE_AT_ONCE ? state.doc : null, this.reading());
		this.live = isLive(state);
		this.citations.reset(state.doc, structure, this.summary.frames, visibleLines(view));
		this.decorations = this.draw(state);
		this.unsubscribe = services.playback.subscribe((playback) => this.followPlayback(playback));
		// The note's video got a (new) length: the whole note is read against it (see summarize).
		this.unsubscribeDurations = services.durations.onChange((key) => {
			if (key === this.note.key) this.summarizeSoon(0);
		});
		// Reading other plugins' forms or not: every citation on screen and the note's summary are read again.
		let otherForms = services.settings.current.otherForms;
		this.unsubscribeSettings = services.settings.onChange((settings) => {
			if (settings.otherForms === otherForms) return;
			otherForms = settings.otherForms;
			this.view.dispatch({ effects: summaryChanged.of(null) });
			this.summarizeSoon(0);
		});
		// A player may already be on this note's video: show its playing citation once the editor is built.
		if (state.doc.length > SUMMARIZE_AT_ONCE) this.summarizeSoon(0);
		else this.checkPlaybackSoon();
	}

	update(u: ViewUpdate): void {
		const { state } = u;
		const structure = state.field(noteStructure);
		const before = u.startState.field(noteStructure);
		const rescanned = structure.scan !== before.scan;
		let redraw = false;
		const frontmatterEdited = u.docChanged && (rescanned || u.changes.touchesRange(0, before.bodyFrom) !== false);
		if (this.note.sync(state, structure, frontmatterEdited)) {
			redraw = true;
			this.checkPlaybackSoon();
			// Another video has another length to read the note against.
			if (this.reading().duration !== this.summary.duration) this.summarizeSoon(0);
		}
		const wanted = visibleLines(u.view);
		if (rescanned || u.transactions.some((tr) => tr.effects.some((e) => e.is(summaryChanged)))) {
			this.citations.reset(state.doc, structure, this.summary.frames, wanted);
			if (u.docChanged) this.summarizeSoon();
			redraw = true;
		} else {
			if (u.docChanged) {
				const effect = this.citations.applyChanges(u.changes, u.startState.doc, state.doc, structure, this.summary.frames);
				// Typing prose beside anchors leaves the note's citations as they were: no need to read it all again.
				if (effect === "changed" || (effect === "unknown" && touchesAnchors(u))) this.summarizeSoon();
				redraw = true;
			}
			if (this.citations.cover(state.doc, structure, this.summary.frames, wanted)) redraw = true;
		}
		const live = isLive(state);
		if (live !== this.live) {
			this.live = live;
			redraw = true;
		}
		if (live && u.selectionSet) redraw = true;
		if (state.field(playingField) !== u.startState.field(playingField)) redraw = true;
		if (redraw) this.decorations = this.draw(state);
	}

	destroy(): void {
		this.unsubscribe();
		this.unsubscribeDurations();
		this.unsubscribeSettings();
		const win = this.view.dom.win;
		if (this.summaryTimer !== null) win.clearTimeout(this.summaryTimer);
		if (this.playbackTimer !== null) win.clearTimeout(this.playbackTimer);
	}

	/** A mouse press in the editor: seeks (or opens the browser) when it lands on a chip or Mod-lands on a marked timestamp. */
	pressed(event: MouseEvent, view: EditorView): boolean {
		if (event.button !== 0) return false;
		const el = elementOf(event.target);
		if (!el || !view.contentDOM.contains(el)) return false;
		const mod = Keymap.isModifier(event, "Mod");
		if (this.live) {
			const chipEl = el.closest<HTMLElement>(".vc-chip");
			const chip = chipEl ? chipOf(chipEl) : undefined;
			return chip ? this.press(event, chip.spec, mod) : false;
		}
		const markEl = el.closest(".vc-source-timestamp");
		if (!markEl || !mod) return false;
		const pos = view.posAtDOM(markEl);
		const c = this.citations.list.find((x) => x.from <= pos && pos < x.to);
		if (!c) return false;
		return this.press(event, { form: c.form, seconds: c.seconds, ...(c.end === undefined ? {} : { end: c.end }), video: c.video ? this.linked(c.video) : this.note.video }, mod);
	}

	/** Enter or Space on a focused chip: the press a click would make. */
	keyPressed(event: KeyboardEvent, view: EditorView): boolean {
		if (!this.live || (event.key !== "Enter" && event.key !== " ") || event.altKey || event.shiftKey) return false;
		const el = elementOf(event.target);
		const chipEl = el?.closest<HTMLElement>(".vc-chip");
		if (!chipEl || !view.contentDOM.contains(chipEl)) return false;
		const chip = chipOf(chipEl);
		return chip ? this.press(event, chip.spec, Keymap.isModifier(event, "Mod")) : false;
	}

	/** A video a citation names, as it plays from this note (a linked file found in the vault). */
	private linked = (ref: VideoRef): VideoRef => (this.note.path === null ? ref : this.services.notes.linkedVideo(ref, this.note.path));

	private press(event: MouseEvent | KeyboardEvent, target: CitationFacts, mod: boolean): boolean {
		const action = pressAction(target, mod, this.live, this.services.settings.current);
		if (action.kind === "none") return false;
		// Cancel the press so the cursor stays put and the editor's own link handling never sees it.
		event.preventDefault();
		if (action.kind === "seek") {
			const range = rangeOptions(action, event.altKey);
			this.services.playback.seek(action.video, action.seconds, this.note.path !== null ? { sourcePath: this.note.path, ...range } : range);
		}
		else if (action.kind === "browser") this.services.openExternal(action.url);
		else new Notice(NO_VIDEO_MESSAGE);
		return true;
	}

	private draw(state: EditorState): DecorationSet {
		return drawCitations(this.citations.list, {
			live: this.live,
			noteVideo: this.note.video,
			noteKey: this.note.key,
			linked: this.linked,
			playing: state.field(playingField),
			selection: state.selection.ranges,
		});
	}

	/** Dispatches the playing citation when it changed; time updates that stay within one citation cost a binary search. */
	private followPlayback(playback: Readonly<PlaybackState>): void {
		const moment = this.summary.playing(this.note.key, playback);
		if (sameMoment(moment, this.view.state.field(playingField))) return;
		this.view.dispatch({ effects: setPlaying.of(moment) });
	}

	/** Follows playback once the current update is over (no dispatching from inside one). */
	private checkPlaybackSoon(): void {
		const win = this.view.dom.win;
		if (this.playbackTimer !== null) win.clearTimeout(this.playbackTimer);
		this.playbackTimer = win.setTimeout(() => {
			this.playbackTimer = null;
			this.followPlayback(this.services.playback.state);
		}, 0);
	}

	private summarizeSoon(delay = SUMMARY_DELAY): void {
		const win = this.view.dom.win;
		if (this.summaryTimer !== null) win.clearTimeout(this.summaryTimer);
		this.summaryTimer = win.setTimeout(() => {
			this.summaryTimer = null;
			this.summarize();
		}, delay);
	}

	private summarize(): void {
		const fresh = new NoteSummary(this.view.state.doc, this.reading());
		const framesChanged = !fresh.sameFrames(this.summary);
		this.summary = fresh;
		const moment = fresh.playing(this.note.key, this.services.playback.state);
		const effects: StateEffect<unknown>[] = [];
		if (framesChanged) effects.push(summaryChanged.of(null));
		if (!sameMoment(moment, this.view.state.field(playingField))) effects.push(setPlaying.of(moment));
		if (effects.length > 0) this.view.dispatch({ effects });
	}

	/** How the note is read: against the length of its video, once a player has measured it. */
	private reading(): ExtractOptions {
		return readingOptions(this.services.durations, this.note.video, this.services.settings.current);
	}
}

function isLive(state: EditorState): boolean {
	return state.field(editorLivePreviewField, false) ?? false;
}

/** The visible ranges as whole lines. */
function visibleLines(view: EditorView): LineSpan[] {
	const doc = view.state.doc;
	return mergeSpans(view.visibleRanges.map((r) => ({ from: doc.lineAt(r.from).from, to: doc.lineAt(r.to).to })));
}

/** Whether an edit touched a line that may hold a citation, before or after: only then can the note's summary change. */
function touchesAnchors(u: ViewUpdate): boolean {
	let touched = false;
	u.changes.iterChangedRanges((fromA, toA, fromB, toB) => {
		touched ||= linesMayCite(u.startState.doc, fromA, toA) || linesMayCite(u.state.doc, fromB, toB);
	});
	return touched;
}

function linesMayCite(doc: Text, from: number, to: number): boolean {
	return mayHoldCitations(doc.sliceString(doc.lineAt(from).from, doc.lineAt(to).to));
}

/** The element an event landed on (its parent, for a text node). */
function elementOf(target: EventTarget | null): HTMLElement | null {
	const node = target as Node | null;
	if (!node || typeof node.nodeType !== "number") return null;
	return (node.nodeType === 1 ? node : node.parentElement) as HTMLElement | null;
}
