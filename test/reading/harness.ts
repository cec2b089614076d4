import { vi } from "vitest";
import { App, MarkdownView, Plugin } from "../double/obsidian";
import { renderFragmentWithProcessors } from "../double/markdown";
import { Component } from "../double/component";
import manifest from "../../manifest.json";
import type { VideoRef } from "../../src/core";
import { NoteVideos } from "../../src/notes/noteVideo";
import { memoryNames } from "../helpers/names";
import { vaultNoteText } from "../../src/obsidian/noteText";
import { vaultMetadata } from "../../src/obsidian/vaultMetadata";
import type { PlaybackPort, PlaybackState, SeekOptions } from "../../src/player/types";
import { registerReadingView } from "../../src/reading";
import type { PluginServices } from "../../src/services";
import { DEFAULT_SETTINGS, type VideoCitationsSettings } from "../../src/settings/settings";
import type { VideoDurations } from "../../src/notes/videoDurations";
import { memoryDurations } from "../helpers/durations";

/** The seed video of the corpus. */
export const SEED_ID = "aXGo1o_baBo";
export const SEED: VideoRef = { kind: "youtube", id: SEED_ID };

/** A playback controller that records seeks and lets a test push time updates. */
export class FakePlayback implements PlaybackPort {
	state: PlaybackState = { video: null, seconds: 0, playing: false, duration: null, rate: 1 };
	seeks: { video: VideoRef; seconds: number; options?: SeekOptions }[] = [];
	listeners = new Set<(state: Readonly<PlaybackState>) => void>();

	seek(video: VideoRef, seconds: number, options?: SeekOptions): void {
		this.seeks.push({ video, seconds, options });
	}

	subscribe(listener: (state: Readonly<PlaybackState>) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Sends a time update (or state change) to every subscriber. */
	emit(change: Partial<PlaybackState>): void {
		this.state = { ...this.state, ...change };
		for (const listener of [...this.listeners]) listener(this.state);
	}
}

class TestPlugin extends Plugin {}

/** The reading view registered on a test plugin over the double's app, with fake playback and a spy browser. */
export interface Reading {
	app: App;
	plugin: TestPlugin;
	playback: FakePlayback;
	settings: { current: VideoCitationsSettings; onChange: () => () => void };
	openExternal: ReturnType<typeof vi.fn<(url: string) => void>>;
	/** The videos' lengths the reading view reads notes against (a test records one as a player would). */
	durations: VideoDurations;
	services: PluginServices;
	/** Opens `text` as `path` in reading view (in a new leaf) and returns the view. */
	open(text: string, path?: string): Promise<MarkdownView>;
	/** Opens `text` as `path` in reading view and returns the rendered preview. */
	render(text: string, path?: string): Promise<HTMLElement>;
	/** Runs the registered post-processors on `el` with a context that has no section info (and, unless given, no frontmatter). */
	process(el: HTMLElement, sourcePath: string, frontmatter?: Record<string, unknown>): Component;
	/** Renders `markdown` without section info, as `MarkdownRenderer.render` does for embeds. */
	renderWithoutSections(markdown: string, sourcePath: string, owner?: Component): HTMLElement;
}

/** Loads a test plugin with only the reading view registered. */
export function setUpReading(settings: Partial<VideoCitationsSettings> = {}): Reading {
	const app = new App();
	const plugin = new TestPlugin(app, manifest);
	plugin.load();
	const playback = new FakePlayback();
	const settingsSource = { current: { ...DEFAULT_SETTINGS, ...settings }, onChange: () => () => {} };
	const openExternal = vi.fn<(url: string) => void>();
	const notes = new NoteVideos(vaultMetadata(app as never));
	const { durations } = memoryDurations();
	const services: PluginServices = { settings: settingsSource, playback, notes, durations, names: memoryNames(vaultMetadata(app as never), notes), openExternal, clipboard: { writeText: () => Promise.resolve() }, noteText: vaultNoteText(app.workspace as never, app.vault as never) };
	registerReadingView(plugin as never, services);
	return {
		app,
		plugin,
		playback,
		settings: settingsSource,
		openExternal,
		durations,
		services,
		async open(text, path = "note.md") {
			return app.workspace.openNote(app.vault.seed(path, text), "reading");
		},
		async render(text, path = "note.md") {
			return (await this.open(text, path)).previewEl;
		},
		process(el, sourcePath, frontmatter) {
			const owner = plugin.addChild(new Component());
			const ctx = { docId: `doc-${sourcePath}`, sourcePath, frontmatter, addChild: (child: Component) => owner.addChild(child), getSectionInfo: () => null };
			for (const pp of app.markdownPostProcessors) void pp(el, ctx);
			return owner;
		},
		renderWithoutSections(markdown, sourcePath, owner) {
			const el = activeDocument.body.createDiv();
			const component = owner ?? plugin.addChild(new Component());
			renderFragmentWithProcessors(markdown, el, sourcePath, app.markdownPostProcessors, component);
			return el;
		},
	};
}

/** `<a class="yt-timestamp" data-t="…">label</a>`, the corpus form. */
export function anchor(t: string, label = `[${t}]`): string {
	return `<a class="yt-timestamp" data-t="${t}">${label}</a>`;
}

/** A note with the seed video and `body`. */
export function note(body: string, frontmatter = `videoId: ${SEED_ID}`): string {
	return `---\n${frontmatter}\n---\n${body}\n`;
}

/** The seek links rendered under `root`, in document order. */
export function links(root: ParentNode): HTMLElement[] {
	return unhoveredLinks(root);
}

/** The seek links under `root` as rendered, before anything has pointed at them. */
export function unhoveredLinks(root: ParentNode): HTMLElement[] {
	return Array.from(root.querySelectorAll<HTMLElement>(".yt-timestamp[role=link]"));
}

/** Clicks `el` as a person does; returns whether the default action was cancelled. */
export function click(el: Element, init: MouseEventInit = {}): boolean {
	const evt = new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ...init });
	el.dispatchEvent(evt);
	return evt.defaultPrevented;
}

/** Presses `key` on `el`; returns whether the default action was cancelled. */
export function press(el: Element, key: string, init: KeyboardEventInit = {}): boolean {
	const evt = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, key, ...init });
	el.dispatchEvent(evt);
	return evt.defaultPrevented;
}
