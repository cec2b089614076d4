import { debounce, ItemView, MarkdownView, Notice, type TAbstractFile, type TFile, type WorkspaceLeaf } from "obsidian";
import { extractCitations, type Citation, type VideoRef } from "../../core";
import { readingOptions } from "../../notes/videoDurations";
import { markdownViewOf } from "../../obsidian/revealInNote";
import { sameVideo } from "../../player/surface";
import type { PlaybackState } from "../../player/types";
import type { PluginServices } from "../../services";
import { citationMarkup, noteCitationForm, quoteWithCitation } from "../../transcripts/citeMarkup";
import { languageKey, languageLabel, sameSource, sourceAddress, sourceLabel } from "../../transcripts/sources";
import { NO_TRANSCRIPT_MESSAGE, Transcripts, type NoteTranscript } from "../../transcripts/transcripts";
import { TranscriptList } from "./TranscriptList";
import { TranscriptModel } from "./transcriptModel";
import { TranscriptSearch } from "./TranscriptSearch";

/** The transcript view's type. */
export const VIEW_TYPE_TRANSCRIPT = "video-citations-transcript";

/** What the transcript view says when there is nothing to show. */
export const TRANSCRIPT_MESSAGES = {
	noNote: "Open a note to see its video's transcript.",
	noVideo: "This note names no video. Add one in its frontmatter (video: or videoId:) to see its transcript.",
	noTranscript: NO_TRANSCRIPT_MESSAGE,
	remote: "This note's transcript is on the web. Loading it fetches that address.",
	noSelection: "Select cues in the transcript first: Shift-click or Mod-click them, or press Space on each.",
	noEditor: "Open the note in an editor (not reading view) to insert a citation.",
} as const;

/** What the view needs from the plugin. */
export interface TranscriptViewDeps {
	services: PluginServices;
	transcripts: Transcripts;
}

/**
 * The transcript of the active note's video, beside the citations panel (a tab of the same
 * sidebar): every cue with its time, following playback, click or Enter to play from a cue, a
 * search with its count, the note's cited moments marked, and cues selected to cite (issue 19).
 */
export class TranscriptView extends ItemView {
	private file: TFile | null = null;
	private video: VideoRef | null = null;
	private transcript: NoteTranscript | null = null;
	private model: TranscriptModel | null = null;
	private citations: Citation[] = [];
	private matches: number[] = [];
	private currentMatch = -1;
	private generation = 0;
	private headerEl!: HTMLElement;
	private sourceEl!: HTMLElement;
	private languageEl!: HTMLSelectElement;
	private citeButton!: HTMLButtonElement;
	private search!: TranscriptSearch;
	private messageEl!: HTMLElement;
	private messageTextEl!: HTMLElement;
	private loadButton!: HTMLButtonElement;
	private list!: TranscriptList;
	/** Re-reads the note's citations once edits pause. */
	private readonly refreshCitations = debounce(() => void this.readCitations(), 400, true);

	constructor(leaf: WorkspaceLeaf, private deps: TranscriptViewDeps) {
		super(leaf);
		this.icon = "captions";
	}

	getViewType(): string {
		return VIEW_TYPE_TRANSCRIPT;
	}

	getDisplayText(): string {
		return "Transcript";
	}

	/** The cues' list (tests read it). */
	get cueList(): TranscriptList {
		return this.list;
	}

	/** The note shown. */
	get notePath(): string | null {
		return this.file?.path ?? null;
	}

