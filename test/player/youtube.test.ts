import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { popoutWindow } from "./popout";
import type { MediaPlayerEvents, MediaProblem } from "../../src/player/media";
import { problemNotice } from "../../src/player/surface";
import { loadYouTubeApi, YOUTUBE_API_TIMEOUT_MS, YOUTUBE_IFRAME_API_URL, type YouTubeApiWindow } from "../../src/player/youtubeApi";
import { youtubeProblem } from "../../src/player/youtubeEmbed";
import { YouTubePlayer } from "../../src/player/YouTubePlayer";
import type { VideoRef } from "../../src/core";
import { FakeYTPlayer, installFakeYouTube, lastYTPlayer, removeFakeYouTube, YTState } from "./fakeYouTube";

const SEED: VideoRef = { kind: "youtube", id: "aXGo1o_baBo" };

/** Events that record what the player reported. */
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
	const errors = () => log.filter((e) => e[0] === "error").map((e) => e[1] as MediaProblem);
	return { log, events, errors };
}

function apiScripts(doc: Document = document): HTMLScriptElement[] {
	return [...doc.querySelectorAll("script")].filter((s) => (s.getAttribute("src") ?? "").startsWith(YOUTUBE_IFRAME_API_URL));
}

async function flush(): Promise<void> {
	for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => {
	removeFakeYouTube();
	for (const s of apiScripts()) s.remove();
});

afterEach(() => {
	vi.useRealTimers();
	removeFakeYouTube();
});

describe("YouTubePlayer: the iframe", () => {
	it.each([
		[false, "https://www.youtube.com/embed/aXGo1o_baBo"],
		[true, "https://www.youtube-nocookie.com/embed/aXGo1o_baBo"],
	])("privacy %s: builds the iframe on %s with the JS API, origin and referrer policy", async (privacy, base) => {
		installFakeYouTube();
		const container = createDiv();
		new YouTubePlayer(SEED, recorder().events, { privacy }).load(container);
		const iframe = container.querySelector("iframe");
		expect(iframe).not.toBeNull();
		const src = new URL(iframe?.getAttribute("src") ?? "");
		expect(`${src.origin}${src.pathname}`).toBe(base);
		expect(Object.fromEntries(src.searchParams)).toEqual({ enablejsapi: "1", origin: window.location.origin, playsinline: "1", rel: "0" });
		expect(iframe?.getAttribute("referrerpolicy")).toBe("strict-origin-when-cross-origin");
		expect(iframe?.getAttribute("allow")).toBe("autoplay; encrypted-media; picture-in-picture; fullscreen");
		expect(iframe?.classList.contains("vc-player-iframe")).toBe(true);
		await flush();
		expect(lastYTPlayer().el).toBe(iframe);
	});

	it.each([
		"<script>alert(1)</script>",
		'aXGo1o_baBo"><img src=x onerror=alert(1)>',
		"javascript:alert(1)",
		"../../etc/passwd",
		"aXGo1o_baB",
		"",
	])("never puts the hostile id %j in a src: no iframe, no player, a clear message", async (id) => {
		installFakeYouTube();
		const container = createDiv();
		const rec = recorder();
		new YouTubePlayer({ kind: "youtube", id }, rec.events, { privacy: false }).load(container);
		await flush();
		expect(container.querySelector("iframe")).toBeNull();
		expect(container.innerHTML).toBe("");
		expect(FakeYTPlayer.instances).toEqual([]);
		expect(rec.errors()).toEqual([youtubeProblem(2)]);
	});

	it.each([
		["loads, then is ready", ["load", "ready"]],
		["is ready, then loads (the embed page may finish after onReady)", ["ready", "load"]],
	])("asks for a reload only on a second load after ready: the iframe %s", async (_name, order) => {
		installFakeYouTube();
		const container = createDiv();
		const rec = recorder();
		new YouTubePlayer(SEED, rec.events, { privacy: false }).load(container);
		await flush();
		const iframe = container.querySelector("iframe") as HTMLIFrameElement;
		for (const step of order) {
			if (step === "load") iframe.dispatchEvent(new Event("load"));
			else lastYTPlayer().ready();
		}
		expect(rec.log).toEqual([["ready"]]);
		iframe.dispatchEvent(new Event("load"));
		expect(rec.log).toEqual([["ready"], ["reloaded"]]);
	});

	it("a second load before ready (the page navigated while starting) is not a reload", async () => {
		installFakeYouTube();
		const container = createDiv();
		const rec = recorder();
		new YouTubePlayer(SEED, rec.events, { privacy: false }).load(container);
		await flush();
		const iframe = container.querySelector("iframe") as HTMLIFrameElement;
		iframe.dispatchEvent(new Event("load"));
		iframe.dispatchEvent(new Event("load"));
		lastYTPlayer().ready();
		expect(rec.log).toEqual([["ready"]]);
	});

	it("destroy removes the iframe and ignores later events", async () => {
		installFakeYouTube();
		const container = createDiv();
		const rec = recorder();
		const player = new YouTubePlayer(SEED, rec.events, { privacy: false });
		player.load(container);
		await flush();
		const yt = lastYTPlayer().ready();
		player.destroy();
		expect(yt.destroyed).toBe(true);
		expect(container.querySelector("iframe")).toBeNull();
		yt.setState(YTState.PLAYING);
		yt.error(150);
		expect(rec.log).toEqual([["ready"]]);
		expect(player.currentTime()).toBe(0);
	});
});

