import { Component, setIcon, type MarkdownView } from "obsidian";
import { formatTimestamp, type VideoRef } from "../../core";
import { PlayerPanel, runNoticeAction } from "../playerPanel";
import { IDLE_STATE } from "../stateFeed";
import { deferredNote, IDLE_INFO, sameVideo, videoName, type PinnedSurface, type PlayerInfo } from "../surface";
import type { PlaybackState, PlayerControls } from "../types";
import { clampSize, PINNED_SIZES, type PinnedLayoutStore } from "./layout";
import { ResizeHandle } from "./ResizeHandle";
import { ControlsBar } from "../controlsBar";

/** What a pinned player needs from the controller: its own player, and the controls of it. */
export interface PinnedPlayerController {
	pin(surface: PinnedSurface, video: VideoRef): void;
	repin(surface: PinnedSurface, video: VideoRef): void;
	unpin(surface: PinnedSurface): void;
	pinnedControls(surface: PinnedSurface): PlayerControls | null;
	/** The bar's capture button: the frame into this note. */
	captureFrom(player: PlayerControls, notePath: string | null): void;
}

/** What a pinned player is built with. */
export interface PinnedPlayerDeps {
	controller: PinnedPlayerController;
	layout: PinnedLayoutStore;
	/** Called once it is gone (its note's view closed, or it was removed). */
	gone(player: PinnedPlayer): void;
	/** Seconds the bar's skip buttons and J/L move. */
	skipSeconds(): number;
}

const clock = (seconds: number) => formatTimestamp(Math.floor(Math.max(0, seconds)), { style: "m:ss" });

/**
 * The player pinned on top of a note: a bar (play/pause, time, title, collapse), the player and
 * its error panel, and a resize handle, as the first child of the note view's content, outside the
 * editor's and the reading view's own scrollers, so it stays in view while the note scrolls and
 * never touches the editor. A child component of the note's view, so it goes when the view closes.
 *
 * Until its video is first played (or sought to) it is `is-unplayed`: on a phone (styles.css,
 * `.is-phone`) it is then its bar alone, the name, a play button and the start time, so the note
 * keeps the screen (issue 17); the bar says what playing will load, as the poster does.
 */
export class PinnedPlayer extends Component implements PinnedSurface {
	private rootEl!: HTMLElement;
	private panel!: PlayerPanel;
	private playButton!: HTMLElement;
	private timeEl!: HTMLElement;
	private titleEl!: HTMLElement;
	private noteEl!: HTMLElement;
	private collapseButton!: HTMLElement;
	private resizeEl!: HTMLElement;
	private controls!: ControlsBar;
	private info: Readonly<PlayerInfo> = IDLE_INFO;
	private state: Readonly<PlaybackState> = IDLE_STATE;
	private shownPlaying: boolean | null = null;
	private collapsed = false;
	/** The height preset, from {@link PINNED_SIZES}. */
	size: number = PINNED_SIZES.initial;
	private shownPath: string | null;

	constructor(
		readonly view: MarkdownView,
		private noteVideo: VideoRef,
		private readonly deps: PinnedPlayerDeps,
	) {
		super();
		this.shownPath = view.file?.path ?? null;
	}

	/** Where the media player puts its iframe or media element. */
	get playerEl(): HTMLElement {
		return this.panel.playerEl;
	}

	override onload(): void {
		const root = this.view.contentEl.createDiv({ cls: "vc-pinned-player", prepend: true, attr: { role: "region", "aria-label": "Video player" } });
		this.rootEl = root;
		const bar = root.createDiv({ cls: "vc-pinned-bar" });
		this.playButton = bar.createEl("button", { cls: "vc-pinned-play clickable-icon" });
		this.timeEl = bar.createSpan({ cls: "vc-pinned-time" });
		const name = bar.createDiv({ cls: "vc-pinned-name" });
		this.titleEl = name.createSpan({ cls: "vc-pinned-title" });
		this.noteEl = name.createSpan({ cls: "vc-pinned-note" });
		const controls = () => this.deps.controller.pinnedControls(this);
		this.controls = new ControlsBar(bar, this, root, {
			controls,
			skipSeconds: () => this.deps.skipSeconds(),
			capture: () => {
				const player = controls();
				if (player) this.deps.controller.captureFrom(player, this.notePath());
			},
			playButton: false,
		});
		this.collapseButton = bar.createEl("button", { cls: "vc-pinned-collapse clickable-icon" });
		this.panel = new PlayerPanel(root.createDiv({ cls: "vc-pinned-body" }), "");
		this.resizeEl = root.createDiv({
			cls: "vc-pinned-resize",
			attr: { role: "separator", tabindex: 0, "aria-orientation": "horizontal", "aria-label": "Resize player", "aria-valuemin": PINNED_SIZES.min, "aria-valuemax": PINNED_SIZES.max },
		});
		const layout = this.deps.layout.current;
		this.setCollapsed(layout.collapsed, false);
		this.resize(layout.size, false);
		this.setUnplayed(true);
		this.show(this.info);
		this.showState(this.state);

		// One listener for every button, so redraws add none.
		this.registerDomEvent(root, "click", (evt) => this.onClick(evt));
		// Pressing a button (the bar's, the poster) must not take focus (and the cursor's place) from the note.
		this.registerDomEvent(root, "mousedown", (evt) => {
			if (targetElement(evt)?.closest("button")) evt.preventDefault();
		});
		this.addChild(new ResizeHandle(this.resizeEl, this, (active) => root.toggleClass("is-resizing", active)));
		this.deps.controller.pin(this, this.noteVideo);
	}

