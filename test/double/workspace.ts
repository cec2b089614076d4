import { Compartment, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { history, defaultKeymap, historyKeymap } from "@codemirror/commands";
import { Component } from "./component";
import { Events } from "./events";
import { Editor, editorInfoField, editorLivePreviewField, editorEditorField, setLivePreview } from "./editor";
import { renderNote, type PostProcessor, type RenderedSection } from "./markdown";
import { setIcon, setTooltip } from "./ui";
import { debounce } from "./util";

/** How long the double's editor waits after the last keystroke before saving. */
export const SAVE_DELAY_MS = 250;

/** How long a line shown by `setEphemeralState({ line })` in reading view keeps Obsidian's `is-flashing` class. */
export const FLASH_MS = 1500;
import type { TFile, Vault, MetadataCache } from "./vault";

/** The parts of the app a view reaches through `this.app`. */
export interface AppLike {
	vault: Vault;
	metadataCache: MetadataCache;
	workspace: Workspace;
	viewRegistry: Map<string, (leaf: WorkspaceLeaf) => View>;
	markdownPostProcessors: PostProcessor[];
	editorExtensions: Extension[];
	coreEditorExtensions: Extension[];
}

/** Obsidian's `View`: `containerEl` holds a header and the content, as in the app. */
export abstract class View extends Component {
	app: AppLike;
	icon = "document";
	navigation = false;
	containerEl: HTMLElement;
	scope = null;

	constructor(public leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl = leaf.containerEl.ownerDocument.createElement("div");
		this.containerEl.className = "workspace-leaf-content";
	}
	protected async onOpen(): Promise<void> {}
	protected async onClose(): Promise<void> {}
	abstract getViewType(): string;
	abstract getDisplayText(): string;
	getIcon(): string {
		return this.icon;
	}
	getState(): Record<string, unknown> {
		return {};
	}
	async setState(state: unknown, result: { history: boolean }): Promise<void> {}
	getEphemeralState(): Record<string, unknown> {
		return {};
	}
	setEphemeralState(state: unknown): void {}
	onResize(): void {}
	onPaneMenu(): void {}
	/** Double-only: opens the view the way a leaf does. */
	async _open(): Promise<void> {
		this.load();
		await this.onOpen();
	}
	/** Double-only: closes the view the way a leaf does. */
	async _close(): Promise<void> {
		await this.onClose();
		this.unload();
		this.containerEl.detach();
	}
}

/** Obsidian's `ItemView`: a header with actions and a `contentEl`. */
export abstract class ItemView extends View {
	contentEl: HTMLElement;
	headerEl: HTMLElement;
	titleEl: HTMLElement;
	actionsEl: HTMLElement;
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.headerEl = this.containerEl.createDiv({ cls: "view-header" });
		this.titleEl = this.headerEl.createDiv({ cls: "view-header-title" });
		this.actionsEl = this.headerEl.createDiv({ cls: "view-actions" });
		this.contentEl = this.containerEl.createDiv({ cls: "view-content" });
	}
	addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.actionsEl.createEl("a", { cls: "view-action clickable-icon", attr: { "aria-label": title, href: "#" } });
		setIcon(el, icon);
		setTooltip(el, title);
		el.addEventListener("click", (evt) => {
			evt.preventDefault();
			callback(evt);
		});
		return el;
	}
	override async _open(): Promise<void> {
		this.titleEl.setText(this.getDisplayText());
		await super._open();
	}
}

/** The view of an empty leaf. */
export class EmptyView extends ItemView {
	getViewType(): string {
		return "empty";
	}
	getDisplayText(): string {
		return "New tab";
	}
}

/** How a note is shown: reading view, Live Preview or source mode. */
export type NoteMode = "reading" | "live" | "source";

/**
 * Obsidian's `MarkdownView` over a real CodeMirror `EditorView` (with the plugins' registered
 * editor extensions, `editorInfoField`, `editorLivePreviewField` and undo history) and a reading
 * view rendered by `renderNote` with the registered post-processors.
 */