describe("YouTubePlayer: driving YT.Player", () => {
	async function ready() {
		installFakeYouTube();
		const rec = recorder();
		const player = new YouTubePlayer(SEED, rec.events, { privacy: false });
		player.load(createDiv());
		await flush();
		const yt = lastYTPlayer().ready();
		return { rec, player, yt };
	}

	it.each([
		[YTState.PLAYING, [["playing", true]]],
		[YTState.PAUSED, [["playing", false]]],
		[YTState.ENDED, [["playing", false]]],
		[YTState.CUED, [["playing", false]]],
		[YTState.BUFFERING, []],
		[YTState.UNSTARTED, []],
	])("state %s reports %j", async (state, expected) => {
		const { rec, yt } = await ready();
		rec.log.length = 0;
		yt.setState(state);
		expect(rec.log).toEqual(expected);
	});

	it.each([
		["plays", true, YTState.CUED, ["seekTo", "playVideo"]],
		["pauses", false, YTState.PLAYING, ["seekTo", "pauseVideo"]],
		["keeps playing", undefined, YTState.PLAYING, ["seekTo"]],
		["keeps a cued video paused", undefined, YTState.CUED, ["seekTo", "pauseVideo"]],
	])("seek that %s", async (_name, play, state, calls) => {
		const { player, yt } = await ready();
		yt.setState(state);
		yt.calls.length = 0;
		player.seek(2811, play);
		expect(yt.callNames).toEqual(calls);
		expect(yt.calls[0]).toEqual(["seekTo", 2811, true]);
	});

	it("reads time, duration, title and rate from the player", async () => {
		const { rec, player, yt } = await ready();
		yt.time = 12.5;
		yt.duration = 3600;
		expect(player.currentTime()).toBe(12.5);
		expect(player.duration()).toBe(3600);
		expect(player.title()).toBe("The rise of the CPTO");
		yt.duration = 0;
		expect(player.duration()).toBeNull();
		player.setRate(2.5);
		expect(rec.log.at(-1)).toEqual(["rate", 2]);
	});

	it("does not call the player before it is ready", async () => {
		installFakeYouTube();
		const player = new YouTubePlayer(SEED, recorder().events, { privacy: false });
		player.load(createDiv());
		await flush();
		player.seek(10, true);
		player.play();
		expect(lastYTPlayer().calls).toEqual([]);
	});
});

describe("YouTube errors", () => {
	const video: VideoRef = SEED;
	const handlers = () => {
		const calls: string[] = [];
		return { calls, retry: () => calls.push("retry"), openExternal: (url: string) => calls.push(url) };
	};

	it.each([
		[2, /did not accept this video id/, ["Open in YouTube at 46:51"]],
		[5, /HTML5 playback problem/, ["Retry", "Open in YouTube at 46:51"]],
		[100, /removed or is private/, ["Open in YouTube at 46:51"]],
		[101, /does not allow it to be played outside YouTube/, ["Open in YouTube at 46:51"]],
		[150, /does not allow it to be played outside YouTube/, ["Open in YouTube at 46:51"]],
		[153, /^YouTube refused the player \(error 153\): Obsidian sent it no referrer, as versions before 1\.10\.3 do\. Update Obsidian to 1\.10\.3 or later\.$/, ["Open in YouTube at 46:51"]],
		[999, /error \(code 999\)/, ["Retry", "Open in YouTube at 46:51"]],
	])("code %s: message %s with buttons %j", async (code, message, labels) => {
		installFakeYouTube();
		const rec = recorder();
		new YouTubePlayer(video, rec.events, { privacy: false }).load(createDiv());
		await flush();
		lastYTPlayer().ready().error(code);
		const [problem] = rec.errors();
		expect(problem?.message).toMatch(message);
		const h = handlers();
		const notice = problemNotice(problem as MediaProblem, video, 2811.9, h);
		expect(notice.actions.map((a) => a.label)).toEqual(labels);
		for (const action of notice.actions) action.run();
		const expectedCalls = labels.map((l) => (l === "Retry" ? "retry" : "https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s"));
		expect(h.calls).toEqual(expectedCalls);
	});

	it("offers no YouTube page for an id that is not one: nothing unchecked reaches the browser", () => {
		const h = handlers();
		const notice = problemNotice(youtubeProblem(2), { kind: "youtube", id: 'x"><img src=x>' }, 30, h);
		expect(notice.actions).toEqual([]);
	});

	it("opens the watch page at 0:00 without a time when nothing was played yet", () => {
		const h = handlers();
		const notice = problemNotice(youtubeProblem(150), video, 0, h);
		expect(notice.actions.map((a) => a.label)).toEqual(["Open in YouTube at 0:00"]);
		notice.actions[0]?.run();
		expect(h.calls).toEqual(["https://www.youtube.com/watch?v=aXGo1o_baBo"]);
	});
});

