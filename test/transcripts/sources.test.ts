import { describe, expect, it } from "vitest";
import { findTranscriptSources, pickSource, type SourceQuery } from "../../src/transcripts/sources";

const FILES = [
	"media/talk.vtt",
	"media/talk.en.srt",
	"media/talk.en.vtt",
	"media/talk.de.srt",
	"media/talk-2.vtt",
	"media/other/talk.fr.vtt",
	"subs/dQw4w9WgXcQ.en.vtt",
	"subs/dQw4w9WgXcQ.vtt",
	"subs/Never gonna [dQw4w9WgXcQ].de.srt",
	"subs/notes.vtt",
];

function query(over: Partial<SourceQuery>): SourceQuery {
	return {
		frontmatter: {},
		video: null,
		notePath: "notes/Talk.md",
		subtitleFiles: FILES,
		resolveLink: (link) => FILES.find((f) => f === link || f.endsWith("/" + link)) ?? null,
		...over,
	};
}

describe("findTranscriptSources", () => {
	it("finds the files beside a vault video with its base name, one per language, the plain one first and .vtt over .srt", () => {
		const choice = findTranscriptSources(query({ video: { kind: "file", path: "media/talk.mp4" } }));
		expect(choice.found).toBe("sibling");
		expect(choice.sources).toEqual([
			{ kind: "file", path: "media/talk.vtt", language: null },
			{ kind: "file", path: "media/talk.de.srt", language: "de" },
			{ kind: "file", path: "media/talk.en.vtt", language: "en" },
		]);
	});

	it("finds a YouTube video's files by its id, as download tools name them", () => {
		const choice = findTranscriptSources(query({ video: { kind: "youtube", id: "dQw4w9WgXcQ" } }));
		expect(choice.found).toBe("youtube-id");
		expect(choice.sources.map((s) => (s.kind === "file" ? [s.path, s.language] : null))).toEqual([
			["subs/dQw4w9WgXcQ.vtt", null],
			["subs/Never gonna [dQw4w9WgXcQ].de.srt", "de"],
			["subs/dQw4w9WgXcQ.en.vtt", "en"],
		]);
	});

	it.each([
		[{ transcript: "subs/notes.vtt" }, "subs/notes.vtt"],
		[{ transcript: "[[notes.vtt]]" }, "subs/notes.vtt"],
		[{ subtitles: "[[notes.vtt|the subtitles]]" }, "subs/notes.vtt"],
		[{ transcript: "<subs/notes.vtt>" }, "subs/notes.vtt"],
	])("reads a file the note names in %j before anything else", (frontmatter, path) => {
		const choice = findTranscriptSources(query({ frontmatter, video: { kind: "file", path: "media/talk.mp4" } }));
		expect(choice).toEqual({ found: "named", sources: [{ kind: "file", path, language: null }] });
	});

	it("takes an http(s) address the note names", () => {
		const choice = findTranscriptSources(query({ frontmatter: { transcript: "https://example.org/talk.vtt" } }));
		expect(choice.sources).toEqual([{ kind: "url", url: "https://example.org/talk.vtt" }]);
	});

	it.each([
		[{ transcript: "javascript:alert(1)" }, /not a vault file or an http\(s\) address/],
		[{ transcript: "file:///etc/passwd" }, /not a vault file or an http\(s\) address/],
		[{ subtitles: "[[missing.vtt]]" }, /names "missing.vtt", which is not in the vault/],
	])("says why a named transcript %j cannot be used", (frontmatter, problem) => {
		const choice = findTranscriptSources(query({ frontmatter }));
		expect(choice.sources).toEqual([]);
		expect(choice.problem).toMatch(problem);
	});

	it("finds nothing for a video with no subtitle files, or a note with no video", () => {
		expect(findTranscriptSources(query({ video: { kind: "file", path: "media/clip.webm" } })).found).toBe("none");
		expect(findTranscriptSources(query({ video: { kind: "youtube", id: "aXGo1o_baBo" } })).found).toBe("none");
		expect(findTranscriptSources(query({})).found).toBe("none");
	});
});

describe("pickSource", () => {
	const sources = findTranscriptSources(query({ video: { kind: "file", path: "media/talk.mp4" } })).sources;
	it("shows the remembered language, else the first source", () => {
		expect(pickSource(sources, "en")).toEqual({ kind: "file", path: "media/talk.en.vtt", language: "en" });
		expect(pickSource(sources, null)).toEqual({ kind: "file", path: "media/talk.vtt", language: null });
		expect(pickSource(sources, "ja")).toEqual(sources[0]);
		expect(pickSource([], "en")).toBeNull();
	});
});
