import { Modal, Setting, type App } from "obsidian";

/** What a confirmation says before a tool edits a note. */
export interface EditConfirmation {
	/** The modal's title ("Repair timestamps"). */
	title: string;
	/** One sentence on what will happen. */
	intro: string;
	/** What will change, one line each ("Stray bracket in the time: 3"). */
	changes: readonly string[];
	/** What will be left alone, and why. */
	leftAlone: readonly string[];
	/** The confirming button's text ("Repair"). */
	action: string;
}

/**
 * The confirmation shown before a tool edits a note: what will change and what will not, with the
 * tool's button and "Cancel". Closing it any other way (Escape, the close button) cancels.
 */
export class ConfirmEditModal extends Modal {
	private answered = false;

	constructor(
		app: App,
		private confirmation: EditConfirmation,
		private answer: (confirmed: boolean) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		const { confirmation: c, contentEl } = this;
		this.setTitle(c.title);
		contentEl.addClass("vc-confirm");
		contentEl.createEl("p", { text: c.intro });
		if (c.changes.length > 0) {
			const list = contentEl.createEl("ul", { cls: "vc-confirm-changes" });
			for (const line of c.changes) list.createEl("li", { text: line });
		}
		for (const line of c.leftAlone) contentEl.createEl("p", { cls: "vc-confirm-left-alone", text: line });
		new Setting(contentEl)
			.addButton((button) => button.setButtonText(c.action).setCta().onClick(() => this.decide(true)))
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.decide(false)));
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.answered) {
			this.answered = true;
			this.answer(false);
		}
	}

	private decide(confirmed: boolean): void {
		if (this.answered) return;
		this.answered = true;
		this.close();
		this.answer(confirmed);
	}
}

/** Shows the confirmation; resolves `true` when the user confirms, `false` when they cancel or close it. */
export function confirmEdit(app: App, confirmation: EditConfirmation): Promise<boolean> {
	return new Promise((resolve) => new ConfirmEditModal(app, confirmation, resolve).open());
}
