/**
 * The citations panel on the test double: an app with notes, fake playback, settings and
 * clipboard, and the panel opened in the right sidebar, read back the way a user sees it.
 */
import { vi } from "vitest";
import { App, Plugin, type TFile, type WorkspaceLeaf } from "../double/obsidian";
import { CitationsView, VIEW_TYPE_CITATIONS } from "../../src/views/CitationsView";
import { NoteVideos } from "../../src/notes/noteVideo";
import type { NoteRepairer } from "../../src/tools";
import { memoryNames } from "../helpers/names";
import { vaultNoteText } from "../../src/obsidian/noteText";
import { DEFAULT_SETTINGS, type VideoCitationsSettings } from "../../src/settings/settings";
import type { PlaybackPort, PlaybackState, SeekOptions } from "../../src/player/types";
import type { VideoRef } from "../../src/core";
import type { PluginServices } from "../../src/services";
import { settle } from "../helpers/plugin";
import { registerCitationIndex } from "../../src/vault";
import type { CitationIndex } from "../../src/vault/citationIndex";
import type { VideoDurations } from "../../src/notes/videoDurations";
import { memoryDurations } from "../helpers/durations";

/** Playback that records seeks and lets a test play time updates. */
export class FakePlayback implements PlaybackPort {
	state: PlaybackState = { video: null, seconds: 0, playing: false, duration: null, rate: 1 };
	seeks: { video: VideoRef; seconds: number; options?: SeekOptions }[] = [];
	listeners = new Set<(state: Readonly<PlaybackState>) => void>();

	seek(video: VideoRef, seconds: number, options?: SeekOptions): void {
		this.seeks.push(options ? { video, seconds, options } : { video, seconds });
	}

