import type { Plugin } from "obsidian";
import type { NoteVideoSource } from "../notes/noteVideo";
import type { SettingsSource } from "../settings/store";
import type { PlaybackPort, PlaybackState } from "./types";

/** What the player feature needs from the plugin. */
export interface PlayerDeps {
	settings: SettingsSource;
	notes: NoteVideoSource;
}

/**
 * Registers the player (view, controller, playback commands) and returns the controller every
 * seek link drives. PLACEHOLDER until the player issue lands: seeks are ignored.
 */
export function registerPlayer(plugin: Plugin, deps: PlayerDeps): PlaybackPort {
	void plugin;
	void deps;
	const state: PlaybackState = { video: null, seconds: 0, playing: false, duration: null, rate: 1 };
	return {
		state,
		seek: () => {},
		subscribe: () => () => {},
	};
}
