import { Component } from "obsidian";
import type { PanelScope } from "./panelModel";

const LABELS: Record<PanelScope, string> = { note: "This note", vault: "Whole vault" };

/** The panel's "This note" / "Whole vault" switch: two pressed-or-not buttons. */
export class ScopeSwitch extends Component {
	/** The switch element. */
	readonly el: HTMLElement;
	private buttons = new Map<PanelScope, HTMLButtonElement>();

	constructor(
		parent: HTMLElement,
		private choose: (scope: PanelScope) => void,
	) {
		super();
		this.el = parent.createDiv({ cls: "vc-panel-scopes", attr: { role: "group", "aria-label": "Show citations of" } });
		for (const scope of ["note", "vault"] as const) {
			this.buttons.set(scope, this.el.createEl("button", { cls: "vc-panel-scope", text: LABELS[scope], attr: { "data-scope": scope } }));
		}
	}

	override onload(): void {
		for (const [scope, button] of this.buttons) this.registerDomEvent(button, "click", () => this.choose(scope));
	}

	/** Shows `scope` as the chosen one. */
	set(scope: PanelScope): void {
		for (const [s, button] of this.buttons) {
			button.toggleClass("is-active", s === scope);
			button.setAttr("aria-pressed", String(s === scope));
		}
	}
}
