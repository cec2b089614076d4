/**
 * Loading YouTube's IFrame API: the only code the plugin fetches from the network, once per
 * window (a pop-out window has its own `YT`), and only when a YouTube video is first played.
 */

/** The IFrame API script. One constant, so the browser suite can route it to a local fake. */
export const YOUTUBE_IFRAME_API_URL = "https://www.youtube.com/iframe_api";

/** How long the script may take before the player says it could not load (offline, blocked). */
export const YOUTUBE_API_TIMEOUT_MS = 15_000;

/**
 * The IFrame API as @types/youtube describes it. Reached through `window` because the global `YT`
 * namespace is invisible to ESLint's scope analysis.
 */
export type YouTubeApi = (typeof window)["YT"];

/** A `YT.Player`. */
export type YouTubeApiPlayer = InstanceType<YouTubeApi["Player"]>;

/** A window as the IFrame API sees it: `YT` and the one global ready callback it calls. */
export type YouTubeApiWindow = Window & {
	YT?: YouTubeApi;
	onYouTubeIframeAPIReady?: (() => void) | null;
};

/** Why the IFrame API is not available. */
export class YouTubeApiError extends Error {
	constructor(
		message: string,
		/** `timeout` when the script never called back, `load` when the request failed. */
		readonly reason: "timeout" | "load",
	) {
		super(message);
		this.name = "YouTubeApiError";
	}
}

const loading = new WeakMap<Window, Promise<YouTubeApi>>();
/** Failed loads per window: a retry asks with a distinct address (see {@link scriptUrl}). */
const failures = new WeakMap<Window, number>();

/**
 * The script's address for a window's next load: the plain address first, then one with an
 * attempt number. A request that hangs (a stalled proxy) would otherwise be handed to the retry's
 * new `<script>` by the browser, and every retry would wait on it and time out again.
 */
export function scriptUrl(attempt: number): string {
	return attempt === 0 ? YOUTUBE_IFRAME_API_URL : `${YOUTUBE_IFRAME_API_URL}?attempt=${attempt}`;
}

/**
 * The IFrame API of `win`: at once when `YT.Player` is already there (another plugin loaded it),
 * else after adding the script to `win`'s document once; concurrent callers share one load. A
 * failed or timed-out load is forgotten, so a retry adds the script again (at a distinct address).
 */
export function loadYouTubeApi(win: Window, timeoutMs = YOUTUBE_API_TIMEOUT_MS): Promise<YouTubeApi> {
	const ytWin = win as YouTubeApiWindow;
	const api = readyApi(ytWin);
	if (api) return Promise.resolve(api);
	const pending = loading.get(win);
	if (pending) return pending;
	const promise = injectScript(ytWin, timeoutMs, scriptUrl(failures.get(win) ?? 0));
	loading.set(win, promise);
	// Forgotten once settled: a success is found through `YT` from then on, a failure is retried.
	promise.then(
		() => loading.delete(win),
		() => {
			loading.delete(win);
			failures.set(win, (failures.get(win) ?? 0) + 1);
		},
	);
	return promise;
}

/** `YT` when its `Player` can be constructed now. */
function readyApi(win: YouTubeApiWindow): YouTubeApi | null {
	const yt = win.YT;
	if (!yt || typeof yt.Player !== "function") return null;
	// The loader stub defines `YT` before the player code arrives; `loaded` turns 1 once it has.
	const loaded = (yt as unknown as { loaded?: unknown }).loaded;
	return loaded === undefined || loaded === 1 ? yt : null;
}

function injectScript(win: YouTubeApiWindow, timeoutMs: number, src: string): Promise<YouTubeApi> {
	return new Promise<YouTubeApi>((resolve, reject) => {
		const doc = win.document;
		let settled = false;
		let script: HTMLScriptElement | null = null;
		const settle = (error: YouTubeApiError | null) => {
			if (settled) return;
			settled = true;
			win.clearTimeout(timer);
			const api = readyApi(win);
			if (error || !api) {
				script?.remove();
				reject(error ?? new YouTubeApiError("The YouTube player script loaded but did not start.", "load"));
			} else resolve(api);
		};
		const timer = win.setTimeout(
			() => settle(new YouTubeApiError(`The YouTube player did not load within ${Math.round(timeoutMs / 1000)} seconds.`, "timeout")),
			timeoutMs,
		);

		// `onYouTubeIframeAPIReady` is one global that other plugins set too: call theirs as well.
		const previous = win.onYouTubeIframeAPIReady;
		win.onYouTubeIframeAPIReady = () => {
			if (typeof previous === "function") {
				try {
					previous();
				} catch (e) {
					console.error("Video Citations: another onYouTubeIframeAPIReady callback failed", e);
				}
			}
			settle(null);
		};

		// Another plugin may be loading the script already: wait for it rather than load it twice.
		const stub = win.YT as unknown as { loading?: unknown; ready?: (cb: () => void) => void } | undefined;
		if (stub?.loading) {
			stub.ready?.(() => settle(null));
			return;
		}
		script = (doc.head ?? doc.body).createEl("script", { attr: { src, async: true } });
		// A one-shot listener on an element dropped once settled: nothing to unregister later.
		script.addEventListener("error", () => settle(new YouTubeApiError("The YouTube player could not be downloaded.", "load")), { once: true });
	});
}
