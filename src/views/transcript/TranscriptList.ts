import { Component } from "obsidian";
import { formatTimestamp, type Citation, type TranscriptCue } from "../../core";
import { targetElement } from "../targetElement";

/** What the list asks its view to do. */
export interface TranscriptListActions {
	/** Play from this cue. */
	seek(index: number): void;
	/** The selected cues changed. */
	selectionChanged(count: number): void;
}

/** How long after the user scrolls the list it stops following playback, in ms. */
export const USER_SCROLL_PAUSE_MS = 4000;

let nextListId = 0;

/**
 * The transcript's cues as a listbox: time and words per row, the cue being played marked and
 * kept in view (unless the user scrolled the list in the last few seconds), the note's cited
 * moments marked, search matches marked, and a selection of cues (Shift- or Mod-click, Space,
 * Shift+arrows) for "Insert citation". A click or Enter plays from a cue.
 */
export class TranscriptList extends Component {
	/** The listbox element. */
	readonly el: HTMLElement;
	private cues: readonly TranscriptCue[] = [];
	private rowEls: HTMLElement[] = [];
	private playing = -1;
	private focused = -1;
	private anchor = -1;
	private selected = new Set<number>();
	private matchEls: HTMLElement[] = [];
	private currentMatchEl: HTMLElement | null = null;
	private citedEls: HTMLElement[] = [];
	/** When the user last scrolled the list themselves (`performance.now()`). */
	private userScrolledAt = -Infinity;
	private readonly idPrefix = `vc-transcript-${++nextListId}-cue-`;

	constructor(parent: HTMLElement, private actions: TranscriptListActions) {
		super();
		this.el = parent.createDiv({
			cls: "vc-transcript-list",
			attr: { role: "listbox", tabindex: 0, "aria-label": "Transcript", "aria-multiselectable": "true" },
		});
	}

	override onload(): void {
		this.registerDomEvent(this.el, "click", (evt) => this.onClick(evt));
		this.registerDomEvent(this.el, "keydown", (evt) => this.onKeyDown(evt));
		this.registerDomEvent(this.el, "focus", () => {
			if (this.focused < 0 && this.cues.length > 0) this.focus(Math.max(0, this.playing), false);
		});
		// The user's own scrolling (wheel, touch, the scrollbar) pauses following for a few seconds.
		// Scroll events alone cannot tell: rows laid out late (content-visibility) move the list too.
		const userScroll = () => (this.userScrolledAt = performance.now());
		this.registerDomEvent(this.el, "wheel", userScroll, { passive: true });
		this.registerDomEvent(this.el, "touchmove", userScroll, { passive: true });
		this.registerDomEvent(this.el, "pointerdown", (evt) => {
			// A press on the list itself, not on a row, is on its scrollbar.
			if (evt.target === this.el) userScroll();
		});
	}

	/** The cues shown. */
	get cueCount(): number {
		return this.cues.length;
	}

	/** The selected cues' indices, in order. */
	get selection(): number[] {
		return [...this.selected].sort((a, b) => a - b);
	}

	/** Shows `cues`, replacing what was shown. */
	show(cues: readonly TranscriptCue[]): void {
		this.el.empty();
		this.cues = cues;
		this.rowEls = [];
		this.playing = -1;
		this.focused = -1;
		this.anchor = -1;
		this.selected.clear();
		this.matchEls = [];
		this.currentMatchEl = null;
		this.citedEls = [];
		this.el.removeAttribute("aria-activedescendant");
		cues.forEach((cue, i) => {
			const row = this.el.createDiv({ cls: "vc-transcript-cue", attr: { role: "option", id: this.idPrefix + i, "aria-selected": "false", "data-index": i } });
			row.createSpan({ cls: "vc-transcript-time", text: formatTimestamp(Math.floor(cue.start), { style: "m:ss" }) });
			row.createSpan({ cls: "vc-transcript-text", text: cue.text });
			this.rowEls.push(row);
		});
		this.actions.selectionChanged(0);
	}

	/** Removes every row. */
	clear(): void {
		this.show([]);
	}

	/**
	 * Marks the cue being played (-1: none) and, with `follow`, keeps it in view unless the user
	 * scrolled the list lately. Touches the DOM only when the cue changes.
	 */
	setPlaying(index: number, follow: boolean): HTMLElement | null {
		if (index !== this.playing) {
			this.rowEls[this.playing]?.removeClass("is-playing");
			this.playing = index;
			const row = this.rowEls[index];
			if (!row) return null;
			row.addClass("is-playing");
			if (follow) this.keepInView(row);
			return row;
		}
		return null;
	}

	/** Marks the cues the note cites, each titled with the claims that cite it. */
	setCited(cited: ReadonlyMap<number, readonly Citation[]>): void {
		for (const el of this.citedEls) {
			el.removeClass("is-cited");
			el.removeAttribute("title");
		}
		this.citedEls = [];
		for (const [i, citations] of cited) {
			const row = this.rowEls[i];
			if (!row) continue;
			row.addClass("is-cited");
			const claims = citations.map((c) => c.text.trim()).filter((t) => t !== "");
			row.title = claims.length > 0 ? `Cited: ${claims.join(" · ")}` : "Cited in this note";
			this.citedEls.push(row);
		}
	}