export class MarkdownView extends ItemView {
	file: TFile | null = null;
	editor!: Editor;
	mode: NoteMode = "live";
	editorEl: HTMLElement;
	previewEl: HTMLElement;
	/** Obsidian's reading view of the note: `rerender(true)` renders it again from scratch. */
	previewMode: MarkdownPreviewView;
	private cm: EditorView | null = null;
	private pluginExtensions = new Compartment();
	private previewOwner: Component | null = null;
	/** The reading view's sections and the lines they came from (see `previewMode.applyScroll`). */
	sections: RenderedSection[] = [];
	private saving = false;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.navigation = true;
		this.contentEl.addClass("markdown-view");
		this.editorEl = this.contentEl.createDiv({ cls: "markdown-source-view cm-s-obsidian mod-cm6 is-live-preview" });
		this.previewEl = this.contentEl.createDiv({ cls: "markdown-reading-view markdown-preview-view markdown-rendered" });
		this.previewEl.hidden = true;
		this.previewMode = new MarkdownPreviewView(this);
	}

	getViewType(): string {
		return "markdown";
	}
	getDisplayText(): string {
		return this.file?.basename ?? "No file";
	}
	getMode(): "source" | "preview" {
		return this.mode === "reading" ? "preview" : "source";
	}
	getViewData(): string {
		return this.cm?.state.doc.toString() ?? "";
	}

	/** The CodeMirror view (Obsidian exposes it as `editor.cm`). */
	get editorView(): EditorView | null {
		return this.cm;
	}

	async loadFile(file: TFile): Promise<void> {
		this.file = file;
		this.titleEl.setText(file.basename);
		this.buildEditor(this.app.vault.readSync(file));
		if (this.mode === "reading") this.renderPreview();
		this.registerEvent(this.app.vault.on("modify", (f: TFile) => {
			if (f !== this.file || this.saving) return;
			const text = this.app.vault.readSync(f);
			if (this.cm && this.cm.state.doc.toString() !== text) {
				this.cm.dispatch({ changes: { from: 0, to: this.cm.state.doc.length, insert: text } });
			}
			if (this.mode === "reading") this.renderPreview();
		}));
	}

	/** Switches between reading view, Live Preview and source mode. */
	setMode(mode: NoteMode): void {
		this.mode = mode;
		this.editorEl.hidden = mode === "reading";
		this.previewEl.hidden = mode !== "reading";
		this.editorEl.toggleClass("is-live-preview", mode === "live");
		if (this.cm) this.cm.dispatch({ effects: setLivePreview.of(mode === "live") });
		if (mode === "reading") this.renderPreview();
	}

	/** Re-applies the plugins' editor extensions (what `workspace.updateOptions()` does). */
	reconfigure(): void {
		this.cm?.dispatch({ effects: this.pluginExtensions.reconfigure(this.app.editorExtensions.slice()) });
	}

	renderPreview(): void {
		if (this.previewOwner) this.removeChild(this.previewOwner);
		this.previewOwner = this.addChild(new Component());
		this.previewEl.empty();
		const sizer = this.previewEl.createDiv({ cls: "markdown-preview-sizer markdown-preview-section" });
		this.sections = renderNote(this.getViewData(), sizer, this.file?.path ?? "", this.app.markdownPostProcessors, this.previewOwner);
	}

	/**
	 * Obsidian's ephemeral state: `{ line }` shows that line (0-based), as a search result or a
	 * link to a heading does. Reading view scrolls it into the middle and flashes it
	 * (`is-flashing`); an editor puts the cursor at its start and scrolls it into the middle.
	 */
	override setEphemeralState(state: unknown): void {
		const line = (state as { line?: unknown } | null)?.line;
		if (typeof line !== "number" || !Number.isFinite(line)) return;
		if (this.mode === "reading") {
			this.previewMode.applyScroll(line);
			const el = this.previewMode.elementAt(line);
			if (el) flash(el);
			return;
		}
		if (!this.cm) return;
		const pos = { line: Math.max(0, Math.min(Math.floor(line), this.editor.lastLine())), ch: 0 };
		this.editor.setCursor(pos);
		this.editor.scrollIntoView({ from: pos, to: pos }, true);
	}

	private buildEditor(text: string): void {
		this.cm?.destroy();
		this.editorEl.empty();
		const info = { app: this.app, file: this.file, editor: undefined as Editor | undefined };
		this.cm = new EditorView({
			parent: this.editorEl,
			doc: text,
			extensions: [
				history(),
				keymap.of([...defaultKeymap, ...historyKeymap]),
				EditorView.lineWrapping,
				editorInfoField.init(() => info),
				editorLivePreviewField.init(() => this.mode === "live"),
				editorEditorField.init(() => this.cm),
				this.app.coreEditorExtensions,
				this.pluginExtensions.of(this.app.editorExtensions.slice()),
				EditorView.updateListener.of((update) => {
					if (!update.docChanged || !this.file) return;
					this.requestSave();
					this.app.workspace.trigger("editor-change", this.editor, this);
				}),
			],
		});
		this.editor = new Editor(this.cm);
		info.editor = this.editor;
	}

	/**
	 * Saves what was typed once typing pauses, as Obsidian does (it waits 2 s; the double waits
	 * {@link SAVE_DELAY_MS}), so a keystroke never serialises the whole note.
	 */
	requestSave = debounce(() => this.save(), SAVE_DELAY_MS, true);

	/** Writes the editor's text to the vault now (what a pending `requestSave` would do). */
	save(): void {
		if (!this.file || !this.cm) return;
		const text = this.cm.state.doc.toString();
		if (text === this.app.vault.readSync(this.file)) return;
		this.saving = true;
		this.app.vault.saveFromEditor(this.file, text);
		this.saving = false;
	}

	override onunload(): void {
		this.requestSave.run();
		this.cm?.destroy();
		this.cm = null;
	}
}

