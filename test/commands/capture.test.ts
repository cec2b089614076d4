import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Notice } from "../double/obsidian";
import { settle } from "../helpers/plugin";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { PLAYER_VIEW_TYPE } from "../../src/player/PlayerView";
import type { FrameCapture } from "../../src/player/frameCapture";
import { CAPTURE_NO_FRAME_MESSAGE, CAPTURE_TAINTED_MESSAGE, CAPTURE_YOUTUBE_MESSAGE, frameFileName } from "../../src/commands/captureFrame";
import { installFakeYouTube, lastYTPlayer, removeFakeYouTube } from "../player/fakeYouTube";
import { loadPlayerPlugin } from "../player/harness";

/** jsdom has no canvas: each test says what the frame grab gives. */
const grab = vi.hoisted(() => ({ next: null as FrameCapture | null, calls: 0 }));
vi.mock("../../src/player/frameCapture", () => ({
	grabFrame: () => {
		grab.calls++;
		return Promise.resolve(grab.next ?? { kind: "no-frame" });
	},
}));

const ID = "video-citations";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer;

beforeEach(() => {
	installFakeYouTube();
	grab.next = null;
	grab.calls = 0;
	Notice.shown.length = 0;
});
afterEach(() => {
	vi.restoreAllMocks();
	removeFakeYouTube();
});

/** A note whose `video` plays in the side player, its `<video>` ready at `seconds`. */
async function mediaPlaying(video: string, seconds: number) {
	vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
	vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => {});
	const { app, plugin } = await loadPlayerPlugin();
	app.vault.seed("media/clip.webm", "");
	const note = app.vault.seed("Clip.md", `---\nvideo: "${video}"\n---\nThe counter shows 46.\n`);
	const view = await app.workspace.openNote(note, "source");
	app.commands.execute(`${ID}:open-player`);
	await settle();
	const media = app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)[0]?.view.containerEl.querySelector("video");
	if (!media) throw new Error("no <video>");
	Object.defineProperty(media, "readyState", { configurable: true, value: 4 });
	Object.defineProperty(media, "duration", { configurable: true, value: 60 });
	media.dispatchEvent(new Event("loadedmetadata"));
	media.currentTime = seconds;
	plugin.controller.seekBy(0);
	const run = () => app.commands.execute(`${ID}:capture-frame`);
	const available = () => app.commands.isAvailable(`${ID}:capture-frame`);
	return { app, plugin, view, media, run, available };
}

describe("capture video frame (issue 20)", () => {
	it("is not offered without a video in a player", async () => {
		const { app } = await loadPlayerPlugin();
		const note = app.vault.seed("Clip.md", `---\nvideo: "[[clip.webm]]"\n---\nText\n`);
		await app.workspace.openNote(note, "source");
		expect(app.commands.isAvailable(`${ID}:capture-frame`)).toBe(false);
	});

	it("vault video: saves the frame in the attachment folder and inserts its embed and citation as ONE undoable edit", async () => {
		const { app, view, run, available } = await mediaPlaying("[[clip.webm]]", 46.4);
		app.fileManager.attachmentFolder = "attachments";
		expect(available()).toBe(true);
		grab.next = { kind: "png", data: PNG, seconds: 46.4 };
		view.editor.setCursor({ line: 3, ch: 21 });
		const before = view.editor.getValue();
		expect(run()).toBe(true);
		await settle();
		expect([...app.vault.binaries.keys()]).toEqual(["attachments/clip 00-00-46.png"]);
		expect(app.vault.binaries.get("attachments/clip 00-00-46.png")).toBe(PNG);
		const inserted = '![[clip 00-00-46.png]] <a class="yt-timestamp" data-t="00:00:46">[00:00:46]</a>';
		expect(view.editor.getLine(3)).toBe(`The counter shows 46.${inserted}`);
		expect(view.editor.getCursor()).toEqual({ line: 3, ch: 21 + inserted.length });
		view.editor.undo();
		expect(view.editor.getValue()).toBe(before);
	});

	it("a second capture of the same second gets its own file", async () => {
		const { app, view, run } = await mediaPlaying("[[clip.webm]]", 12);
		grab.next = { kind: "png", data: PNG, seconds: 12 };
		view.editor.setCursor({ line: 3, ch: 0 });
		run();
		await settle();
		run();
		await settle();
		expect([...app.vault.binaries.keys()]).toEqual(["clip 00-00-12.png", "clip 00-00-12 1.png"]);
	});

	it("web video on a site that forbids reading its pixels: a clear notice, nothing written", async () => {
		const { app, view, run } = await mediaPlaying("https://example.com/talk.mp4", 30);
		grab.next = { kind: "tainted" };
		const writes = app.vault.writes.length;
		const before = view.editor.getValue();
		expect(run()).toBe(true);
		await settle();
		expect(grab.calls).toBe(1);
		expect(Notice.shown).toContain(CAPTURE_TAINTED_MESSAGE);
		expect(app.vault.writes.length).toBe(writes);
		expect(view.editor.getValue()).toBe(before);
	});

	it("no frame yet: says so, writes nothing", async () => {
		const { app, view, run } = await mediaPlaying("https://example.com/talk.mp4", 30);
		const before = view.editor.getValue();
		run();
		await settle();
		expect(Notice.shown).toContain(CAPTURE_NO_FRAME_MESSAGE);
		expect(app.vault.binaries.size).toBe(0);
		expect(view.editor.getValue()).toBe(before);
	});

	it("YouTube: says why it cannot, reads no frame and writes nothing", async () => {
		const { app, plugin } = await loadPlayerPlugin();
		const file = app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
		const view = await app.workspace.openNote(file, "source");
		app.commands.execute(`${ID}:open-player`);
		await settle();
		lastYTPlayer().ready();
		plugin.controller.seekBy(0);
		const before = view.editor.getValue();
		expect(app.commands.execute(`${ID}:capture-frame`)).toBe(true);
		await settle();
		expect(Notice.shown).toEqual([CAPTURE_YOUTUBE_MESSAGE]);
		expect(grab.calls).toBe(0);
		expect(app.vault.binaries.size).toBe(0);
		expect(view.editor.getValue()).toBe(before);
	});

	it.each([
		[{ kind: "file", path: "media/clip.webm" }, 46.9, "clip 00-00-46.png"],
		[{ kind: "url", url: "https://example.com/a/talk.final.mp4?x=1#t=3" }, 3725, "talk.final 01-02-05.png"],
		[{ kind: "file", path: "a:b|c.webm" }, 0, "a b c 00-00-00.png"],
	] as const)("names the frame of %o at %s %s", (video, seconds, name) => {
		expect(frameFileName(video, seconds)).toBe(name);
	});
});
