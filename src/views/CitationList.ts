import { Component, setIcon } from "obsidian";
import { formatTimestamp, labelTime, readingShown, videoKey } from "../core";
import { markCitationTarget, type CitationTarget } from "../notes/citationTargets";
import { renderCueWindow, type CitationCues } from "../popover/cueWindow";
import { HeadingGroups } from "./HeadingGroups";
import type { ListModel, PanelRow } from "./panelModel";
import { targetElement } from "./targetElement";

/** Rows created at once when the list is shown; the rest follow, a chunk per animation frame. */
const FIRST_CHUNK = 150;
const CHUNK = 300;

/** What the list asks its view to do when the user acts on a citation. */
export interface CitationListActions {
	/** Play the citation at this index of the note's citations (a range over and over, with `loop`: an Alt-press). */
	seek(index: number, loop?: boolean): void;
	/** Show the citation's line in the note. */
	reveal(index: number): void;
	/** Open the context menu for the citation. */
	menu(index: number, evt: MouseEvent): void;
	/** What the citation at this index plays (its moment, video, note and claim); `null` when it cannot play. */
	target(index: number): CitationTarget | null;
	/** Play the citation's video from `seconds` (a transcript cue near it), from its note. */
	playFrom(index: number, seconds: number): void;
}

/** The transcripts as the list needs them: whether a citation may have cues (no file read), and its cues. */
export type RowCues = Pick<CitationCues, "offered" | "load">;

let nextListId = 0;

/**
 * The panel's list of rows: a listbox with one delegated listener per event type, rows rendered
 * in chunks across animation frames (and at once up to any row that is needed sooner), collapsible
 * heading groups, a keyboard-focused row and the row being played.
 */
export class CitationList extends Component {
	/** The listbox element; it holds the keyboard focus, rows are its options. */
	readonly el: HTMLElement;
	private note: ListModel | null = null;
	private rows: PanelRow[] = [];
	private grouped = true;
	private rowEls: HTMLElement[] = [];
	private rowOfCitation = new Map<number, number>();
	private groups: HeadingGroups;
	private focusedRow = -1;
	private playingRow = -1;
	private playingCitation = -1;
	private frame = 0;
	/** The rows showing their cues, by their first citation (kept across a re-render of the same note). */
	private expanded = new Set<number>();
	/** Whether a note's citations of a video may have cues, asked once per note and video per list shown. */
	private offeredCache = new Map<string, boolean>();
	private readonly idPrefix = `vc-panel-${++nextListId}-row-`;

	constructor(
		parent: HTMLElement,
		private actions: CitationListActions,
		/** Without it, rows do not offer their cues. */
		private cues?: RowCues,
	) {
		super();
		this.el = parent.createDiv({ cls: "vc-panel-list", attr: { role: "listbox", tabindex: 0, "aria-label": "Citations" } });
		this.groups = new HeadingGroups(this.el);
	}

	override onload(): void {
		this.registerDomEvent(this.el, "click", (evt) => this.onClick(evt));
		this.registerDomEvent(this.el, "contextmenu", (evt) => this.onContextMenu(evt));
		this.registerDomEvent(this.el, "keydown", (evt) => this.onKeyDown(evt));
		// The full text of a clamped row on hover, set when first hovered rather than on every row.
		this.registerDomEvent(this.el, "mouseover", (evt) => {
			const text = targetElement(evt)?.closest<HTMLElement>(".vc-panel-text");
			if (text && !text.title) text.title = text.textContent ?? "";
		});
		this.register(() => this.cancelFrame());
	}

	/** How many rows the list shows (rendered or still to come). */
	get rowCount(): number {
		return this.rows.length;
	}

	/** How many rows have been created so far. */
	get renderedCount(): number {
		return this.rowEls.length;
	}

	/**
	 * Shows `rows` of `note` (a note's citations, or a video's across the vault), grouped under headings or flat. `keep` (a re-render of the same note
	 * after an edit) creates at once as many rows as were there before, so the scroll position holds.
	 */
	show(note: ListModel, rows: PanelRow[], grouped: boolean, keep = false): void {
		const before = this.rowEls.length;
		const scrollTop = this.el.scrollTop;
		const focused = keep ? this.focusedRow : -1;
		this.cancelFrame();
		this.el.empty();
		this.note = note;
		this.rows = rows;
		this.grouped = grouped;
		this.el.toggleClass("is-vault", note.source !== undefined);
		this.rowEls = [];
		this.rowOfCitation.clear();
		this.offeredCache.clear();
		if (!keep) this.expanded.clear();
		rows.forEach((row, r) => row.citations.forEach((i) => this.rowOfCitation.set(i, r)));
		this.groups.reset();
		this.focusedRow = -1;
		this.playingRow = -1;
		this.playingCitation = -1;
		this.el.removeAttribute("aria-activedescendant");
		this.renderUpTo(Math.max(FIRST_CHUNK, keep ? before : 0));
		if (keep) this.el.scrollTop = scrollTop;
		if (focused >= 0 && rows.length > 0) this.setFocused(Math.min(focused, rows.length - 1), false);
		this.scheduleMore();
	}