/**
 * Obsidian's `MarkdownPreviewView`, the reading view of a `MarkdownView`: `rerender(true)` runs
 * the post-processors over the whole note again. A note shown in an editor is rendered when the
 * view switches to reading (as Obsidian does), so then there is nothing to redo.
 */
export class MarkdownPreviewView {
	/** How many times the reading view was asked to render again (tests read it). */
	rerenders = 0;

	constructor(private readonly view: MarkdownView) {}

	get containerEl(): HTMLElement {
		return this.view.previewEl;
	}

	rerender(full?: boolean): void {
		this.rerenders++;
		if (this.view.mode === "reading") this.view.renderPreview();
	}

	/** The rendered element of source line `line` (0-based): its list item, or its section; the next section when the line is blank. */
	elementAt(line: number): HTMLElement | null {
		const sections = this.view.sections;
		const section = sections.find((s) => line <= s.lineEnd) ?? sections[sections.length - 1];
		if (!section) return null;
		const items = section.itemLines;
		const list = items ? section.el.querySelector<HTMLElement>(":scope > ul, :scope > ol") : null;
		if (!items || !list || list.children.length !== items.length) return section.el;
		let index = 0;
		while (index + 1 < items.length && (items[index + 1] ?? Infinity) <= line) index++;
		return (list.children[index] as HTMLElement | undefined) ?? section.el;
	}

	/** Obsidian's `applyScroll`: scrolls the reading view to source line `line` (here: into the middle). */
	applyScroll(line: number): void {
		const el = this.elementAt(line);
		// jsdom (the unit tests' DOM) has no scrolling.
		if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "center" });
	}
}

const flashTimers = new WeakMap<HTMLElement, number>();

/** Gives `el` Obsidian's `is-flashing` class for {@link FLASH_MS} (from the last call). */
function flash(el: HTMLElement): void {
	const win = el.ownerDocument.defaultView;
	if (!win) return;
	win.clearTimeout(flashTimers.get(el));
	el.addClass("is-flashing");
	flashTimers.set(el, win.setTimeout(() => el.removeClass("is-flashing"), FLASH_MS));
}

