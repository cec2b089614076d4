/**
 * Helpers for the pinned-player suites: the player plugin (or the whole plugin) loaded with a
 * placement saved as a user who chose it would have it, notes with a video, and what a person sees
 * of a note's pinned player.
 */
import { App, Platform, type MarkdownView, type NoteMode, type TFile } from "../double/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { FakeYTPlayer } from "../player/fakeYouTube";
import { loadPlayerPlugin } from "../player/harness";
import type { PlayerPlacement } from "../../src/settings/settings";

/** The plugin's id, as its data and commands are keyed. */
export const PLUGIN_ID = "video-citations";

/** The seed note's video and another one. */
export const SEED_ID = "aXGo1o_baBo";
export const OTHER_ID = "hEzpiDuYFoE";

/** A timestamp element as the corpus writes it. */
export function anchor(time: string): string {
	return `<a class="yt-timestamp" data-t="${time}">[${time}]</a>`;
}

/** A small note citing `videoId` at 00:00:10 and 00:10:00. */
export function noteText(videoId: string, title = "Talk"): string {
	return `---\nvideoId: ${videoId}\n---\n# ${title}\n\nFirst claim ${anchor("00:00:10")}.\n\nSecond claim ${anchor("00:10:00")}.\n`;
}

/**
 * Saves `placement` as the plugin's setting before it loads (`null`: never chosen), and puts
 * the workspace on the page, as in the app.
 */
function prepare(app: App, placement: PlayerPlacement | null): void {
	if (placement) app.pluginData.set(PLUGIN_ID, { playerPlacement: placement });
	activeDocument.body.appendChild(app.workspace.containerEl);
}

/** The player and its commands loaded with `placement` saved (default: top of the note). */
export async function loadPinned(placement: PlayerPlacement | null = "top", app = new App()) {
	prepare(app, placement);
	return loadPlayerPlugin(app);
}

/** The whole plugin (reading view, editor, panel too) loaded with `placement` saved. */
export async function loadWholePinned(placement: PlayerPlacement | null = "top", app = new App()) {
	prepare(app, placement);
	return loadPlugin(app);
}

/** Opens `path` (seeded with `text`) in a new tab in `mode`. */
export async function open(app: App, path: string, text: string, mode: NoteMode = "live"): Promise<{ file: TFile; view: MarkdownView }> {
	const file = app.vault.getFileByPath(path) ?? app.vault.seed(path, text);
	const view = await app.workspace.openNote(file, mode);
	return { file, view };
}

/** The pinned player on top of `view`'s content, or `null`. */
export function pinnedOf(view: MarkdownView): HTMLElement | null {
	return view.contentEl.querySelector<HTMLElement>(":scope > .vc-pinned-player");
}

/** Every pinned-player element in the document and in closed views' content. */
export function pinnedCount(...views: MarkdownView[]): number {
	const inDoc = activeDocument.querySelectorAll(".vc-pinned-player").length;
	const inClosed = views.filter((v) => !v.contentEl.isConnected).reduce((n, v) => n + v.contentEl.querySelectorAll(".vc-pinned-player").length, 0);
	return inDoc + inClosed;
}

/** The live (not destroyed) fake YouTube players whose iframe is in `view`. */
export function ytIn(view: MarkdownView): FakeYTPlayer[] {
	return FakeYTPlayer.instances.filter((p) => !p.destroyed && view.contentEl.contains(p.iframe));
}

/** The one live YouTube player in `view`'s pinned player. */
export function ytOf(view: MarkdownView): FakeYTPlayer {
	const players = ytIn(view);
	if (players.length !== 1) throw new Error(`expected one player in the note, found ${players.length}`);
	return players[0] as FakeYTPlayer;
}

/**
 * Loads `view`'s pinned player the way a person does before using it, with "Open player for this
 * note" on that note (a YouTube video waits for the user until then), and resolves to its fake
 * YouTube player, not ready yet. The active tab is left as it was.
 */
export async function wake(app: App, view: MarkdownView): Promise<FakeYTPlayer> {
	const before = app.workspace.activeLeaf;
	app.workspace.setActiveLeaf(view.leaf);
	if (!app.commands.execute(`${PLUGIN_ID}:open-player`)) throw new Error("'Open player for this note' is not available");
	if (before && before !== view.leaf) app.workspace.setActiveLeaf(before);
	await flush();
	return ytOf(view);
}

/** Lets queued promise callbacks run (the IFrame API arrives through one), without timers: some tests fake them. */
export async function flush(): Promise<void> {
	for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** What a person sees of `view`'s pinned player. */
export function seen(view: MarkdownView) {
	const root = pinnedOf(view);
	if (!root) return null;
	const text = (selector: string) => {
		const el = root.querySelector<HTMLElement>(selector);
		return el && !el.hidden ? (el.textContent ?? "") : null;
	};
	return {
		time: text(".vc-pinned-time"),
		title: text(".vc-pinned-title"),
		play: root.querySelector(".vc-pinned-play")?.getAttribute("aria-label") ?? null,
		collapse: root.querySelector(".vc-pinned-collapse")?.getAttribute("aria-label") ?? null,
		collapsed: root.classList.contains("is-collapsed"),
		/** Nothing played or sought yet: on a phone the player is then its bar alone (styles.css). */
		unplayed: root.classList.contains("is-unplayed"),
		/** What the bar says playing will load (shown where the poster is out of sight). */
		barNote: text(".vc-pinned-note"),
		size: [...root.classList].find((c) => c.startsWith("vc-pinned-size-"))?.slice("vc-pinned-size-".length) ?? null,
		status: text(".vc-player-status"),
		error: text(".vc-player-error-message"),
		/** The poster of a video not loaded yet: its name and what playing it loads. */
		poster: root.querySelector(".vc-player-poster") ? [text(".vc-player-poster-title"), text(".vc-player-poster-note")] : null,
	};
}

/** Clicks an element of `view`'s pinned player. */
export function clickIn(view: MarkdownView, selector: string): void {
	const el = pinnedOf(view)?.querySelector<HTMLElement>(selector);
	if (!el) throw new Error(`no ${selector} in the pinned player`);
	el.click();
}

/** Runs `fn` with `Platform.isMobile` set, restoring it after. */
export async function onMobile<T>(mobile: boolean, fn: () => Promise<T>): Promise<T> {
	const before = Platform.isMobile;
	Platform.isMobile = mobile;
	try {
		return await fn();
	} finally {
		Platform.isMobile = before;
	}
}
