/**
 * Shared tools of the hostile-input suites (issue 10): the hostile fixture notes, the whole plugin
 * loaded on the test double with a fake YouTube, a recorder for every seek and every URL handed to
 * the browser, a guard that turns any logged error into a failure, and the DOM audit that says
 * whether anything on the page could run a script or load something the plugin did not validate.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import { EditorView } from "@codemirror/view";
import { App, MarkdownView, type NoteMode, type TFile } from "../double/obsidian";
import { loadPlugin, settle } from "../helpers/plugin";
import { FakeYTPlayer, installFakeYouTube } from "../player/fakeYouTube";
import { PlaybackController } from "../../src/player/PlaybackController";
import type { VideoRef } from "../../src/core";
import type { SeekOptions } from "../../src/player/types";

/** Where the hostile notes live. */
export const HOSTILE_DIR = join(__dirname, "..", "fixtures", "hostile");

/** One hostile fixture note: its file name and its text, byte for byte (BOM, CRLF and NUL included). */
export interface HostileNote {
	name: string;
	text: string;
}

/** Every hostile fixture note, sorted by name. */
export function hostileNotes(): HostileNote[] {
	return readdirSync(HOSTILE_DIR)
		.filter((name) => name.endsWith(".md") && name !== "README.md")
		.sort()
		.map((name) => ({ name, text: readFileSync(join(HOSTILE_DIR, name), "utf8") }));
}

// jsdom has no layout and no scrollIntoView (the panel scrolls the playing row into view).
Element.prototype.scrollIntoView ??= function () {};

/** The controller's own `seek`, kept before any spy wraps it. */
const realSeek = PlaybackController.prototype.seek;

/** The plugin id (command ids are prefixed with it). */
export const PLUGIN_ID = "video-citations";

/** A seek that reached the controller: what every link, chip, row and command ends in. */
export interface RecordedSeek {
	video: VideoRef;
	seconds: number;
	options?: SeekOptions;
}

/**
 * Records every `PlaybackController.seek` (and lets it run), every URL given to the browser
 * (`window.open`, which is what `openExternal` calls), and every `console.error` (a post-processor
 * that throws, a CodeMirror plugin that crashes and a failing event handler all end there).
 * The spies are restored after each test (vitest `restoreMocks`).
 */
export function recordEffects() {
	const seeks: RecordedSeek[] = [];
	vi.spyOn(PlaybackController.prototype, "seek").mockImplementation(function (this: PlaybackController, video: VideoRef, seconds: number, options?: SeekOptions) {
		seeks.push(options ? { video, seconds, options } : { video, seconds });
		realSeek.call(this, video, seconds, options);
	});
	const opened: string[] = [];
	vi.spyOn(window, "open").mockImplementation((url?: string | URL) => {
		opened.push(String(url));
		return null;
	});
	const errors: unknown[][] = [];
	vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
		errors.push(args);
	});
	return { seeks, opened, errors };
}

/** What the whole plugin on the double gives a test. */
export interface LoadedPlugin {
	app: App;
	plugin: Awaited<ReturnType<typeof loadPlugin>>["plugin"];
	/** Opens the note at `path` in a new tab in `mode` and lets the plugin follow. */
	open(path: string, mode: NoteMode): Promise<MarkdownView>;
	/** Runs a command as the palette would; `false` when it is not offered now. */
	run(id: string): boolean;
	/** The file at `path` (fails the test if there is none). */
	file(path: string): TFile;
}

/**
 * The real plugin (`main.ts` wiring) on a fresh double, with `notes` seeded (path → text), saved
 * settings `data` (or none), a loaded fake IFrame API on `window.YT`, and the workspace attached to
 * the document so a DOM audit sees everything the plugin drew.
 */
export async function loadWholePlugin(notes: Record<string, string>, data?: unknown): Promise<LoadedPlugin> {
	installFakeYouTube();
	const app = new App();
	activeDocument.body.appendChild(app.workspace.containerEl);
	for (const [path, text] of Object.entries(notes)) app.vault.seed(path, text);
	if (data !== undefined) app.pluginData.set(PLUGIN_ID, data);
	const { plugin } = await loadPlugin(app);
	const file = (path: string): TFile => {
		const f = app.vault.getFileByPath(path);
		if (!f) throw new Error(`No file ${path}`);
		return f;
	};
	return {
		app,
		plugin,
		file,
		async open(path, mode) {
			const view = await app.workspace.openNote(file(path), mode);
			await settle();
			return view;
		},
		run: (id) => app.commands.execute(`${PLUGIN_ID}:${id}`),
	};
}

/** The newest fake `YT.Player`, or `null` when none was created. */
export function newestYT(): FakeYTPlayer | null {
	return FakeYTPlayer.instances[FakeYTPlayer.instances.length - 1] ?? null;
}

/** Scrolls `view` from top to bottom a screen at a time, calling `visit` at each stop (CodeMirror draws only what is near the screen). */
export function scrollThrough(view: EditorView, visit: () => void): void {
	let pos = 0;
	for (let guard = 0; guard < 10_000; guard++) {
		view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: "start" }) });
		visit();
		const end = view.visibleRanges[view.visibleRanges.length - 1]?.to ?? view.state.doc.length;
		if (end >= view.state.doc.length) return;
		const next = view.state.doc.lineAt(end).from;
		pos = next > pos ? next : end > pos ? end : pos + 1000;
	}
	throw new Error("scrollThrough never reached the end of the note");
}

/** A mouse event as a person makes it; returns whether its default was cancelled. */
export function mouse(el: Element, type: "click" | "mousedown" | "mouseover" | "contextmenu", init: MouseEventInit = {}): boolean {
	const evt = new MouseEvent(type, { bubbles: true, cancelable: true, button: 0, ...init });
	el.dispatchEvent(evt);
	return evt.defaultPrevented;
}

/** A key press on `el`; returns whether its default was cancelled. */
export function key(el: Element, k: string, init: KeyboardEventInit = {}): boolean {
	const evt = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, key: k, ...init });
	el.dispatchEvent(evt);
	return evt.defaultPrevented;
}

/** Whether a seek is one a player can make: a finite, non-negative time (at most a week) of a checked video. */
export function seekProblem(seek: RecordedSeek): string | null {
	const { video, seconds } = seek;
	if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0 || seconds > 7 * 24 * 3600) return `seek to ${String(seconds)}`;
	if (video.kind === "youtube" && !/^[A-Za-z0-9_-]{11}$/.test(video.id)) return `seek on YouTube id ${JSON.stringify(video.id)}`;
	if (video.kind === "url" && !/^https?:$/.test(new URL(video.url).protocol)) return `seek on URL ${video.url}`;
	if (video.kind === "file" && (video.path.split("/").includes("..") || /^[a-z][a-z0-9+.-]*:/i.test(video.path))) return `seek on path ${video.path}`;
	return null;
}

/** Lets queued work run (promises and zero-delay timers). */
export { settle };