/** Obsidian's `WorkspaceLeaf`: a slot holding one view. */
export class WorkspaceLeaf extends Events {
	view: View;
	containerEl: HTMLElement;
	id = Math.random().toString(36).slice(2, 10);
	pinned = false;
	/** The tab group holding this leaf in a sidebar (`null` for a note's or a window's leaf). */
	parent: WorkspaceTabs | null = null;

	constructor(public app: AppLike, public side: "root" | "right" | "left" | "window", doc: Document = activeDocument) {
		super();
		this.containerEl = doc.createElement("div");
		this.containerEl.className = "workspace-leaf";
		this.view = new EmptyView(this);
		this.containerEl.appendChild(this.view.containerEl);
	}

	async setViewState(state: { type: string; active?: boolean; state?: Record<string, unknown> }): Promise<void> {
		const creator = state.type === "markdown" ? (leaf: WorkspaceLeaf) => new MarkdownView(leaf) : this.app.viewRegistry.get(state.type);
		if (!creator) throw new Error(`No view registered for type "${state.type}"`);
		if (this.view.getViewType() !== state.type) {
			await this.view._close();
			this.view = creator(this);
			this.containerEl.appendChild(this.view.containerEl);
			await this.view._open();
		}
		if (state.state) await this.view.setState(state.state, { history: false });
		this.updateHeader();
		if (state.active) this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger("layout-change");
	}

	getViewState(): { type: string; state: Record<string, unknown> } {
		return { type: this.view.getViewType(), state: this.view.getState() };
	}

	async openFile(file: TFile, openState?: { active?: boolean; eState?: unknown }): Promise<void> {
		if (!(this.view instanceof MarkdownView)) await this.setViewState({ type: "markdown" });
		const view = this.view as MarkdownView;
		await view.loadFile(file);
		if (openState?.active !== false) this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger("file-open", file);
		if (openState?.eState) view.setEphemeralState(openState.eState);
	}

	async open(view: View): Promise<View> {
		await this.view._close();
		this.view = view;
		this.containerEl.appendChild(view.containerEl);
		await view._open();
		this.updateHeader();
		return view;
	}

	/** Obsidian's `updateHeader`: redraws the leaf's tab header (its view's icon and display text). */
	updateHeader(): void {
		this.parent?.updateHeader(this);
	}

	detach(): void {
		void this.view._close();
		this.parent?.removeLeaf(this);
		this.containerEl.detach();
		this.app.workspace._removeLeaf(this);
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
	}
	getIcon(): string {
		return this.view.getIcon();
	}
	onResize(): void {
		this.view.onResize();
	}
	setPinned(pinned: boolean): void {
		this.pinned = pinned;
	}
	get isDeferred(): boolean {
		return false;
	}
	async loadIfDeferred(): Promise<void> {}
	/** Double-only: replaces a plugin's view with an empty one when its type is unregistered. */
	async _resetToEmpty(): Promise<void> {
		await this.view._close();
		this.view = new EmptyView(this);
		this.containerEl.appendChild(this.view.containerEl);
		await this.view._open();
		this.updateHeader();
	}
}

/**
 * Obsidian's `WorkspaceTabs`: a tab group of a sidebar. Its `.workspace-tab-header-container`
 * holds one `.workspace-tab-header` per leaf (the view's icon, `aria-label` its display text; a
 * click shows that leaf); only the current tab's leaf is displayed, its header `is-active`.
 */
export class WorkspaceTabs {
	containerEl: HTMLElement;
	tabHeaderContainerEl: HTMLElement;
	tabsContainerEl: HTMLElement;
	children: WorkspaceLeaf[] = [];
	private headers = new Map<WorkspaceLeaf, HTMLElement>();
	private current: WorkspaceLeaf | null = null;

	constructor(public parent: Sidedock) {
		this.containerEl = parent.containerEl.createDiv({ cls: "workspace-tabs" });
		this.tabHeaderContainerEl = this.containerEl.createDiv({ cls: "workspace-tab-header-container" });
		this.tabsContainerEl = this.containerEl.createDiv({ cls: "workspace-tab-container" });
	}