	override onunload(): void {
		this.deps.controller.unpin(this);
		this.rootEl.detach();
		this.deps.gone(this);
	}

	notePath(): string | null {
		return this.view.file?.path ?? null;
	}

	/** The note's video is `video` now (another note opened in the view, or its frontmatter changed). */
	showNote(video: VideoRef): void {
		const path = this.notePath();
		if (path === this.shownPath && sameVideo(video, this.noteVideo)) return;
		this.shownPath = path;
		this.noteVideo = video;
		this.deps.controller.repin(this, video);
		// Another note's video waits to be played again; the same video playing on is not interrupted.
		this.setUnplayed(true);
	}

	show(info: Readonly<PlayerInfo>): void {
		this.info = info;
		if (!this.rootEl) return;
		this.panel.show(info);
		// A player that cannot play says why even when collapsed: the bar alone would look stuck.
		this.rootEl.toggleClass("has-problem", !!info.problem);
		this.titleEl.setText(info.title ?? (info.video ? videoName(info.video) : ""));
		this.noteEl.setText(info.deferred && info.video ? deferredNote(info.video) : "");
		this.refreshPlayButton();
		this.controls.update(this.state, info);
	}

	showState(state: Readonly<PlaybackState>): void {
		this.state = state;
		if (!this.rootEl) return;
		// Obsidian's own YouTube embed (iOS) does not say where it is: no time to show.
		const time = state.timeUnknown ? "No time available" : state.duration ? `${clock(state.seconds)} / ${clock(state.duration)}` : clock(state.seconds);
		if (this.timeEl.textContent !== time) this.timeEl.setText(time);
		if (state.playing) this.setUnplayed(false);
		this.refreshPlayButton();
		this.controls.update(state, this.info);
	}

	reveal(): void {
		this.setUnplayed(false);
		if (this.collapsed) this.setCollapsed(false, true);
	}

	sought(): void {
		this.setUnplayed(false);
	}

	/** Sets the height preset; `done` saves it as the vault's choice. */
	resize(size: number, done: boolean): void {
		if (!this.rootEl) return;
		const next = clampSize(size);
		this.rootEl.removeClass(`vc-pinned-size-${this.size}`);
		this.rootEl.addClass(`vc-pinned-size-${next}`);
		this.resizeEl.setAttr("aria-valuenow", next);
		this.size = next;
		if (done) this.deps.layout.update({ size: next });
	}

	private setCollapsed(collapsed: boolean, save: boolean): void {
		this.collapsed = collapsed;
		this.rootEl.toggleClass("is-collapsed", collapsed);
		const label = collapsed ? "Expand player" : "Collapse player";
		setIcon(this.collapseButton, collapsed ? "chevron-down" : "chevron-up");
		this.collapseButton.setAttr("aria-label", label);
		this.collapseButton.setAttr("aria-expanded", collapsed ? "false" : "true");
		if (save) this.deps.layout.update({ collapsed });
	}

	/** Marks whether nothing was played or sought here since this note's video was shown. */
	private setUnplayed(unplayed: boolean): void {
		if (!this.rootEl) return;
		this.rootEl.toggleClass("is-unplayed", unplayed && !this.state.playing);
	}

	private refreshPlayButton(): void {
		// Obsidian's own YouTube embed plays and pauses with its own buttons only.
		const embedded = !!this.info.embedded;
		const usable = !!this.info.video && !this.info.loading && !this.info.problem && !embedded;
		this.playButton.toggleClass("is-disabled", !usable);
		this.playButton.setAttr("aria-disabled", usable ? null : "true");
		const playing = this.state.playing;
		if (playing !== this.shownPlaying) {
			this.shownPlaying = playing;
			setIcon(this.playButton, playing ? "pause" : "play");
		}
		this.playButton.setAttr("aria-label", embedded ? "Use the video's own play button" : playing ? "Pause" : "Play");
	}

	private onClick(evt: MouseEvent): void {
		const target = targetElement(evt);
		if (!target) return;
		// The poster of a video not loaded yet plays it, as the bar's button does.
		if (target.closest(".vc-pinned-play, .vc-player-poster")) {
			if (this.info.embedded) return;
			// The bar's play on a phone opens the player it stood for, at once (YouTube reports playing later).
			if (!target.closest(".is-disabled")) this.setUnplayed(false);
			this.deps.controller.pinnedControls(this)?.togglePlay();
		}
		else if (target.closest(".vc-pinned-collapse")) this.setCollapsed(!this.collapsed, true);
		else runNoticeAction(target, this.info);
	}
}

/** The element an event happened on; `instanceOf`, not `instanceof`: a pop-out window has its own `Element`. */
function targetElement(evt: Event): Element | null {
	const target = evt.target as Node | null;
	return target?.instanceOf(Element) ? target : null;
}
