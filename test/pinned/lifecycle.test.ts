import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App, type MarkdownView } from "../double/obsidian";
import { footprint, settle } from "../helpers/plugin";
import { FakeYTPlayer, installFakeYouTube, removeFakeYouTube, YTState } from "../player/fakeYouTube";
import { popoutWindow } from "../player/popout";
import { flush, loadPinned, loadWholePinned, noteText, open, OTHER_ID, pinnedOf, seen, SEED_ID, wake, ytIn, ytOf } from "./harness";

beforeEach(() => {
	installFakeYouTube();
});

afterEach(() => {
	removeFakeYouTube();
});

/** Waits (up to 3 s) until `done()` holds. */
async function until(done: () => boolean): Promise<void> {
	for (let waited = 0; !done() && waited < 3000; waited += 20) await new Promise((resolve) => window.setTimeout(resolve, 20));
}

const liveYT = () => FakeYTPlayer.instances.filter((p) => !p.destroyed);
const nodesIn = (view: MarkdownView) => view.contentEl.querySelectorAll(".vc-pinned-player").length;

describe("attaching and detaching", () => {
	it("closing the note takes its player away and leaves no node in the view", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const yt = (await wake(app, view)).ready().setState(YTState.PLAYING);
		view.leaf.detach();
		await settle();
		expect(nodesIn(view)).toBe(0);
		expect(yt.destroyed).toBe(true);
		expect(liveYT()).toEqual([]);
	});

	it("follows the note a tab shows: another video waits in its place, a note without one has no player, coming back resumes", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const first = (await wake(app, view)).ready();
		first.time = 300;
		await view.leaf.openFile(app.vault.seed("b.md", noteText(OTHER_ID)));
		expect(first.destroyed).toBe(true);
		expect(nodesIn(view)).toBe(1);
		expect(seen(view)?.poster).toEqual([`YouTube video ${OTHER_ID}`, "Loads from YouTube when you play"]);
		expect((await wake(app, view)).iframe.getAttribute("src")).toContain(OTHER_ID);
		await view.leaf.openFile(app.vault.seed("plain.md", "# No video\n"));
		expect(nodesIn(view)).toBe(0);
		expect(liveYT()).toEqual([]);
		await view.leaf.openFile(app.vault.getFileByPath("a.md") as never);
		expect(seen(view)).toMatchObject({ time: "5:00", poster: [`YouTube video ${SEED_ID}`, "Loads from YouTube when you play"] });
		expect((await wake(app, view)).ready().calls[0]).toEqual(["seekTo", 300, true]);
	});

	it("another note with the same video keeps the player playing", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const yt = (await wake(app, view)).ready().setState(YTState.PLAYING);
		await view.leaf.openFile(app.vault.seed("a2.md", noteText(SEED_ID, "Same talk")));
		expect(yt.destroyed).toBe(false);
		expect(ytOf(view)).toBe(yt);
	});

	it("follows frontmatter changes: another video, no video, a video again", async () => {
		const { app } = await loadPinned();
		const { file, view } = await open(app, "a.md", noteText(SEED_ID));
		const first = (await wake(app, view)).ready();
		app.vault.externalModify(file, noteText(OTHER_ID));
		await settle();
		expect(first.destroyed).toBe(true);
		expect(seen(view)?.poster?.[0]).toBe(`YouTube video ${OTHER_ID}`);
		expect((await wake(app, view)).iframe.getAttribute("src")).toContain(OTHER_ID);
		app.vault.externalModify(file, "---\nvideoId: not a video\n---\nText\n");
		expect(nodesIn(view)).toBe(0);
		app.vault.externalModify(file, noteText(SEED_ID));
		await settle();
		expect(nodesIn(view)).toBe(1);
		expect((await wake(app, view)).iframe.getAttribute("src")).toContain(SEED_ID);
	});

	it("typing the video into the note's properties in Live Preview pins a player, without touching the typing", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", "---\ntitle: Talk\n---\nText\n");
		expect(nodesIn(view)).toBe(0);
		const cm = view.editorView;
		cm?.dispatch({ changes: { from: 4, insert: `videoId: ${SEED_ID}\n` }, selection: { anchor: 4 + 21 } });
		// Obsidian saves what was typed once typing pauses; the frontmatter counts from then on.
		await until(() => nodesIn(view) === 1);
		expect(view.editor.getValue()).toBe(`---\nvideoId: ${SEED_ID}\ntitle: Talk\n---\nText\n`);
		expect(cm?.state.selection.main.head).toBe(25);
		expect(app.vault.writes).toEqual([]);
	});

	it("stays put across mode switches: same element, same player", async () => {
		const { app } = await loadPinned();
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		const el = pinnedOf(view);
		const yt = await wake(app, view);
		for (const mode of ["reading", "source", "live"] as const) {
			view.setMode(mode);
			expect(pinnedOf(view)).toBe(el);
			expect(ytOf(view)).toBe(yt);
		}
	});

	it("keeps the note's seeks after the note is renamed", async () => {
		const { app, plugin } = await loadPinned();
		const { file, view } = await open(app, "a.md", noteText(SEED_ID));
		app.vault.rename(file, "talks/renamed.md");
		plugin.controller.seek({ kind: "youtube", id: SEED_ID }, 90, { sourcePath: "talks/renamed.md" });
		await flush();
		expect(ytOf(view).ready().calls).toEqual([["seekTo", 90, true], ["playVideo"]]);
		expect(app.workspace.getLeavesOfType("video-citations-player")).toHaveLength(0);
	});

	it("is idempotent: repeated workspace and metadata events add no element and no player", async () => {
		const { app } = await loadPinned();
		const { file, view } = await open(app, "a.md", noteText(SEED_ID));
		const { view: other } = await open(app, "b.md", noteText(OTHER_ID));
		const players = [await wake(app, view), await wake(app, other)];
		for (let i = 0; i < 5; i++) {
			app.workspace.trigger("layout-change");
			app.workspace.trigger("file-open", file);
			app.workspace.trigger("active-leaf-change", view.leaf);
			app.workspace.trigger("active-leaf-change", other.leaf);
			app.metadataCache.trigger("changed", file);
		}
		await settle();
		expect([nodesIn(view), nodesIn(other)]).toEqual([1, 1]);
		expect([ytIn(view), ytIn(other)]).toEqual([[players[0]], [players[1]]]);
		expect(players.map((p) => p.destroyed)).toEqual([false, false]);
	});

	it.each([
		["no frontmatter", "Just text.\n"],
		["a bad id", "---\nvideoId: nope\n---\nText\n"],
		["a script URL", "---\nvideo: javascript:alert(1)\n---\nText\n"],
	])("a note with %s gets no player", async (_name, text) => {
		const { app } = await loadPinned();
		const { view } = await open(app, "x.md", text);
		expect(nodesIn(view)).toBe(0);
		expect(FakeYTPlayer.instances).toEqual([]);
	});

	it("loads no YouTube player (no network) for notes while the placement is the side view", async () => {
		const { app } = await loadPinned("side");
		await open(app, "a.md", noteText(SEED_ID));
		expect(FakeYTPlayer.instances).toEqual([]);
		expect(activeDocument.querySelectorAll("iframe, script")).toHaveLength(0);
	});

	it("a note in a pop-out window gets its player built in that window's document", async () => {
		const app = new App();
		const win = popoutWindow();
		installFakeYouTube(win);
		app.workspace.popoutDocument = win.document;
		await loadPinned("top", app);
		const leaf = app.workspace.openPopoutLeaf();
		await leaf.openFile(app.vault.seed("a.md", noteText(SEED_ID)));
		const view = leaf.view as MarkdownView;
		expect(pinnedOf(view)?.ownerDocument).toBe(win.document);
		expect((await wake(app, view)).iframe.ownerDocument).toBe(win.document);
		removeFakeYouTube(win);
	});
});