	/** The leaf whose tab is shown. */
	get currentLeaf(): WorkspaceLeaf | null {
		return this.current;
	}

	/** Adds `leaf` as the last tab; it is shown only when it is the group's first (else `selectTab` or `revealLeaf` shows it). */
	addLeaf(leaf: WorkspaceLeaf): void {
		leaf.parent = this;
		this.children.push(leaf);
		const header = this.tabHeaderContainerEl.createDiv({ cls: "workspace-tab-header tappable" });
		header.createDiv({ cls: "workspace-tab-header-inner-icon" });
		header.addEventListener("click", () => this.selectTab(leaf));
		this.headers.set(leaf, header);
		this.tabsContainerEl.appendChild(leaf.containerEl);
		this.updateHeader(leaf);
		if (this.children.length === 1) this.selectTab(leaf);
		else leaf.containerEl.hidden = true;
	}

	/** Shows `leaf` and hides the group's other leaves. */
	selectTab(leaf: WorkspaceLeaf): void {
		if (!this.children.includes(leaf)) return;
		const changed = this.current !== leaf;
		this.current = leaf;
		for (const child of this.children) {
			child.containerEl.hidden = child !== leaf;
			this.headers.get(child)?.toggleClass("is-active", child === leaf);
		}
		if (changed) leaf.onResize();
	}

	/** Redraws `leaf`'s tab header from its view. */
	updateHeader(leaf: WorkspaceLeaf): void {
		const header = this.headers.get(leaf);
		if (!header) return;
		header.dataset.type = leaf.view.getViewType();
		header.setAttribute("aria-label", leaf.getDisplayText());
		const icon = header.querySelector<HTMLElement>(".workspace-tab-header-inner-icon");
		if (icon) setIcon(icon, leaf.getIcon());
	}

	/** Removes `leaf`'s tab (showing a neighbour if it was shown), and the group once it is empty. */
	removeLeaf(leaf: WorkspaceLeaf): void {
		const index = this.children.indexOf(leaf);
		if (index < 0) return;
		this.children.splice(index, 1);
		this.headers.get(leaf)?.detach();
		this.headers.delete(leaf);
		leaf.parent = null;
		leaf.containerEl.hidden = false;
		if (this.current === leaf) {
			this.current = null;
			const next = this.children[Math.min(index, this.children.length - 1)];
			if (next) this.selectTab(next);
		}
		if (this.children.length === 0) this.parent.removeTabs(this);
	}
}

/**
 * A sidebar as far as plugins touch it: a vertical split of tab groups ({@link WorkspaceTabs}), top
 * to bottom. Its element carries `is-collapsed` while collapsed, so the playground can draw a
 * phone's sidebar as a drawer that opens over the note.
 */
export class Sidedock {
	collapsed = false;
	children: WorkspaceTabs[] = [];
	constructor(public containerEl: HTMLElement) {}
	/** Double-only: a new, empty tab group below the others. */
	addTabs(): WorkspaceTabs {
		const tabs = new WorkspaceTabs(this);
		this.children.push(tabs);
		return tabs;
	}
	/** Double-only: removes an (empty) tab group. */
	removeTabs(tabs: WorkspaceTabs): void {
		this.children = this.children.filter((t) => t !== tabs);
		tabs.containerEl.detach();
	}
	expand(): void {
		this.setCollapsed(false);
	}
	collapse(): void {
		this.setCollapsed(true);
	}
	toggle(): void {
		this.setCollapsed(!this.collapsed);
	}
	private setCollapsed(collapsed: boolean): void {
		this.collapsed = collapsed;
		this.containerEl.toggleClass("is-collapsed", collapsed);
	}
}

/** A pop-out window of the workspace, as Obsidian's `WorkspaceWindow`: its window and document. */
export class WorkspaceWindow {
	readonly win: Window;

	constructor(readonly doc: Document) {
		this.win = doc.defaultView as Window;
	}
}

/**
 * Obsidian's `Workspace` over real DOM: a root split for notes, left and right sidebars, and
 * pop-out windows (leaves whose `containerEl` lives in another document, given by `popoutDocument`).
 */