	/** Empties the list (no note, or nothing to show). */
	clear(): void {
		this.cancelFrame();
		this.el.empty();
		this.note = null;
		this.rows = [];
		this.rowEls = [];
		this.rowOfCitation.clear();
		this.offeredCache.clear();
		this.expanded.clear();
		this.groups.reset();
		this.focusedRow = this.playingRow = this.playingCitation = -1;
		this.el.removeAttribute("aria-activedescendant");
	}

	/** Creates every remaining row now (for a caller that needs them all, such as a benchmark). */
	renderAll(): void {
		this.cancelFrame();
		this.renderUpTo(this.rows.length);
	}

	/**
	 * Marks the citation being played (-1 for none). Touches the DOM only when it changes, and
	 * returns the row element when the playing row changed, so the caller can scroll to it.
	 */
	setPlaying(citation: number): HTMLElement | null {
		if (citation === this.playingCitation) return null;
		const row = citation < 0 ? -1 : (this.rowOfCitation.get(citation) ?? -1);
		this.chipEl(this.playingCitation)?.removeClass("is-playing");
		this.playingCitation = row < 0 ? -1 : citation;
		if (row >= 0) this.renderUpTo(row + 1);
		this.chipEl(this.playingCitation)?.addClass("is-playing");
		if (row === this.playingRow) return null;
		this.rowEls[this.playingRow]?.removeClass("is-playing");
		this.playingRow = row;
		const el = this.rowEls[row];
		if (!el) return null;
		el.addClass("is-playing");
		return this.isVisible(row) ? el : null;
	}

	/** Moves the keyboard focus to the first visible row (from the filter box's Down key). */
	focusFirst(): void {
		this.el.focus();
		if (this.focusedRow < 0) this.moveFocus(1);
	}

	private renderUpTo(count: number): void {
		const end = Math.min(count, this.rows.length);
		for (let r = this.rowEls.length; r < end; r++) this.renderRow(r);
	}

	private scheduleMore(): void {
		if (this.frame || this.rowEls.length >= this.rows.length) return;
		this.frame = this.el.win.requestAnimationFrame(() => {
			this.frame = 0;
			this.renderUpTo(this.rowEls.length + CHUNK);
			this.scheduleMore();
		});
	}

	private cancelFrame(): void {
		if (this.frame) this.el.win.cancelAnimationFrame(this.frame);
		this.frame = 0;
	}

	private renderRow(r: number): void {
		const note = this.note;
		const row = this.rows[r];
		const first = note?.citations[row?.citations[0] ?? -1];
		if (!note || !row || !first) return;
		const parent = this.grouped ? this.groups.bodyFor(first.headings) : this.el;
		// Kept small for long notes (issue 9 measures it): the chips, then the text; no per-row
		// listener or index attribute, as clicks find their row and chip by position.
		// A claim that continues the sentence of the row above ("…which lets a patient…") hangs under it.
		const el = parent.createDiv(first.text.startsWith("…") ? "vc-panel-row is-continuation" : "vc-panel-row");
		el.setAttribute("role", "option");
		for (const i of row.citations) this.renderChip(el, note, i);
		const source = note.source?.(row.citations[0] ?? -1);
		if (source) {
			// A click on the note's name opens the note at the citation, as a click on the text does.
			const name = el.createDiv("vc-panel-source");
			name.setText(source.name);
			if (source.folder) name.setAttribute("aria-label", source.folder);
		}
		// Without a claim, a label that says more than its time (a link's words) stands in; a bare time would repeat the chip.
		el.createDiv("vc-panel-text").setText(first.text || (labelTime(first.label) === null ? first.label : ""));
		this.rowEls[r] = el;
		// The row stands for its first playable citation (its chips for their own): the popover reads it.
		const playable = row.citations.find((i) => note.playable(i));
		const target = playable === undefined ? null : this.actions.target(playable);
		if (!target || playable === undefined) return;
		markCitationTarget(el, target);
		if (!this.offered(target)) return;
		el.addClass("has-cues");
		const toggle = el.createEl("button", { cls: "clickable-icon vc-panel-expand", attr: { tabindex: -1, "aria-expanded": "false", "aria-label": "Show what was said" } });
		setIcon(toggle, "chevron-right");
		if (this.expanded.has(row.citations[0] ?? -1)) void this.expand(r);
	}

