import { MarkdownView, type Plugin } from "obsidian";
import type { NoteVideoSource } from "../notes/noteVideo";
import type { SettingsSource } from "../settings/store";
import { Html5Player, type MediaFiles } from "./Html5Player";
import type { MediaPlayerFactory } from "./media";
import { PlaybackController } from "./PlaybackController";
import { PLAYER_VIEW_TYPE, PlayerView } from "./PlayerView";
import { showNote, workspacePlayerHost } from "./workspaceHost";
import { YouTubePlayer } from "./YouTubePlayer";

export { PlaybackController } from "./PlaybackController";
export type { PlayerHost } from "./host";
export { PLAYER_VIEW_TYPE, PlayerView } from "./PlayerView";
export type { PlaybackPort, PlaybackState, SeekOptions } from "./types";

/** What the player feature needs from the plugin. */
export interface PlayerDeps {
	settings: SettingsSource;
	notes: NoteVideoSource;
}

/**
 * Registers the player view, the controller and the "follow the active note" listeners, and
 * returns the controller every seek link drives (and the playback commands use).
 */
export function registerPlayer(plugin: Plugin, deps: PlayerDeps): PlaybackController {
	const { workspace, vault } = plugin.app;
	const files: MediaFiles = {
		resourceUrl: (path) => {
			const file = vault.getFileByPath(path);
			return file ? vault.getResourcePath(file) : null;
		},
	};
	const createPlayer: MediaPlayerFactory = (video, events) =>
		video.kind === "youtube"
			? new YouTubePlayer(video, events, { privacy: deps.settings.current.privacyMode })
			: new Html5Player(video, events, files);
	const controller = new PlaybackController({
		settings: deps.settings,
		notes: deps.notes,
		createPlayer,
		host: workspacePlayerHost(workspace, deps.settings),
	});
	plugin.addChild(controller);

	plugin.registerView(PLAYER_VIEW_TYPE, (leaf) => new PlayerView(leaf, controller, (path) => showNote(workspace, vault, path)));

	plugin.registerEvent(workspace.on("file-open", (file) => controller.followNote(file?.path)));
	plugin.registerEvent(
		workspace.on("active-leaf-change", (leaf) => {
			// Only notes count: focusing the player or a sidebar must not switch videos.
			if (leaf?.view instanceof MarkdownView) controller.followNote(leaf.view.file?.path);
		}),
	);
	return controller;
}