	subscribe(listener: (state: Readonly<PlaybackState>) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** A time update from the player. */
	emit(change: Partial<PlaybackState>): void {
		this.state = { ...this.state, ...change };
		for (const l of [...this.listeners]) l(this.state);
	}
}

/** A clipboard that keeps what was written. */
export class FakeClipboard {
	written: string[] = [];
	async writeText(text: string): Promise<void> {
		this.written.push(text);
	}
}

/** Everything a panel test touches. */
export interface Panel {
	app: App;
	index?: CitationIndex;
	playback: FakePlayback;
	clipboard: FakeClipboard;
	settings: { current: VideoCitationsSettings; onChange: () => () => void };
	/** The videos' lengths the panel and the index read notes against (a test records one as a player would). */
	durations: VideoDurations;
	leaf: WorkspaceLeaf;
	view: CitationsView;
	el: HTMLElement;
}

/** What {@link makeApp} sets up besides the panel. */
export interface AppOptions {
	/** Build the vault-wide citation index (as the plugin does after layout-ready) and give it to the panel. */
	vault?: boolean;
	/** Runs once the notes are seeded, before the index starts building (to slow its reads down, say). */
	beforeIndex?(app: App): void;
	/** Leaves the layout not ready (so the index has not started); the test triggers it. */
	layoutLater?: boolean;
	/** The note tools the panel's header may run (its "rewrite" button). */
	tools?: NoteRepairer;
}

/** A plugin on `app` that only holds what a test registers on it (the citation index, the tools). */
export function hostPlugin(app: App): Plugin {
	const plugin = new (class extends Plugin {})(app, { id: "video-citations", name: "Video Citations", version: "1", minAppVersion: "1", description: "", author: "" });
	plugin.load();
	return plugin;
}

/**
 * A fresh app with `notes` seeded (path → text) and the panel view type registered; with
 * `{ vault: true }` the citation index is registered on a host plugin and built (call
 * {@link settleIndex} before reading the panel).
 */
export function makeApp(notes: Record<string, string> = {}, options: AppOptions = {}) {
	const app = new App();
	for (const [path, text] of Object.entries(notes)) app.vault.seed(path, text);
	const playback = new FakePlayback();
	const clipboard = new FakeClipboard();
	const settings = { current: { ...DEFAULT_SETTINGS }, onChange: () => () => {} };
	const notesSource = new NoteVideos({
		frontmatter: (path) => app.metadataCache.getCache(path)?.frontmatter,
		resolveLink: (link, source) => app.metadataCache.getFirstLinkpathDest(link, source)?.path ?? null,
	});
	const { durations } = memoryDurations();
	const services: PluginServices = { settings, playback, notes: notesSource, durations, names: memoryNames({ frontmatter: (path) => app.metadataCache.getCache(path)?.frontmatter }, notesSource), openExternal: vi.fn(), clipboard, noteText: vaultNoteText(app.workspace as never, app.vault as never) };
	let host: Plugin | null = null;
	let index: CitationIndex | undefined;
	if (options.vault) {
		host = hostPlugin(app);
		index = registerCitationIndex(host as never, services);
		options.beforeIndex?.(app);
		if (!options.layoutLater) app.workspace.triggerLayoutReady();
	}
	app.viewRegistry.set(VIEW_TYPE_CITATIONS, (leaf) => new CitationsView(leaf as never, { services, index, tools: options.tools }) as never);
	document.body.appendChild(app.workspace.containerEl);
	return { app, playback, clipboard, settings, services, durations, host, index };
}

/** Lets the index build (chunks yield with zero-delay timers) and the panels re-render. */
export async function settleIndex(app: App): Promise<void> {
	await settle(20);
	await settlePanels(app);
}

/** Opens the panel in the right sidebar of `made` and lets it render. */
export async function openPanel(made: ReturnType<typeof makeApp>): Promise<Panel> {
	const leaf = await made.app.workspace.ensureSideLeaf(VIEW_TYPE_CITATIONS, "right", { active: false });
	await settlePanels(made.app);
	const view = leaf.view as unknown as CitationsView;
	return { ...made, leaf, view, el: view.containerEl };
}

/** Opens `path` in a new tab in `mode` and lets the panel follow. */
export async function openNote(app: App, path: string, mode: "reading" | "live" | "source" = "live") {
	const view = await app.workspace.openNote(fileAt(app, path), mode);
	await settlePanels(app);
	return view;
}

/** The vault file at `path` (the test fails if there is none). */
export function fileAt(app: App, path: string): TFile {
	const file = app.vault.getFileByPath(path);
	if (!file) throw new Error(`No file ${path}`);
	return file;
}

/** Lets pending work run, then waits for every open panel to finish rendering its rows in chunks. */
export async function settlePanels(app: App): Promise<void> {
	await settle();
	for (let frames = 0; frames < 200; frames++) {
		const pending = app.workspace
			.getLeavesOfType(VIEW_TYPE_CITATIONS)
			.some((leaf) => (leaf.view as unknown as CitationsView).citationList.renderedCount < (leaf.view as unknown as CitationsView).citationList.rowCount);
		if (!pending) return;
		await new Promise((resolve) => window.requestAnimationFrame(resolve));
	}
}

/** The rows as a user reads them: chips' text and the cited text. */
export function rowsOf(el: HTMLElement): { chips: string[]; text: string }[] {
	return [...el.querySelectorAll(".vc-panel-row")].map((row) => ({
		chips: [...row.querySelectorAll(".vc-panel-chip")].map((c) => c.textContent ?? ""),
		text: row.querySelector(".vc-panel-text")?.textContent ?? "",
	}));
}

/** The row elements. */
export function rowEls(el: HTMLElement): HTMLElement[] {
	return [...el.querySelectorAll<HTMLElement>(".vc-panel-row")];
}

/** The group headers' titles, in order. */
export function groupTitles(el: HTMLElement): string[] {
	return [...el.querySelectorAll(".vc-panel-group-title")].map((t) => t.textContent ?? "");
}

/** The visible panel message (empty states). */
export function messageOf(el: HTMLElement): string {
	return [...el.querySelectorAll<HTMLElement>(".vc-panel-message")]
		.filter((m) => !m.hidden && m.textContent)
		.map((m) => m.textContent)
		.join(" | ");
}

/** A click as the user makes it (bubbling, so the panel's delegated listener sees it). */
export function click(target: Element, type: "click" | "contextmenu" = "click"): void {
	target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
}

/** A key press on `target`. */
export function press(target: Element, key: string): KeyboardEvent {
	const evt = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
	target.dispatchEvent(evt);
	return evt;
}

/** Types `value` into the filter box. */
export function typeFilter(el: HTMLElement, value: string): HTMLInputElement {
	const input = el.querySelector<HTMLInputElement>(".vc-panel-filter") as HTMLInputElement;
	input.value = value;
	input.dispatchEvent(new Event("input", { bubbles: true }));
	return input;
}

/** Waits out the panel's edit debounce (300 ms) and the re-render. */
export async function afterDebounce(app: App): Promise<void> {
	await new Promise((resolve) => window.setTimeout(resolve, 360));
	await settlePanels(app);
}

// jsdom has no layout, so no scrollIntoView: a no-op until a test records the calls.
Element.prototype.scrollIntoView ??= function () {};

/** jsdom has no layout: record scrollIntoView calls instead. */
export function spyScroll() {
	const calls: { el: Element; arg: unknown }[] = [];
	Element.prototype.scrollIntoView = function (this: Element, arg?: unknown) {
		calls.push({ el: this, arg });
	};
	return calls;
}

/** A note with a YouTube video and the given body. */
export function note(body: string, frontmatter = "videoId: aXGo1o_baBo"): string {
	return frontmatter ? `---\n${frontmatter}\n---\n${body}` : body;
}

/** An anchor citation as the corpus writes it. */
export function anchor(time: string, extra = ""): string {
	return `<a class="yt-timestamp" data-t="${time}"${extra}>[${time}]</a>`;
}
