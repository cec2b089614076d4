import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MarkdownView } from "../double/obsidian";
import { PLAYER_VIEW_TYPE } from "../../src/player/PlayerView";
import { settle } from "../helpers/plugin";
import { FakeYTPlayer, installFakeYouTube, removeFakeYouTube, YTState } from "../player/fakeYouTube";
import { anchor, flush, loadPinned, loadWholePinned, noteText, open, OTHER_ID, pinnedOf, SEED_ID, wake, ytIn, ytOf } from "./harness";

const A = noteText(SEED_ID, "Note A");
const B = noteText(OTHER_ID, "Note B");

beforeEach(() => {
	installFakeYouTube();
});

afterEach(() => {
	removeFakeYouTube();
});

/** The seconds of every seek a fake player was asked for, after `from`. */
function seeksOf(view: MarkdownView): number[] {
	return ytOf(view)
		.calls.filter((c) => c[0] === "seekTo")
		.map((c) => c[1] as number);
}

/** Clicks the `n`th seek link of a note in reading view. */
function clickLink(view: MarkdownView, n: number): void {
	const link = view.previewEl.querySelectorAll<HTMLElement>(".yt-timestamp[role=link]")[n];
	if (!link) throw new Error(`no seek link ${n}`);
	link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
}

/** Presses the `n`th chip of a note in Live Preview. */
function pressChip(view: MarkdownView, n: number): void {
	const chip = view.editorView?.contentDOM.querySelectorAll<HTMLElement>(".vc-chip")[n];
	if (!chip) throw new Error(`no chip ${n}`);
	chip.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 }));
}

/** Two notes with different videos side by side: A in reading view, B in Live Preview, both players opened and ready. */
async function sideBySide() {
	const { app, plugin } = await loadWholePinned("top");
	const { view: a } = await open(app, "a.md", A, "reading");
	const { view: b } = await open(app, "b.md", B, "live");
	(await wake(app, a)).ready();
	(await wake(app, b)).ready();
	return { app, plugin, a, b };
}

describe("two notes side by side", () => {
	it("each has its own player with its own video", async () => {
		const { app, a, b } = await sideBySide();
		expect(ytOf(a).iframe.getAttribute("src")).toContain(`/embed/${SEED_ID}?`);
		expect(ytOf(b).iframe.getAttribute("src")).toContain(`/embed/${OTHER_ID}?`);
		expect(FakeYTPlayer.instances).toHaveLength(2);
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
	});

	it("seek links in A play in A's player, chips in B in B's, and neither reloads the other", async () => {
		const { a, b } = await sideBySide();
		clickLink(a, 1);
		pressChip(b, 0);
		clickLink(a, 0);
		expect(seeksOf(a)).toEqual([0, 600, 10]);
		expect(seeksOf(b)).toEqual([0, 10]);
		expect(FakeYTPlayer.instances).toHaveLength(2);
	});

	it("playing B pauses A; what the notes highlight follows the player used last", async () => {
		const { a, b } = await sideBySide();
		const linkA = () => a.previewEl.querySelectorAll(".yt-timestamp[role=link]")[1];
		const chipB = () => b.editorView?.contentDOM.querySelectorAll(".vc-chip")[1];
		clickLink(a, 1);
		await settle();
		expect(ytOf(a).state).toBe(YTState.PLAYING);
		expect(linkA()?.classList.contains("is-playing")).toBe(true);
		expect(chipB()?.classList.contains("is-playing")).toBe(false);
		pressChip(b, 1);
		await settle();
		expect(ytOf(a).state).toBe(YTState.PAUSED);
		expect(ytOf(b).state).toBe(YTState.PLAYING);
		expect(chipB()?.classList.contains("is-playing")).toBe(true);
		expect(linkA()?.classList.contains("is-playing")).toBe(false);
	});

	it("the citations panel plays its note's citations in that note's player", async () => {
		// jsdom lays nothing out; the panel scrolls its playing row into view.
		Element.prototype.scrollIntoView = () => {};
		const { app, a, b } = await sideBySide();
		app.commands.execute("video-citations:open-citations-panel");
		app.workspace.setActiveLeaf(a.leaf);
		await settle(6);
		const panel = app.workspace.getLeavesOfType("video-citations-panel")[0]?.view.containerEl;
		const chip = panel?.querySelectorAll<HTMLElement>(".vc-panel-row")[1]?.querySelector(".vc-panel-chip");
		expect(chip?.textContent).toContain("10:00");
		chip?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
		expect(seeksOf(a)).toEqual([0, 600]);
		expect(seeksOf(b)).toEqual([0]);
	});

	it("a note open in two tabs: its seeks go to the tab that was active last", async () => {
		const { app } = await loadWholePinned("top");
		const { view: first } = await open(app, "a.md", A, "reading");
		const { view: second } = await open(app, "a.md", A, "reading");
		app.workspace.setActiveLeaf(first.leaf);
		clickLink(first, 1);
		await flush();
		ytOf(first).ready();
		app.workspace.setActiveLeaf(second.leaf);
		clickLink(second, 0);
		await flush();
		ytOf(second).ready();
		app.workspace.setActiveLeaf(first.leaf);
		clickLink(first, 0);
		expect(seeksOf(first)).toEqual([600, 10]);
		expect(seeksOf(second)).toEqual([10]);
		expect(FakeYTPlayer.instances).toHaveLength(2);
	});
});

