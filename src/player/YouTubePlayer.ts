import { Component } from "obsidian";
import type { VideoRef } from "../core";
import type { MediaPlayer, MediaPlayerEvents, MediaProblem } from "./media";
import { loadYouTubeApi, YouTubeApiError, type YouTubeApi, type YouTubeApiPlayer } from "./youtubeApi";
import { YOUTUBE_IFRAME_ALLOW, YOUTUBE_REFERRER_POLICY, youtubeEmbedUrl, youtubeProblem } from "./youtubeEmbed";

// `YT.PlayerState` only exists once the script has run, so its values are spelled out here.
const ENDED = 0;
const PLAYING = 1;
const PAUSED = 2;
const BUFFERING = 3;
const CUED = 5;

/** How a {@link YouTubePlayer} is set up. */
export interface YouTubePlayerOptions {
	/** Play from youtube-nocookie.com. */
	privacy: boolean;
	/** Loads the IFrame API into a window; tests pass their own. */
	loadApi?: (win: Window) => Promise<YouTubeApi>;
}

/**
 * Plays a YouTube video through the IFrame API. It builds the iframe itself (so the id is checked,
 * the referrer policy set and the privacy host chosen before anything loads) and hands it to
 * `YT.Player`, which then only talks to it.
 */
export class YouTubePlayer implements MediaPlayer {
	/** The IFrame API plays from 0.25 to 2 times. */
	readonly maxRate = 2;
	private readonly scope = new Component();
	private player: YouTubeApiPlayer | null = null;
	private frame: HTMLIFrameElement | null = null;
	private ready = false;
	private destroyed = false;
	private playerState = -1;

	constructor(
		private readonly video: VideoRef,
		private readonly events: MediaPlayerEvents,
		private readonly options: YouTubePlayerOptions,
	) {}

	load(container: HTMLElement): void {
		this.scope.load();
		const src = this.video.kind === "youtube" ? youtubeEmbedUrl(this.video.id, { privacy: this.options.privacy, origin: container.win.location.origin }) : null;
		if (!src) {
			this.fail(youtubeProblem(2));
			return;
		}
		const frame = container.createEl("iframe", {
			cls: "vc-player-iframe",
			attr: {
				src,
				title: "YouTube video player",
				allow: YOUTUBE_IFRAME_ALLOW,
				referrerpolicy: YOUTUBE_REFERRER_POLICY,
				allowfullscreen: true,
				frameborder: "0",
			},
		});
		this.frame = frame;
		// An iframe reloads when it moves (to another window, another split): its page starts over
		// at 0:00 and stops answering this player. The first load is the embed page itself, which
		// may finish after onReady, so only a later one counts.
		let loads = 0;
		this.scope.registerDomEvent(frame, "load", () => {
			loads++;
			if (loads > 1 && this.ready && !this.destroyed) this.events.reloaded();
		});
		const loadApi = this.options.loadApi ?? loadYouTubeApi;
		loadApi(container.win).then(
			(api) => this.createPlayer(api, frame),
			(error: unknown) => this.fail(apiProblem(error)),
		);
	}

	private createPlayer(api: YouTubeApi, frame: HTMLIFrameElement): void {
		if (this.destroyed) return;
		try {
			this.player = new api.Player(frame, {
				events: {
					onReady: () => {
						if (this.destroyed) return;
						this.ready = true;
						this.events.ready();
					},
					onStateChange: (event) => this.onState(event.data),
					onError: (event) => this.fail(youtubeProblem(event.data)),
					onPlaybackRateChange: (event) => {
						if (!this.destroyed) this.events.rate(event.data);
					},
				},
			});
		} catch (e) {
			console.error("Video Citations: could not start the YouTube player", e);
			this.fail({ kind: "playback", message: "The YouTube player could not start." });
		}
	}

	private onState(state: number): void {
		if (this.destroyed) return;
		this.playerState = state;
		if (state === PLAYING) this.events.playing(true);
		else if (state === PAUSED || state === ENDED || state === CUED) this.events.playing(false);
	}

	private fail(problem: MediaProblem): void {
		if (!this.destroyed) this.events.error(problem);
	}

	seek(seconds: number, play?: boolean): void {
		const player = this.usable();
		if (!player) return;
		const wasPlaying = this.playerState === PLAYING || this.playerState === BUFFERING;
		// allowSeekAhead: the moment may not be buffered yet (a note cites 1:20:00 of a fresh load).
		player.seekTo(seconds, true);
		// Seeking a cued video starts it, so "keep as it was" needs an explicit pause.
		if (play === true) player.playVideo();
		else if (play === false || !wasPlaying) player.pauseVideo();
	}

	play(): void {
		this.usable()?.playVideo();
	}

	pause(): void {
		this.usable()?.pauseVideo();
	}

	setRate(rate: number): void {
		this.usable()?.setPlaybackRate(rate);
	}

	currentTime(): number {
		const t = this.usable()?.getCurrentTime();
		return typeof t === "number" && Number.isFinite(t) ? t : 0;
	}

	duration(): number | null {
		const d = this.usable()?.getDuration();
		return typeof d === "number" && Number.isFinite(d) && d > 0 ? d : null;
	}

	title(): string | null {
		const player = this.usable();
		if (!player || typeof player.getVideoData !== "function") return null;
		try {
			const title = player.getVideoData()?.title;
			return typeof title === "string" && title.trim() ? title.trim() : null;
		} catch {
			return null;
		}
	}

	destroy(): void {
		if (this.destroyed) return;
		this.destroyed = true;
		try {
			this.player?.destroy();
		} catch (e) {
			console.error("Video Citations: the YouTube player failed to close", e);
		}
		this.player = null;
		this.frame?.detach();
		this.frame = null;
		this.scope.unload();
	}

	private usable(): YouTubeApiPlayer | null {
		return this.ready && !this.destroyed ? this.player : null;
	}
}

function apiProblem(error: unknown): MediaProblem {
	const detail = error instanceof YouTubeApiError ? error.message : "The YouTube player could not be loaded.";
	return { kind: "network", message: `${detail} Check your internet connection, then retry.` };
}
