/**
 * A stand-in for YouTube's IFrame API (`window.YT`), shaped by @types/youtube: `new YT.Player(el,
 * {events})`, the player methods the plugin calls, and the events it listens to. Tests drive it:
 * `ready()`, `setState()`, `error()`, and `time`/`duration` for what the player reports.
 */
import type { YouTubeApi, YouTubeApiPlayer, YouTubeApiWindow } from "../../src/player/youtubeApi";

type Options = NonNullable<ConstructorParameters<YouTubeApi["Player"]>[1]>;

/** Player states as `YT.PlayerState` numbers them. */
export const YTState = { UNSTARTED: -1, ENDED: 0, PLAYING: 1, PAUSED: 2, BUFFERING: 3, CUED: 5 } as const;

type Methods = "seekTo" | "playVideo" | "pauseVideo" | "setPlaybackRate" | "getCurrentTime" | "getDuration" | "getVideoData" | "destroy" | "getIframe";

/** A fake `YT.Player`: records every call and plays no video. */
export class FakeYTPlayer implements Pick<YouTubeApiPlayer, Methods> {
	/** Every player constructed since the last {@link installFakeYouTube}. */
	static instances: FakeYTPlayer[] = [];
	calls: unknown[][] = [];
	time = 0;
	duration = 0;
	rate = 1;
	state: number = YTState.UNSTARTED;
	title = "The rise of the CPTO";
	destroyed = false;

	constructor(
		public el: HTMLElement | string,
		public options: Options = {},
	) {
		FakeYTPlayer.instances.push(this);
	}

	/** The iframe the plugin handed over. */
	get iframe(): HTMLIFrameElement {
		return this.el as HTMLIFrameElement;
	}

	/** Fires `onReady`, as the real player does once its iframe answers. */
	ready(): this {
		this.options.events?.onReady?.({ target: this as unknown as YouTubeApiPlayer });
		return this;
	}

	setState(state: number): this {
		this.state = state;
		this.options.events?.onStateChange?.({ target: this as unknown as YouTubeApiPlayer, data: state });
		return this;
	}

	error(code: number): this {
		this.options.events?.onError?.({ target: this as unknown as YouTubeApiPlayer, data: code });
		return this;
	}

	/** The names of the calls made, in order. */
	get callNames(): string[] {
		return this.calls.map((c) => String(c[0]));
	}

	seekTo(seconds: number, allowSeekAhead: boolean): void {
		this.calls.push(["seekTo", seconds, allowSeekAhead]);
		this.time = seconds;
	}
	playVideo(): void {
		this.calls.push(["playVideo"]);
		this.setState(YTState.PLAYING);
	}
	pauseVideo(): void {
		this.calls.push(["pauseVideo"]);
		this.setState(YTState.PAUSED);
	}
	setPlaybackRate(rate: number): void {
		this.calls.push(["setPlaybackRate", rate]);
		// YouTube plays 0.25 to 2 and picks the nearest it has.
		this.rate = Math.min(2, rate);
		this.options.events?.onPlaybackRateChange?.({ target: this as unknown as YouTubeApiPlayer, data: this.rate });
	}
	getCurrentTime(): number {
		return this.time;
	}
	getDuration(): number {
		return this.duration;
	}
	getVideoData(): { video_id: string; author: string; title: string } {
		return { video_id: "", author: "", title: this.title };
	}
	getIframe(): HTMLIFrameElement {
		return this.iframe;
	}
	destroy(): void {
		this.calls.push(["destroy"]);
		this.destroyed = true;
	}
}

/** Puts a loaded fake API on `win` (as if another plugin, or an earlier load, had loaded it). */
export function installFakeYouTube(win: Window = window): typeof FakeYTPlayer {
	FakeYTPlayer.instances = [];
	(win as YouTubeApiWindow).YT = {
		Player: FakeYTPlayer,
		PlayerState: YTState,
		loaded: 1,
	} as unknown as YouTubeApi;
	return FakeYTPlayer;
}

/** Removes the fake API and any ready callback from `win`. */
export function removeFakeYouTube(win: Window = window): void {
	const w = win as YouTubeApiWindow;
	delete w.YT;
	delete w.onYouTubeIframeAPIReady;
	FakeYTPlayer.instances = [];
}

/** The newest fake player. */
export function lastYTPlayer(): FakeYTPlayer {
	const p = FakeYTPlayer.instances[FakeYTPlayer.instances.length - 1];
	if (!p) throw new Error("No YT.Player was created");
	return p;
}
