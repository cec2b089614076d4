import { debounce, ItemView, MarkdownView, Notice, setIcon, type TAbstractFile, type TFile, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { extractCitations, videoKey } from "../core";
import type { PlaybackState } from "../player/types";
import type { PluginServices } from "../services";
import { CitationList } from "./CitationList";
import { showCitationMenu, type ClipboardWriter } from "./citationMenu";
import { PanelHeader } from "./PanelHeader";
import { citationVideo, NoteCitations, type PanelLayout } from "./panelModel";
import { revealInNote, spotOf } from "./revealInNote";

/** The citations panel's view type. */
export const VIEW_TYPE_CITATIONS = "video-citations-panel";

/** What the panel says when there is nothing (or nothing playable) to list. */
export const PANEL_MESSAGES = {
	noNote: "Open a note to see its citations.",
	noVideo: "This note names no video. Add videoId: … or video: … to its properties.",
	noCitations: "No timestamps in this note yet. Use the insert timestamp command while the video plays.",
} as const;

/** What the panel needs from the plugin besides its leaf. */
export interface CitationsPanelDeps {
	services: PluginServices;
	clipboard: ClipboardWriter;
}

/**
 * The citations panel: every citation of the active note as rows of claims under their headings
 * (or a timeline), which seek the player, show their line in the note, follow playback and stay
 * current as the note is edited. See issue 7.
 */
export class CitationsView extends ItemView {
	private file: TFile | null = null;
	private text = "";
	private note: NoteCitations | null = null;
	private layout: PanelLayout = "claims";
	private query = "";
	private generation = 0;
	private header!: PanelHeader;
	private toolbarEl!: HTMLElement;
	private filterEl!: HTMLInputElement;
	private layoutButton: HTMLElement | null = null;
	private messageEl!: HTMLElement;
	private filterStatusEl!: HTMLElement;
	private list!: CitationList;
	/** Re-reads the shown note once edits pause (issue 7: debounced, this note only). */
	private readonly refresh = debounce(() => void this.reload(true), 300, true);

	constructor(leaf: WorkspaceLeaf, private deps: CitationsPanelDeps) {
		super(leaf);
		this.icon = "list-video";
	}

	getViewType(): string {
		return VIEW_TYPE_CITATIONS;
	}

	getDisplayText(): string {
		return "Citations";
	}

	/** The note the panel shows, if any. */
	get shownFile(): TFile | null {
		return this.file;
	}

	/** The rows' list (tests and the benchmark read it). */
	get citationList(): CitationList {
		return this.list;
	}

	override getState(): Record<string, unknown> {
		return { ...super.getState(), layout: this.layout };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const layout = (state as { layout?: unknown } | null)?.layout;
		if (layout === "claims" || layout === "timeline") this.setLayout(layout);
		await super.setState(state, result);
	}

	protected override onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("vc-panel");
		this.header = this.addChild(new PanelHeader(root, { openPlayer: () => this.openPlayer(), reveal: (i) => this.reveal(i) }));
		this.toolbarEl = root.createDiv({ cls: "vc-panel-toolbar" });
		this.filterEl = this.toolbarEl.createEl("input", {
			type: "search",
			cls: "vc-panel-filter",
			attr: { placeholder: "Filter citations", "aria-label": "Filter citations", spellcheck: "false" },
		});
		const layoutButton = this.toolbarEl.createEl("button", { cls: "clickable-icon vc-panel-layout" });
		this.layoutButton = layoutButton;
		this.messageEl = root.createDiv({ cls: "vc-panel-message" });
		this.filterStatusEl = root.createDiv({ cls: "vc-panel-message vc-panel-filter-status" });
		this.list = this.addChild(
			new CitationList(root, {
				seek: (i) => this.seek(i),
				reveal: (i) => this.reveal(i),
				menu: (i, evt) => this.showMenu(i, evt),
			}),
		);
		this.updateLayoutButton();
		this.registerEvents();
		this.registerDomEvent(layoutButton, "click", () => this.setLayout(this.layout === "claims" ? "timeline" : "claims"));
		this.renderEmpty();
		this.followActiveNote();
		return Promise.resolve();
	}

	private registerEvents(): void {
		const { workspace, vault, metadataCache } = this.app;
		const follow = () => this.followActiveNote();
		this.registerEvent(workspace.on("active-leaf-change", follow));
		this.registerEvent(workspace.on("file-open", follow));
		this.registerEvent(workspace.on("layout-change", follow));
		this.registerEvent(workspace.on("editor-change", (_editor, info) => this.noteChanged(info.file)));
		this.registerEvent(vault.on("modify", (file) => this.noteChanged(file)));
		this.registerEvent(metadataCache.on("changed", (file) => this.noteChanged(file)));
		this.registerEvent(vault.on("rename", (file) => this.noteChanged(file)));
		this.registerEvent(vault.on("delete", (file) => {
			if (this.isShown(file)) this.showNote(null);
		}));
		this.register(() => this.refresh.cancel());
		this.register(this.deps.services.playback.subscribe((state) => this.followPlayback(state, true)));
		this.registerDomEvent(this.filterEl, "input", () => this.setQuery(this.filterEl.value));
		this.registerDomEvent(this.filterEl, "keydown", (evt) => {
			if (evt.key === "Escape" && this.filterEl.value) {
				this.filterEl.value = "";
				this.setQuery("");
			} else if (evt.key === "ArrowDown") {
				this.list.focusFirst();
			} else return;
			evt.preventDefault();
			evt.stopPropagation();
		});
	}

	private isShown(file: TAbstractFile | null | undefined): boolean {
		return !!file && !!this.file && file.path === this.file.path;
	}

	private noteChanged(file: TAbstractFile | null | undefined): void {
		if (this.isShown(file)) this.refresh();
	}

	/** The markdown view showing `file`, if one is open. */
	private openView(file: TFile): MarkdownView | null {
		for (const leaf of this.app.workspace.getLeavesOfType("markdown")) {
			if (leaf.view instanceof MarkdownView && leaf.view.file?.path === file.path) return leaf.view;
		}
		return null;
	}

	/**
	 * Shows the active markdown note. When the panel itself or another non-note view becomes
	 * active, keeps showing the last note while it is still open.
	 */
	private followActiveNote(): void {
		const { workspace } = this.app;
		const active = workspace.getActiveViewOfType(MarkdownView)?.file ?? workspace.getActiveFile();
		if (active && active.extension === "md" && this.openView(active)) this.showNote(active);
		else if (!this.file || !this.openView(this.file)) this.showNote(null);
	}

	private showNote(file: TFile | null): void {
		if (file === this.file && (file === null || this.note)) return;
		this.file = file;
		this.note = null;
		this.refresh.cancel();
		void this.reload(false);
	}

	/** Re-reads the shown note (from its editor when open, which is ahead of the saved file) and re-renders. */
	private async reload(keep: boolean): Promise<void> {
		const generation = ++this.generation;
		const file = this.file;
		if (!file) return this.renderEmpty();
		let text: string;
		try {
			text = this.openView(file)?.getViewData() ?? (await this.app.vault.cachedRead(file));
		} catch {
			text = "";
		}
		if (generation !== this.generation || file !== this.file) return;
		const video = this.deps.services.notes.videoFor(file.path);
		const old = this.note?.noteVideo;
		const sameVideo = old === video || (!!old && !!video && videoKey(old) === videoKey(video));
		if (keep && this.note && text === this.text && sameVideo) {
			this.header.update(file.basename, this.note);
			return;
		}
		this.text = text;
		this.note = new NoteCitations(extractCitations(text), video);
		this.render(keep);
	}

	private renderEmpty(): void {
		this.note = null;
		this.text = "";
		this.header.hide();
		this.toolbarEl.hide();
		this.filterStatusEl.hide();
		this.messageEl.show();
		this.messageEl.setText(PANEL_MESSAGES.noNote);
		this.list.clear();
	}

	private render(keep: boolean): void {
		const note = this.note;
		if (!note || !this.file) return this.renderEmpty();
		this.header.update(this.file.basename, note);
		const message = !note.noteVideo ? PANEL_MESSAGES.noVideo : note.citations.length === 0 ? PANEL_MESSAGES.noCitations : "";
		this.messageEl.setText(message);
		this.messageEl.toggle(message !== "");
		this.toolbarEl.toggle(note.citations.length > 0);
		this.renderRows(keep);
	}

	private renderRows(keep: boolean): void {
		const note = this.note;
		if (!note) return;
		const rows = note.filter(note.rows(this.layout), this.query);
		const noMatch = note.citations.length > 0 && rows.length === 0;
		this.filterStatusEl.setText(noMatch ? `No citations match "${this.query.trim()}".` : "");
		this.filterStatusEl.toggle(noMatch);
		this.list.show(note, rows, this.layout === "claims", keep);
		// Re-mark the playing row without scrolling: an edit must not move the list.
		this.followPlayback(this.deps.services.playback.state, false);
	}

	private followPlayback(state: Readonly<PlaybackState>, scroll: boolean): void {
		if (!this.note) return;
		const row = this.list.setPlaying(this.note.playing(state));
		// Scrolling moves no focus, so the editor keeps it while the panel follows.
		if (row && scroll && this.deps.services.settings.current.panelFollowsPlayback) row.scrollIntoView({ block: "nearest" });
	}

	private setQuery(query: string): void {
		if (query === this.query) return;
		this.query = query;
		this.renderRows(false);
	}

	private setLayout(layout: PanelLayout): void {
		if (layout === this.layout) return;
		this.layout = layout;
		this.updateLayoutButton();
		this.renderRows(false);
	}

	private updateLayoutButton(): void {
		if (!this.layoutButton) return;
		const timeline = this.layout === "timeline";
		setIcon(this.layoutButton, timeline ? "list-tree" : "clock");
		this.layoutButton.setAttr("aria-label", timeline ? "Group by heading" : "Sort by time");
		this.layoutButton.setAttr("aria-pressed", String(timeline));
	}

	private seek(index: number): void {
		const c = this.note?.citations[index];
		if (!c || !this.note || !this.file) return;
		// A citation without a usable time cannot play: show where it is, so it can be fixed.
		if (c.seconds === null) return this.reveal(index);
		const video = citationVideo(c, this.note.noteVideo);
		if (!video) {
			new Notice(PANEL_MESSAGES.noVideo);
			return;
		}
		this.deps.services.playback.seek(video, c.seconds, { sourcePath: this.file.path });
	}

	private reveal(index: number): void {
		const c = this.note?.citations[index];
		if (!c || !this.file) return;
		void revealInNote(this.app.workspace, this.file, spotOf(this.text, c.from, c.to));
	}

	private showMenu(index: number, evt: MouseEvent): void {
		const c = this.note?.citations[index];
		if (!c || !this.note) return;
		showCitationMenu(evt, c, {
			video: citationVideo(c, this.note.noteVideo),
			clipboard: this.deps.clipboard,
			reveal: () => this.reveal(index),
		});
	}

	private openPlayer(): void {
		const video = this.note?.noteVideo;
		if (!video || !this.file) return;
		const { state } = this.deps.services.playback;
		const loaded = !!state.video && videoKey(state.video) === videoKey(video);
		this.deps.services.playback.seek(video, loaded ? state.seconds : 0, { play: false, sourcePath: this.file.path });
	}
}