export class Workspace extends Events {
	containerEl: HTMLElement;
	rootSplit: { containerEl: HTMLElement; win: Window; doc: Document };
	rightSplit: Sidedock;
	leftSplit: Sidedock;
	leftRibbon: { containerEl: HTMLElement };
	activeLeaf: WorkspaceLeaf | null = null;
	layoutReady = false;
	leaves: WorkspaceLeaf[] = [];
	private popout: WorkspaceWindow | null = null;
	private lastActiveFile: TFile | null = null;
	private readyCallbacks: (() => unknown)[] = [];

	constructor(public app: AppLike, doc: Document = activeDocument) {
		super();
		this.containerEl = doc.createElement("div");
		this.containerEl.className = "workspace";
		this.leftRibbon = { containerEl: this.containerEl.createDiv({ cls: "workspace-ribbon side-dock-ribbon mod-left" }) };
		this.leftSplit = new Sidedock(this.containerEl.createDiv({ cls: "workspace-split mod-left-split" }));
		const root = this.containerEl.createDiv({ cls: "workspace-split mod-vertical mod-root" });
		this.rootSplit = { containerEl: root, win: doc.defaultView as Window, doc };
		this.rightSplit = new Sidedock(this.containerEl.createDiv({ cls: "workspace-split mod-right-split" }));
	}

	/**
	 * Where pop-out leaves are created; the playground points it at a second document. Setting one
	 * opens a pop-out window as Obsidian does: `window-open` fires with a `WorkspaceWindow` (its
	 * `win` and `doc`) and the window; setting `null` (or another one) closes it with `window-close`.
	 */
	get popoutDocument(): Document | null {
		return this.popout?.doc ?? null;
	}

	set popoutDocument(doc: Document | null) {
		if (doc === this.popoutDocument) return;
		const old = this.popout;
		this.popout = null;
		if (old) this.trigger("window-close", old, old.win);
		if (!doc) return;
		const opened = new WorkspaceWindow(doc);
		this.popout = opened;
		this.trigger("window-open", opened, opened.win);
	}

	get activeEditor(): MarkdownView | null {
		return this.activeLeaf?.view instanceof MarkdownView ? this.activeLeaf.view : null;
	}

	onLayoutReady(cb: () => unknown): void {
		if (this.layoutReady) window.setTimeout(() => cb(), 0);
		else this.readyCallbacks.push(cb);
	}

	/** Double-only: marks the layout ready and runs the queued callbacks. */
	triggerLayoutReady(): void {
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
	}

	/**
	 * A new leaf: in a sidebar, a tab of its last tab group (`split`: of a new group below the
	 * others; a first group when it has none), as Obsidian's `getRightLeaf`/`getLeftLeaf` do.
	 */
	private addLeaf(side: WorkspaceLeaf["side"], split = false): WorkspaceLeaf {
		const doc = side === "window" ? (this.popoutDocument ?? this.rootSplit.doc) : this.rootSplit.doc;
		const leaf = new WorkspaceLeaf(this.app, side, doc);
		this.leaves.push(leaf);
		if (side === "right" || side === "left") {
			const dock = side === "right" ? this.rightSplit : this.leftSplit;
			const tabs = (!split && dock.children[dock.children.length - 1]) || dock.addTabs();
			tabs.addLeaf(leaf);
			return leaf;
		}
		const parent = side === "window" ? (this.popoutDocument?.body ?? this.rootSplit.containerEl) : this.rootSplit.containerEl;
		parent.appendChild(leaf.containerEl);
		return leaf;
	}

	getLeaf(newLeaf?: boolean | "tab" | "split" | "window"): WorkspaceLeaf {
		if (newLeaf === "window") return this.addLeaf("window");
		if (!newLeaf) {
			const current = this.activeLeaf && this.activeLeaf.side === "root" ? this.activeLeaf : this.leaves.find((l) => l.side === "root");
			if (current) return current;
		}
		return this.addLeaf("root");
	}

