import type { Page, Route } from "playwright-core";

/** How the fake YouTube behaves for one page. */
export interface FakeYouTubeOptions {
	/** `ok` serves the fake IFrame API; `fail` makes the script request fail; `never` never answers it. */
	script?: "ok" | "fail" | "never";
	/** An `onError` code every player reports right after it is ready (2, 5, 100, 101, 150, 153). */
	error?: number;
	/** Every video's length in seconds (default 1 h 30 min, longer than the seed note's citations). */
	duration?: number;
	/** The title `getVideoData()` reports (default: "Fake video <id>"). */
	title?: string;
}

/** The IFrame API script's address, as the plugin loads it. */
export const IFRAME_API_URL = "https://www.youtube.com/iframe_api";
const IFRAME_API_ROUTE = /^https:\/\/www\.youtube\.com\/iframe_api(\?[^#]*)?$/;

/** Embed pages on either YouTube host. */
const EMBED_URL = /^https:\/\/www\.youtube(-nocookie)?\.com\/embed\//;

/**
 * A stand-in for YouTube's IFrame API, following @types/youtube: `YT.Player` over an existing
 * iframe (or one it creates), `onReady`/`onStateChange`/`onError`, seeking, playing on a timer,
 * rates, `getVideoData`. Every player is kept in `window.__fakeYouTube.players` for tests to read.
 */
function fakeApiScript(options: FakeYouTubeOptions): string {
	const config = JSON.stringify({ error: options.error ?? null, duration: options.duration ?? 5400, title: options.title ?? null });
	return `(function () {
	var config = ${config};
	var State = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 };
	var registry = window.__fakeYouTube = window.__fakeYouTube || { players: [], created: 0 };
	function idFrom(src) { var m = /\\/embed\\/([A-Za-z0-9_-]{11})/.exec(src || ""); return m ? m[1] : ""; }
	function Player(target, opts) {
		opts = opts || {};
		var el = typeof target === "string" ? document.getElementById(target) : target;
		if (!el) throw new Error("YT.Player: no element " + target);
		if (el.tagName !== "IFRAME") {
			var frame = el.ownerDocument.createElement("iframe");
			frame.id = el.id;
			frame.src = "https://www.youtube.com/embed/" + (opts.videoId || "") + "?enablejsapi=1";
			el.parentNode.replaceChild(frame, el);
			el = frame;
		}
		this._frame = el;
		this._events = opts.events || {};
		this._listeners = {};
		this._videoId = opts.videoId || idFrom(el.src);
		this._time = 0;
		this._state = State.UNSTARTED;
		this._rate = 1;
		this._timer = null;
		this._muted = false;
		this._volume = 100;
		registry.players.push(this);
		registry.created++;
		var self = this;
		setTimeout(function () {
			if (self._destroyed) return;
			self._emit("onReady");
			if (config.error !== null) setTimeout(function () { self._emit("onError", config.error); }, 10);
		}, 20);
	}
	Player.prototype._emit = function (name, data) {
		var event = { target: this, data: data };
		if (typeof this._events[name] === "function") this._events[name](event);
		(this._listeners[name] || []).forEach(function (fn) { fn(event); });
	};
	Player.prototype._show = function () {
		try { this._frame.contentWindow.postMessage({ fakeYouTube: { id: this._videoId, time: this._time, state: this._state } }, "*"); } catch (e) {}
	};
	Player.prototype._setState = function (state) {
		var self = this;
		if (this._timer) { clearInterval(this._timer); this._timer = null; }
		if (state === State.PLAYING) {
			this._timer = setInterval(function () {
				self._time = Math.min(config.duration, self._time + 0.25 * self._rate);
				self._show();
				if (self._time >= config.duration) self._setState(State.ENDED);
			}, 250);
		}
		if (this._state !== state) { this._state = state; this._emit("onStateChange", state); }
		this._show();
	};
	Player.prototype.seekTo = function (seconds) {
		this._time = Math.max(0, Math.min(config.duration, Number(seconds) || 0));
		if (this._state === State.UNSTARTED || this._state === State.CUED) this._setState(State.PLAYING);
		else this._show();
	};
	Player.prototype.playVideo = function () { this._setState(State.PLAYING); };
	Player.prototype.pauseVideo = function () { this._setState(State.PAUSED); };
	Player.prototype.stopVideo = function () { this._time = 0; this._setState(State.UNSTARTED); };
	Player.prototype.loadVideoById = function (id, start) {
		if (typeof id === "object") { start = id.startSeconds; id = id.videoId; }
		this._videoId = id; this._time = Number(start) || 0; this._setState(State.PLAYING);
	};
	Player.prototype.cueVideoById = function (id, start) {
		if (typeof id === "object") { start = id.startSeconds; id = id.videoId; }
		this._videoId = id; this._time = Number(start) || 0; this._setState(State.CUED);
	};
	Player.prototype.getCurrentTime = function () { return this._time; };
	Player.prototype.getDuration = function () { return config.duration; };
	Player.prototype.getPlayerState = function () { return this._state; };
	Player.prototype.getVideoLoadedFraction = function () { return 1; };
	Player.prototype.setPlaybackRate = function (rate) { this._rate = rate; this._emit("onPlaybackRateChange", rate); };
	Player.prototype.getPlaybackRate = function () { return this._rate; };
	Player.prototype.getAvailablePlaybackRates = function () { return [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]; };
	Player.prototype.getVideoData = function () { return { video_id: this._videoId, title: config.title || "Fake video " + this._videoId, author: "Fake channel" }; };
	Player.prototype.getVideoUrl = function () { return "https://www.youtube.com/watch?v=" + this._videoId; };
	Player.prototype.getIframe = function () { return this._frame; };
	Player.prototype.mute = function () { this._muted = true; };
	Player.prototype.unMute = function () { this._muted = false; };
	Player.prototype.isMuted = function () { return this._muted; };
	Player.prototype.setVolume = function (v) { this._volume = v; };
	Player.prototype.getVolume = function () { return this._volume; };
	Player.prototype.addEventListener = function (name, fn) { (this._listeners[name] = this._listeners[name] || []).push(fn); };
	Player.prototype.removeEventListener = function (name, fn) { this._listeners[name] = (this._listeners[name] || []).filter(function (f) { return f !== fn; }); };
	Player.prototype.destroy = function () {
		this._destroyed = true;
		if (this._timer) clearInterval(this._timer);
		registry.players = registry.players.filter(function (p) { return p !== this; }, this);
	};
	window.YT = { Player: Player, PlayerState: State, loaded: 1, ready: function (cb) { cb(); } };
	if (typeof window.onYouTubeIframeAPIReady === "function") window.onYouTubeIframeAPIReady();
})();`;
}

/** The embed page: a dark box that shows the video id, time and state the fake player posts to it. */
const EMBED_PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; height: 100%; background: #0f0f0f; color: #f1f1f1; font: 14px/1.4 system-ui, sans-serif; }
body { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 6px; }
.play { font-size: 40px; color: #ff0033; } .time { font-size: 28px; font-variant-numeric: tabular-nums; }
</style></head><body><div class="play">&#9654;</div><div>Fake YouTube player</div><div class="time" id="time">0:00</div><div id="meta"></div>
<script>
var id = (/\\/embed\\/([A-Za-z0-9_-]{11})/.exec(location.pathname) || [])[1] || "";
var names = { "-1": "unstarted", 0: "ended", 1: "playing", 2: "paused", 3: "buffering", 5: "cued" };
function show(d) {
	var t = Math.floor(d.time), h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60, s = t % 60;
	document.getElementById("time").textContent = (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(s).padStart(2, "0");
	document.getElementById("meta").textContent = d.id + " \\u00b7 " + (names[d.state] || d.state);
}
// An embed page addressed with a start (Obsidian's own embed: ?start=2811) shows it until a player posts.
show({ id: id, time: Number(new URLSearchParams(location.search).get("start")) || 0, state: -1 });
addEventListener("message", function (e) { if (e.data && e.data.fakeYouTube) show(e.data.fakeYouTube); });
</script></body></html>`;

/**
 * Changes how the fake YouTube answers from the next request on; requests left hanging by
 * `script: "never"` are answered at once the new way (a network that comes back).
 */
export interface FakeYouTubeControl {
	set(options: FakeYouTubeOptions): void;
}

/**
 * Routes the page's YouTube traffic to the fake: the IFrame API script (served, failed, or left
 * hanging) and embed pages. Every YouTube request is appended to `requests`, so a test can prove
 * when (and whether) the plugin went to the network. Register it after the catch-all route.
 * Requests from the page's frames (the pop-out document) go through the same routes.
 */
export async function routeFakeYouTube(page: Page, options: FakeYouTubeOptions = {}, requests: string[] = []): Promise<FakeYouTubeControl> {
	const hanging: Route[] = [];
	let current = { ...options };
	// The plain address, and a retry's own (`?attempt=N`).
	await page.route(IFRAME_API_ROUTE, async (route) => {
		requests.push(route.request().url());
		if (current.script === "fail") return route.abort("internetdisconnected");
		if (current.script === "never") {
			hanging.push(route);
			return;
		}
		return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeApiScript(current) });
	});
	await page.route(EMBED_URL, async (route) => {
		requests.push(route.request().url());
		return route.fulfill({ status: 200, contentType: "text/html", body: EMBED_PAGE });
	});
	return {
		set(next) {
			current = { ...current, ...next };
			// The network came back: requests left hanging get their answer now.
			if (current.script !== "never") {
				for (const route of hanging.splice(0)) {
					void (current.script === "fail" ? route.abort("internetdisconnected") : route.fulfill({ status: 200, contentType: "text/javascript", body: fakeApiScript(current) })).catch(() => undefined);
				}
			}
		},
	};
}

/** One fake `YT.Player` as a test reads it. */
export interface FakePlayer {
	/** The video id it plays. */
	id: string;
	/** Its position in seconds. */
	time: number;
	/** `YT.PlayerState`: 1 playing, 2 paused, -1 unstarted, 5 cued. */
	state: number;
	/** Where its iframe sits: a pinned player on a note, the side player view, or elsewhere. */
	place: "pinned" | "side" | "other";
	/** The note whose leaf holds its iframe (a pinned player's note), or `null`. */
	note: string | null;
	/** `main` or `popout`: the document its iframe is in. */
	doc: "main" | "popout";
	/** The iframe is still in its document. */
	attached: boolean;
}

/** What a page's fake YouTube did: its live players (main page and pop-out) and how many it ever created. */
export interface FakeRegistry {
	players: FakePlayer[];
	created: number;
}

/**
 * Reads every fake player of the page, in the main window and in the pop-out document's window
 * (each window that loads the IFrame API has its own `YT`, as in Obsidian's pop-out windows).
 */
export function fakeYouTube(page: Page): Promise<FakeRegistry> {
	return page.evaluate(() => {
		interface Raw {
			_videoId: string;
			_time: number;
			_state: number;
			_frame: HTMLIFrameElement;
		}
		type RegistryWindow = Window & { __fakeYouTube?: { players: Raw[]; created: number } };
		const popout = document.querySelector<HTMLIFrameElement>("iframe.playground-popout")?.contentWindow;
		const wins: [RegistryWindow, "main" | "popout"][] = [[window, "main"]];
		if (popout) wins.push([popout, "popout"]);
		const app = (window as unknown as { playground: { app: { workspace: { leaves: { containerEl: HTMLElement; view: { file?: { path: string } | null } }[] } } } }).playground.app;
		const players: {
			id: string;
			time: number;
			state: number;
			place: "pinned" | "side" | "other";
			note: string | null;
			doc: "main" | "popout";
			attached: boolean;
		}[] = [];
		let created = 0;
		for (const [win, doc] of wins) {
			const registry = win.__fakeYouTube;
			if (!registry) continue;
			created += registry.created;
			for (const p of registry.players) {
				const frame = p._frame;
				const leaf = app.workspace.leaves.find((l) => l.containerEl.contains(frame));
				const place = frame.closest(".vc-pinned-player") ? "pinned" : frame.closest(".vc-player-view") ? "side" : "other";
				players.push({ id: p._videoId, time: p._time, state: p._state, place, note: place === "pinned" ? (leaf?.view.file?.path ?? null) : null, doc, attached: frame.isConnected });
			}
		}
		return { players, created };
	});
}

/**
 * Moves every fake player of the page to `seconds`, as if the video had played on to there: the
 * plugin only learns it by reading the player's time, as it does while a real video plays.
 */
export async function playFakeTo(page: Page, seconds: number): Promise<void> {
	await page.evaluate((to) => {
		const registry = (window as unknown as { __fakeYouTube?: { players: { _time: number; _show(): void }[] } }).__fakeYouTube;
		if (!registry?.players.length) throw new Error("No fake YouTube player to move");
		for (const p of registry.players) {
			p._time = to;
			p._show();
		}
	}, seconds);
}
