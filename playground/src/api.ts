import type { App, MarkdownView, NoteMode, Plugin, WorkspaceLeaf } from "../../test/double/obsidian";

/** The page's colour scheme: Obsidian's `theme-light` or `theme-dark` body class. */
export type Theme = "light" | "dark";

/** The device the page plays: a desktop app, or Obsidian on a phone. */
export type Device = "desktop" | "phone";

/** What the page's address asks for: `?note=PATH&mode=reading|live|source&theme=light|dark&panels=0&device=phone&platform=ios`. */
export interface PlaygroundParams {
	/** The note to open, relative to the vault (`null`: the {@link startNote}). */
	note: string | null;
	mode: NoteMode;
	theme: Theme;
	/** Whether to open the player and the citations panel in the right sidebar at start. */
	panels: boolean;
	/**
	 * `phone` sets `Platform.isMobile`/`isPhone` before the plugin loads and gives the body
	 * Obsidian's `is-mobile is-phone` classes; the sidebars become drawers, closed at start (the
	 * citations panel waits in the right one, without the side player): revealing a leaf there
	 * (the plugin's "Open citations panel") opens it over the note, and a tap beside it closes it.
	 */
	device: Device;
	/**
	 * `?platform=ios`: Obsidian's iPad app (with `device=phone`, its iPhone app). Sets
	 * `Platform.isIosApp`, `isMobile` and `isMobileApp` before the plugin loads, and gives the body
	 * Obsidian's `is-mobile is-ios` classes, with `is-tablet` (sidebars as on a desktop) or `is-phone`.
	 */
	ios: boolean;
}

const MODES: readonly NoteMode[] = ["reading", "live", "source"];

/** The note the page opens when the address names none: `Welcome.md`, else the vault's first note by path. */
export function startNote(notePaths: readonly string[]): string | null {
	return notePaths.includes("Welcome.md") ? "Welcome.md" : ([...notePaths].sort()[0] ?? null);
}

/**
 * A note's vault path as it may be written in the address: relative to the vault, so a leading
 * `./` or `/` is dropped (`?note=./content/x.md` is `content/x.md`), and a backslash reads as `/`.
 * An empty path is none.
 */
export function notePath(written: string | null): string | null {
	if (written === null) return null;
	return written.replace(/\\/g, "/").replace(/^(?:\.\/|\/)+/, "") || null;
}

/** Reads the page's query string; anything unknown falls back to the default and is reported. */
export function parseParams(search: string, prefersDark: boolean): { params: PlaygroundParams; problems: string[] } {
	const query = new URLSearchParams(search);
	const problems: string[] = [];
	const mode = query.get("mode") ?? "live";
	const theme = query.get("theme") ?? (prefersDark ? "dark" : "light");
	if (!MODES.includes(mode as NoteMode)) problems.push(`Unknown mode "${mode}": use reading, live or source.`);
	if (theme !== "light" && theme !== "dark") problems.push(`Unknown theme "${theme}": use light or dark.`);
	const device = query.get("device") ?? "desktop";
	if (device !== "desktop" && device !== "phone") problems.push(`Unknown device "${device}": use desktop or phone.`);
	const platform = query.get("platform");
	if (platform !== null && platform !== "ios") problems.push(`Unknown platform "${platform}": use ios, or leave it out.`);
	return {
		params: {
			note: notePath(query.get("note")),
			mode: MODES.includes(mode as NoteMode) ? (mode as NoteMode) : "live",
			theme: theme === "dark" ? "dark" : "light",
			panels: query.get("panels") !== "0",
			device: device === "phone" ? "phone" : "desktop",
			ios: platform === "ios",
		},
		problems,
	};
}

/**
 * What the page exposes as `window.playground`, for the browser suite and for poking at the plugin
 * from the developer tools. `document.body.dataset.playground` is `ready` once it is usable; the
 * start-up stages are `performance` marks named `playground:<stage>`.
 */
export interface PlaygroundApi {
	app: App;
	plugin: Plugin;
	params: PlaygroundParams;
	/** Opens a note (by vault path) in the main leaf, in `mode` (default: the current mode). */
	openNote(path: string, mode?: NoteMode): Promise<MarkdownView>;
	/** Switches the open note between reading view, Live Preview and source mode. */
	setMode(mode: NoteMode): void;
	setTheme(theme: Theme): void;
	/** The note's view in the main leaf. */
	noteView(): MarkdownView | null;
	/**
	 * Gives the workspace a second document (an iframe styled like the page) for pop-out leaves:
	 * `app.workspace.openPopoutLeaf()` then builds its views there, as in an Obsidian pop-out window.
	 */
	openPopout(): Document;
	/**
	 * Moves an open leaf into the pop-out document (opening it if needed), as Obsidian's
	 * `workspace.moveLeafToPopout` does when a tab is dragged out: the leaf's element changes
	 * document (so an iframe in it reloads), then its view gets `onResize()` and the workspace a
	 * `layout-change`.
	 */
	moveLeafToPopout(leaf: WorkspaceLeaf): Document;
	/** Renders markdown the way the reading view does (marked, then DOMPurify), without post-processors. */
	render(markdown: string): DocumentFragment;
}

/** `window` with the playground's handle, for code that reads it. */
export type PlaygroundWindow = Window & { playground?: PlaygroundApi };
