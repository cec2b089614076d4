/**
 * Obsidian's DOM helpers (`createEl`, `empty`, `setText`, `toggleClass`, `activeDocument`, …),
 * installed on a window's prototypes. The test setup installs them into jsdom and the playground
 * into the real browser, so plugin code runs unchanged in both.
 */

type Attrs = Record<string, string | number | boolean | null>;

/** The subset of Obsidian's `DomElementInfo` the double understands. */
export interface ElInfo {
	cls?: string | string[];
	text?: string | DocumentFragment;
	attr?: Attrs;
	title?: string;
	parent?: Node;
	value?: string;
	type?: string;
	prepend?: boolean;
	placeholder?: string;
	href?: string;
}

function applyInfo(el: HTMLElement, info: ElInfo | string | undefined): void {
	if (info === undefined) return;
	if (typeof info === "string") {
		el.className = info;
		return;
	}
	if (info.cls !== undefined) {
		const classes = Array.isArray(info.cls) ? info.cls : info.cls.split(" ");
		for (const c of classes) if (c) el.classList.add(c);
	}
	if (info.text !== undefined) {
		if (typeof info.text === "string") el.textContent = info.text;
		else el.appendChild(info.text);
	}
	if (info.attr) {
		for (const [k, v] of Object.entries(info.attr)) {
			if (v === null || v === false) el.removeAttribute(k);
			else el.setAttribute(k, v === true ? "" : String(v));
		}
	}
	if (info.title !== undefined) el.title = info.title;
	if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
	if (info.type !== undefined) el.setAttribute("type", info.type);
	if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
	if (info.href !== undefined) el.setAttribute("href", info.href);
	if (info.parent) {
		if (info.prepend) info.parent.insertBefore(el, info.parent.firstChild);
		else info.parent.appendChild(el);
	}
}

