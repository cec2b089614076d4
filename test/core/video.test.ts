import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseYouTubeUrl, resolveVideo, videoKey, youtubeShortUrl, youtubeWatchUrl } from "../../src/core";

const ID = "aXGo1o_baBo";

describe("parseYouTubeUrl", () => {
	it.each([
		[`https://www.youtube.com/watch?v=${ID}`, { id: ID }],
		[`https://youtube.com/watch?v=${ID}&t=2811s`, { id: ID, start: 2811 }],
		[`https://www.youtube.com/watch?v=${ID}&t=2m`, { id: ID, start: 120 }],
		[`https://youtu.be/${ID}?t=120`, { id: ID, start: 120 }],
		[`https://youtu.be/${ID}`, { id: ID }],
		[`youtu.be/${ID}`, { id: ID }],
		[`https://m.youtube.com/watch?v=${ID}`, { id: ID }],
		[`https://music.youtube.com/watch?v=${ID}`, { id: ID }],
		[`https://www.youtube.com/shorts/${ID}`, { id: ID }],
		[`https://www.youtube.com/embed/${ID}?start=30`, { id: ID, start: 30 }],
		[`https://www.youtube-nocookie.com/embed/${ID}`, { id: ID }],
		[`https://www.youtube.com/live/${ID}?feature=share`, { id: ID }],
		[`https://www.youtube.com/watch?v=${ID}#t=1h2m3s`, { id: ID, start: 3723 }],
		[`https://youtu.be/${ID}?t=1:02:03`, { id: ID, start: 3723 }],
	])("reads %s", (url, expected) => {
		expect(parseYouTubeUrl(url)).toEqual(expected);
	});

	it("reads the links it writes exactly as the URL parser reads them (HTTPS:// takes the parser's path)", () => {
		const id = fc.stringMatching(/^[A-Za-z0-9_-]{11}$/);
		const time = fc.oneof(fc.stringMatching(/^[0-9][0-9hms.]{0,8}$/), fc.nat(400_000).map(String), fc.constant("24.6"), fc.constant("1h2m3s"), fc.constant("0"));
		fc.assert(
			fc.property(id, fc.option(time, { nil: undefined }), fc.boolean(), (v, t, short) => {
				const rest = short ? `youtu.be/${v}${t === undefined ? "" : `?t=${t}`}` : `www.youtube.com/watch?v=${v}${t === undefined ? "" : `&t=${t}`}`;
				expect(parseYouTubeUrl(`https://${rest}`)).toEqual(parseYouTubeUrl(`HTTPS://${rest}`));
			}),
			{ numRuns: 2000 },
		);
	});

	it.each([
		"",
		"https://example.com/watch?v=aXGo1o_baBo",
		"https://www.youtube.com/watch?v=short",
		"https://www.youtube.com/watch?v=aXGo1o_baBo1",
		"https://www.youtube.com/channel/UC123",
		"javascript:alert(1)//youtube.com/watch?v=aXGo1o_baBo",
		"https://youtube.com.evil.com/watch?v=aXGo1o_baBo",
		"ftp://youtube.com/watch?v=aXGo1o_baBo",
		"https://www.youtube.com/watch?v=aXGo1o_ba%3Co",
		"not a url",
	])("rejects %s", (url) => {
		expect(parseYouTubeUrl(url)).toBeNull();
	});
});

describe("resolveVideo", () => {
	it.each([
		[{ videoId: ID }, { kind: "youtube", id: ID }],
		[{ videoId: ` ${ID} ` }, { kind: "youtube", id: ID }],
		[{ video: `https://youtu.be/${ID}?t=90` }, { kind: "youtube", id: ID, start: 90 }],
		[{ url: `https://www.youtube.com/watch?v=${ID}` }, { kind: "youtube", id: ID }],
		[{ youtube: ID }, { kind: "youtube", id: ID }],
		[{ source: `https://www.youtube.com/live/${ID}` }, { kind: "youtube", id: ID }],
		[{ video: "media/clip.webm" }, { kind: "file", path: "media/clip.webm" }],
		[{ video: "[[clip.webm]]" }, { kind: "file", path: "clip.webm" }],
		[{ video: "![[talk.mp3|audio]]" }, { kind: "file", path: "talk.mp3" }],
		[{ video: "https://example.com/talk.mp4" }, { kind: "url", url: "https://example.com/talk.mp4" }],
		[{ video: "https://example.com/stream" }, { kind: "url", url: "https://example.com/stream" }],
		[{ url: "https://example.com/podcast/episode.mp3?x=1" }, { kind: "url", url: "https://example.com/podcast/episode.mp3?x=1" }],
		// videoId wins over the others.
		[{ videoId: ID, video: "clip.webm" }, { kind: "youtube", id: ID }],
		// An unusable videoId falls through to the next key.
		[{ videoId: "empty", video: "clip.webm" }, { kind: "file", path: "clip.webm" }],
	])("resolves %j", (fm, expected) => {
		expect(resolveVideo(fm)).toEqual(expected);
	});

	it.each([
		null,
		undefined,
		{},
		{ videoId: "empty" },
		{ videoId: "" },
		{ videoId: null },
		{ videoId: "aXGo1o_baB" },
		{ videoId: "aXGo1o_baBo\"><img src=x onerror=alert(1)>" },
		{ videoId: "аXGo1o_baBo" }, // Cyrillic а
		{ videoId: "aXGo1o_baB\u200b" },
		{ video: "javascript:alert(1)" },
		{ video: "data:video/mp4;base64,AAAA" },
		{ video: "vbscript:msgbox" },
		{ video: "file:///etc/passwd.mp4" },
		{ video: "../outside.mp4" },
		{ video: "notes/readme.md" },
		{ url: "https://example.com/article" },
		{ title: "no video" },
		{ videoId: ["not", "an", "id"] },
		{ videoId: { nested: true } },
	])("rejects %j", (fm) => {
		expect(resolveVideo(fm as Record<string, unknown> | null)).toBeNull();
	});

	it("never throws on arbitrary frontmatter", () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom("videoId", "video", "url", "youtube", "source", "media", "x"), fc.anything()), (fm) => {
				const ref = resolveVideo(fm);
				if (ref?.kind === "youtube") expect(ref.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
				if (ref?.kind === "url") expect(ref.url).toMatch(/^https?:\/\//);
			}),
			{ numRuns: 2000 },
		);
	});
});

describe("links and keys", () => {
	it("builds youtube.com links with whole seconds", () => {
		expect(youtubeWatchUrl(ID, 2811.7)).toBe(`https://www.youtube.com/watch?v=${ID}&t=2811s`);
		expect(youtubeWatchUrl(ID, 0)).toBe(`https://www.youtube.com/watch?v=${ID}`);
		expect(youtubeShortUrl(ID, 2811)).toBe(`https://youtu.be/${ID}?t=2811`);
	});

	it("gives one key per video", () => {
		expect(videoKey({ kind: "youtube", id: ID, start: 5 })).toBe(videoKey({ kind: "youtube", id: ID }));
		expect(videoKey({ kind: "file", path: "a.mp4" })).not.toBe(videoKey({ kind: "url", url: "a.mp4" }));
	});
});
