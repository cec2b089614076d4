import { ItemView, type WorkspaceLeaf } from "obsidian";
import { drawNotice, PlayerPanel, runNoticeAction } from "./playerPanel";
import { ControlsBar } from "./controlsBar";
import { IDLE_STATE } from "./stateFeed";
import { IDLE_INFO, videoName, type PlayerInfo, type PlayerSurface } from "./surface";
import type { PlaybackState, PlayerControls } from "./types";

/** The player view's type, as registered with the workspace. */
export const PLAYER_VIEW_TYPE = "video-citations-player";

/** What the player view needs from the controller: to be told when it opens, moves and closes. */
export interface PlayerViewController {
	attach(surface: PlayerSurface): void;
	detach(surface: PlayerSurface): void;
	surfaceMoved(surface: PlayerSurface): void;
	/** Loads and plays the video waiting behind the poster. */
	playDeferred(): void;
	/** The side player's controls, for the view's bar. */
	sideControls(): PlayerControls;
	/** The bar's capture button: the frame into the active note. */
	captureFrom(player: PlayerControls, notePath: string | null): void;
}

/**
 * The player: a header naming the video and the note it was played from, the player itself, the
 * loading line, an error panel with its buttons, and the "switch to this note's video" prompt.
 * The controller decides what it shows; the view only draws it.
 */
export class PlayerView extends ItemView implements PlayerSurface {
	private info: Readonly<PlayerInfo> = IDLE_INFO;
	private titleEl!: HTMLElement;
	private sourceEl!: HTMLElement;
	private promptEl!: HTMLElement;
	private panel!: PlayerPanel;
	private shownDoc: Document | null = null;
	private controls: ControlsBar | null = null;
	private state: Readonly<PlaybackState> = IDLE_STATE;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly controller: PlayerViewController,
		private readonly openNote: (path: string) => void,
		private readonly skipSeconds: () => number = () => 5,
	) {
		super(leaf);
	}

	getViewType(): string {
		return PLAYER_VIEW_TYPE;
	}

	getDisplayText(): string {
		const { title, video } = this.info;
		return title ?? (video ? videoName(video) : "Video player");
	}

	override getIcon(): string {
		return "film";
	}

	protected override async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("vc-player-view");
		const header = root.createDiv({ cls: "vc-player-header" });
		this.titleEl = header.createDiv({ cls: "vc-player-title" });
		this.sourceEl = header.createEl("a", { cls: "vc-player-source", attr: { href: "#" } });
		this.promptEl = root.createDiv({ cls: "vc-player-prompt" });
		this.panel = new PlayerPanel(root, "Click a timestamp in a note to play its video here.");
		this.controls = new ControlsBar(root, this, root, {
			controls: () => this.controller.sideControls(),
			skipSeconds: this.skipSeconds,
			capture: () => this.controller.captureFrom(this.controller.sideControls(), null),
			playButton: true,
		});
		root.setAttr("tabindex", -1);
		// One listener for every button the view draws, so redraws add none.
		this.registerDomEvent(root, "click", (evt) => this.onClick(evt));
		this.shownDoc = this.containerEl.doc;
		this.show(this.info);
		this.controller.attach(this);
	}

	/** Where the media player puts its iframe or media element. */
	get playerEl(): HTMLElement {
		return this.panel.playerEl;
	}

	protected override async onClose(): Promise<void> {
		this.controller.detach(this);
	}

	override onResize(): void {
		// Dragged to another window: the iframe has reloaded there, the controller restores it.
		const doc = this.containerEl.doc;
		if (this.shownDoc && doc !== this.shownDoc) {
			this.shownDoc = doc;
			this.controller.surfaceMoved(this);
		}
	}

	show(info: Readonly<PlayerInfo>): void {
		this.info = info;
		if (!this.titleEl) return;
		// Idle, the tab already says "Video player": the view names nothing twice.
		this.titleEl.setText(info.video ? this.getDisplayText() : "");
		this.titleEl.toggle(!!info.video);
		const source = info.sourcePath;
		this.sourceEl.setText(source ? source.slice(source.lastIndexOf("/") + 1).replace(/\.md$/i, "") : "");
		this.sourceEl.toggle(!!source);
		this.sourceEl.setAttr("aria-label", source ? `Open ${source}` : null);
		drawNotice(this.promptEl, info.offer, "prompt");
		this.panel.show(info);
		this.controls?.toggle(!!info.video);
		this.controls?.update(this.state, info);
	}

	/** The side player's state changed: the bar shows it. */
	showState(state: Readonly<PlaybackState>): void {
		this.state = state;
		this.controls?.update(state, this.info);
	}

	private onClick(evt: MouseEvent): void {
		// `instanceOf`, not `instanceof`: the view may live in a pop-out window with its own `Element`.
		const target = evt.target as Node | null;
		if (!target?.instanceOf(Element)) return;
		if (target.closest(".vc-player-source")) {
			evt.preventDefault();
			if (this.info.sourcePath) this.openNote(this.info.sourcePath);
			return;
		}
		if (target.closest(".vc-player-poster")) {
			this.controller.playDeferred();
			return;
		}
		runNoticeAction(target, this.info);
	}
}
