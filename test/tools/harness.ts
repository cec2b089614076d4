/**
 * The note tools on the test double: an app with notes, the tools registered on a host plugin with
 * a fake clipboard, and helpers to run commands and answer the confirmation as a user would.
 */
import { vi } from "vitest";
import { App, Modal, type NoteMode } from "../double/obsidian";
import { NoteVideos } from "../../src/notes/noteVideo";
import { memoryNames } from "../helpers/names";
import { vaultNoteText } from "../../src/obsidian/noteText";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { registerTools } from "../../src/tools";
import type { PluginServices } from "../../src/services";
import { memoryDurations } from "../helpers/durations";
import { settle } from "../helpers/plugin";
import { FakeClipboard, FakePlayback, fileAt, hostPlugin } from "../views/harness";

/** The plugin id the double prefixes command ids with. */
export const PLUGIN_ID = "video-citations";

/** A fresh app with `notes` seeded and the tools registered. */
export function toolsApp(notes: Record<string, string>) {
	const app = new App();
	document.body.appendChild(app.workspace.containerEl);
	for (const [path, text] of Object.entries(notes)) app.vault.seed(path, text);
	const clipboard = new FakeClipboard();
	const notesSource = new NoteVideos({
		frontmatter: (path) => app.metadataCache.getCache(path)?.frontmatter,
		resolveLink: (link, source) => app.metadataCache.getFirstLinkpathDest(link, source)?.path ?? null,
	});
	const { durations } = memoryDurations();
	const services: PluginServices = { settings: { current: { ...DEFAULT_SETTINGS }, onChange: () => () => {} }, playback: new FakePlayback(), notes: notesSource, durations, names: memoryNames({ frontmatter: (path) => app.metadataCache.getCache(path)?.frontmatter }, notesSource), openExternal: vi.fn(), clipboard, noteText: vaultNoteText(app.workspace as never, app.vault as never) };
	const plugin = hostPlugin(app);
	registerTools(plugin as never, services);
	return {
		app,
		plugin,
		clipboard,
		durations,
		/** Runs a tool command on the active note; `false` when it is not offered. */
		run: (id: string) => app.commands.execute(`${PLUGIN_ID}:${id}`),
		available: (id: string) => app.commands.isAvailable(`${PLUGIN_ID}:${id}`),
		open: (path: string, mode: NoteMode = "live") => app.workspace.openNote(fileAt(app, path), mode),
	};
}

/** The confirmation on screen (the test fails when there is none, or more than one). */
export function confirmation(): Modal {
	if (Modal.open.length !== 1) throw new Error(`Expected one open modal, found ${Modal.open.length}`);
	return Modal.open[0] as Modal;
}

/** The confirmation as a user reads it: title, paragraphs and list items, and its buttons. */
export function readConfirmation(modal = confirmation()) {
	return {
		title: modal.titleEl.textContent ?? "",
		text: [...modal.contentEl.querySelectorAll("p, li")].map((el) => el.textContent ?? ""),
		buttons: [...modal.contentEl.querySelectorAll("button")].map((b) => b.textContent ?? ""),
	};
}

/** Clicks the confirmation's button with this text, then lets the edit land. */
export async function answer(button: string, modal = confirmation()): Promise<void> {
	const el = [...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === button);
	if (!el) throw new Error(`No button "${button}"`);
	el.click();
	await settle();
}
