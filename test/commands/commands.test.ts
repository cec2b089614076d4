import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App, Notice, type NoteMode } from "../double/obsidian";
import { footprint, settle } from "../helpers/plugin";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { extractCitations, type TimedCitation } from "../../src/core";
import { PLAYER_VIEW_TYPE } from "../../src/player/PlayerView";
import { POLL_INTERVAL_MS } from "../../src/player/PlaybackController";
import { installFakeYouTube, lastYTPlayer, removeFakeYouTube, YTState, type FakeYTPlayer } from "../player/fakeYouTube";
import { loadPlayerPlugin } from "../player/harness";

const ID = "video-citations";
const SEED_TEXT = corpusNote(SEED_PATH);
const SEED_TIMES = [...new Set(extractCitations(SEED_TEXT).flatMap((c) => (c.seconds === null ? [] : [c.seconds])))].sort((a, b) => a - b);

const ALL = [
	"open-player",
	"toggle-playback",
	"skip-back",
	"skip-forward",
	"slower",
	"faster",
	"normal-speed",
	"previous-citation",
	"next-citation",
	"insert-timestamp",
	"copy-moment-link",
	"start-range",
	"insert-range",
	"capture-frame",
];

/** The plugin loaded with the seed note open in `mode`. */
async function withSeedNote(mode: NoteMode = "live") {
	const { app, plugin } = await loadPlayerPlugin();
	const file = app.vault.seed(SEED_PATH, SEED_TEXT);
	const view = await app.workspace.openNote(file, mode);
	const run = (id: string) => app.commands.execute(`${ID}:${id}`);
	const available = (id: string) => app.commands.isAvailable(`${ID}:${id}`);
	return { app, plugin, file, view, run, available };
}

/** …and the note's video playing in the player, ready, at `seconds`. */
async function playing(seconds: number, mode: NoteMode = "live") {
	const fx = await withSeedNote(mode);
	expect(fx.run("open-player")).toBe(true);
	await settle();
	const yt = lastYTPlayer().ready();
	yt.time = seconds;
	fx.plugin.controller.seekBy(0);
	yt.calls.length = 0;
	return { ...fx, yt };
}

function lastSeek(yt: FakeYTPlayer): unknown {
	return yt.calls.filter((c) => c[0] === "seekTo").at(-1);
}

beforeEach(() => {
	installFakeYouTube();
});

afterEach(() => {
	vi.useRealTimers();
	removeFakeYouTube();
});

