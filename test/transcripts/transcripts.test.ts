import { describe, expect, it, vi } from "vitest";
import { Transcripts, type TranscriptVault } from "../../src/transcripts/transcripts";
import { SavedLanguages } from "../../src/transcripts/languageMemory";

const VTT = "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n";

function fakeVault(files: Record<string, string>, frontmatter: Record<string, Record<string, unknown>> = {}): TranscriptVault & { reads: string[] } {
	const reads: string[] = [];
	return {
		reads,
		subtitleFiles: () => Object.keys(files),
		read: (path) => {
			reads.push(path);
			return path in files ? Promise.resolve(files[path] as string) : Promise.reject(new Error("missing"));
		},
		frontmatter: (path) => frontmatter[path] ?? {},
		resolveLink: (link) => (link in files ? link : null),
	};
}

const memory = () => new SavedLanguages({ load: () => Promise.resolve({}), save: () => Promise.resolve() });

describe("Transcripts", () => {
	const video = { kind: "file" as const, path: "media/talk.mp4" };

	it("reads a sibling file once and keeps it until it changes", async () => {
		const vault = fakeVault({ "media/talk.vtt": VTT });
		const t = new Transcripts(vault, { fetchText: vi.fn() }, memory());
		const first = await t.load("Talk.md", video);
		expect(first.status).toBe("ready");
		expect(first.cues).toEqual([{ start: 1, end: 2, text: "Hello" }]);
		await t.load("Talk.md", video);
		expect(vault.reads).toEqual(["media/talk.vtt"]);
		t.forget("media/talk.vtt");
		await t.load("Talk.md", video);
		expect(vault.reads).toEqual(["media/talk.vtt", "media/talk.vtt"]);
	});

	it("says why a file cannot be read", async () => {
		const t = new Transcripts(fakeVault({ "media/talk.vtt": "just words" }), { fetchText: vi.fn() }, memory());
		const r = await t.load("Talk.md", video);
		expect(r.status).toBe("error");
		expect(r.message).toMatch(/"talk.vtt" holds no subtitle cues/);
	});

	it("says there is none when nothing is found", async () => {
		const r = await new Transcripts(fakeVault({}), { fetchText: vi.fn() }, memory()).load("Talk.md", video);
		expect(r).toMatchObject({ status: "none", cues: [] });
	});

	it("remembers the language chosen for a video", async () => {
		const saved: unknown[] = [];
		const langs = new SavedLanguages({ load: () => Promise.resolve({}), save: (d) => (saved.push(d), Promise.resolve()) });
		const t = new Transcripts(fakeVault({ "media/talk.vtt": VTT, "media/talk.de.vtt": VTT.replace("Hello", "Hallo") }), { fetchText: vi.fn() }, langs);
		expect((await t.load("Talk.md", video)).cues[0]?.text).toBe("Hello");
		t.chooseLanguage(video, "de");
		expect((await t.load("Talk.md", video)).cues[0]?.text).toBe("Hallo");
		expect(saved.at(-1)).toEqual({ "file:media/talk.mp4": "de" });
		const again = new SavedLanguages({ load: () => Promise.resolve(saved.at(-1)), save: () => Promise.resolve() });
		await again.load();
		expect(again.get("file:media/talk.mp4")).toBe("de");
	});

	it("fetches a web transcript only when asked, once, and says when it fails", async () => {
		const fetchText = vi.fn().mockResolvedValueOnce(VTT);
		const t = new Transcripts(fakeVault({}, { "Talk.md": { transcript: "https://example.org/t.vtt" } }), { fetchText }, memory());
		const before = await t.load("Talk.md", null);
		expect(before.status).toBe("remote");
		expect(fetchText).not.toHaveBeenCalled();
		expect((await t.fetchRemote("Talk.md", null)).cues).toHaveLength(1);
		expect((await t.load("Talk.md", null)).status).toBe("ready");
		expect(fetchText).toHaveBeenCalledTimes(1);

		const failing = new Transcripts(fakeVault({}, { "Talk.md": { transcript: "https://example.org/t.vtt" } }), { fetchText: vi.fn().mockRejectedValue(new Error("the server answered 404")) }, memory());
		const r = await failing.fetchRemote("Talk.md", null);
		expect(r.status).toBe("error");
		expect(r.message).toMatch(/Could not fetch the transcript from https:\/\/example.org\/t.vtt: the server answered 404/);
	});
});
