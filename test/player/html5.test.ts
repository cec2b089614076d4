import { beforeEach, describe, expect, it, vi } from "vitest";
import type { VideoRef } from "../../src/core";
import { Html5Player, mediaErrorProblem, type MediaFiles } from "../../src/player/Html5Player";
import type { MediaPlayerEvents, MediaProblem } from "../../src/player/media";

const files: MediaFiles = {
	resourceUrl: (path) => (["media/clip.webm", "audio/tone.opus", "Talks/My talk.mp4"].includes(path) ? `app://local/${encodeURI(path)}` : null),
};

function recorder() {
	const log: unknown[][] = [];
	const events: MediaPlayerEvents = {
		ready: () => log.push(["ready"]),
		playing: (p) => log.push(["playing", p]),
		time: (s) => log.push(["time", s]),
		rate: (r) => log.push(["rate", r]),
		error: (problem) => log.push(["error", problem]),
		reloaded: () => log.push(["reloaded"]),
	};
	return { log, events, errors: () => log.filter((e) => e[0] === "error").map((e) => e[1] as MediaProblem) };
}

/** Pretends the browser has read the media's metadata: readyState, duration, then the event. */
function metadataLoaded(media: HTMLMediaElement, duration = 60): void {
	Object.defineProperty(media, "readyState", { configurable: true, value: 1 });
	Object.defineProperty(media, "duration", { configurable: true, value: duration });
	media.dispatchEvent(new Event("loadedmetadata"));
}

function mount(video: VideoRef) {
	const container = createDiv();
	const rec = recorder();
	const player = new Html5Player(video, rec.events, files);
	player.load(container);
	const media = container.querySelector<HTMLMediaElement>("video, audio");
	return { container, rec, player, media };
}

let played: HTMLMediaElement[];
beforeEach(() => {
	played = [];
	// jsdom plays no media: record the calls instead.
	vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(function (this: HTMLMediaElement) {
		played.push(this);
		return Promise.resolve();
	});
	vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => {});
});

describe("Html5Player: sources", () => {
	it.each([
		[{ kind: "file", path: "media/clip.webm" }, "VIDEO", "app://local/media/clip.webm"],
		[{ kind: "file", path: "Talks/My talk.mp4" }, "VIDEO", "app://local/Talks/My%20talk.mp4"],
		[{ kind: "file", path: "audio/tone.opus" }, "AUDIO", "app://local/audio/tone.opus"],
		[{ kind: "url", url: "https://example.com/talk.mp4" }, "VIDEO", "https://example.com/talk.mp4"],
		[{ kind: "url", url: "http://example.com/podcast.mp3?x=1" }, "AUDIO", "http://example.com/podcast.mp3?x=1"],
	] as [VideoRef, string, string][])("%j plays in a <%s> from %s, with controls", (video, tag, src) => {
		const { media, rec } = mount(video);
		expect(media?.tagName).toBe(tag);
		expect(media?.getAttribute("src")).toBe(src);
		expect(media?.hasAttribute("controls")).toBe(true);
		expect(media?.getAttribute("preload")).toBe("metadata");
		expect(media?.classList.contains("vc-player-media")).toBe(true);
		expect(rec.errors()).toEqual([]);
	});

	it("names a vault file that is missing, and builds nothing", () => {
		const { container, rec } = mount({ kind: "file", path: "media/gone.webm" });
		expect(container.childElementCount).toBe(0);
		expect(rec.errors()).toEqual([
			{ kind: "not-found", message: 'The media file "media/gone.webm" is not in this vault. It may have been moved, renamed or deleted.' },
		]);
	});

	it.each([
		{ kind: "url", url: "javascript:alert(1)//.mp4" },
		{ kind: "url", url: "data:video/mp4;base64,AAAA" },
		{ kind: "url", url: "file:///etc/passwd.mp4" },
		{ kind: "url", url: "not a url" },
		{ kind: "youtube", id: "aXGo1o_baBo" },
	] as VideoRef[])("refuses %j: no element, a clear message", (video) => {
		const { container, rec } = mount(video);
		expect(container.childElementCount).toBe(0);
		expect(rec.errors()).toEqual([{ kind: "bad-video", message: "Only vault files and http(s) media addresses can be played here." }]);
	});
});

describe("Html5Player: seeking and events", () => {
	it("waits for the metadata before seeking, then seeks and plays", () => {
		const { media, player, rec } = mount({ kind: "file", path: "media/clip.webm" });
		if (!media) throw new Error("no media element");
		expect(media.readyState).toBe(0);
		player.seek(46, true);
		player.seek(30, true);
		expect(media.currentTime).toBe(0);
		expect(played).toEqual([]);
		metadataLoaded(media);
		expect(media.currentTime).toBe(30);
		expect(played).toEqual([media]);
		expect(rec.log).toEqual([["ready"]]);
		expect(player.duration()).toBe(60);
	});

	it("seeks at once when the metadata is there", () => {
		const { media, player } = mount({ kind: "file", path: "media/clip.webm" });
		if (!media) throw new Error("no media element");
		metadataLoaded(media);
		player.seek(12.5);
		expect(media.currentTime).toBe(12.5);
		expect(played).toEqual([]);
		expect(player.currentTime()).toBe(12.5);
	});

	it.each([
		["play", ["playing", true]],
		["pause", ["playing", false]],
		["ended", ["playing", false]],
		["timeupdate", ["time", 7]],
		["ratechange", ["rate", 1.5]],
	])("reports the media's %s event", (type, expected) => {
		const { media, rec } = mount({ kind: "file", path: "media/clip.webm" });
		if (!media) throw new Error("no media element");
		media.currentTime = 7;
		media.playbackRate = 1.5;
		rec.log.length = 0;
		media.dispatchEvent(new Event(type));
		expect(rec.log).toEqual([expected]);
	});

	it.each([
		[1, "network", /stopped/],
		[2, "network", /could not be downloaded/],
		[3, "playback", /could not be decoded/],
		[4, "playback", /missing or its format is not supported/],
	])("MediaError %s is a %s problem: %s", (code, kind, message) => {
		const { media, rec } = mount({ kind: "file", path: "media/clip.webm" });
		if (!media) throw new Error("no media element");
		Object.defineProperty(media, "error", { configurable: true, value: { code } });
		media.dispatchEvent(new Event("error"));
		expect(rec.errors()).toEqual([mediaErrorProblem(code, "media/clip.webm")]);
		expect(rec.errors()[0]).toMatchObject({ kind, message: expect.stringMatching(message) });
	});

	it("destroy stops the download, removes the element and ignores later events", () => {
		const { container, media, player, rec } = mount({ kind: "file", path: "media/clip.webm" });
		if (!media) throw new Error("no media element");
		player.destroy();
		expect(container.childElementCount).toBe(0);
		expect(media.hasAttribute("src")).toBe(false);
		media.dispatchEvent(new Event("play"));
		metadataLoaded(media);
		expect(rec.log).toEqual([]);
	});
});