/** Lets queued promise callbacks run (no timers: some tests fake them). */
async function flush(): Promise<void> {
	for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe("playback commands: registration", () => {
	it("registers every command with a sentence-case name, an id without the plugin id, and no hotkey", async () => {
		const { app } = await loadPlayerPlugin();
		const ours = [...app.commands.commands.values()].filter((c) => c.id.startsWith(`${ID}:`));
		expect(ours.map((c) => c.id.slice(ID.length + 1)).sort()).toEqual([...ALL].sort());
		for (const command of ours) {
			expect(command.hotkeys).toBeUndefined();
			const name = command.name.replace("Video Citations: ", "");
			expect(name).toMatch(/^[A-Z][^A-Z]*$/);
		}
	});

	it("offers only 'open player' while nothing plays, and only for a note with a video", async () => {
		const { app, available } = await withSeedNote();
		expect(ALL.filter(available)).toEqual(["open-player"]);
		const bare = app.vault.seed("plain.md", "No video here.");
		await app.workspace.openNote(bare, "live");
		expect(ALL.filter(available)).toEqual([]);
	});

	it("offers them all once the note's video plays", async () => {
		const { available, run } = await playing(10);
		// "Insert range" waits for "Start range here".
		expect(ALL.filter(available)).toEqual(ALL.filter((id) => id !== "insert-range"));
		run("start-range");
		expect(ALL.filter(available)).toEqual(ALL);
	});

	it("leave nothing behind when the plugin unloads", async () => {
		const app = new App();
		const before = footprint(app);
		const { plugin } = await loadPlayerPlugin(app);
		expect(app.commands.commands.size).toBe(before.commands + ALL.length);
		plugin.unload();
		await settle();
		expect(footprint(app)).toEqual(before);
	});
});

describe("playback commands: effects", () => {
	it("'open player for this note' loads the note's video without playing it, and names the note", async () => {
		const { app, plugin, run } = await withSeedNote("reading");
		run("open-player");
		await settle();
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(1);
		lastYTPlayer().ready();
		expect(lastYTPlayer().callNames).toEqual(["seekTo", "pauseVideo"]);
		expect(plugin.controller.info.sourcePath).toBe(SEED_PATH);
		const players = lastYTPlayer();
		run("open-player");
		await settle();
		expect(lastYTPlayer()).toBe(players);
	});

	it("'play or pause' toggles", async () => {
		const { run, yt } = await playing(10);
		run("toggle-playback");
		expect(yt.state).toBe(YTState.PLAYING);
		run("toggle-playback");
		expect(yt.callNames).toEqual(["playVideo", "pauseVideo"]);
	});

	it.each([
		[5, "skip-forward", 100, 105],
		[5, "skip-back", 100, 95],
		[30, "skip-back", 20, 0],
		[60, "skip-forward", 2950, 3000],
	])("skip step %s: %s from %s lands on %s", async (step, id, from, to) => {
		const { plugin, run, yt } = await playing(from);
		yt.duration = 3000;
		await plugin.store.set("seekStepSeconds", step);
		run(id);
		expect(lastSeek(yt)).toEqual(["seekTo", to, true]);
	});

	it("speed: faster, faster, slower, normal, and never past the limits", async () => {
		const { plugin, run, yt } = await playing(10);
		run("faster");
		run("faster");
		run("slower");
		run("normal-speed");
		expect(yt.calls).toEqual([
			["setPlaybackRate", 1.1],
			["setPlaybackRate", 1.2],
			["setPlaybackRate", 1.1],
			["setPlaybackRate", 1],
		]);
		// Tenths (issue 20), without float noise (1.2, not 1.2000000000000002).
		expect(Notice.shown).toEqual(["Playback speed: 1.1×", "Playback speed: 1.2×", "Playback speed: 1.1×", "Playback speed: 1×"]);
		for (let i = 0; i < 10; i++) run("slower");
		expect(plugin.controller.state.rate).toBe(0.25);
		run("faster");
		expect(plugin.controller.state.rate).toBe(0.3);
		// YouTube plays at most twice as fast: the speed stops there, and says so.
		for (let i = 0; i < 20; i++) run("faster");
		expect(plugin.controller.state.rate).toBe(2);
		expect(Notice.shown.at(-1)).toBe("Playback speed: 2×");
	});

	it("jumps to the next and previous citation of the note from the playing time", async () => {
		const at = SEED_TIMES[5] as number;
		const { run, yt } = await playing(at);
		vi.useFakeTimers();
		/** The video plays on to `seconds`, and the controller reads it on its next poll. */
		const playTo = (seconds: number) => {
			yt.time = seconds;
			vi.advanceTimersByTime(POLL_INTERVAL_MS);
		};
		run("next-citation");
		await flush();
		expect(lastSeek(yt)).toEqual(["seekTo", SEED_TIMES[6], true]);
		expect(yt.state).toBe(YTState.PLAYING);
		// Just after a citation, "previous" goes to the one before it, as media players do.
		playTo((SEED_TIMES[6] as number) + 1);
		run("previous-citation");
		await flush();
		expect(lastSeek(yt)).toEqual(["seekTo", SEED_TIMES[5], true]);
		// Well into it, "previous" goes back to its start.
		playTo((SEED_TIMES[5] as number) + 10);
		run("previous-citation");
		await flush();
		expect(lastSeek(yt)).toEqual(["seekTo", SEED_TIMES[5], true]);
		playTo((SEED_TIMES[5] as number) + 1);
		run("previous-citation");
		await flush();
		expect(lastSeek(yt)).toEqual(["seekTo", SEED_TIMES[4], true]);
	});

	it("says so when there is no citation further on, and does not seek", async () => {
		const last = SEED_TIMES.at(-1) as number;
		const { run, yt } = await playing(last + 5);
		run("next-citation");
		await settle();
		expect(lastSeek(yt)).toBeUndefined();
		expect(Notice.shown).toEqual([`No citation after ${formatClock(last + 5)} in this note.`]);
	});

	it("uses the note the video came from while the player has focus", async () => {
		const { app, run, yt } = await playing(0);
		app.workspace.setActiveLeaf(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)[0] as never);
		run("next-citation");
		await settle();
		expect(lastSeek(yt)).toEqual(["seekTo", SEED_TIMES[0], true]);
	});

	it("copies a youtube.com link to the current moment", async () => {
		const { plugin, run } = await playing(2811.7);
		run("copy-moment-link");
		await settle();
		expect(plugin.clipboard.written).toEqual(["https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s"]);
		expect(Notice.shown).toEqual(["Copied a link to 46:51."]);
	});

	it("says so when the clipboard refuses", async () => {
		const { plugin, run } = await playing(10);
		plugin.clipboard.broken = true;
		run("copy-moment-link");
		await settle();
		expect(Notice.shown).toEqual(["Could not copy the link: the clipboard is not available."]);
	});
});