describe("commands act on the active note's pinned player", () => {
	const run = (app: { commands: { execute(id: string): boolean } }, id: string) => app.commands.execute(`video-citations:${id}`);

	async function twoNotes() {
		const { app, plugin } = await loadPinned("top");
		const { view: a } = await open(app, "a.md", A, "live");
		const { view: b } = await open(app, "b.md", B, "live");
		const ya = (await wake(app, a)).ready();
		const yb = (await wake(app, b)).ready();
		ya.calls.length = 0;
		yb.calls.length = 0;
		return { app, plugin, a, b, ya, yb };
	}

	it("play/pause, skip and speed go to the active note's player only", async () => {
		const { app, a, b, ya, yb } = await twoNotes();
		app.workspace.setActiveLeaf(a.leaf);
		expect(run(app, "toggle-playback")).toBe(true);
		app.workspace.setActiveLeaf(b.leaf);
		yb.time = 100;
		expect(run(app, "skip-forward")).toBe(true);
		expect(run(app, "faster")).toBe(true);
		expect(ya.callNames).toEqual(["playVideo"]);
		// A paused video stays paused after a skip (seeking a cued YouTube video would start it).
		expect(yb.calls).toEqual([["seekTo", 105, true], ["pauseVideo"], ["setPlaybackRate", 1.1]]);
	});

	it("insert timestamp writes the active note's own player time, for its own video", async () => {
		const { app, plugin, a, b } = await twoNotes();
		plugin.controller.seek({ kind: "youtube", id: SEED_ID }, 2811, { sourcePath: "a.md", play: false });
		plugin.controller.seek({ kind: "youtube", id: OTHER_ID }, 65, { sourcePath: "b.md", play: false });
		app.workspace.setActiveLeaf(a.leaf);
		a.editor.setCursor({ line: 4, ch: 0 });
		expect(run(app, "insert-timestamp")).toBe(true);
		expect(a.editor.getLine(4)).toBe(anchor("00:46:51"));
		app.workspace.setActiveLeaf(b.leaf);
		b.editor.setCursor({ line: 4, ch: 0 });
		expect(run(app, "insert-timestamp")).toBe(true);
		expect(b.editor.getLine(4)).toBe(anchor("00:01:05"));
	});

	it("jump to next citation moves the active note's player through its own citations", async () => {
		const { app, plugin, b, ya, yb } = await twoNotes();
		app.workspace.setActiveLeaf(b.leaf);
		plugin.controller.seek({ kind: "youtube", id: OTHER_ID }, 20, { sourcePath: "b.md", play: false });
		run(app, "next-citation");
		await settle();
		expect(yb.calls.filter((c) => c[0] === "seekTo")).toEqual([
			["seekTo", 20, true],
			["seekTo", 600, true],
		]);
		expect(ya.calls).toEqual([]);
	});

	it("'Open player for this note' needs no side view: the note's player is right there, and is not rewound", async () => {
		const { app, a, ya } = await twoNotes();
		app.workspace.setActiveLeaf(a.leaf);
		ya.setState(YTState.PLAYING);
		ya.time = 300;
		ya.calls.length = 0;
		expect(run(app, "open-player")).toBe(true);
		await settle();
		expect(ya.calls).toEqual([]);
		expect(ya.state).toBe(YTState.PLAYING);
		expect(pinnedOf(a)).not.toBeNull();
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
	});

	it("on a note whose video waits behind its poster, play and skip load it there; speed waits for a player", async () => {
		const { app } = await loadPinned("top");
		const { view: a } = await open(app, "a.md", A, "live");
		const { view: b } = await open(app, "b.md", B, "live");
		app.workspace.setActiveLeaf(a.leaf);
		expect(run(app, "faster")).toBe(false);
		expect(run(app, "toggle-playback")).toBe(true);
		await flush();
		expect(ytOf(a).ready().calls).toEqual([["seekTo", 0, true], ["playVideo"]]);
		expect(ytIn(b)).toEqual([]);
		app.workspace.setActiveLeaf(b.leaf);
		expect(run(app, "skip-forward")).toBe(true);
		await flush();
		// A skip loads it paused, a step on from where it waited.
		expect(ytOf(b).ready().calls).toEqual([["seekTo", 5, true], ["pauseVideo"]]);
		expect(ytOf(a).state).toBe(YTState.PLAYING);
	});

	it("jump to next citation on a note whose video waits loads it at that citation", async () => {
		const { app } = await loadPinned("top");
		const { view: b } = await open(app, "b.md", B, "live");
		app.workspace.setActiveLeaf(b.leaf);
		expect(run(app, "next-citation")).toBe(true);
		await settle();
		expect(ytOf(b).ready().calls.filter((c) => c[0] === "seekTo")).toEqual([["seekTo", 10, true]]);
	});
});
