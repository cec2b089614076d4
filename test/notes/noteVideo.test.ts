import { describe, expect, it } from "vitest";
import { NoteVideos } from "../../src/notes/noteVideo";
import { playingIndex } from "../../src/core";

describe("NoteVideos", () => {
	const notes = new NoteVideos({
		frontmatter: (path) =>
			({
				"yt.md": { videoId: "aXGo1o_baBo" },
				"clip.md": { video: "[[clip.webm]]" },
				"missing.md": { video: "[[nowhere.webm]]" },
				"none.md": { title: "x" },
			})[path] ?? null,
		resolveLink: (link) => (link === "clip.webm" ? "media/clip.webm" : null),
	});

	it.each([
		["yt.md", { kind: "youtube", id: "aXGo1o_baBo" }],
		["clip.md", { kind: "file", path: "media/clip.webm" }],
		["missing.md", { kind: "file", path: "nowhere.webm" }],
		["none.md", null],
		["not-a-note.md", null],
	])("finds the video of %s", (path, expected) => {
		expect(notes.videoFor(path)).toEqual(expected);
	});
});

describe("playingIndex", () => {
	it.each([
		[[10, 20, 30], 5, -1],
		[[10, 20, 30], 10, 0],
		[[10, 20, 30], 25, 1],
		[[10, 20, 30], 99, 2],
		[[10, 10, 20], 10, 1],
		[[], 5, -1],
		[[10], Number.NaN, -1],
	])("in %j at %d s is %d", (seconds, t, expected) => {
		expect(playingIndex(seconds, t)).toBe(expected);
	});
});