describe("insert timestamp", () => {
	const ANCHOR = '<a class="yt-timestamp" data-t="00:46:51">[00:46:51]</a>';

	it.each(["live", "source"] as const)("%s mode: inserts the corpus element at the cursor as ONE undoable edit", async (mode) => {
		const { view, run } = await playing(2811.7, mode);
		const editor = view.editor;
		const line = 8;
		editor.setCursor({ line, ch: editor.getLine(line).length });
		const before = editor.getValue();
		expect(run("insert-timestamp")).toBe(true);
		const after = editor.getValue();
		const offset = editor.posToOffset({ line, ch: editor.getLine(line).length - ANCHOR.length });
		expect(after).toBe(before.slice(0, offset) + ANCHOR + before.slice(offset));
		const inserted = extractCitations(after).find((c) => c.from === offset) as TimedCitation | undefined;
		expect(inserted?.seconds).toBe(2811);
		editor.undo();
		expect(editor.getValue()).toBe(before);
	});

	it("replaces a selection, still as one edit", async () => {
		const { view, run } = await playing(2811.7);
		const editor = view.editor;
		const before = editor.getValue();
		editor.setSelection({ line: 8, ch: 0 }, { line: 8, ch: 4 });
		run("insert-timestamp");
		expect(editor.getLine(8).startsWith(ANCHOR)).toBe(true);
		editor.undo();
		expect(editor.getValue()).toBe(before);
	});

	it.each([
		["anchor", 0, ANCHOR],
		["anchor", 5, '<a class="yt-timestamp" data-t="00:46:46">[00:46:46]</a>'],
		["link", 0, "[46:51](https://youtu.be/aXGo1o_baBo?t=2811)"],
		["link", 60, "[45:51](https://youtu.be/aXGo1o_baBo?t=2751)"],
	] as const)("format %s with rewind %s writes %s", async (format, rewind, expected) => {
		const { plugin, view, run } = await playing(2811.7);
		await plugin.store.set("insertFormat", format);
		await plugin.store.set("insertRewindSeconds", rewind);
		view.editor.setCursor({ line: 0, ch: 0 });
		run("insert-timestamp");
		expect(view.editor.getValue().startsWith(expected)).toBe(true);
	});

	it("names the video with data-v when the note cites another one", async () => {
		const { app, plugin, run } = await playing(65);
		const other = app.vault.seed("other.md", "---\nvideoId: hEzpiDuYFoE\n---\nText ");
		await plugin.store.set("followActiveNote", "off");
		const view = await app.workspace.openNote(other, "source");
		view.editor.setCursor({ line: 3, ch: 5 });
		run("insert-timestamp");
		expect(view.editor.getLine(3)).toBe('Text <a class="yt-timestamp" data-t="00:01:05" data-v="aXGo1o_baBo">[00:01:05]</a>');
		expect((extractCitations(view.editor.getValue())[0] as TimedCitation).video).toEqual({ kind: "youtube", id: "aXGo1o_baBo" });
	});
});

describe("commands with a vault clip", () => {
	async function clipPlaying(seconds: number) {
		vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
		vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => {});
		const { app, plugin } = await loadPlayerPlugin();
		app.vault.seed("media/clip.webm", "");
		const clipNote = app.vault.seed("Clip.md", '---\nvideo: "[[clip.webm]]"\n---\nThe counter shows 46 <a class="yt-timestamp" data-t="00:00:46">[00:00:46]</a>.\n');
		const view = await app.workspace.openNote(clipNote, "live");
		app.commands.execute(`${ID}:open-player`);
		await settle();
		const media = app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)[0]?.view.containerEl.querySelector("video");
		if (!media) throw new Error("no <video>");
		Object.defineProperty(media, "readyState", { configurable: true, value: 1 });
		Object.defineProperty(media, "duration", { configurable: true, value: 60 });
		media.dispatchEvent(new Event("loadedmetadata"));
		media.currentTime = seconds;
		plugin.controller.seekBy(0);
		return { app, plugin, view, media };
	}

	it("plays the clip from the vault in a <video>", async () => {
		const { media, plugin } = await clipPlaying(12);
		expect(media.getAttribute("src")).toBe("app://local/media/clip.webm");
		expect(plugin.controller.state).toMatchObject({ video: { kind: "file", path: "media/clip.webm" }, seconds: 12, duration: 60 });
	});

	it("inserts the element even in the link format (no YouTube link for a file)", async () => {
		const { app, plugin, view } = await clipPlaying(46.4);
		await plugin.store.set("insertFormat", "link");
		view.editor.setCursor({ line: 3, ch: 0 });
		expect(app.commands.execute(`${ID}:insert-timestamp`)).toBe(true);
		expect(view.editor.getLine(3).startsWith('<a class="yt-timestamp" data-t="00:00:46">[00:00:46]</a>The counter')).toBe(true);
	});

	it("copies an embed of the clip at the moment", async () => {
		const { app, plugin } = await clipPlaying(46.4);
		app.commands.execute(`${ID}:copy-moment-link`);
		await settle();
		expect(plugin.clipboard.written).toEqual(["![[media/clip.webm#t=46]]"]);
	});
});

function formatClock(seconds: number): string {
	const s = Math.floor(seconds);
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const pad = (n: number) => String(n).padStart(2, "0");
	return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
