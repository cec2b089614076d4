import { Component } from "./component";

/** Obsidian's `Notice`; every message shown is kept in `Notice.shown` for tests to read. */
export class Notice {
	/** Messages of every notice shown since the last `Notice.reset()`. */
	static shown: string[] = [];
	noticeEl: HTMLElement;
	messageEl: HTMLElement;
	containerEl: HTMLElement;

	constructor(message: string | DocumentFragment, public duration?: number) {
		this.containerEl = createDiv({ cls: "notice-container" });
		this.noticeEl = this.containerEl.createDiv({ cls: "notice" });
		this.messageEl = this.noticeEl.createDiv({ cls: "notice-message" });
		this.setMessage(message);
		Notice.shown.push(this.messageEl.textContent ?? "");
		Notice.onShow?.(this);
	}

	/** The playground sets this to put notices on the page. */
	static onShow: ((notice: Notice) => void) | null = null;

	static reset(): void {
		Notice.shown = [];
	}

	setMessage(message: string | DocumentFragment): this {
		this.messageEl.empty();
		if (typeof message === "string") this.messageEl.setText(message);
		else this.messageEl.appendChild(message);
		return this;
	}

	hide(): void {
		this.containerEl.detach();
	}
}

/**
 * Obsidian's `setIcon`: draws icon `iconId` as an outline SVG the tests can read back
 * (`data-icon`). An id the double has no glyph for draws a dashed box with a question mark and
 * `data-icon-missing`, so a missing icon shows on the page instead of a blank button.
 */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	const glyph = ICON_GLYPHS[iconId];
	const svg = drawIcon(parent.ownerDocument, iconId, glyph ?? MISSING_GLYPH);
	if (glyph === undefined) {
		svg.setAttribute("data-icon-missing", "");
		svg.firstElementChild?.setAttribute("stroke-dasharray", "2 2");
	}
	parent.appendChild(svg);
}

/** Obsidian's `getIcon`: the icon as an SVG element, or `null` for an id it does not know. */
export function getIcon(iconId: string): SVGSVGElement | null {
	const glyph = ICON_GLYPHS[iconId];
	return glyph === undefined ? null : drawIcon(activeDocument, iconId, glyph);
}

/** Obsidian's `getIconIds`: every icon id `setIcon` draws. */
export function getIconIds(): string[] {
	return Object.keys(ICON_GLYPHS);
}

function drawIcon(doc: Document, iconId: string, glyph: string): SVGSVGElement {
	const svg = doc.createElementNS("http://www.w3.org/2000/svg", "svg");
	svg.setAttribute("class", `svg-icon lucide-${iconId}`);
	svg.setAttribute("data-icon", iconId);
	svg.setAttribute("viewBox", "0 0 24 24");
	svg.setAttribute("width", "16");
	svg.setAttribute("height", "16");
	const path = doc.createElementNS("http://www.w3.org/2000/svg", "path");
	path.setAttribute("d", glyph);
	path.setAttribute("fill", "none");
	path.setAttribute("stroke", "currentColor");
	path.setAttribute("stroke-width", "2");
	path.setAttribute("stroke-linecap", "round");
	path.setAttribute("stroke-linejoin", "round");
	svg.appendChild(path);
	return svg;
}

/** What an unknown icon id draws: a dashed box around a question mark. */
const MISSING_GLYPH = "M4 4h16v16H4zM9.5 9.5a2.5 2.5 0 115 0c0 1.5-2.5 2-2.5 3.5M12 16.5v.5";