describe("unloading", () => {
	/** The app's footprint but the page's node count (the notes stay open, with their own nodes). */
	const registrations = (app: App) => {
		const { bodyNodes, ...rest } = footprint(app);
		void bodyNodes;
		return rest;
	};

	it("removes every pinned player, mid-playback and mid-drag, and leaves nothing behind", async () => {
		const app = new App();
		const before = registrations(app);
		const { plugin } = await loadWholePinned("top", app);
		const { view: a } = await open(app, "a.md", noteText(SEED_ID), "reading");
		const { view: b } = await open(app, "b.md", noteText(OTHER_ID), "live");
		(await wake(app, a)).ready().setState(YTState.PLAYING);
		(await wake(app, b)).ready();
		const handle = pinnedOf(b)?.querySelector(".vc-pinned-resize") as HTMLElement;
		handle.dispatchEvent(new MouseEvent("pointerdown", { bubbles: true, cancelable: true, button: 0, clientY: 10 }));
		plugin.unload();
		await settle();
		expect([nodesIn(a), nodesIn(b)]).toEqual([0, 0]);
		expect(activeDocument.querySelectorAll(".vc-pinned-player, iframe")).toHaveLength(0);
		expect(liveYT()).toEqual([]);
		// The two notes stay open, and each note's own view listens to the vault.
		expect(registrations(app)).toEqual({ ...before, vaultHandlers: before.vaultHandlers + 2 });
		expect(a.previewEl.textContent).toContain("First claim");
		expect(b.editor.getValue()).toBe(noteText(OTHER_ID));
	});

	it("closing every note then unloading leaves the app as it was", async () => {
		const app = new App();
		activeDocument.body.appendChild(app.workspace.containerEl);
		const before = footprint(app);
		const { plugin } = await loadPinned("top", app);
		const { view } = await open(app, "a.md", noteText(SEED_ID));
		(await wake(app, view)).ready().setState(YTState.PLAYING);
		view.leaf.detach();
		plugin.unload();
		await settle();
		expect(footprint(app)).toEqual(before);
	});
});
