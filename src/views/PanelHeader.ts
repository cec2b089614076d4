import { Component, setIcon } from "obsidian";
import type { NoteCitations } from "./panelModel";
import { targetElement } from "./targetElement";

/** What the header asks its view to do. */
export interface PanelHeaderActions {
	/** Open the player on the note's video. */
	openPlayer(): void;
	/** Show the citation's line in the note (for the invalid ones listed here). */
	reveal(index: number): void;
	/** Run "Repair timestamps" on the note; without it the header offers no repair. */
	repair?: () => void;
}

/**
 * What the header says once about times read in a note-wide way (each link's tooltip says it too,
 * and no link is marked for it): "54 times are read as minutes:seconds, as this note writes them."
 */
export function noteReadingLine(minutesSeconds: number): string {
	const times = minutesSeconds === 1 ? "1 time is" : `${minutesSeconds.toLocaleString()} times are`;
	return `${times} read as minutes:seconds, as this note writes them (a third field after the seconds is left out).`;
}

function citationCount(n: number): string {
	return n === 1 ? "1 citation" : `${n} citations`;
}

/**
 * The panel's header: the note and its video with an "Open player" button, the count of
 * citations, and the citations that cannot be played, each with its line and reason (a click shows
 * the line, so it can be fixed).
 */
export class PanelHeader extends Component {
	/** The header element. */
	readonly el: HTMLElement;
	private noteEl: HTMLElement;
	private videoEl: HTMLElement;
	private videoNameEl: HTMLElement;
	private openButton: HTMLButtonElement;
	private countEl: HTMLElement;
	private readingsEl: HTMLElement;
	private invalidEl: HTMLElement;

	constructor(parent: HTMLElement, private actions: PanelHeaderActions) {
		super();
		this.el = parent.createDiv({ cls: "vc-panel-header" });
		this.noteEl = this.el.createDiv({ cls: "vc-panel-note" });
		this.videoEl = this.el.createDiv({ cls: "vc-panel-video" });
		setIcon(this.videoEl.createSpan({ cls: "vc-panel-video-icon" }), "film");
		this.videoNameEl = this.videoEl.createSpan({ cls: "vc-panel-video-name" });
		this.openButton = this.videoEl.createEl("button", { cls: "vc-panel-open-player", text: "Open player" });
		this.countEl = this.el.createDiv({ cls: "vc-panel-count" });
		this.readingsEl = this.el.createDiv({ cls: "vc-panel-readings" });
		this.readingsEl.hide();
		this.invalidEl = this.el.createDiv({ cls: "vc-panel-invalid" });
	}

	override onload(): void {
		this.registerDomEvent(this.openButton, "click", () => this.actions.openPlayer());
		this.registerDomEvent(this.readingsEl, "click", (evt) => {
			if (targetElement(evt)?.closest(".vc-panel-repair")) this.actions.repair?.();
		});
		// One listener per event for every invalid citation listed.
		const reveal = (evt: Event) => {
			const item = targetElement(evt)?.closest<HTMLElement>(".vc-panel-invalid-item");
			if (!item) return;
			evt.preventDefault();
			this.actions.reveal(Number(item.getAttr("data-citation")));
		};
		this.registerDomEvent(this.invalidEl, "click", reveal);
		this.registerDomEvent(this.invalidEl, "keydown", (evt) => {
			if (evt.key === "Enter" || evt.key === " ") reveal(evt);
		});
	}

	/**
	 * Shows the note by `noteName` (its title, else its file name), its video by `videoName`, the
	 * count, what is read note-wide, and the citations that cannot be played.
	 */
	update(noteName: string, note: NoteCitations, videoName: string | null): void {
		this.el.show();
		this.noteEl.show();
		this.noteEl.setText(noteName);
		this.showVideo(videoName);
		const n = note.citations.length;
		this.countEl.setText(citationCount(n));
		this.countEl.toggle(n > 0);
		this.renderReadings(note);
		this.renderInvalid(note);
	}

	/** Shows a video's whole-vault timeline: the video's name and "N citations in M notes". */
	updateVault(videoName: string | null, citations: number, notes: number): void {
		this.el.show();
		this.noteEl.hide();
		this.showVideo(videoName);
		this.countEl.setText(`${citationCount(citations)} in ${notes === 1 ? "1 note" : `${notes} notes`}`);
		this.countEl.toggle(citations > 0);
		this.readingsEl.hide();
		this.invalidEl.empty();
		this.invalidEl.hide();
	}

	private showVideo(name: string | null): void {
		this.videoEl.toggle(name !== null);
		if (name === null) return;
		this.videoNameEl.setText(name);
		this.videoNameEl.setAttr("aria-label", name);
	}

	private renderReadings(note: NoteCitations): void {
		this.readingsEl.empty();
		// Said in the header when it is how the note is written (three or more, or most of its times);
		// a single time read so is explained by its own tooltip.
		const n = note.minutesSecondsCount();
		const noteWide = n >= 3 || (n > 0 && n * 2 >= note.citations.length);
		this.readingsEl.toggle(noteWide);
		if (!noteWide) return;
		setIcon(this.readingsEl.createSpan({ cls: "vc-panel-readings-icon" }), "info");
		this.readingsEl.createSpan({ text: noteReadingLine(n) });
		if (this.actions.repair) this.readingsEl.createEl("button", { cls: "vc-panel-repair", text: "Rewrite as hours:minutes:seconds" });
	}

	/** Hides the header (no note to describe). */
	hide(): void {
		this.el.hide();
	}

	private renderInvalid(note: NoteCitations): void {
		this.invalidEl.empty();
		const invalid = note.invalid();
		this.invalidEl.toggle(invalid.length > 0);
		if (invalid.length === 0) return;
		const title = this.invalidEl.createDiv({ cls: "vc-panel-invalid-title" });
		setIcon(title.createSpan({ cls: "vc-panel-invalid-icon" }), "triangle-alert");
		title.createSpan({ text: invalid.length === 1 ? "1 citation cannot be played:" : `${invalid.length} citations cannot be played:` });
		const list = this.invalidEl.createEl("ul");
		for (const { index, citation } of invalid) {
			const item = list.createEl("li", {
				cls: "vc-panel-invalid-item",
				attr: { "data-citation": index, role: "button", tabindex: 0 },
			});
			item.createSpan({ cls: "vc-panel-invalid-line", text: `Line ${citation.line + 1}` });
			item.createSpan({ cls: "vc-panel-invalid-reason", text: `: ${citation.invalid}` });
		}
	}
}
