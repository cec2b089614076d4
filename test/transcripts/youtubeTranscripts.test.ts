import { describe, expect, it, vi } from "vitest";
import { Transcripts, type TranscriptVault } from "../../src/transcripts/transcripts";
import { SavedLanguages } from "../../src/transcripts/languageMemory";
import { YouTubeTranscripts, type DataFolder } from "../../src/transcripts/youtubeTranscripts";
import type { HttpGet } from "../../src/transcripts/youtubeCaptions";
import { recorded, recordedHttp } from "../helpers/youtubeRecordings";

const ID = "aXGo1o_baBo";
const video = { kind: "youtube" as const, id: ID };
const FETCHED = new Date("2026-12-03T10:20:30.000Z");


function memoryFolder(files: Record<string, string> = {}): DataFolder & { files: Record<string, string> } {
	return {
		files,
		read: (path) => Promise.resolve(files[path] ?? null),
		write: (path, text) => {
			files[path] = text;
			return Promise.resolve();
		},
	};
}

const noVault: TranscriptVault = { subtitleFiles: () => [], read: () => Promise.reject(new Error("none")), frontmatter: () => ({}), resolveLink: () => null };
const memory = () => new SavedLanguages({ load: () => Promise.resolve({}), save: () => Promise.resolve() });

function setup<H extends HttpGet = ReturnType<typeof recordedHttp>, F extends DataFolder = ReturnType<typeof memoryFolder>>(options: { enabled?: boolean; http?: H; folder?: F; vault?: TranscriptVault; languages?: string[] } = {}) {
	const http = (options.http ?? recordedHttp()) as H & { urls: string[] };
	const folder = (options.folder ?? memoryFolder()) as F & { files: Record<string, string> };
	let enabled = options.enabled ?? true;
	const youtube = new YouTubeTranscripts(http, folder, () => enabled, () => options.languages ?? ["en-US"], () => FETCHED);
	const transcripts = new Transcripts(options.vault ?? noVault, { fetchText: vi.fn() }, memory(), youtube);
	return { http, folder, transcripts, setEnabled: (on: boolean) => (enabled = on) };
}

describe("YouTube transcripts", () => {
	it("fetch nothing while the setting is off, and say how to get one", async () => {
		const { http, transcripts } = setup({ enabled: false });
		const t = await transcripts.load("CPTO.md", video);
		expect(t.status).toBe("none");
		expect(t.message).toMatch(/save one named after the video id.*turn on "Fetch YouTube transcripts"/s);
		expect(http.urls).toEqual([]);
	});

	it("prefer a subtitle file in the vault and then ask YouTube nothing", async () => {
		const vault: TranscriptVault = { ...noVault, subtitleFiles: () => [`${ID}.en.vtt`], read: () => Promise.resolve("WEBVTT\n\n00:01.000 --> 00:02.000\nFrom the vault\n") };
		const { http, transcripts } = setup({ vault });
		expect((await transcripts.load("CPTO.md", video)).cues[0]?.text).toBe("From the vault");
		expect(http.urls).toEqual([]);
	});

	it("fetch a person's captions in the user's language and keep them with their source and date", async () => {
		const { http, folder, transcripts } = setup();
		const t = await transcripts.load("CPTO.md", video);
		expect(t.status).toBe("ready");
		expect(t.source).toEqual({ kind: "youtube", id: ID, language: "en", name: "English", fetched: "2026-12-03T10:20:30.000Z" });
		expect(t.sources.map((s) => s.kind === "youtube" && s.name)).toEqual(["English", "English (auto-generated)"]);
		expect(t.cues[0]).toEqual({ start: 24, end: 26.8, text: "A CPTO functionally runs product, engineering, and" });
		expect(http.urls).toHaveLength(2);
		const kept = JSON.parse(folder.files[`transcripts/${ID}.json`] as string) as Record<string, unknown>;
		expect(kept).toMatchObject({ version: 1, videoId: ID, source: `https://www.youtube.com/watch?v=${ID}`, captions: { en: { name: "English", fetched: "2026-12-03T10:20:30.000Z" } } });
		expect((kept.captions as { en: { vtt: string } }).en.vtt).toBe(recorded(`timedtext-${ID}-en.vtt`));
	});

	it("collapse the rolling lines of automatic captions, and switch track by the remembered choice", async () => {
		const { http, transcripts } = setup();
		await transcripts.load("CPTO.md", video);
		transcripts.chooseLanguage(video, "a.en");
		const t = await transcripts.load("CPTO.md", video);
		expect(t.source).toMatchObject({ language: "a.en", name: "English (auto-generated)" });
		expect(t.cues.slice(0, 2).map((c) => c.text)).toEqual(["a cpto functionally runs product engineering and", "design as a cohesive unit"]);
		// Each spoken line once, not once per rolling window.
		expect(new Set(t.cues.map((c) => c.text)).size).toBe(t.cues.length);
		expect(http.urls).toHaveLength(4);
	});

	it("read a kept transcript without asking YouTube again, even after a restart", async () => {
		const folder = memoryFolder();
		await setup({ folder }).transcripts.load("CPTO.md", video);
		const later = setup({ folder });
		const t = await later.transcripts.load("CPTO.md", video);
		expect(t.status).toBe("ready");
		expect(t.source).toMatchObject({ fetched: "2026-12-03T10:20:30.000Z" });
		expect(later.http.urls).toEqual([]);
	});

	it("fetch again when the kept file is unreadable", async () => {
		const folder = memoryFolder({ [`transcripts/${ID}.json`]: "{not json" });
		const { http, transcripts } = setup({ folder });
		expect((await transcripts.load("CPTO.md", video)).status).toBe("ready");
		expect(http.urls).toHaveLength(2);
	});

	it("keep a failure for the session, so hovering does not ask again, until Try again", async () => {
		let refuse = true;
		const http = recordedHttp(() => (refuse ? { status: 429, text: "" } : undefined));
		const { transcripts } = setup({ http });
		const first = await transcripts.load("CPTO.md", video);
		expect(first).toMatchObject({ status: "error", retry: true });
		expect(first.message).toMatch(/429/);
		await transcripts.load("CPTO.md", video);
		expect(http.urls).toHaveLength(1);
		refuse = false;
		expect((await transcripts.fetchRemote("CPTO.md", video)).status).toBe("ready");
		expect(http.urls).toHaveLength(3);
	});

	it("show captions still being fetched once, however many ask at the same time", async () => {
		const { http, transcripts } = setup();
		const all = await Promise.all([transcripts.load("a.md", video), transcripts.load("b.md", video), transcripts.load("c.md", video)]);
		expect(all.every((t) => t.status === "ready")).toBe(true);
		expect(http.urls).toHaveLength(2);
	});

	it("never ask for a hostile id", async () => {
		const { http, transcripts } = setup();
		const t = await transcripts.load("x.md", { kind: "youtube", id: '"><img src=x onerror=alert(1)>' });
		expect(t.status).toBe("error");
		expect(t.message).toMatch(/is not a YouTube video id/);
		expect(http.urls).toEqual([]);
	});

	it("say so when a kept file cannot be written, and still show the captions", async () => {
		const folder: DataFolder = { read: () => Promise.resolve(null), write: () => Promise.reject(new Error("read-only")) };
		const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
		const { transcripts } = setup({ folder });
		expect((await transcripts.load("CPTO.md", video)).status).toBe("ready");
		await Promise.resolve();
		expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not keep the fetched captions/), expect.any(Error));
		log.mockRestore();
	});
});
