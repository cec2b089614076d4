import { Component, setIcon } from "obsidian";
import type { PanelLayout } from "./panelModel";

/** What the toolbar asks its view to do. */
export interface PanelToolbarActions {
	/** The filter text changed. */
	filter(query: string): void;
	/** Switch between claims under headings and the timeline. */
	toggleLayout(): void;
	/** Open the copy menu. */
	copy(evt: MouseEvent): void;
	/** Down in the filter box moves to the list. */
	focusList(): void;
}

/** The panel's toolbar: the filter box, the layout button (one note only) and the copy button. */
export class PanelToolbar extends Component {
	/** The toolbar element. */
	readonly el: HTMLElement;
	private filterEl: HTMLInputElement;
	private layoutButton: HTMLElement;
	private copyButton: HTMLElement;

	constructor(parent: HTMLElement, private actions: PanelToolbarActions) {
		super();
		this.el = parent.createDiv({ cls: "vc-panel-toolbar" });
		this.filterEl = this.el.createEl("input", {
			type: "search",
			cls: "vc-panel-filter",
			attr: { placeholder: "Filter citations", "aria-label": "Filter citations", spellcheck: "false" },
		});
		this.layoutButton = this.el.createEl("button", { cls: "clickable-icon vc-panel-layout" });
		this.copyButton = this.el.createEl("button", { cls: "clickable-icon vc-panel-copy", attr: { "aria-label": "Copy citations" } });
		setIcon(this.copyButton, "copy");
	}

	override onload(): void {
		this.registerDomEvent(this.filterEl, "input", () => this.actions.filter(this.filterEl.value));
		this.registerDomEvent(this.filterEl, "keydown", (evt) => {
			if (evt.key === "Escape" && this.filterEl.value) {
				this.filterEl.value = "";
				this.actions.filter("");
			} else if (evt.key === "ArrowDown") {
				this.actions.focusList();
			} else return;
			evt.preventDefault();
			evt.stopPropagation();
		});
		this.registerDomEvent(this.layoutButton, "click", () => this.actions.toggleLayout());
		this.registerDomEvent(this.copyButton, "click", (evt) => this.actions.copy(evt));
	}

	/** Shows which layout is on; the button offers the other one. */
	setLayout(layout: PanelLayout): void {
		const timeline = layout === "timeline";
		setIcon(this.layoutButton, timeline ? "list-tree" : "clock");
		this.layoutButton.setAttr("aria-label", timeline ? "Group by heading" : "Sort by time");
		this.layoutButton.setAttr("aria-pressed", String(timeline));
	}

	/** The layout button applies to one note's citations only. */
	showLayoutButton(show: boolean): void {
		this.layoutButton.toggle(show);
	}
}
