import { describe, expect, it, vi } from "vitest";
import { CaptionsError, chooseTrack, fetchCaptionTracks, fetchTrackVtt, readCaptionTracks, trackKey, type CaptionTrack, type HttpGet } from "../../src/transcripts/youtubeCaptions";
import { recorded, recordedHttp } from "../helpers/youtubeRecordings";

const ID = "aXGo1o_baBo";
const WATCH = recorded(`watch-${ID}.html`);


/** The watch page with its player response changed by `edit`. */
function watchWith(edit: (response: Record<string, unknown>) => void): string {
	const start = WATCH.indexOf("{", WATCH.indexOf("ytInitialPlayerResponse"));
	const end = WATCH.indexOf(";var meta");
	const response = JSON.parse(WATCH.slice(start, end)) as Record<string, unknown>;
	edit(response);
	return WATCH.slice(0, start) + JSON.stringify(response) + WATCH.slice(end);
}

describe("readCaptionTracks", () => {
	it("reads the tracks of a recorded watch page, with braces and quotes in its strings", () => {
		const tracks = readCaptionTracks(WATCH);
		expect(tracks.map((t) => ({ language: t.languageCode, name: t.name, auto: t.auto, key: trackKey(t) }))).toEqual([
			{ language: "en", name: "English", auto: false, key: "en" },
			{ language: "en", name: "English (auto-generated)", auto: true, key: "a.en" },
		]);
		// The `\u0026` of the page is read as `&`: the address is usable as it is.
		expect(tracks[1]?.url).toMatch(/^https:\/\/www\.youtube\.com\/api\/timedtext\?v=aXGo1o_baBo&ei=.*&kind=asr&lang=en$/);
	});

	it("skips a track whose language is not a language code (it would key the cache file)", () => {
		const page = watchWith((r) => {
			const list = (r.captions as { playerCaptionsTracklistRenderer: { captionTracks: { languageCode: string }[] } }).playerCaptionsTracklistRenderer.captionTracks;
			if (list[0]) list[0].languageCode = "__proto__";
		});
		expect(readCaptionTracks(page).map((t) => trackKey(t))).toEqual(["a.en"]);
	});

	it("reads a track name given as simpleText", () => {
		const page = watchWith((r) => {
			const list = (r.captions as { playerCaptionsTracklistRenderer: { captionTracks: { name: unknown }[] } }).playerCaptionsTracklistRenderer.captionTracks;
			if (list[0]) list[0].name = { simpleText: "English - CC" };
		});
		expect(readCaptionTracks(page)[0]?.name).toBe("English - CC");
	});

	it.each([
		["a video with no captions", watchWith((r) => delete r.captions), /has no captions on YouTube/],
		["a private video", watchWith((r) => (r.playabilityStatus = { status: "LOGIN_REQUIRED", reason: "This video is private" })), /asks to sign in.*"This video is private"/],
		["a removed video", watchWith((r) => (r.playabilityStatus = { status: "ERROR", reason: "Video unavailable" })), /will not play this video: "Video unavailable"/],
		["the cookie page", recorded("consent.html"), /accept its cookies/],
		["a page YouTube changed", "<html><body><script>var somethingElse = {}</script></body></html>", /did not look as this plugin expects/],
		["a player response cut short", WATCH.slice(0, WATCH.indexOf('"captions"')), /did not look as this plugin expects/],
		["tracks whose address is not YouTube's", watchWith((r) => {
			const list = (r.captions as { playerCaptionsTracklistRenderer: { captionTracks: { baseUrl: string }[] } }).playerCaptionsTracklistRenderer.captionTracks;
			for (const t of list) t.baseUrl = "https://evil.example/api/timedtext?lang=en";
		}), /caption list did not look as this plugin expects/],
	])("says why for %s", (_name, page, message) => {
		expect(() => readCaptionTracks(page)).toThrow(CaptionsError);
		expect(() => readCaptionTracks(page)).toThrow(message);
	});
});

describe("chooseTrack", () => {
	const track = (languageCode: string, auto = false): CaptionTrack => ({ languageCode, auto, name: languageCode, url: "https://www.youtube.com/api/timedtext" });
	const tracks = [track("de"), track("en", true), track("en-GB"), track("pt-BR")];
	it.each([
		["the remembered track first", "a.en", ["de"], "a.en"],
		["a person's track in the user's language", undefined, ["en-US", "de"], "en-GB"],
		["the next language of the user when the first has none", undefined, ["fr", "pt"], "pt-BR"],
		["the automatic track when no language matches", undefined, ["ja"], "a.en"],
		["the preference when the remembered track is gone", "es", ["de"], "de"],
	])("takes %s", (_name, remembered, preferred, expected) => {
		const chosen = chooseTrack(tracks, remembered, preferred);
		expect(chosen && trackKey(chosen)).toBe(expected);
	});
	it("takes the first when there is no automatic track", () => {
		expect(chooseTrack([track("de"), track("fr")], null, ["ja"])?.languageCode).toBe("de");
	});
});

describe("fetching", () => {
	it("asks for the watch page in the user's languages, then the track as WebVTT", async () => {
		const http = recordedHttp();
		const tracks = await fetchCaptionTracks(http, ID, ["en-US", "en"]);
		const vtt = await fetchTrackVtt(http, tracks[1] as CaptionTrack);
		expect(http.urls[0]).toBe(`https://www.youtube.com/watch?v=${ID}`);
		expect(http.headers[0]).toEqual({ "Accept-Language": "en-US,en" });
		expect(new URL(http.urls[1] as string).searchParams.get("fmt")).toBe("vtt");
		expect(vtt).toMatch(/^WEBVTT\nKind: captions/);
	});

	it("never sends a request for something that is not a video id", async () => {
		const http = recordedHttp();
		for (const id of ["", "../../etc", "aXGo1o_baBo&x=1", "<script>", "aXGo1o_baBoo"]) {
			await expect(fetchCaptionTracks(http, id, [])).rejects.toThrow(/is not a YouTube video id, so nothing was fetched/);
		}
		expect(http.urls).toEqual([]);
	});

	it.each([
		["no network", () => undefined, /Could not reach YouTube for the video's page \(net::ERR_INTERNET_DISCONNECTED\)/],
		["too many requests", () => ({ status: 429, text: "" }), /429: too many requests/],
		["a server error", () => ({ status: 503, text: "" }), /YouTube answered 503 for the video's page/],
	])("says why on %s", async (_name, answer, message) => {
		const http: HttpGet = { get: (url) => (answer() ? Promise.resolve(answer() as { status: number; text: string }) : Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"))) };
		await expect(fetchCaptionTracks(http, ID, [])).rejects.toThrow(message);
	});

	it.each([
		["an empty caption file (a token was wanted)", "", /empty caption file/],
		["something that is not WebVTT", "<transcript><text start=\"1\">hi</text></transcript>", /was not WebVTT/],
	])("says why for %s", async (_name, text, message) => {
		const http = recordedHttp((url) => (url.includes("timedtext") ? { status: 200, text } : undefined));
		const tracks = await fetchCaptionTracks(http, ID, []);
		await expect(fetchTrackVtt(http, tracks[0] as CaptionTrack)).rejects.toThrow(message);
	});

	it("does not throw anything but its own errors", async () => {
		const http: HttpGet = { get: vi.fn(() => Promise.resolve({ status: 200, text: "{" })) };
		await expect(fetchCaptionTracks(http, ID, [])).rejects.toBeInstanceOf(CaptionsError);
	});
});
