import { Component, setIcon } from "obsidian";

/** What the search box asks its view to do. */
export interface TranscriptSearchActions {
	/** The query changed. */
	search(query: string): void;
	/** Show the next (1) or previous (-1) match. */
	step(direction: 1 | -1): void;
	/** Down arrow in the box: on to the list. */
	focusList(): void;
}

/** The transcript's search box: the query, "3 of 12", previous and next. */
export class TranscriptSearch extends Component {
	/** The toolbar element. */
	readonly el: HTMLElement;
	private input: HTMLInputElement;
	private countEl: HTMLElement;
	private prevButton: HTMLButtonElement;
	private nextButton: HTMLButtonElement;

	constructor(parent: HTMLElement, private actions: TranscriptSearchActions) {
		super();
		this.el = parent.createDiv({ cls: "vc-transcript-search" });
		this.input = this.el.createEl("input", {
			type: "search",
			cls: "vc-transcript-query",
			attr: { placeholder: "Search transcript", "aria-label": "Search transcript", spellcheck: "false" },
		});
		this.countEl = this.el.createSpan({ cls: "vc-transcript-count", attr: { "aria-live": "polite" } });
		this.prevButton = this.el.createEl("button", { cls: "clickable-icon vc-transcript-prev", attr: { "aria-label": "Previous match" } });
		setIcon(this.prevButton, "chevron-up");
		this.nextButton = this.el.createEl("button", { cls: "clickable-icon vc-transcript-next", attr: { "aria-label": "Next match" } });
		setIcon(this.nextButton, "chevron-down");
		this.setCount(0, -1);
	}

	override onload(): void {
		this.registerDomEvent(this.input, "input", () => this.actions.search(this.input.value));
		this.registerDomEvent(this.input, "keydown", (evt) => {
			if (evt.key === "Enter") this.actions.step(evt.shiftKey ? -1 : 1);
			else if (evt.key === "Escape" && this.input.value) {
				this.input.value = "";
				this.actions.search("");
			} else if (evt.key === "ArrowDown") this.actions.focusList();
			else return;
			evt.preventDefault();
			evt.stopPropagation();
		});
		this.registerDomEvent(this.prevButton, "click", () => this.actions.step(-1));
		this.registerDomEvent(this.nextButton, "click", () => this.actions.step(1));
	}

	/** The query as typed. */
	get query(): string {
		return this.input.value;
	}

	/** Shows "`current + 1` of `total`", "No matches", or nothing without a query. */
	setCount(total: number, current: number): void {
		const hasQuery = this.input.value.trim() !== "";
		this.countEl.setText(!hasQuery ? "" : total === 0 ? "No matches" : `${current + 1} of ${total}`);
		this.prevButton.disabled = total < 2;
		this.nextButton.disabled = total < 2;
	}

	/** Puts the keyboard focus in the box. */
	focus(): void {
		this.input.focus();
	}
}