	/** Whether rows citing `target`'s video from its note offer their cues (a transcript source exists; nothing is read). */
	private offered(target: CitationTarget): boolean {
		if (!this.cues || !target.notePath) return false;
		const key = `${target.notePath}\n${videoKey(target.video)}`;
		let offered = this.offeredCache.get(key);
		if (offered === undefined) {
			offered = this.cues.offered(target.notePath, target.video);
			this.offeredCache.set(key, offered);
		}
		return offered;
	}

	private toggleOf(row: number): HTMLElement | null {
		return this.rowEls[row]?.querySelector<HTMLElement>(":scope > .vc-panel-expand") ?? null;
	}

	/** Shows or hides the cues under a row (a row without a transcript does nothing). */
	private setExpanded(row: number, open: boolean): void {
		const toggle = this.toggleOf(row);
		const first = this.rows[row]?.citations[0];
		if (!toggle || first === undefined || (toggle.getAttribute("aria-expanded") === "true") === open) return;
		if (open) {
			this.expanded.add(first);
			void this.expand(row);
			return;
		}
		this.expanded.delete(first);
		toggle.setAttribute("aria-expanded", "false");
		toggle.setAttribute("aria-label", "Show what was said");
		setIcon(toggle, "chevron-right");
		const el = this.rowEls[row];
		el?.removeClass("is-expanded");
		el?.querySelector(":scope > .vc-panel-cues")?.remove();
	}

	/** Loads the row's transcript (the first time it is asked for) and draws its cues under it. */
	private async expand(row: number): Promise<void> {
		const el = this.rowEls[row];
		const toggle = this.toggleOf(row);
		const citations = this.rows[row]?.citations ?? [];
		const index = citations.find((i) => this.note?.playable(i));
		const target = index === undefined ? null : this.actions.target(index);
		if (!el || !toggle || index === undefined || !target?.notePath || !this.cues) return;
		toggle.setAttribute("aria-expanded", "true");
		toggle.setAttribute("aria-label", "Hide what was said");
		setIcon(toggle, "chevron-down");
		el.addClass("is-expanded");
		el.querySelector(":scope > .vc-panel-cues")?.remove();
		const box = el.createDiv({ cls: "vc-panel-cues", attr: { role: "group", "aria-label": `What was said at ${formatTimestamp(Math.floor(target.seconds), { style: "m:ss" })}` } });
		box.createDiv({ cls: "vc-panel-cues-message", text: "Loading transcript…" });
		const loaded = await this.cues.load(target.notePath, target.video);
		// The row may have been collapsed, or the list drawn again, while the transcript loaded.
		if (this.rowEls[row] !== el || !box.isConnected) return;
		box.empty();
		if (!loaded.model) {
			box.createDiv({ cls: "vc-panel-cues-message", text: loaded.message });
			return;
		}
		renderCueWindow(box, loaded.model, target.seconds, (start) => this.actions.playFrom(index, start));
	}

	private renderChip(parent: HTMLElement, note: ListModel, index: number): void {
		const c = note.citations[index];
		if (!c) return;
		let cls = "vc-timestamp vc-panel-chip";
		let text: string;
		let label: string;
		const target = c.seconds === null ? null : this.actions.target(index);
		if (c.seconds === null) {
			cls += " is-invalid";
			text = c.label || "?";
			label = c.invalid;
		} else {
			text = formatTimestamp(c.seconds, { style: "m:ss" });
			// A range shows as one: "1:02–1:30".
			if (c.end !== undefined) text += `–${formatTimestamp(c.end, { style: "m:ss" })}`;
			if (readingShown(c).marked) cls += " is-repaired";
			const playable = note.playable(index);
			if (!playable) cls += " is-novideo";
			label = playable ? `Play from ${text}` : "This note names no video";
		}
		const chip = parent.createSpan(cls);
		chip.setText(text);
		chip.setAttribute("aria-label", label);
		if (target) markCitationTarget(chip, target);
	}

	private chipEl(citation: number): HTMLElement | null {
		if (citation < 0) return null;
		const r = this.rowOfCitation.get(citation) ?? -1;
		const at = this.rows[r]?.citations.indexOf(citation) ?? -1;
		const chip = this.rowEls[r]?.children[at];
		return chip?.hasClass("vc-panel-chip") ? (chip as HTMLElement) : null;
	}

