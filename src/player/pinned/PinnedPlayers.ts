import { Component, MarkdownView, type MetadataCache, type Workspace, type WorkspaceLeaf } from "obsidian";
import type { VideoRef } from "../../core";
import type { NoteVideoSource } from "../../notes/noteVideo";
import type { SettingsSource } from "../../settings/store";
import type { PlayerMoment } from "../playerSlot";
import type { PinnedSurface } from "../surface";
import type { Seeker } from "../types";
import type { PinnedLayoutStore } from "./layout";
import { PinnedPlayer, type PinnedPlayerController } from "./PinnedPlayer";

/** Where the player is on this device now. */
export type Placement = "side" | "top";

/** The controller as the pinned players and a placement switch use it. */
export interface PinnedController extends PinnedPlayerController, Seeker {
	activate(surface: PinnedSurface): void;
	hasPinned(path: string): boolean;
	moment(): PlayerMoment | null;
	closeSide(): void;
}

/** What {@link PinnedPlayers} is built from. */
export interface PinnedPlayersDeps {
	workspace: Workspace;
	metadataCache: MetadataCache;
	settings: SettingsSource;
	notes: NoteVideoSource;
	controller: PinnedController;
	layout: PinnedLayoutStore;
	/** The placement the settings ask for on this device. */
	placement(): Placement;
	/** Closes the side player views (the player moved onto the notes). */
	closeSideViews(): void;
}

/**
 * Keeps a {@link PinnedPlayer} on top of every open note whose video resolves, while the placement
 * is "top of the note": one per note view, added, moved to another note or removed as views open,
 * close and change notes, and as frontmatter changes. Every pass looks the views up afresh and is
 * idempotent. Switching the placement hands the player used last (its video, position and whether
 * it plays) to the other placement.
 */
export class PinnedPlayers extends Component {
	private readonly players = new Set<PinnedPlayer>();
	private placement: Placement = "side";
	private running = false;

	constructor(private readonly deps: PinnedPlayersDeps) {
		super();
	}

	override onload(): void {
		this.running = true;
		this.placement = this.deps.placement();
		const { workspace, metadataCache } = this.deps;
		const sync = () => this.sync();
		this.registerEvent(workspace.on("layout-change", sync));
		this.registerEvent(workspace.on("file-open", sync));
		this.registerEvent(workspace.on("active-leaf-change", (leaf) => this.onActiveLeaf(leaf)));
		this.registerEvent(metadataCache.on("changed", sync));
		this.register(this.deps.settings.onChange(() => this.onPlacementSetting()));
		workspace.onLayoutReady(sync);
	}

	override onunload(): void {
		this.running = false;
		for (const player of [...this.players]) player.view.removeChild(player);
		this.players.clear();
	}

	/** Puts pinned players where they belong now, and removes the ones that no longer do. */
	sync(): void {
		if (!this.running || !this.deps.workspace.layoutReady) return;
		const keep = new Set<PinnedPlayer>();
		if (this.placement === "top") {
			for (const leaf of this.deps.workspace.getLeavesOfType("markdown")) {
				const view = leaf.view;
				if (!(view instanceof MarkdownView)) continue;
				const path = view.file?.path;
				const video = path ? this.deps.notes.videoFor(path) : null;
				if (video) keep.add(this.showOn(view, video));
			}
		}
		for (const player of [...this.players]) {
			if (!keep.has(player)) player.view.removeChild(player);
		}
	}

	private showOn(view: MarkdownView, video: VideoRef): PinnedPlayer {
		const existing = this.playerOn(view);
		if (existing) {
			existing.showNote(video);
			return existing;
		}
		const player = new PinnedPlayer(view, video, {
			controller: this.deps.controller,
			layout: this.deps.layout,
			gone: (p) => this.players.delete(p),
			skipSeconds: () => this.deps.settings.current.seekStepSeconds,
		});
		this.players.add(player);
		view.addChild(player);
		return player;
	}

	private playerOn(view: MarkdownView): PinnedPlayer | null {
		for (const player of this.players) if (player.view === view) return player;
		return null;
	}

	private onActiveLeaf(leaf: WorkspaceLeaf | null): void {
		this.sync();
		const view = leaf?.view;
		const player = view instanceof MarkdownView ? this.playerOn(view) : null;
		if (player) this.deps.controller.activate(player);
	}

	private onPlacementSetting(): void {
		const next = this.deps.placement();
		if (!this.running || next === this.placement) return;
		this.placement = next;
		const { controller } = this.deps;
		const moment = controller.moment();
		if (next === "top") {
			controller.closeSide();
			this.deps.closeSideViews();
			this.sync();
			// The note the video was played from takes it over where it was, playing if it played.
			if (moment?.sourcePath && controller.hasPinned(moment.sourcePath)) {
				controller.seek(moment.video, moment.seconds, { play: moment.playing, sourcePath: moment.sourcePath });
			}
		} else {
			this.sync();
			if (moment) controller.seek(moment.video, moment.seconds, { play: moment.playing, ...(moment.sourcePath ? { sourcePath: moment.sourcePath } : {}) });
		}
	}
}