/** A few outline glyphs so the playground's buttons are recognisable (not Lucide's artwork). */
const ICON_GLYPHS: Record<string, string> = {
	play: "M7 4l13 8-13 8z",
	minus: "M5 12h14",
	plus: "M12 5v14M5 12h14",
	repeat: "M17 2l4 4-4 4M3 11v-1a4 4 0 0 1 4-4h14M7 22l-4-4 4-4M21 13v1a4 4 0 0 1-4 4H3",
	camera: "M14.5 4h-5L7 7H4a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V9a2 2 0 0 0-2-2h-3zM12 10a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
	pause: "M7 4v16M17 4v16",
	"list-video": "M3 5h11M3 11h11M3 17h7M16 13l5 3-5 3z",
	"youtube": "M3 7c0-2 1-3 3-3h12c2 0 3 1 3 3v10c0 2-1 3-3 3H6c-2 0-3-1-3-3zM10 9l5 3-5 3z",
	"external-link": "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 01-1 1H5a1 1 0 01-1-1V7a1 1 0 011-1h5",
	"refresh-cw": "M20 5v5h-5M4 19v-5h5M6 9a7 7 0 0112-2l2 3M18 15a7 7 0 01-12 2l-2-3",
	search: "M11 4a7 7 0 100 14 7 7 0 000-14zM21 21l-5-5",
	x: "M6 6l12 12M18 6L6 18",
	"chevron-down": "M6 9l6 6 6-6",
	"chevron-up": "M6 15l6-6 6 6",
	"chevron-right": "M9 6l6 6-6 6",
	crosshair: "M12 2v4M12 18v4M2 12h4M18 12h4M12 8a4 4 0 100 8 4 4 0 000-8z",
	brackets: "M8 4H5v16h3M16 4h3v16h-3",
	captions: "M3 5h18v14H3zM7 15h4M13 15h4M7 11h2M11 11h6",
	quote: "M5 8h5v5H7l-2 4M14 8h5v5h-3l-2 4",
	"square-split-horizontal": "M4 4h16v16H4zM12 4v16",
	"clock": "M12 3a9 9 0 100 18 9 9 0 000-18zM12 7v5l3 3",
	"alert-triangle": "M12 3l10 18H2zM12 10v4M12 17v1",
	"triangle-alert": "M12 3l10 18H2zM12 10v4M12 17v1",
	"rewind": "M11 6l-8 6 8 6zM21 6l-8 6 8 6z",
	"fast-forward": "M3 6l8 6-8 6zM13 6l8 6-8 6z",
	"copy": "M8 8h12v12H8zM4 16V4h12",
	"link": "M10 14a4 4 0 006 0l3-3a4 4 0 00-6-6l-1 1M14 10a4 4 0 00-6 0l-3 3a4 4 0 006 6l1-1",
	"film": "M4 3h16v18H4zM8 3v18M16 3v18M4 8h4M4 16h4M16 8h4M16 16h4",
	"maximize-2": "M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7",
	"minimize-2": "M4 14h6v6M20 10h-6V4M14 10l7-7M3 21l7-7",
	"pin": "M12 17v5M8 3h8l-1 6 3 4H6l3-4z",
	"list-tree": "M21 6H8M21 12h-8M21 18h-8M3 4v12a2 2 0 002 2h3M3 10a2 2 0 002 2h3",
	"wrench": "M14.5 3.5a5 5 0 00-4.8 6.6L3.5 16.3a2 2 0 002.8 2.8l6.2-6.2a5 5 0 006.6-4.8l-3 1.5-2.5-2.5z",
	"skip-forward": "M5 5l10 7-10 7zM19 5v14",
	"skip-back": "M19 19L9 12l10-7zM5 19V5",
	"info": "M12 3a9 9 0 100 18 9 9 0 000-18zM12 16v-5M12 8h.01",
	// Property types in the playground's properties block.
	"text": "M4 6h16M4 12h16M4 18h10",
	"list": "M9 6h12M9 12h12M9 18h12M4 6h.01M4 12h.01M4 18h.01",
	"binary": "M4 9h16M4 15h16M10 3L8 21M16 3l-2 18",
	"check-square": "M9 11l3 3 8-8M20 12v7a1 1 0 01-1 1H5a1 1 0 01-1-1V5a1 1 0 011-1h11",
};

/** Sets `aria-label`, which Obsidian shows as a tooltip. */
export function setTooltip(el: HTMLElement, tooltip: string): void {
	el.setAttribute("aria-label", tooltip);
	el.setAttribute("data-tooltip-position", "top");
}

/** One entry of a {@link Menu}. */
export class MenuItem {
	title = "";
	icon: string | null = null;
	disabled = false;
	checked = false;
	section = "";
	callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	setTitle(title: string | DocumentFragment): this {
		this.title = typeof title === "string" ? title : (title.textContent ?? "");
		return this;
	}
	setIcon(icon: string | null): this {
		this.icon = icon;
		return this;
	}
	setChecked(checked: boolean | null): this {
		this.checked = !!checked;
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
	setSection(section: string): this {
		this.section = section;
		return this;
	}
	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.callback = callback;
		return this;
	}
}

/** Obsidian's context `Menu`; the last one shown is kept in `Menu.lastShown` for tests. */
export class Menu extends Component {
	/** The menu most recently shown. */
	static lastShown: Menu | null = null;
	items: MenuItem[] = [];

	addItem(cb: (item: MenuItem) => unknown): this {
		const item = new MenuItem();
		cb(item);
		this.items.push(item);
		return this;
	}
	addSeparator(): this {
		return this;
	}
	showAtMouseEvent(evt: MouseEvent): this {
		Menu.lastShown = this;
		Menu.onShow?.(this, evt.clientX, evt.clientY);
		return this;
	}
	showAtPosition(pos: { x: number; y: number }): this {
		Menu.lastShown = this;
		Menu.onShow?.(this, pos.x, pos.y);
		return this;
	}
	hide(): this {
		if (Menu.lastShown === this) Menu.lastShown = null;
		return this;
	}
	/** Test helper: clicks the item with this title. */
	click(title: string): void {
		const item = this.items.find((i) => i.title === title);
		if (!item) throw new Error(`No menu item "${title}" in [${this.items.map((i) => i.title).join(", ")}]`);
		item.callback?.(new MouseEvent("click"));
	}
	/** The playground sets this to draw menus on the page. */
	static onShow: ((menu: Menu, x: number, y: number) => void) | null = null;
}

