import { MarkdownRenderer, MarkdownView, Platform, type Plugin } from "obsidian";
import type { NoteVideoSource } from "../notes/noteVideo";
import type { DurationRecorder } from "../notes/videoDurations";
import { resolvePlacement } from "../settings/settings";
import type { SettingsSource } from "../settings/store";
import { Html5Player, type MediaFiles } from "./Html5Player";
import type { MediaPlayerFactory } from "./media";
import { PinnedLayoutStore } from "./pinned/layout";
import { PinnedPlayers, type Placement } from "./pinned/PinnedPlayers";
import { PlaybackController } from "./PlaybackController";
import { PLAYER_VIEW_TYPE, PlayerView } from "./PlayerView";
import { showNote, workspacePlayerHost } from "../obsidian/workspaceHost";
import { YouTubePlayer } from "./YouTubePlayer";
import { ObsidianEmbedPlayer, type MarkdownRender } from "./ObsidianEmbedPlayer";

import type { PlaybackControllerDeps } from "./host";
export { PlaybackController } from "./PlaybackController";
export type { PlayerHost } from "./host";
export { PLAYER_VIEW_TYPE, PlayerView } from "./PlayerView";
export type { PlaybackPort, PlaybackState, PlayerControls, PlayerDirectory, SeekOptions } from "./types";

/** What the player feature needs from the plugin. */
export interface PlayerDeps {
	settings: SettingsSource;
	notes: NoteVideoSource;
	/** Where the players report their videos' lengths. */
	durations?: DurationRecorder;
	/** Where videos' titles are looked up and the players report theirs. */
	titles?: PlaybackControllerDeps["titles"];
}

/**
 * Registers the player: the controller, the side view and its "follow the active note" listeners,
 * and the players pinned on top of notes (per the placement setting). Returns the controller every
 * seek link drives (and the playback commands use).
 */
export function registerPlayer(plugin: Plugin, deps: PlayerDeps): PlaybackController {
	const { workspace, vault, metadataCache } = plugin.app;
	const files: MediaFiles = {
		resourceUrl: (path) => {
			const file = vault.getFileByPath(path);
			return file ? vault.getResourcePath(file) : null;
		},
	};
	// Obsidian's own YouTube embed, rendered by Obsidian from `![](https://www.youtube.com/watch?v=…)`.
	const render: MarkdownRender = (markdown, el, component) => MarkdownRenderer.render(plugin.app, markdown, el, "", component);
	const createPlayer: MediaPlayerFactory = (video, events, youtube) => {
		if (video.kind !== "youtube") return new Html5Player(video, events, files);
		if (youtube === "embed") return new ObsidianEmbedPlayer(video, events, render);
		return new YouTubePlayer(video, events, { privacy: deps.settings.current.privacyMode });
	};
	const controller = new PlaybackController({
		settings: deps.settings,
		notes: deps.notes,
		createPlayer,
		host: workspacePlayerHost(workspace, deps.settings),
		durations: deps.durations,
		titles: deps.titles,
		// On iOS YouTube refuses every player a plugin creates (error 153: no Referer from a plugin's
		// iframe), so Obsidian's own embed plays YouTube from the start; elsewhere once YouTube refuses.
		youtubeFallback: Platform.isIosApp ? "always" : "after-refusal",
	});
	plugin.addChild(controller);

	plugin.registerView(PLAYER_VIEW_TYPE, (leaf) => new PlayerView(leaf, controller, (path) => showNote(workspace, vault, path), () => deps.settings.current.seekStepSeconds));

	const placement = (): Placement => resolvePlacement(deps.settings.current.playerPlacement, Platform.isMobile);
	const followNote = (path: string | null | undefined) => {
		// On top of the note, each note has its own player: the side view follows nothing.
		if (placement() === "side") controller.followNote(path);
	};
	plugin.registerEvent(workspace.on("file-open", (file) => followNote(file?.path)));
	plugin.registerEvent(
		workspace.on("active-leaf-change", (leaf) => {
			// Only notes count: focusing the player or a sidebar must not switch videos.
			if (leaf?.view instanceof MarkdownView) followNote(leaf.view.file?.path);
		}),
	);

	const app = plugin.app;
	plugin.addChild(
		new PinnedPlayers({
			workspace,
			metadataCache,
			settings: deps.settings,
			notes: deps.notes,
			controller,
			layout: new PinnedLayoutStore({ load: (key) => app.loadLocalStorage(key) as unknown, save: (key, data) => app.saveLocalStorage(key, data) }),
			placement,
			closeSideViews: () => workspace.detachLeavesOfType(PLAYER_VIEW_TYPE),
		}),
	);
	return controller;
}
