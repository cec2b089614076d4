import { Component, setIcon } from "obsidian";
import type { VideoRef } from "../core";
import type { NoteCitations } from "./panelModel";
import { targetElement } from "./targetElement";

/** What the header asks its view to do. */
export interface PanelHeaderActions {
	/** Open the player on the note's video. */
	openPlayer(): void;
	/** Show the citation's line in the note (for the invalid ones listed here). */
	reveal(index: number): void;
}

/** How a video is named in the header: the YouTube id, the file name, or the URL. */
export function videoLabel(video: VideoRef): string {
	switch (video.kind) {
		case "youtube":
			return `YouTube ${video.id}`;
		case "file":
			return video.path.slice(video.path.lastIndexOf("/") + 1);
		case "url":
			return video.url;
	}
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
		this.invalidEl = this.el.createDiv({ cls: "vc-panel-invalid" });
	}

	override onload(): void {
		this.registerDomEvent(this.openButton, "click", () => this.actions.openPlayer());
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

	/** Shows `note`'s name, video, count and invalid citations. */
	update(noteName: string, note: NoteCitations): void {
		this.el.show();
		this.noteEl.show();
		this.noteEl.setText(noteName);
		this.showVideo(note.noteVideo);
		const n = note.citations.length;
		this.countEl.setText(citationCount(n));
		this.countEl.toggle(n > 0);
		this.renderInvalid(note);
	}

	/** Shows a video's whole-vault timeline: the video and "N citations in M notes". */
	updateVault(video: VideoRef | null, citations: number, notes: number): void {
		this.el.show();
		this.noteEl.hide();
		this.showVideo(video);
		this.countEl.setText(`${citationCount(citations)} in ${notes === 1 ? "1 note" : `${notes} notes`}`);
		this.countEl.toggle(citations > 0);
		this.invalidEl.empty();
		this.invalidEl.hide();
	}

	private showVideo(video: VideoRef | null): void {
		this.videoEl.toggle(video !== null);
		if (!video) return;
		const label = videoLabel(video);
		this.videoNameEl.setText(label);
		this.videoNameEl.setAttr("aria-label", label);
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