describe("Loading the IFrame API", () => {
	it("adds the script once per window, however many players wait, and starts them all when it calls back", async () => {
		const a = createDiv();
		const b = createDiv();
		new YouTubePlayer(SEED, recorder().events, { privacy: false }).load(a);
		new YouTubePlayer(SEED, recorder().events, { privacy: false }).load(b);
		expect(apiScripts()).toHaveLength(1);
		expect(apiScripts()[0]?.parentElement).toBe(document.head);
		installFakeYouTube();
		(window as YouTubeApiWindow).onYouTubeIframeAPIReady?.();
		await flush();
		expect(FakeYTPlayer.instances.map((p) => p.el)).toEqual([a.querySelector("iframe"), b.querySelector("iframe")]);
	});

	it("reuses YT.Player when it is already loaded (another plugin loaded it): no script", async () => {
		installFakeYouTube();
		const api = await loadYouTubeApi(window);
		expect(api.Player).toBe(FakeYTPlayer);
		expect(apiScripts()).toHaveLength(0);
	});

	it("chains an onYouTubeIframeAPIReady that another plugin set", async () => {
		const other = vi.fn();
		(window as YouTubeApiWindow).onYouTubeIframeAPIReady = other;
		const loading = loadYouTubeApi(window);
		installFakeYouTube();
		(window as YouTubeApiWindow).onYouTubeIframeAPIReady?.();
		await expect(loading).resolves.toBeDefined();
		expect(other).toHaveBeenCalledTimes(1);
	});

	it("waits for a load another plugin started instead of adding a second script", async () => {
		let queued: (() => void) | null = null;
		(window as YouTubeApiWindow).YT = { loading: 1, loaded: 0, ready: (cb: () => void) => (queued = cb) } as never;
		const loading = loadYouTubeApi(window);
		expect(apiScripts()).toHaveLength(0);
		installFakeYouTube();
		(queued as unknown as () => void)();
		await expect(loading).resolves.toBeDefined();
	});

	it("gives up after the timeout with a message and retry; the retry adds the script again", async () => {
		vi.useFakeTimers();
		const rec = recorder();
		new YouTubePlayer(SEED, rec.events, { privacy: false }).load(createDiv());
		vi.advanceTimersByTime(YOUTUBE_API_TIMEOUT_MS - 1);
		await flush();
		expect(rec.errors()).toEqual([]);
		vi.advanceTimersByTime(1);
		await flush();
		const [problem] = rec.errors();
		expect(problem).toEqual({
			kind: "network",
			message: "The YouTube player did not load within 15 seconds. Check your internet connection, then retry.",
		});
		expect(problemNotice(problem as MediaProblem, SEED, 0, { retry: () => {}, openExternal: () => {} }).actions.map((a) => a.label)).toEqual(["Retry", "Open in YouTube at 0:00"]);
		expect(apiScripts()).toHaveLength(0);
		void loadYouTubeApi(window).catch(() => {});
		expect(apiScripts()).toHaveLength(1);
		// At an address of its own: a first request still hanging is not handed to the retry.
		const first = apiScripts()[0]?.getAttribute("src");
		expect(first).toMatch(/^https:\/\/www\.youtube\.com\/iframe_api\?attempt=\d+$/);
		vi.advanceTimersByTime(YOUTUBE_API_TIMEOUT_MS);
		await flush();
		void loadYouTubeApi(window).catch(() => {});
		expect(apiScripts().map((el) => el.getAttribute("src"))).not.toContain(first);
		vi.advanceTimersByTime(YOUTUBE_API_TIMEOUT_MS);
		await flush();
	});

	it("says so when the script cannot be downloaded", async () => {
		const rec = recorder();
		new YouTubePlayer(SEED, rec.events, { privacy: false }).load(createDiv());
		apiScripts()[0]?.dispatchEvent(new Event("error"));
		await flush();
		expect(rec.errors()[0]?.message).toMatch(/could not be downloaded/);
	});

	it("loads separately into a pop-out window, into that window's document", async () => {
		const win = popoutWindow();
		installFakeYouTube(); // the main window has the API; the pop-out does not yet
		const container = win.document.body.createDiv();
		const rec = recorder();
		new YouTubePlayer(SEED, rec.events, { privacy: false }).load(container);
		expect(apiScripts(win.document)).toHaveLength(1);
		expect(apiScripts(document)).toHaveLength(0);
		const iframe = container.querySelector("iframe");
		expect(iframe?.ownerDocument).toBe(win.document);
		// The pop-out's origin is its own; an opaque one ("null") is left out rather than sent.
		const origin = new URL(iframe?.getAttribute("src") ?? "").searchParams.get("origin");
		expect(origin).toBe(win.location.origin === "null" ? null : win.location.origin);
		installFakeYouTube(win);
		(win as YouTubeApiWindow).onYouTubeIframeAPIReady?.();
		await flush();
		expect(lastYTPlayer().el).toBe(iframe);
		expect(rec.errors()).toEqual([]);
		removeFakeYouTube(win);
	});
});