	/** A new leaf in the right sidebar: a tab of its last tab group, or (`split`) a new group below. */
	getRightLeaf(split: boolean): WorkspaceLeaf {
		return this.addLeaf("right", split);
	}

	/** A new leaf in the left sidebar: a tab of its last tab group, or (`split`) a new group below. */
	getLeftLeaf(split: boolean): WorkspaceLeaf {
		return this.addLeaf("left", split);
	}

	openPopoutLeaf(): WorkspaceLeaf {
		return this.addLeaf("window");
	}

	createLeafBySplit(leaf: WorkspaceLeaf): WorkspaceLeaf {
		return this.addLeaf(leaf.side, true);
	}

	/**
	 * Obsidian's `ensureSideLeaf`: the first leaf of `type`, or a new one in the sidebar (a tab of
	 * its last group; `split`: a new group below), revealed unless `reveal` is false.
	 */
	async ensureSideLeaf(type: string, side: "left" | "right", options: { active?: boolean; split?: boolean; reveal?: boolean } = {}): Promise<WorkspaceLeaf> {
		const existing = this.getLeavesOfType(type)[0];
		const leaf = existing ?? (side === "right" ? this.getRightLeaf(options.split ?? false) : this.getLeftLeaf(options.split ?? false));
		if (!existing) await leaf.setViewState({ type, active: options.active });
		if (options.reveal !== false) await this.revealLeaf(leaf);
		return leaf;
	}

	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view.getViewType() === type);
	}

	detachLeavesOfType(type: string): void {
		for (const leaf of this.getLeavesOfType(type)) leaf.detach();
	}

	iterateAllLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of [...this.leaves]) cb(leaf);
	}

	iterateRootLeaves(cb: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of this.leaves.filter((l) => l.side === "root" || l.side === "window")) cb(leaf);
	}

	/** Shows `leaf`: the front tab of its group, its sidebar expanded. */
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		if (leaf.side === "right") this.rightSplit.expand();
		if (leaf.side === "left") this.leftSplit.expand();
		leaf.parent?.selectTab(leaf);
	}

	setActiveLeaf(leaf: WorkspaceLeaf, params?: { focus?: boolean }): void {
		if (this.activeLeaf === leaf) return;
		this.activeLeaf = leaf;
		if (leaf.view instanceof MarkdownView && leaf.view.file) this.lastActiveFile = leaf.view.file;
		this.trigger("active-leaf-change", leaf);
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	getActiveFile(): TFile | null {
		const view = this.activeLeaf?.view;
		if (view instanceof MarkdownView) return view.file;
		return this.lastActiveFile && this.app.vault.getFileByPath(this.lastActiveFile.path) ? this.lastActiveFile : null;
	}

	getMostRecentLeaf(): WorkspaceLeaf | null {
		return this.leaves.find((l) => l.view instanceof MarkdownView && l.view.file === this.lastActiveFile) ?? null;
	}

	/** Re-applies registered editor extensions to every open editor. */
	updateOptions(): void {
		for (const leaf of this.leaves) if (leaf.view instanceof MarkdownView) leaf.view.reconfigure();
	}

	/** Double-only: takes `leaf` out of its sidebar tab group (as a tab dragged out to a window). */
	_takeOutOfTabs(leaf: WorkspaceLeaf): void {
		leaf.parent?.removeLeaf(leaf);
	}

	/** Double-only: forgets a detached leaf. */
	_removeLeaf(leaf: WorkspaceLeaf): void {
		this.leaves = this.leaves.filter((l) => l !== leaf);
		if (this.activeLeaf === leaf) this.activeLeaf = null;
		this.trigger("layout-change");
	}

	/** Double-only: opens `file` in a new root leaf and makes it active. */
	async openNote(file: TFile, mode: NoteMode = "live"): Promise<MarkdownView> {
		const leaf = this.addLeaf("root");
		await leaf.setViewState({ type: "markdown" });
		const view = leaf.view as MarkdownView;
		await leaf.openFile(file);
		view.setMode(mode);
		return view;
	}
}