	/** The citation of a chip element: chips come first in their row, in the row's citation order. */
	private chipCitation(row: number, chip: Element): number | undefined {
		const el = this.rowEls[row];
		return el ? this.rows[row]?.citations[Array.from(el.children).indexOf(chip)] : undefined;
	}

	private isVisible(row: number): boolean {
		return !HeadingGroups.isHidden(this.rowEls[row]);
	}

	private setFocused(row: number, scroll: boolean): void {
		const old = this.rowEls[this.focusedRow];
		if (old) {
			old.removeClass("is-focused");
			old.removeAttribute("aria-selected");
			old.removeAttribute("id");
		}
		this.focusedRow = row;
		this.renderUpTo(row + 1);
		const el = this.rowEls[row];
		if (!el) return;
		el.addClass("is-focused");
		el.setAttr("aria-selected", "true");
		el.id = this.idPrefix + String(row);
		this.el.setAttr("aria-activedescendant", el.id);
		// Keyboard moves scroll the list; playback never calls this.
		if (scroll) el.scrollIntoView({ block: "nearest" });
	}

	private moveFocus(step: 1 | -1): void {
		let r = this.focusedRow;
		for (;;) {
			r += step;
			if (r < 0 || r >= this.rows.length) return;
			this.renderUpTo(r + 1);
			if (this.isVisible(r)) break;
		}
		this.setFocused(r, true);
	}

	private activate(row: number, loop = false): void {
		const citations = this.rows[row]?.citations ?? [];
		const playable = citations.find((i) => this.note?.playable(i));
		if (playable !== undefined) this.actions.seek(playable, loop);
		else if (citations[0] !== undefined) this.actions.reveal(citations[0]);
	}

	private rowIndex(el: Element | null): number {
		const row = el?.closest<HTMLElement>(".vc-panel-row");
		return row ? this.rowEls.indexOf(row) : -1;
	}

	private onClick(evt: MouseEvent): void {
		const target = targetElement(evt);
		const header = target?.closest<HTMLElement>(".vc-panel-group-header");
		if (header) return this.groups.toggle(header);
		// The cues under an expanded row play by themselves; the space around them does nothing.
		if (target?.closest(".vc-panel-cues")) return;
		const toggle = target?.closest<HTMLElement>(".vc-panel-expand");
		if (toggle) {
			const r = this.rowIndex(toggle);
			this.setFocused(r, false);
			// The list keeps the keyboard (the toggle is not a stop of its own): the arrows go on working.
			this.el.focus({ preventScroll: true });
			return this.setExpanded(r, toggle.getAttribute("aria-expanded") !== "true");
		}
		const chip = target?.closest<HTMLElement>(".vc-panel-chip");
		const row = this.rowIndex(target);
		if (row < 0) return;
		this.setFocused(row, false);
		const citation = chip ? this.chipCitation(row, chip) : undefined;
		if (citation !== undefined) return this.actions.seek(citation, evt.altKey);
		const first = this.rows[row]?.citations[0];
		if (first !== undefined) this.actions.reveal(first);
	}

	private onContextMenu(evt: MouseEvent): void {
		const target = targetElement(evt);
		const row = this.rowIndex(target);
		if (row < 0) return;
		evt.preventDefault();
		const chip = target?.closest<HTMLElement>(".vc-panel-chip");
		const citations = this.rows[row]?.citations ?? [];
		const index = (chip ? this.chipCitation(row, chip) : undefined) ?? citations.find((i) => this.note?.playable(i)) ?? citations[0];
		if (index !== undefined) this.actions.menu(index, evt);
	}

	private onKeyDown(evt: KeyboardEvent): void {
		const target = targetElement(evt);
		const header = target?.closest<HTMLElement>(".vc-panel-group-header");
		if (header && (evt.key === "Enter" || evt.key === " ")) {
			evt.preventDefault();
			return this.groups.toggle(header);
		}
		// A cue button under an expanded row (reached with Tab) handles its own keys.
		if (target?.closest(".vc-panel-cues")) return;
		switch (evt.key) {
			case "ArrowRight":
				if (this.focusedRow < 0 || !this.toggleOf(this.focusedRow)) return;
				this.setExpanded(this.focusedRow, true);
				break;
			case "ArrowLeft":
				if (this.focusedRow < 0 || !this.toggleOf(this.focusedRow)) return;
				this.setExpanded(this.focusedRow, false);
				break;
			case "ArrowDown":
				this.moveFocus(1);
				break;
			case "ArrowUp":
				this.moveFocus(-1);
				break;
			case "Enter":
				if (this.focusedRow < 0) return;
				this.activate(this.focusedRow, evt.altKey);
				break;
			default:
				return;
		}
		evt.preventDefault();
	}
}