/** Installs the helpers into `win` (idempotent). */
export function installDomHelpers(win: Window & typeof globalThis): void {
	const w = win as unknown as Record<string, unknown>;
	if (w.__obsidianDomHelpers) return;
	w.__obsidianDomHelpers = true;
	const doc = win.document;

	function createElIn(ownerDoc: Document, tag: string, info?: ElInfo | string, callback?: (el: HTMLElement) => void): HTMLElement {
		const el = ownerDoc.createElement(tag);
		applyInfo(el, info);
		callback?.(el);
		return el;
	}

	const NodeProto = win.Node.prototype as unknown as Record<string, unknown>;
	NodeProto.createEl = function (this: Node, tag: string, info?: ElInfo | string, callback?: (el: HTMLElement) => void) {
		const ownerDoc = this.ownerDocument ?? (this as unknown as Document);
		const el = createElIn(ownerDoc, tag, info, undefined);
		if (typeof info === "object" && info.prepend) this.insertBefore(el, this.firstChild);
		else this.appendChild(el);
		callback?.(el);
		return el;
	};
	NodeProto.createDiv = function (this: Node, info?: ElInfo | string, callback?: (el: HTMLElement) => void) {
		return (this as unknown as { createEl: (t: string, i?: unknown, c?: unknown) => HTMLElement }).createEl("div", info, callback);
	};
	NodeProto.createSpan = function (this: Node, info?: ElInfo | string, callback?: (el: HTMLElement) => void) {
		return (this as unknown as { createEl: (t: string, i?: unknown, c?: unknown) => HTMLElement }).createEl("span", info, callback);
	};
	NodeProto.empty = function (this: Node) {
		while (this.firstChild) this.removeChild(this.firstChild);
	};
	NodeProto.detach = function (this: Node) {
		this.parentNode?.removeChild(this);
	};
	NodeProto.setText = function (this: Node, text: string | DocumentFragment) {
		if (typeof text === "string") this.textContent = text;
		else {
			(this as unknown as { empty: () => void }).empty();
			this.appendChild(text);
		}
	};
	// Cross-window safe like Obsidian's: a node from a pop-out window is an instance of that window's class of the same name.
	NodeProto.instanceOf = function (this: Node, type: unknown) {
		if (typeof type !== "function") return false;
		if (this instanceof (type as new () => unknown)) return true;
		const own = (this.ownerDocument?.defaultView as unknown as Record<string, unknown> | null | undefined)?.[(type as { name: string }).name];
		return typeof own === "function" && own !== type && this instanceof (own as new () => unknown);
	};
	NodeProto.doc = undefined;
	Object.defineProperty(win.Node.prototype, "doc", {
		configurable: true,
		get(this: Node) {
			return this.ownerDocument ?? this;
		},
	});
	Object.defineProperty(win.Node.prototype, "win", {
		configurable: true,
		get(this: Node) {
			return (this.ownerDocument ?? (this as unknown as Document)).defaultView;
		},
	});

	const ElProto = win.Element.prototype as unknown as Record<string, unknown>;
	ElProto.addClass = function (this: Element, ...classes: string[]) {
		this.classList.add(...classes.filter(Boolean));
	};
	ElProto.addClasses = function (this: Element, classes: string[]) {
		this.classList.add(...classes.filter(Boolean));
	};
	ElProto.removeClass = function (this: Element, ...classes: string[]) {
		this.classList.remove(...classes);
	};
	ElProto.removeClasses = function (this: Element, classes: string[]) {
		this.classList.remove(...classes);
	};
	ElProto.toggleClass = function (this: Element, classes: string | string[], value: boolean) {
		for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
	};
	ElProto.hasClass = function (this: Element, cls: string) {
		return this.classList.contains(cls);
	};
	ElProto.setAttr = function (this: Element, name: string, value: string | number | boolean | null) {
		if (value === null || value === false) this.removeAttribute(name);
		else this.setAttribute(name, value === true ? "" : String(value));
	};
	ElProto.setAttrs = function (this: Element, attrs: Attrs) {
		for (const [k, v] of Object.entries(attrs)) (this as unknown as { setAttr: (k: string, v: unknown) => void }).setAttr(k, v);
	};
	ElProto.getAttr = function (this: Element, name: string) {
		return this.getAttribute(name);
	};
	ElProto.matchParent = function (this: Element, selector: string, lastParent?: Element) {
		const found = this.closest(selector);
		if (!found || (lastParent && lastParent !== found && !lastParent.contains(found))) return null;
		return found;
	};
	ElProto.isShown = function (this: HTMLElement) {
		return this.isConnected && !this.hidden;
	};

	const HtmlProto = win.HTMLElement.prototype as unknown as Record<string, unknown>;
	HtmlProto.show = function (this: HTMLElement) {
		this.hidden = false;
	};
	HtmlProto.hide = function (this: HTMLElement) {
		this.hidden = true;
	};
	HtmlProto.toggle = function (this: HTMLElement, show: boolean) {
		this.hidden = !show;
	};
	HtmlProto.toggleVisibility = function (this: HTMLElement, visible: boolean) {
		this.hidden = !visible;
	};
	// Obsidian's way to set CSS custom properties (the plugin's styles read them), as style properties.
	HtmlProto.setCssProps = function (this: HTMLElement, props: Record<string, string>) {
		for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
	};
	HtmlProto.onClickEvent = function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: AddEventListenerOptions) {
		this.addEventListener("click", listener, options);
	};

	const DocProto = win.Document.prototype as unknown as Record<string, unknown>;
	DocProto.createEl = function (this: Document, tag: string, info?: ElInfo | string, callback?: (el: HTMLElement) => void) {
		return createElIn(this, tag, info, callback);
	};
	const FragProto = win.DocumentFragment.prototype as unknown as Record<string, unknown>;
	FragProto.createEl = NodeProto.createEl;

	w.createEl = (tag: string, info?: ElInfo | string, callback?: (el: HTMLElement) => void) => createElIn(doc, tag, info, callback);
	w.createDiv = (info?: ElInfo | string, callback?: (el: HTMLElement) => void) => createElIn(doc, "div", info, callback);
	w.createSpan = (info?: ElInfo | string, callback?: (el: HTMLElement) => void) => createElIn(doc, "span", info, callback);
	w.createFragment = (callback?: (el: DocumentFragment) => void) => {
		const frag = doc.createDocumentFragment();
		callback?.(frag);
		return frag;
	};
	w.activeWindow = win;
	w.activeDocument = doc;
	w.sleep = (ms: number) => new Promise((resolve) => win.setTimeout(resolve, ms));
	w.nextFrame = () => new Promise((resolve) => win.requestAnimationFrame(() => resolve(undefined)));
}
