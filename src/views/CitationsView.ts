import { debounce, ItemView, MarkdownView, type TAbstractFile, type TFile, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { extractCitations, videoKey, type VideoRef } from "../core";
import { readingOptions } from "../notes/videoDurations";
import { sameVideo, videoName as fallbackVideoName, videoStart } from "../player/surface";
import type { PlaybackState } from "../player/types";
import type { PluginServices } from "../services";
import type { NoteRepairer } from "../tools";
import { CitationList, type RowCues } from "./CitationList";
import { showExportMenu } from "./citationMenu";
import { NoteActions } from "./NoteActions";
import { PanelHeader } from "./PanelHeader";
import { PanelToolbar } from "./PanelToolbar";
import { filterStatus, indexingMessage, NoteCitations, PANEL_MESSAGES, type ListModel, type PanelLayout, type PanelScope } from "./panelModel";
import { markdownViewOf } from "../obsidian/revealInNote";
import { ScopeSwitch } from "./ScopeSwitch";
import type { VaultCitationSource } from "./timelineLoader";
import { VaultScope } from "./VaultScope";

/** The citations panel's view type. */
export const VIEW_TYPE_CITATIONS = "video-citations-panel";

export { PANEL_MESSAGES } from "./panelModel";

/** What the panel needs from the plugin besides its leaf. */
export interface CitationsPanelDeps {
	services: PluginServices;
	/** The vault-wide citation index; without it the panel offers no "Whole vault" scope. */
	index?: VaultCitationSource;
	/** The note tools; with them the header offers to repair a note whose times are read in a note-wide way. */
	tools?: NoteRepairer;
	/** The citations' transcript cues; with them a row whose note's video has a transcript can show what was said. */
	cues?: RowCues;
}

/**
 * The citations panel: every citation of the active note as rows of claims under their headings
 * (or a timeline), which seek the player, show their line in the note, follow playback and stay
 * current as the note is edited (issue 7); or, in the "Whole vault" scope, every citation of the
 * playing (else the active note's) video across the vault, by time, each naming its note (issue 11).
 */
export class CitationsView extends ItemView {
	private file: TFile | null = null;
	private text = "";
	/** The length of the note's video its citations were read against. */
	private duration: number | undefined;
	private note: NoteCitations | null = null;
	private layout: PanelLayout = "claims";
	private listScope: PanelScope = "note";
	private noteActions: NoteActions;
	private vaultScope: VaultScope | null = null;
	private scopeSwitch: ScopeSwitch | null = null;
	private query = "";
	private generation = 0;
	private header!: PanelHeader;
	private toolbar: PanelToolbar | null = null;
	private messageEl!: HTMLElement;
	private filterStatusEl!: HTMLElement;
	private followStatusEl!: HTMLElement;
	private list!: CitationList;
	/** Re-reads the shown note once edits pause (issue 7: debounced, this note only). */
	private readonly refresh = debounce(() => void this.reload(true), 300, true);
	/** Whether a re-read for typing is waiting for the pause. */
	private typingPending = false;

	constructor(leaf: WorkspaceLeaf, private deps: CitationsPanelDeps) {
		super(leaf);
		this.icon = "list-video";
		const { index, services } = deps;
		const { clipboard } = services;
		const { workspace, vault } = this.app;
		this.noteActions = new NoteActions({ workspace, playback: services.playback, clipboard, noVideoMessage: PANEL_MESSAGES.noVideo }, () => ({ file: this.file, text: this.text, note: this.note }));
		if (index) this.vaultScope = new VaultScope({ index, workspace, vault, noteText: services.noteText, playback: services.playback, clipboard, linkedVideo: (ref, path) => services.notes.linkedVideo(ref, path) });
	}

	getViewType(): string {
		return VIEW_TYPE_CITATIONS;
	}

	getDisplayText(): string {
		return "Citations";
	}

	/** The rows' list (tests and the benchmark read it). */
	get citationList(): CitationList {
		return this.list;
	}

	override getState(): Record<string, unknown> {
		return { ...super.getState(), layout: this.layout, scope: this.listScope };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const { layout, scope } = (state ?? {}) as { layout?: unknown; scope?: unknown };
		if (layout === "claims" || layout === "timeline") this.setLayout(layout);
		if (scope === "note" || scope === "vault") this.setScope(scope);
		await super.setState(state, result);
	}

	protected override onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("vc-panel");
		if (this.vaultScope) {
			this.scopeSwitch = this.addChild(new ScopeSwitch(root, (scope) => this.setScope(scope)));
			this.scopeSwitch.set(this.listScope);
		}
		this.header = this.addChild(
			new PanelHeader(root, {
				openPlayer: () => this.openPlayer(),
				reveal: (i) => this.noteActions.reveal(i),
				repair: this.deps.tools ? () => this.file && this.deps.tools?.repair(this.file) : undefined,
			}),
		);
		this.toolbar = this.addChild(
			new PanelToolbar(root, {
				filter: (query) => this.setQuery(query),
				toggleLayout: () => this.setLayout(this.layout === "claims" ? "timeline" : "claims"),
				copy: (evt) => showExportMenu(evt, () => this.actions().exportRows(), this.deps.services.clipboard),
				focusList: () => this.list.focusFirst(),
			}),
		);
		this.toolbar.setLayout(this.layout);
		this.messageEl = root.createDiv({ cls: "vc-panel-message" });
		this.filterStatusEl = root.createDiv({ cls: "vc-panel-message vc-panel-filter-status" });
		this.followStatusEl = root.createDiv({ cls: "vc-panel-message vc-panel-follow-status", text: PANEL_MESSAGES.noFollow });
		this.followStatusEl.hide();
		this.list = this.addChild(
			new CitationList(root, {
				seek: (i, loop) => this.actions().seek(i, loop),
				reveal: (i) => this.actions().reveal(i),
				menu: (i, evt) => this.actions().menu(i, evt),
				target: (i) => this.actions().target(i),
				playFrom: (i, seconds) => this.actions().playFrom(i, seconds),
			}, this.deps.cues),
		);
		this.registerEvents();
		this.renderEmpty();
		this.followActiveNote();
		if (this.listScope === "vault") void this.loadVault(false);
		return Promise.resolve();
	}

	private registerEvents(): void {
		const { workspace, vault, metadataCache } = this.app;
		const follow = () => this.followActiveNote();
		this.registerEvent(workspace.on("active-leaf-change", follow));
		this.registerEvent(workspace.on("file-open", follow));
		this.registerEvent(workspace.on("layout-change", follow));
		this.registerEvent(workspace.on("editor-change", (_editor, info) => this.noteTyped(info.file)));
		this.registerEvent(vault.on("modify", (file) => this.noteChanged(file)));
		this.registerEvent(metadataCache.on("changed", (file) => this.noteChanged(file)));
		this.registerEvent(vault.on("rename", (file) => this.noteChanged(file)));
		this.registerEvent(vault.on("delete", (file) => {
			if (this.isShown(file)) this.showNote(null);
		}));
		this.register(() => this.refresh.cancel());
		this.register(this.deps.services.playback.subscribe((state) => this.playbackChanged(state)));
		// The shown note's video got a (new) length: its citations are read against it.
		this.register(
			this.deps.services.durations.onChange((key) => {
				if (this.note?.noteVideo && videoKey(this.note.noteVideo) === key) void this.reload(true);
			}),
		);
		const { index } = this.deps;
		if (index) {
			this.register(
				index.onChange((keys) => {
					const scope = this.vaultScope;
					if (this.listScope !== "vault" || !scope?.key) return;
					// While the index builds, and once it is done, the indexing message changes.
					if (scope.indexing || index.building || keys.has(scope.key)) void this.loadVault(true);
				}),
			);
		}
	}

	private isShown(file: TAbstractFile | null | undefined): boolean {
		return !!file && !!this.file && file.path === this.file.path;
	}

	/** The shown note was edited: re-read it once typing pauses. */
	private noteTyped(file: TAbstractFile | null | undefined): void {
		if (!this.isShown(file)) return;
		this.typingPending = true;
		this.refresh();
	}

	/**
	 * The shown note was saved, renamed or re-parsed. Obsidian saves what was typed after a pause,
	 * so while a re-read for typing is pending this must not push it further back.
	 */
	private noteChanged(file: TAbstractFile | null | undefined): void {
		if (this.isShown(file) && !this.typingPending) this.refresh();
	}

	/**
	 * Shows the active markdown note. When the panel itself or another non-note view becomes
	 * active, keeps showing the last note while it is still open.
	 */
	private followActiveNote(): void {
		const { workspace } = this.app;
		const active = workspace.getActiveViewOfType(MarkdownView)?.file ?? workspace.getActiveFile();
		if (active && active.extension === "md" && markdownViewOf(workspace, active)) this.showNote(active);
		else if (!this.file || !markdownViewOf(workspace, this.file)) this.showNote(null);
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
		this.typingPending = false;
		const generation = ++this.generation;
		const file = this.file;
		if (!file) return this.renderEmpty();
		let text: string;
		try {
			text = await this.deps.services.noteText.current(file.path);
		} catch {
			text = "";
		}
		if (generation !== this.generation || file !== this.file) return;
		const video = this.deps.services.notes.videoFor(file.path);
		const reading = readingOptions(this.deps.services.durations, video, this.deps.services.settings.current);
		const old = this.note?.noteVideo;
		if (keep && this.note && text === this.text && reading.duration === this.duration && (old === video || sameVideo(old, video))) {
			if (this.listScope === "note") this.showHeader(file, this.note);
			return;
		}
		this.text = text;
		this.duration = reading.duration;
		this.note = new NoteCitations(extractCitations(text, reading), video, (ref) => this.deps.services.notes.linkedVideo(ref, file.path));
		if (this.listScope === "note") this.render(keep);
		else if (this.vaultScope?.differs(this.vaultVideo())) void this.loadVault(false);
	}

	private renderEmpty(): void {
		this.note = null;
		this.text = "";
		if (this.listScope === "vault") {
			if (this.vaultScope?.differs(this.vaultVideo())) void this.loadVault(false);
			return;
		}
		this.header.hide();
		this.toolbar?.el.hide();
		this.filterStatusEl.hide();
		this.messageEl.show();
		this.messageEl.setText(PANEL_MESSAGES.noNote);
		this.list.clear();
	}

	private render(keep: boolean): void {
		if (this.listScope === "vault") return void this.loadVault(keep);
		const note = this.note;
		if (!note || !this.file) return this.renderEmpty();
		this.showHeader(this.file, note);
		const message = !note.noteVideo ? PANEL_MESSAGES.noVideo : note.citations.length === 0 ? PANEL_MESSAGES.noCitations : "";
		this.showMessage(message);
		this.toolbar?.el.toggle(note.citations.length > 0);
		this.toolbar?.showLayoutButton(true);
		this.renderRows(keep);
	}

	private showHeader(file: TFile, note: NoteCitations): void {
		const { names } = this.deps.services;
		const noteName = names.noteName(file.path);
		const video = note.noteVideo;
		let videoName = video ? names.videoName(video, file.path) : null;
		// A video named by the note's own title would say it twice: the line says where it plays instead.
		if (video && videoName === noteName) videoName = video.kind === "youtube" ? "YouTube video" : fallbackVideoName(video);
		this.header.update(noteName, note, videoName);
	}

	private showMessage(message: string): void {
		this.messageEl.setText(message);
		this.messageEl.toggle(message !== "");
	}

	/** What the list shows in the current scope. */
	private model(): ListModel | null {
		return this.listScope === "vault" ? (this.vaultScope?.timeline ?? null) : this.note;
	}

	private renderRows(keep: boolean): void {
		const model = this.model();
		if (!model) return;
		const rows = model.filter(model.rows(this.layout), this.query);
		const status = filterStatus(this.query, rows, model.citations.length);
		this.filterStatusEl.setText(status);
		this.filterStatusEl.toggle(status !== "");
		this.list.show(model, rows, this.listScope === "note" && this.layout === "claims", keep);
		// Re-mark the playing row without scrolling: an edit must not move the list.
		this.followPlayback(this.deps.services.playback.state, false);
	}

	private playbackChanged(state: Readonly<PlaybackState>): void {
		// In the vault scope, loading another video shows that video's timeline.
		if (this.listScope === "vault" && this.vaultScope?.differs(this.vaultVideo())) void this.loadVault(false);
		else this.followPlayback(state, true);
	}

	private followPlayback(state: Readonly<PlaybackState>, scroll: boolean): void {
		// Obsidian's own YouTube embed (iOS) does not say where it is: the panel cannot follow it.
		const timeUnknown = !!state.video && state.timeUnknown === true;
		const noFollow = timeUnknown && this.deps.services.settings.current.panelFollowsPlayback;
		// Only on a change: a time update (4 a second) must not touch the panel's DOM.
		if (this.followStatusEl.hidden === noFollow) this.followStatusEl.toggle(noFollow);
		const model = this.model();
		if (!model) return;
		const row = this.list.setPlaying(model.playing(state));
		// Scrolling moves no focus, so the editor keeps it while the panel follows.
		if (row && scroll && !timeUnknown && this.deps.services.settings.current.panelFollowsPlayback) row.scrollIntoView({ block: "nearest" });
	}

	private setQuery(query: string): void {
		if (query === this.query) return;
		this.query = query;
		this.renderRows(false);
	}

	private setScope(scope: PanelScope): void {
		if (scope === this.listScope || !this.vaultScope) return;
		this.listScope = scope;
		// Before the panel opens (a restored layout), onOpen shows the scope.
		if (!this.scopeSwitch) return;
		this.scopeSwitch.set(scope);
		if (scope === "vault") {
			void this.loadVault(false);
			return;
		}
		this.vaultScope.reset();
		this.render(false);
	}

	/** The video the vault scope shows: the one loaded in the player, else the shown note's. */
	private vaultVideo(): VideoRef | null {
		const playing = this.deps.services.playback.state.video;
		if (playing) return playing;
		return this.note?.noteVideo ?? (this.file ? this.deps.services.notes.videoFor(this.file.path) : null);
	}

	private async loadVault(keep: boolean): Promise<void> {
		const scope = this.vaultScope;
		if (!scope || !(await scope.load(this.vaultVideo())) || this.listScope !== "vault") return;
		const { timeline, video, indexing } = scope;
		const n = timeline?.citations.length ?? 0;
		if (video) this.header.updateVault(this.deps.services.names.videoName(video, this.file?.path), n, timeline?.noteCount ?? 0);
		else this.header.hide();
		this.showMessage(!video ? PANEL_MESSAGES.noVaultVideo : indexing ? indexingMessage(indexing) : n === 0 ? PANEL_MESSAGES.noVaultCitations : "");
		this.toolbar?.el.toggle(n > 0);
		this.toolbar?.showLayoutButton(false);
		if (timeline) return this.renderRows(keep);
		this.filterStatusEl.hide();
		this.list.clear();
	}

	private setLayout(layout: PanelLayout): void {
		if (layout === this.layout) return;
		this.layout = layout;
		this.toolbar?.setLayout(layout);
		this.renderRows(false);
	}

	/** What rows do in the scope shown. */
	private actions(): NoteActions | VaultScope {
		return this.listScope === "vault" && this.vaultScope ? this.vaultScope : this.noteActions;
	}

	/**
	 * Opens the player of the shown note on its video (the vault scope's video from that note, or
	 * from its first citing note) where the video was left: a player that has it is only revealed,
	 * so no player is rewound, whichever was used last.
	 */
	private openPlayer(): void {
		const timeline = this.listScope === "vault" ? this.vaultScope?.timeline : null;
		const video = timeline ? timeline.video : this.note?.noteVideo;
		const sourcePath = this.file?.path ?? timeline?.entries[0]?.path;
		if (!video || !sourcePath) return;
		this.deps.services.playback.seek(video, videoStart(video), { resume: true, sourcePath });
	}
}