	/** Marks the cues a search matches, and `current` of them as the one shown (scrolled to). */
	setMatches(matches: readonly number[], current: number): void {
		for (const el of this.matchEls) el.removeClass("is-match");
		this.currentMatchEl?.removeClass("is-current-match");
		this.matchEls = [];
		this.currentMatchEl = null;
		for (const i of matches) {
			const row = this.rowEls[i];
			if (!row) continue;
			row.addClass("is-match");
			this.matchEls.push(row);
		}
		const row = this.rowEls[matches[current] ?? -1];
		if (row) {
			row.addClass("is-current-match");
			this.currentMatchEl = row;
			// The user asked for this match: show it, and let it hold the view a moment.
			this.scrollTo(row, "center");
			this.userScrolledAt = performance.now();
		}
	}

	/** Gives the list the keyboard focus on the cue being played (else the first). */
	focusList(): void {
		this.el.focus();
		if (this.cues.length > 0) this.focus(this.focused >= 0 ? this.focused : Math.max(0, this.playing), true);
	}

	/**
	 * The cues to cite: those selected, else those the user's text selection in the list spans
	 * (selecting words by dragging across cues), in order.
	 */
	citeSelection(): number[] {
		if (this.selected.size > 0) return this.selection;
		const sel = activeWindow.getSelection();
		if (!sel || sel.isCollapsed || sel.rangeCount === 0) return [];
		const range = sel.getRangeAt(0);
		const out: number[] = [];
		this.rowEls.forEach((row, i) => {
			if (range.intersectsNode(row)) out.push(i);
		});
		return out;
	}

	/** Clears the selection. */
	clearSelection(): void {
		for (const i of this.selected) this.rowEls[i]?.setAttr("aria-selected", "false");
		this.selected.clear();
		this.actions.selectionChanged(0);
	}

	private keepInView(row: HTMLElement): void {
		if (performance.now() - this.userScrolledAt < USER_SCROLL_PAUSE_MS) return;
		this.scrollTo(row, "nearest");
	}

	/**
	 * Scrolls the list, and only the list (`scrollIntoView` would scroll the sidebar and the
	 * workspace too), so `row` is in view: at the nearest edge, or in the middle.
	 */
	private scrollTo(row: HTMLElement, block: "nearest" | "center"): void {
		const list = this.el.getBoundingClientRect();
		const box = row.getBoundingClientRect();
		let delta = 0;
		if (block === "center") delta = box.top + box.height / 2 - (list.top + list.height / 2);
		else if (box.top < list.top) delta = box.top - list.top;
		else if (box.bottom > list.bottom) delta = Math.min(box.bottom - list.bottom, box.top - list.top);
		if (delta !== 0) this.el.scrollTop += delta;
	}

	private rowOf(evt: Event): number {
		const row = targetElement(evt)?.closest<HTMLElement>(".vc-transcript-cue");
		const i = row ? Number(row.dataset.index) : -1;
		return Number.isInteger(i) && i >= 0 && i < this.cues.length ? i : -1;
	}

	private onClick(evt: MouseEvent): void {
		const i = this.rowOf(evt);
		if (i < 0) return;
		this.focus(i, false);
		if (evt.shiftKey) this.selectRange(this.anchor >= 0 ? this.anchor : i, i);
		else if (evt.metaKey || evt.ctrlKey) this.toggle(i);
		else {
			// Text selected by dragging across cues is a selection, not a click.
			const sel = activeWindow.getSelection();
			if (sel && !sel.isCollapsed && this.el.contains(sel.anchorNode)) return;
			this.anchor = i;
			this.actions.seek(i);
		}
	}

	private onKeyDown(evt: KeyboardEvent): void {
		if (this.cues.length === 0) return;
		const at = this.focused >= 0 ? this.focused : Math.max(0, this.playing);
		let next = -1;
		switch (evt.key) {
			case "ArrowDown":
				next = Math.min(this.cues.length - 1, at + 1);
				break;
			case "ArrowUp":
				next = Math.max(0, at - 1);
				break;
			case "Home":
				next = 0;
				break;
			case "End":
				next = this.cues.length - 1;
				break;
			case "PageDown":
				next = Math.min(this.cues.length - 1, at + 10);
				break;
			case "PageUp":
				next = Math.max(0, at - 10);
				break;
			case "Enter":
				this.actions.seek(at);
				break;
			case " ":
				this.toggle(at);
				break;
			case "Escape":
				if (this.selected.size === 0) return;
				this.clearSelection();
				break;
			default:
				return;
		}
		evt.preventDefault();
		if (next < 0) return;
		if (evt.shiftKey) {
			if (this.anchor < 0) this.anchor = at;
			this.selectRange(this.anchor, next);
		} else this.anchor = next;
		this.focus(next, true);
	}

	private focus(i: number, scroll: boolean): void {
		this.rowEls[this.focused]?.removeClass("is-focused");
		this.focused = i;
		const row = this.rowEls[i];
		if (!row) return;
		row.addClass("is-focused");
		this.el.setAttr("aria-activedescendant", row.id);
		if (scroll) {
			this.scrollTo(row, "nearest");
			// Moving through the list by keyboard holds the view like scrolling does.
			this.userScrolledAt = performance.now();
		}
	}

	private toggle(i: number): void {
		if (this.selected.has(i)) this.selected.delete(i);
		else this.selected.add(i);
		this.rowEls[i]?.setAttr("aria-selected", String(this.selected.has(i)));
		this.anchor = i;
		this.actions.selectionChanged(this.selected.size);
	}

	private selectRange(from: number, to: number): void {
		for (const i of this.selected) this.rowEls[i]?.setAttr("aria-selected", "false");
		this.selected.clear();
		const [a, b] = from <= to ? [from, to] : [to, from];
		for (let i = a; i <= b; i++) {
			this.selected.add(i);
			this.rowEls[i]?.setAttr("aria-selected", "true");
		}
		this.actions.selectionChanged(this.selected.size);
	}
}
