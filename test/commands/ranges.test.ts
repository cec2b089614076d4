import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settle } from "../helpers/plugin";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { extractCitations, type TimedCitation } from "../../src/core";
import { installFakeYouTube, lastYTPlayer, removeFakeYouTube, type FakeYTPlayer } from "../player/fakeYouTube";
import { loadPlayerPlugin } from "../player/harness";

const ID = "video-citations";
const VIDEO = { kind: "youtube", id: "aXGo1o_baBo" } as const;

/** The seed note open, its video playing in a ready player at `seconds`. */
async function playing(seconds: number) {
	const { app, plugin } = await loadPlayerPlugin();
	const file = app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
	const view = await app.workspace.openNote(file, "source");
	const run = (id: string) => app.commands.execute(`${ID}:${id}`);
	expect(run("open-player")).toBe(true);
	await settle();
	const yt = lastYTPlayer().ready();
	yt.time = seconds;
	plugin.controller.seekBy(0);
	yt.calls.length = 0;
	return { app, plugin, view, run, yt, path: file.path };
}

/** The player reports `seconds` (as the poll reads it while playing). */
function at(yt: FakeYTPlayer, _plugin: object, seconds: number, poll: () => void): void {
	yt.time = seconds;
	poll();
}

beforeEach(() => {
	installFakeYouTube();
});
afterEach(() => {
	vi.useRealTimers();
	removeFakeYouTube();
});

describe("a cited range plays and stops (issue 20)", () => {
	async function ranged(loop?: boolean) {
		const fx = await playing(0);
		const { controller } = fx.plugin;
		controller.seek(VIDEO, 62, { sourcePath: fx.path, end: 65, ...(loop === undefined ? {} : { loop }) });
		const poll = () => (controller as unknown as { pollTime(): void }).pollTime();
		fx.yt.calls.length = 0;
		return { ...fx, poll };
	}

	it("pauses exactly at its end", async () => {
		const { yt, plugin, poll } = await ranged();
		for (const t of [62.2, 63.1, 64.0, 64.9]) at(yt, plugin, t, poll);
		expect(yt.callNames).not.toContain("pauseVideo");
		at(yt, plugin, 65.1, poll);
		expect(yt.calls).toContainEqual(["seekTo", 65, true]);
		expect(yt.callNames).toContain("pauseVideo");
		expect(plugin.controller.state.seconds).toBe(65);
		// Played on from there, it does not stop again.
		yt.calls.length = 0;
		yt.setState(1);
		for (const t of [65.5, 66.4, 70]) at(yt, plugin, t, poll);
		expect(yt.callNames).not.toContain("pauseVideo");
	});

	it("loops back to its start with loop, until the player is moved elsewhere", async () => {
		const { yt, plugin, poll } = await ranged(true);
		for (const t of [62.5, 64, 65.2]) at(yt, plugin, t, poll);
		expect(yt.calls).toContainEqual(["seekTo", 62, true]);
		expect(yt.callNames).toContain("playVideo");
		yt.calls.length = 0;
		for (const t of [62.1, 63.5, 65.3]) at(yt, plugin, t, poll);
		expect(yt.calls).toContainEqual(["seekTo", 62, true]);
		// The user scrubs away: the range ends, nothing pulls the player back.
		yt.calls.length = 0;
		for (const t of [120, 120.25, 120.5, 120.75, 121, 121.25]) at(yt, plugin, t, poll);
		for (const t of [62.5, 65.5]) at(yt, plugin, t, poll);
		expect(yt.callNames).not.toContain("seekTo");
	});

	it('"Loop cited ranges" loops a plain press; a skip ends the range', async () => {
		const fx = await playing(0);
		await fx.plugin.store.set("loopRanges", true);
		const { controller } = fx.plugin;
		const poll = () => (controller as unknown as { pollTime(): void }).pollTime();
		controller.seek(VIDEO, 62, { sourcePath: fx.path, end: 65 });
		fx.yt.calls.length = 0;
		for (const t of [63, 64, 65.1]) at(fx.yt, fx.plugin, t, poll);
		expect(fx.yt.calls).toContainEqual(["seekTo", 62, true]);
		controller.seekBy(1);
		fx.yt.calls.length = 0;
		for (const t of [63.5, 64.5, 65.5]) at(fx.yt, fx.plugin, t, poll);
		expect(fx.yt.callNames).not.toContain("seekTo");
	});

	it("a seek without an end ends the range", async () => {
		const { yt, plugin, poll, path } = await ranged(true);
		plugin.controller.seek(VIDEO, 63, { sourcePath: path });
		yt.calls.length = 0;
		for (const t of [63.5, 64.5, 65.5]) at(yt, plugin, t, poll);
		expect(yt.callNames).not.toContain("seekTo");
	});
});

describe("insert while typing", () => {
	it("leaves the cursor after the timestamp and keeps the video playing", async () => {
		const { view, run, yt } = await playing(65);
		yt.setState(1);
		yt.calls.length = 0;
		view.editor.setCursor({ line: 0, ch: 0 });
		run("insert-timestamp");
		const inserted = '<a class="yt-timestamp" data-t="00:01:05">[00:01:05]</a>';
		expect(view.editor.getCursor()).toEqual({ line: 0, ch: inserted.length });
		expect(yt.callNames).not.toContain("pauseVideo");
	});

	it('"Pause when inserting" pauses it', async () => {
		const { view, run, yt, plugin } = await playing(65);
		await plugin.store.set("pauseOnInsert", true);
		yt.setState(1);
		yt.calls.length = 0;
		view.editor.setCursor({ line: 0, ch: 0 });
		run("insert-timestamp");
		expect(yt.callNames).toContain("pauseVideo");
	});
});

describe("start range here, then insert range", () => {
	it("is offered only once a range was started, and writes it as one undoable edit", async () => {
		const { app, view, run, yt, plugin } = await playing(62.4);
		expect(app.commands.isAvailable(`${ID}:insert-range`)).toBe(false);
		expect(run("start-range")).toBe(true);
		yt.time = 90.8;
		plugin.controller.seekBy(0);
		view.editor.setCursor({ line: 8, ch: 0 });
		const before = view.editor.getValue();
		expect(run("insert-range")).toBe(true);
		const markup = '<a class="yt-timestamp" data-t="00:01:02-00:01:30">[00:01:02]-[00:01:30]</a>';
		expect(view.editor.getLine(8).startsWith(markup)).toBe(true);
		expect(view.editor.getCursor()).toEqual({ line: 8, ch: markup.length });
		const c = extractCitations(view.editor.getValue()).find((x) => x.label.startsWith("[00:01:02]")) as TimedCitation;
		expect([c.seconds, c.end, c.repair]).toEqual([62, 90, undefined]);
		view.editor.undo();
		expect(view.editor.getValue()).toBe(before);
		// Used once: the next range starts again.
		expect(app.commands.isAvailable(`${ID}:insert-range`)).toBe(false);
	});

	it("orders a range played backwards", async () => {
		const { view, run, yt, plugin } = await playing(90);
		run("start-range");
		yt.time = 62;
		plugin.controller.seekBy(0);
		view.editor.setCursor({ line: 0, ch: 0 });
		run("insert-range");
		expect(view.editor.getLine(0).startsWith('<a class="yt-timestamp" data-t="00:01:02-00:01:30">')).toBe(true);
	});
});

