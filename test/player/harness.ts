/**
 * The player and the playback commands loaded on the test double the way `main.ts` wires them
 * (`registerPlayer`, then `registerCommands` with the controller it returns), so tests can reach
 * the controller and pass a fake clipboard.
 */
import { Plugin } from "obsidian";
import { App } from "../double/obsidian";
import manifest from "../../manifest.json";
import { NoteVideos } from "../../src/notes/noteVideo";
import { vaultNoteText } from "../../src/obsidian/noteText";
import { vaultMetadata } from "../../src/obsidian/vaultMetadata";
import { registerPlayer } from "../../src/player";
import type { PlaybackController } from "../../src/player/PlaybackController";
import { registerCommands } from "../../src/commands";
import { vaultAttachments } from "../../src/obsidian/attachments";
import { grabFrame } from "../../src/player/frameCapture";
import { SettingsStore } from "../../src/settings/store";
import { settle } from "../helpers/plugin";

/** A clipboard that keeps what was written (or refuses, when `broken`). */
export class FakeClipboard {
	written: string[] = [];
	broken = false;
	async writeText(text: string): Promise<void> {
		if (this.broken) throw new Error("clipboard denied");
		this.written.push(text);
	}
}

/** A plugin holding only the player and its commands. */
export class PlayerTestPlugin extends Plugin {
	store = new SettingsStore({ load: () => this.loadData(), save: (data) => this.saveData(data) });
	controller!: PlaybackController;
	clipboard = new FakeClipboard();

	override async onload(): Promise<void> {
		await this.store.load();
		const notes = new NoteVideos(vaultMetadata(this.app));
		this.controller = registerPlayer(this, { settings: this.store, notes });
		registerCommands(this, { playback: this.controller, settings: this.store, notes, clipboard: this.clipboard, noteText: vaultNoteText(this.app.workspace, this.app.vault), capture: { attachments: vaultAttachments(this.app), grab: grabFrame }, captureButtons: this.controller });
	}
}

/** Loads {@link PlayerTestPlugin} on `app` and waits for it. */
export async function loadPlayerPlugin(app = new App()): Promise<{ app: App; plugin: PlayerTestPlugin }> {
	const plugin = new PlayerTestPlugin(app as never, manifest);
	plugin.load();
	await settle();
	app.workspace.triggerLayoutReady();
	await settle();
	return { app, plugin };
}