	protected override onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("vc-transcript");
		this.headerEl = root.createDiv({ cls: "vc-transcript-header" });
		this.sourceEl = this.headerEl.createDiv({ cls: "vc-transcript-source" });
		this.languageEl = this.headerEl.createEl("select", { cls: "dropdown vc-transcript-language", attr: { "aria-label": "Transcript language" } });
		// Always there: with nothing selected it says how to select (words dragged over count too).
		this.citeButton = this.headerEl.createEl("button", { cls: "vc-transcript-cite", text: "Insert citation" });
		this.search = this.addChild(
			new TranscriptSearch(root, {
				search: (query) => this.runSearch(query),
				step: (direction) => this.step(direction),
				focusList: () => this.list.focusList(),
			}),
		);
		this.messageEl = root.createDiv({ cls: "vc-transcript-message" });
		this.messageTextEl = this.messageEl.createDiv();
		this.loadButton = this.messageEl.createEl("button", { cls: "mod-cta vc-transcript-load", text: "Load transcript" });
		this.list = this.addChild(
			new TranscriptList(root, {
				seek: (i) => this.seek(i),
				selectionChanged: (n) => this.selectionChanged(n),
			}),
		);
		this.registerDomEvent(this.languageEl, "change", () => this.chooseLanguage());
		this.registerDomEvent(this.citeButton, "click", () => this.insertCitation());
		this.registerDomEvent(this.loadButton, "click", () => void this.loadRemote());
		this.registerEvents();
		this.followActiveNote();
		return Promise.resolve();
	}

	private registerEvents(): void {
		const { workspace, vault, metadataCache } = this.app;
		const follow = () => this.followActiveNote();
		this.registerEvent(workspace.on("active-leaf-change", follow));
		this.registerEvent(workspace.on("file-open", follow));
		this.registerEvent(workspace.on("layout-change", follow));
		this.registerEvent(workspace.on("editor-change", (_editor, info) => {
			if (this.isShown(info.file)) this.refreshCitations();
		}));
		// The note's frontmatter (its video, its transcript:) or its text changed.
		this.registerEvent(metadataCache.on("changed", (file) => {
			if (this.isShown(file)) void this.reload();
		}));
		// A subtitle file came, changed or went: the note's transcript may be another now.
		const subtitleChanged = (file: TAbstractFile, oldPath?: string) => {
			if (this.file && (Transcripts.isSubtitleFile(file.path) || (oldPath && Transcripts.isSubtitleFile(oldPath)))) void this.reload();
		};
		this.registerEvent(vault.on("create", (file) => subtitleChanged(file)));
		this.registerEvent(vault.on("modify", (file) => subtitleChanged(file)));
		this.registerEvent(vault.on("delete", (file) => {
			if (this.isShown(file)) this.showNote(null);
			else subtitleChanged(file);
		}));
		this.registerEvent(vault.on("rename", (file, oldPath) => subtitleChanged(file, oldPath)));
		this.register(() => this.refreshCitations.cancel());
		this.register(this.deps.services.playback.subscribe((state) => this.follow(state, true)));
		// Turning "Fetch YouTube transcripts" on or off changes what a YouTube note can show.
		let fetching = this.deps.services.settings.current.fetchYouTubeTranscripts;
		this.register(
			this.deps.services.settings.onChange((settings) => {
				if (settings.fetchYouTubeTranscripts === fetching) return;
				fetching = settings.fetchYouTubeTranscripts;
				void this.reload();
			}),
		);
	}

	private isShown(file: TAbstractFile | null | undefined): boolean {
		return !!file && !!this.file && file.path === this.file.path;
	}

	/** Shows the active note; keeps the last one while a non-note view (this one) is active. */
	private followActiveNote(): void {
		const { workspace } = this.app;
		const active = workspace.getActiveViewOfType(MarkdownView)?.file ?? workspace.getActiveFile();
		if (active && active.extension === "md" && markdownViewOf(workspace, active)) this.showNote(active);
		else if (!this.file || !markdownViewOf(workspace, this.file)) this.showNote(null);
	}

	private showNote(file: TFile | null): void {
		if (file === this.file && this.transcript) return;
		this.file = file;
		this.transcript = null;
		void this.reload();
	}

	/** Finds and reads the shown note's transcript and citations, and shows them. */
	private async reload(): Promise<void> {
		const generation = ++this.generation;
		const file = this.file;
		if (!file) return this.showEmpty(TRANSCRIPT_MESSAGES.noNote);
		const video = this.deps.services.notes.videoFor(file.path);
		if (!video) {
			this.video = null;
			return this.showEmpty(TRANSCRIPT_MESSAGES.noVideo);
		}
		// Fetching YouTube's captions takes a moment: say so rather than show the last note's.
		if (!this.transcript) this.showLoading(video);
		const transcript = await this.deps.transcripts.load(file.path, video);
		if (generation !== this.generation || file !== this.file) return;
		this.show(video, transcript);
		await this.readCitations();
	}

	private async loadRemote(): Promise<void> {
		const file = this.file;
		if (!file || !this.video) return;
		const generation = ++this.generation;
		this.loadButton.disabled = true;
		this.messageTextEl.setText(this.video.kind === "youtube" ? "Fetching the captions from YouTube…" : "Loading the transcript…");
		const transcript = await this.deps.transcripts.fetchRemote(file.path, this.video);
		this.loadButton.disabled = false;
		if (generation !== this.generation || file !== this.file || !this.video) return;
		this.show(this.video, transcript);
		await this.readCitations();
	}

	private show(video: VideoRef, transcript: NoteTranscript): void {
		const same = this.transcript?.source && transcript.source && sameSource(this.transcript.source, transcript.source) && this.transcript.cues === transcript.cues;
		this.video = video;
		this.transcript = transcript;
		this.showSources(transcript);
		if (transcript.status !== "ready") {
			this.model = null;
			this.list.clear();
			this.search.el.hide();
			const message = transcript.status === "remote" ? TRANSCRIPT_MESSAGES.remote : (transcript.message ?? TRANSCRIPT_MESSAGES.noTranscript);
			this.showMessage(message, transcript.status === "remote" || transcript.retry === true);
			this.loadButton.setText(transcript.retry ? "Try again" : "Load transcript");
			return;
		}
		this.showMessage(transcript.cues.length === 0 ? TRANSCRIPT_MESSAGES.noTranscript : "", false);
		this.search.el.show();
		if (same && this.model) return;
		this.model = new TranscriptModel(transcript.cues);
		this.list.show(transcript.cues);
		this.runSearch(this.search.query);
		this.follow(this.deps.services.playback.state, false);
	}

	private showSources(transcript: NoteTranscript): void {
		const source = transcript.source;
		this.headerEl.toggle(!!source || transcript.sources.length > 1);
		this.sourceEl.setText(source ? sourceLabel(source) : "");
		this.sourceEl.title = source ? sourceAddress(source) : "";
		this.languageEl.empty();
		const languages = transcript.sources.filter((s) => languageKey(s) !== null);
		this.languageEl.toggle(languages.length > 1);
		for (const s of languages) {
			const option = this.languageEl.createEl("option", { text: languageLabel(s), value: languageKey(s) ?? "" });
			if (source && sameSource(s, source)) option.selected = true;
		}
	}

	private showEmpty(message: string): void {
		this.transcript = null;
		this.model = null;
		this.citations = [];
		this.headerEl.hide();
		this.search.el.hide();
		this.list.clear();
		this.showMessage(message, false);
	}

	private showLoading(video: VideoRef): void {
		this.model = null;
		this.headerEl.hide();
		this.search.el.hide();
		this.list.clear();
		this.showMessage("Loading the transcript…", false);
		this.video = video;
	}

	private showMessage(message: string, offerLoad: boolean): void {
		this.messageTextEl.setText(message);
		this.loadButton.toggle(offerLoad);
		this.messageEl.toggle(message !== "");
	}

	private async readCitations(): Promise<void> {
		const file = this.file;
		const model = this.model;
		if (!file || !model) return;
		let text = "";
		try {
			text = await this.deps.services.noteText.current(file.path);
		} catch {
			text = "";
		}
		if (file !== this.file || model !== this.model) return;
		const reading = readingOptions(this.deps.services.durations, this.video, this.deps.services.settings.current);
		// Only the citations that play the note's own video mark its transcript.
		this.citations = extractCitations(text, reading).filter((c) => !c.video || sameVideo(this.deps.services.notes.linkedVideo(c.video, file.path), this.video));
		this.list.setCited(model.citedCues(this.citations));
	}

	/** Marks (and with `scroll`, keeps in view) the cue being played, when the player plays this note's video. */
	private follow(state: Readonly<PlaybackState>, scroll: boolean): void {
		const model = this.model;
		if (!model) return;
		const here = !!state.video && sameVideo(state.video, this.video) && state.timeUnknown !== true;
		const follows = scroll && this.deps.services.settings.current.panelFollowsPlayback;
		this.list.setPlaying(here ? model.cueAt(state.seconds) : -1, follows);
	}

	private seek(index: number): void {
		const cue = this.model?.cues[index];
		if (!cue || !this.video || !this.file) return;
		this.deps.services.playback.seek(this.video, cue.start, { sourcePath: this.file.path });
	}

	private runSearch(query: string): void {
		this.matches = this.model?.search(query) ?? [];
		// Start from the first match at or after the cue being played, so a search finds what comes next.
		const playing = this.model ? this.model.cueAt(this.deps.services.playback.state.seconds) : -1;
		const after = this.matches.findIndex((i) => i >= playing);
		this.currentMatch = this.matches.length === 0 ? -1 : after >= 0 && sameVideo(this.deps.services.playback.state.video, this.video) ? after : 0;
		this.list.setMatches(this.matches, this.currentMatch);
		this.search.setCount(this.matches.length, this.currentMatch);
	}

	private step(direction: 1 | -1): void {
		if (this.matches.length === 0) return;
		this.currentMatch = (this.currentMatch + direction + this.matches.length) % this.matches.length;
		this.list.setMatches(this.matches, this.currentMatch);
		this.search.setCount(this.matches.length, this.currentMatch);
	}

	private chooseLanguage(): void {
		if (!this.video) return;
		const language = this.languageEl.value === "" ? null : this.languageEl.value;
		this.deps.transcripts.chooseLanguage(this.video, language);
		void this.reload();
	}

	private selectionChanged(count: number): void {
		this.citeButton.setText(count > 1 ? `Insert citation (${count} lines)` : "Insert citation");
	}

	/** Whether there are cues to cite (selected, or spanned by a text selection in the list). */
	get canCite(): boolean {
		return !!this.model && this.list.citeSelection().length > 0;
	}

	/**
	 * Inserts the selected cues' words in quotes and a citation of the first cue's start into the
	 * note at its cursor, in the note's own citation form, as one undoable edit.
	 */
	insertCitation(): boolean {
		const model = this.model;
		const file = this.file;
		const video = this.video;
		const picked = this.list.citeSelection();
		if (!model || !file || !video || picked.length === 0) {
			new Notice(TRANSCRIPT_MESSAGES.noSelection);
			return false;
		}
		const view = markdownViewOf(this.app.workspace, file);
		if (!view || view.getMode() === "preview") {
			new Notice(TRANSCRIPT_MESSAGES.noEditor);
			return false;
		}
		const cues = picked.map((i) => model.cues[i]).filter((c) => c !== undefined);
		const first = cues[0];
		if (!first) return false;
		const form = noteCitationForm(this.citations, this.deps.services.settings.current.insertFormat);
		const text = quoteWithCitation(cues, citationMarkup(form, video, first.start, this.deps.services.notes.videoFor(file.path)));
		// After a word, a space first, so the quote does not run into it.
		const at = view.editor.getCursor("from");
		const before = at.ch > 0 ? view.editor.getRange({ line: at.line, ch: at.ch - 1 }, at) : "";
		// One call, one transaction: a single undo removes the whole insertion.
		view.editor.replaceSelection(before !== "" && !/\s/.test(before) ? ` ${text}` : text);
		this.list.clearSelection();
		activeWindow.getSelection()?.removeAllRanges();
		return true;
	}

	/** Puts the keyboard focus in the search box. */
	focusSearch(): void {
		this.search.focus();
	}
}