/** A control added to a {@link Setting}; tests drive it with `setValue` and read `getValue`. */
class ValueControl<T> {
	private listeners: ((value: T) => unknown)[] = [];
	constructor(public el: HTMLElement, protected read: () => T, protected write: (v: T) => void) {}
	get inputEl(): HTMLInputElement {
		return this.el as HTMLInputElement;
	}
	get selectEl(): HTMLSelectElement {
		return this.el as HTMLSelectElement;
	}
	get toggleEl(): HTMLElement {
		return this.el;
	}
	getValue(): T {
		return this.read();
	}
	setValue(value: T): this {
		this.write(value);
		return this;
	}
	onChange(cb: (value: T) => unknown): this {
		this.listeners.push(cb);
		return this;
	}
	setPlaceholder(text: string): this {
		this.el.setAttribute("placeholder", text);
		return this;
	}
	setLimits(min: number, max: number, step: number | "any"): this {
		this.el.setAttribute("min", String(min));
		this.el.setAttribute("max", String(max));
		this.el.setAttribute("step", String(step));
		return this;
	}
	setDynamicTooltip(): this {
		return this;
	}
	addOption(value: string, display: string): this {
		this.el.createEl("option", { text: display, attr: { value } });
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [v, d] of Object.entries(options)) this.addOption(v, d);
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.el.toggleClass("is-disabled", disabled);
		return this;
	}
	/** Test helper: the user changes the value. */
	async userSets(value: T): Promise<void> {
		this.write(value);
		for (const l of this.listeners) await l(value);
	}
}

/** A button added to a {@link Setting}. */
class ButtonControl {
	private cb: ((evt: MouseEvent) => unknown) | null = null;
	constructor(public buttonEl: HTMLButtonElement) {
		buttonEl.addEventListener("click", (evt) => void this.cb?.(evt));
	}
	setButtonText(text: string): this {
		this.buttonEl.setText(text);
		return this;
	}
	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}
	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}
	setIcon(icon: string): this {
		setIcon(this.buttonEl, icon);
		return this;
	}
	setTooltip(tooltip: string): this {
		setTooltip(this.buttonEl, tooltip);
		return this;
	}
	onClick(cb: (evt: MouseEvent) => unknown): this {
		this.cb = cb;
		return this;
	}
}

/** Obsidian's `Setting` row; its controls are kept in `components` for tests. */
export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: (ValueControl<unknown> | ButtonControl)[] = [];

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
	}
	setName(name: string | DocumentFragment): this {
		this.nameEl.setText(name);
		return this;
	}
	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}
	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}
	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}
	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass("is-disabled", disabled);
		return this;
	}
	private add<T>(control: ValueControl<T>, cb: (c: ValueControl<T>) => unknown, userEvent?: [string, () => T]): this {
		this.components.push(control as ValueControl<unknown>);
		// A person using the control (in the playground) changes it as `userSets` does in tests.
		if (userEvent) control.el.addEventListener(userEvent[0], () => void control.userSets(userEvent[1]()));
		cb(control);
		return this;
	}
	addToggle(cb: (c: ValueControl<boolean>) => unknown): this {
		const el = this.controlEl.createDiv({ cls: "checkbox-container" });
		return this.add(
			new ValueControl<boolean>(
				el,
				() => el.hasClass("is-enabled"),
				(v) => el.toggleClass("is-enabled", v),
			),
			cb,
			["click", () => !el.hasClass("is-enabled")],
		);
	}
	addText(cb: (c: ValueControl<string>) => unknown): this {
		const el = this.controlEl.createEl("input", { type: "text" });
		return this.add(
			new ValueControl<string>(
				el,
				() => el.value,
				(v) => (el.value = v),
			),
			cb,
			["input", () => el.value],
		);
	}
	addDropdown(cb: (c: ValueControl<string>) => unknown): this {
		const el = this.controlEl.createEl("select", { cls: "dropdown" });
		return this.add(
			new ValueControl<string>(
				el,
				() => el.value,
				(v) => (el.value = v),
			),
			cb,
			["change", () => el.value],
		);
	}
	addSlider(cb: (c: ValueControl<number>) => unknown): this {
		const el = this.controlEl.createEl("input", { type: "range" });
		return this.add(
			new ValueControl<number>(
				el,
				() => Number(el.value),
				(v) => (el.value = String(v)),
			),
			cb,
			["input", () => Number(el.value)],
		);
	}
	addButton(cb: (c: ButtonControl) => unknown): this {
		const control = new ButtonControl(this.controlEl.createEl("button"));
		this.components.push(control);
		cb(control);
		return this;
	}
	addExtraButton(cb: (c: ButtonControl) => unknown): this {
		const control = new ButtonControl(this.controlEl.createEl("button", { cls: "clickable-icon" }));
		this.components.push(control);
		cb(control);
		return this;
	}
	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}
}

/** Obsidian's `Modal`, opened into the active document. */
export class Modal {
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	/** Modals currently open, for tests. */
	static open: Modal[] = [];

	constructor(public app: unknown) {
		this.containerEl = createDiv({ cls: "modal-container" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}
	open(): void {
		activeDocument.body.appendChild(this.containerEl);
		Modal.open.push(this);
		this.onOpen();
	}
	close(): void {
		this.containerEl.detach();
		Modal.open = Modal.open.filter((m) => m !== this);
		this.onClose();
	}
	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}
	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}
	onOpen(): void {}
	onClose(): void {}
}

