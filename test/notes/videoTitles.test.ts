import { describe, expect, it } from "vitest";
import { VideoTitles, MAX_TITLES } from "../../src/notes/videoTitles";
import type { VideoRef } from "../../src/core";

const YT_ID = "aXGo1o_baBo";
const CLIP_PATH = "media/clip.webm";
const YT: VideoRef = { kind: "youtube", id: YT_ID };
const CLIP: VideoRef = { kind: "file", path: CLIP_PATH };
const WEB: VideoRef = { kind: "url", url: "https://example.com/talks/keynote%202024.mp4" };

function titles(frontmatter: Record<string, Record<string, unknown>>, saved?: unknown, limit?: number) {
	const writes: Record<string, string>[] = [];
	const store = new VideoTitles(
		{ load: () => Promise.resolve(saved), save: (data) => (writes.push(data), Promise.resolve()) },
		{ frontmatter: (path) => frontmatter[path] ?? null },
		{ videoFor: (path) => (frontmatter[path]?.videoId === YT_ID ? YT : frontmatter[path]?.video === CLIP_PATH ? CLIP : null) },
		limit,
		0,
	);
	return { store, writes };
}

describe("video and note names", () => {
	it("names a video by the title its note gives, then the player's, then its file, then its id", async () => {
		const { store } = titles({ "a.md": { videoId: YT_ID, videoTitle: "Lenny's podcast: the CPTO", title: "The rise of the CPTO" }, "b.md": { videoId: YT_ID, title: "The rise of the CPTO" }, "c.md": { videoId: YT_ID } });
		await store.load();
		expect(store.videoName(YT, "a.md")).toBe("Lenny's podcast: the CPTO");
		expect(store.videoName(YT, "b.md")).toBe("The rise of the CPTO");
		expect(store.videoName(YT, "c.md")).toBe("YouTube video aXGo1o_baBo");
		store.record(YT, "  How to be a  CPTO ");
		expect(store.videoName(YT, "c.md")).toBe("How to be a CPTO");
		expect(store.videoName(YT, "b.md")).toBe("The rise of the CPTO");
		expect(store.videoName(CLIP)).toBe("clip.webm");
		expect(store.videoName(WEB)).toBe("keynote 2024.mp4");
	});

	it("gives a note's title only to the note's own video", () => {
		const { store } = titles({ "a.md": { videoId: YT_ID, title: "The rise of the CPTO" } });
		expect(store.knownTitle(CLIP, "a.md")).toBeNull();
		expect(store.videoName(CLIP, "a.md")).toBe("clip.webm");
	});

	it("names a note by its title, else its file name", () => {
		const { store } = titles({ "notes/a.md": { title: "The rise of the CPTO" }, "notes/b.md": { title: 42 } });
		expect(store.noteName("notes/a.md")).toBe("The rise of the CPTO");
		expect(store.noteName("notes/b.md")).toBe("b");
		expect(store.noteName("c.md")).toBe("c");
	});

	it("remembers reported titles across restarts, the most recent ones, saving only on a change", async () => {
		const { store, writes } = titles({}, { "youtube:old": "Old", bad: 3, "": "x" }, 2);
		await store.load();
		store.record(YT, "Talk");
		await new Promise((r) => window.setTimeout(r, 5));
		expect(writes.at(-1)).toEqual({ "youtube:old": "Old", [`youtube:${YT_ID}`]: "Talk" });
		const saves = writes.length;
		store.record(YT, "Talk");
		store.record(YT, "   ");
		await new Promise((r) => window.setTimeout(r, 5));
		expect(writes.length).toBe(saves);
		store.record(CLIP, "Clip");
		await new Promise((r) => window.setTimeout(r, 5));
		expect(Object.keys(writes.at(-1) ?? {})).toHaveLength(2);
		expect(MAX_TITLES).toBe(2000);
	});

	it("keeps what the data file holds when it could not be read", async () => {
		const writes: unknown[] = [];
		const store = new VideoTitles({ load: () => Promise.reject(new Error("locked")), save: (d) => (writes.push(d), Promise.resolve()) }, { frontmatter: () => null }, { videoFor: () => null }, undefined, 0);
		await store.load();
		store.record(YT, "Talk");
		await new Promise((r) => window.setTimeout(r, 5));
		expect(writes).toEqual([]);
		expect(store.videoName(YT)).toBe("Talk");
	});
});
