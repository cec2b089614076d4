import { Component } from "obsidian";
import type { VideoRef } from "../core";
import type { MediaPlayer, MediaPlayerEvents, MediaProblem } from "./media";

/** The slice of the vault the HTML5 player needs: where the page can load a vault file from. */
export interface MediaFiles {
	/** The URL of the vault file at `path` (`vault.getResourcePath`), or `null` when there is none. */
	resourceUrl(path: string): string | null;
}

const AUDIO_EXTENSIONS = new Set(["mp3", "m4a", "wav", "ogg", "oga", "opus", "flac", "aac"]);
// HTMLMediaElement.HAVE_METADATA: duration and dimensions are known, seeking works.
const HAVE_METADATA = 1;

/**
 * Plays a vault file or an http(s) media URL in a `<video>` (or `<audio>` for audio files) with
 * the browser's own controls. Seeks made before the metadata has loaded wait for it.
 */
export class Html5Player implements MediaPlayer {
	private readonly scope = new Component();
	private media: HTMLMediaElement | null = null;
	private waitingSeek: { seconds: number; play?: boolean } | null = null;
	private destroyed = false;

	constructor(
		private readonly video: VideoRef,
		private readonly events: MediaPlayerEvents,
		private readonly files: MediaFiles,
	) {}

	load(container: HTMLElement): void {
		this.scope.load();
		const source = this.source();
		if ("problem" in source) {
			this.events.error(source.problem);
			return;
		}
		const media = container.createEl(isAudio(source.name) ? "audio" : "video", {
			cls: "vc-player-media",
			attr: { controls: true, preload: "metadata", playsinline: true },
		});
		this.media = media;
		const on = (type: string, handler: () => void) =>
			this.scope.registerDomEvent(media, type as keyof HTMLElementEventMap, () => {
				if (!this.destroyed) handler();
			});
		on("loadedmetadata", () => {
			const waiting = this.waitingSeek;
			this.waitingSeek = null;
			if (waiting) this.seekNow(waiting.seconds, waiting.play);
			this.events.ready();
		});
		on("play", () => this.events.playing(true));
		on("pause", () => this.events.playing(false));
		on("ended", () => this.events.playing(false));
		on("timeupdate", () => this.events.time(media.currentTime));
		on("ratechange", () => this.events.rate(media.playbackRate));
		on("error", () => this.events.error(mediaErrorProblem(media.error?.code ?? 0, source.name)));
		// Listeners first: a cached file can report its metadata as soon as it has a source.
		media.src = source.url;
	}

	private source(): { url: string; name: string } | { problem: MediaProblem } {
		const video = this.video;
		if (video.kind === "file") {
			const url = this.files.resourceUrl(video.path);
			if (!url) {
				return { problem: { kind: "not-found", message: `The media file "${video.path}" is not in this vault. It may have been moved, renamed or deleted.` } };
			}
			return { url, name: video.path };
		}
		if (video.kind === "url") {
			const url = safeMediaUrl(video.url);
			if (url) return { url: url.href, name: url.pathname };
		}
		return { problem: { kind: "bad-video", message: "Only vault files and http(s) media addresses can be played here." } };
	}

	seek(seconds: number, play?: boolean): void {
		const media = this.media;
		if (!media || this.destroyed) return;
		if (media.readyState >= HAVE_METADATA) this.seekNow(seconds, play);
		else this.waitingSeek = { seconds, play };
	}

	private seekNow(seconds: number, play?: boolean): void {
		const media = this.media;
		if (!media) return;
		media.currentTime = seconds;
		if (play === true) this.play();
		else if (play === false) media.pause();
	}

	play(): void {
		const media = this.media;
		if (!media || this.destroyed) return;
		// jsdom and old engines return nothing; a refused autoplay only means the user presses play.
		const started = media.play() as Promise<void> | undefined;
		started?.catch((e: unknown) => {
			if (!(e instanceof DOMException && (e.name === "AbortError" || e.name === "NotAllowedError"))) console.error(e);
		});
	}

	pause(): void {
		this.media?.pause();
	}

	setRate(rate: number): void {
		if (this.media) this.media.playbackRate = rate;
	}

	currentTime(): number {
		const t = this.media?.currentTime;
		return typeof t === "number" && Number.isFinite(t) ? t : 0;
	}

	duration(): number | null {
		const d = this.media?.duration;
		return typeof d === "number" && Number.isFinite(d) && d > 0 ? d : null;
	}

	title(): string | null {
		return null;
	}

	videoElement(): HTMLVideoElement | null {
		const media = this.media;
		return media && !this.destroyed && media.localName === "video" ? (media as HTMLVideoElement) : null;
	}

	destroy(): void {
		if (this.destroyed) return;
		this.destroyed = true;
		const media = this.media;
		this.media = null;
		this.scope.unload();
		if (media) {
			media.pause();
			// Dropping the source stops the download; an element merely detached keeps fetching.
			media.removeAttribute("src");
			media.detach();
		}
	}
}

/** The URL when it is http(s); nothing else becomes a media source. */
function safeMediaUrl(text: string): URL | null {
	try {
		const url = new URL(text);
		return url.protocol === "http:" || url.protocol === "https:" ? url : null;
	} catch {
		return null;
	}
}

function isAudio(name: string): boolean {
	const clean = name.split(/[?#]/)[0] ?? "";
	const dot = clean.lastIndexOf(".");
	return dot > 0 && AUDIO_EXTENSIONS.has(clean.slice(dot + 1).toLowerCase());
}

/** What a `MediaError` code means for the person watching. */
export function mediaErrorProblem(code: number, name: string): MediaProblem {
	switch (code) {
		case 1:
			return { kind: "network", message: "Loading the media was stopped." };
		case 2:
			return { kind: "network", message: `"${name}" could not be downloaded (a network error).` };
		case 3:
			return { kind: "playback", message: `"${name}" could not be decoded: the file may be damaged.` };
		case 4:
			return { kind: "playback", message: `"${name}" could not be played: the file is missing or its format is not supported on this device.` };
		default:
			return { kind: "playback", message: `"${name}" could not be played.` };
	}
}
