import { App, MarkdownView, Notice, Platform, type NoteMode, type Plugin } from "../../test/double/obsidian";
import type { PluginManifest } from "../../test/double/plugin";
import { renderToFragment } from "../../test/double/markdown";
import { parseParams, startNote, type PlaygroundApi, type PlaygroundWindow, type Theme } from "./api";
import { openSettings, showMenus, showNotices } from "./overlays";
import { loadBuiltPlugin } from "./pluginLoader";
import { livePreview } from "./livePreview";
import { installPalette } from "./palette";
import { moveLeafToPopout, openPopoutDocument } from "./popout";
import { buildToolbar } from "./toolbar";
import { seedVault } from "./vaultLoader";
import { serveRecordings } from "./recorded";
import { mountWorkspace } from "./workspaceShell";

/**
 * The plugin's side views the page opens in the right sidebar, top to bottom, when registered:
 * each in its own tab group, as the plugin leaves them (the player's group above the panel's).
 */
const SIDE_VIEWS = ["video-citations-player", "video-citations-panel"];

/** Lets the plugin's async `onload` and deferred work run, as `test/helpers/plugin.ts` does. */
async function settle(win: Window, rounds = 3): Promise<void> {
	for (let i = 0; i < rounds; i++) await new Promise((resolve) => win.setTimeout(resolve, 0));
}

/**
 * Starts the playground: seeds the double's vault from the server, loads the built plugin as
 * Obsidian would (construct, `load()`, layout ready), opens the note the address asks for and
 * the plugin's side views, and exposes `window.playground`. Sets `body[data-playground]` to
 * `ready`, or to `error` with the reason on the page.
 */
export async function bootPlayground(win: PlaygroundWindow): Promise<PlaygroundApi> {
	const doc = win.document;
	const body = doc.body;
	const mark = (name: string) => win.performance.mark(`playground:${name}`);
	mark("start");
	body.dataset.playground = "loading";
	const { params, problems } = parseParams(win.location.search, win.matchMedia("(prefers-color-scheme: dark)").matches);

	if (params.device === "phone") {
		// Before the plugin loads: it reads the platform to choose where the player goes.
		Platform.isMobile = Platform.isPhone = Platform.isMobileApp = true;
		Platform.isDesktop = Platform.isDesktopApp = false;
		body.addClass("is-mobile", "is-phone");
	}
	if (params.ios) {
		// As Obsidian's iOS app sets them, before the plugin loads (it reads `isIosApp` to choose
		// its YouTube player). An iPad unless `device=phone`: its sidebars stay on the page.
		Platform.isIosApp = Platform.isMobileApp = Platform.isMobile = Platform.isSafari = true;
		Platform.isDesktop = Platform.isDesktopApp = Platform.isLinux = Platform.isWin = Platform.isAndroidApp = false;
		Platform.isPhone = params.device === "phone";
		Platform.isTablet = !Platform.isPhone;
		body.addClass("is-mobile", "is-ios", Platform.isPhone ? "is-phone" : "is-tablet");
	}
	const phone = body.hasClass("is-phone");
	showNotices(doc);
	showMenus(doc);
	const app = new App(doc);
	serveRecordings(win);
	// Obsidian's own editor: the markdown language and Live Preview's rendering, under the plugin's extensions.
	app.coreEditorExtensions.push(livePreview());
	installPalette(app, doc);
	await seedVault(app, win.location.href);
	mark("vault");
	const manifest = (await (await fetch(new URL("/manifest.json", win.location.href))).json()) as PluginManifest;
	manifest.dir = `${app.vault.configDir}/plugins/${manifest.id}`;
	const PluginClass = await loadBuiltPlugin(win);
	mark("main.js");

	let mode = params.mode;
	let theme = params.theme;
	const noteView = (): MarkdownView | null => {
		const leaf = app.workspace.leaves.find((l) => l.side === "root" && l.view instanceof MarkdownView);
		return leaf ? (leaf.view as MarkdownView) : null;
	};
	const syncPage = () => {
		const note = noteView()?.file?.path ?? "";
		toolbar.show({ note, mode, theme });
		body.dataset.note = note;
		body.dataset.mode = mode;
		const url = new URL(win.location.href);
		url.searchParams.set("note", note);
		url.searchParams.set("mode", mode);
		url.searchParams.set("theme", theme);
		win.history.replaceState(null, "", url);
		doc.title = `${noteView()?.file?.basename ?? "Playground"} · Video Citations playground`;
	};
	const openNote = async (path: string, nextMode: NoteMode = mode): Promise<MarkdownView> => {
		const file = app.vault.getFileByPath(path);
		if (!file || file.extension !== "md") throw new Error(`No note "${path}" in this vault.`);
		mode = nextMode;
		let view = noteView();
		if (view) {
			await view.leaf.openFile(file);
			view.setMode(mode);
		} else {
			view = await app.workspace.openNote(file, mode);
		}
		syncPage();
		return view;
	};
	const setMode = (next: NoteMode) => {
		mode = next;
		noteView()?.setMode(next);
		syncPage();
	};
	const setTheme = (next: Theme) => {
		theme = next;
		for (const b of [body, app.workspace.popoutDocument?.body]) {
			b?.toggleClass("theme-dark", next === "dark");
			b?.toggleClass("theme-light", next === "light");
		}
		syncPage();
	};

	// A note picked on the page that cannot open says why, as Obsidian would.
	const openFromPage = (path: string) => void openNote(path).catch((e: unknown) => new Notice(e instanceof Error ? e.message : String(e)));
	const toolbar = buildToolbar(body, app, { openNote: openFromPage, setMode, setTheme, openSettings: () => openSettings(app, doc) });
	mountWorkspace(body, app, openFromPage);
	setTheme(theme);

	const plugin: Plugin = new PluginClass(app, manifest);
	plugin.load();
	await settle(win);
	app.workspace.triggerLayoutReady();
	await settle(win);
	mark("plugin");

	const fallback = startNote(app.vault.getMarkdownFiles().map((f) => f.path));
	const wanted = params.note ?? fallback;
	const start = wanted !== null && app.vault.getFileByPath(wanted) ? wanted : fallback;
	if (wanted !== start) problems.push(`No note "${wanted}" in this vault; showing ${start ?? "nothing"}.`);
	if (start) await openNote(start, mode);
	mark("note");
	if (phone) {
		// Obsidian on a phone starts with its sidebars closed: drawers the plugin's reveal opens.
		app.workspace.leftSplit.collapse();
		app.workspace.rightSplit.collapse();
	}
	if (params.panels) {
		// On a phone the plugin's player sits on top of the note: only the panel waits in the drawer.
		for (const type of phone ? SIDE_VIEWS.filter((t) => t !== "video-citations-player") : SIDE_VIEWS) {
			if (app.viewRegistry.has(type) && app.workspace.getLeavesOfType(type).length === 0) {
				await app.workspace.getRightLeaf(true).setViewState({ type, active: false });
			}
		}
	}
	await settle(win);
	for (const problem of problems) new Notice(problem);

	const api: PlaygroundApi = {
		app,
		plugin,
		params,
		openNote,
		setMode,
		setTheme,
		noteView,
		openPopout: () => openPopoutDocument(app, doc),
		moveLeafToPopout: (leaf) => moveLeafToPopout(app, doc, leaf),
		render: (markdown) => renderToFragment(markdown, doc),
	};
	win.playground = api;
	mark("ready");
	body.dataset.playground = "ready";
	return api;
}
