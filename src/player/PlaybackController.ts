import { Component } from "obsidian";
import { formatTimestamp, videoKey, type VideoRef } from "../core";
import type { NoteVideoSource } from "../notes/noteVideo";
import type { SettingsSource } from "../settings/store";
import type { MediaPlayer, MediaPlayerEvents, MediaPlayerFactory, MediaProblem } from "./media";
import { IDLE_INFO, problemNotice, type PlayerInfo, type PlayerSurface } from "./surface";
import type { PlaybackPort, PlaybackState, SeekOptions } from "./types";

/** How often the playing position is read while playing (the feed promises at least 4 a second). */
export const POLL_INTERVAL_MS = 250;

/** The playback speeds the speed commands step through. */
export const RATE_LIMITS = { min: 0.25, max: 3, step: 0.25 } as const;

/** What the controller needs from the workspace and the app around it. */
export interface PlayerHost {
	/** Opens a player view where the settings say (or loads the one already there) and reveals it. */
	openPlayerView(): Promise<void>;
	/** Brings the open player view to the front (opens none). */
	revealPlayerView(): Promise<void>;
	/** Shows a short message (a Notice). */
	notify(message: string): void;
	/** Opens a URL in the browser. */
	openExternal(url: string): void;
}

/** What {@link PlaybackController} is built from. */
export interface PlaybackControllerDeps {
	settings: SettingsSource;
	notes: NoteVideoSource;
	createPlayer: MediaPlayerFactory;
	host: PlayerHost;
}

interface PendingSeek {
	seconds: number;
	play: boolean;
}

const IDLE_STATE: Readonly<PlaybackState> = Object.freeze({ video: null, seconds: 0, playing: false, duration: null, rate: 1 });

/** Whether two refs name the same video. */
export function sameVideo(a: VideoRef | null | undefined, b: VideoRef | null | undefined): boolean {
	return !!a && !!b && videoKey(a) === videoKey(b);
}

/**
 * The one place that knows what is loaded and where it is. Every seek in the plugin lands here:
 * a seek to the loaded video moves in place; another video is loaded into the player view (opened
 * when none is) and seeked once ready, the last of the seeks made meanwhile winning.
 */
export class PlaybackController extends Component implements PlaybackPort {
	private current: Readonly<PlaybackState> = IDLE_STATE;
	private shown: Readonly<PlayerInfo> = IDLE_INFO;
	private readonly listeners = new Set<(state: Readonly<PlaybackState>) => void>();
	private surfaces: PlayerSurface[] = [];
	private player: MediaPlayer | null = null;
	private generation = 0;
	private ready = false;
	private pending: PendingSeek | null = null;
	private opening: Promise<void> | null = null;
	private poller: Component | null = null;
	private alive = false;
	/** The last position of every video played this session, by {@link videoKey}. */
	private readonly positions = new Map<string, number>();

	constructor(private readonly deps: PlaybackControllerDeps) {
		super();
	}

	get state(): Readonly<PlaybackState> {
		return this.current;
	}

	/** What the player view shows: title, source note, loading, problem, prompt. */
	get info(): Readonly<PlayerInfo> {
		return this.shown;
	}

	subscribe(listener: (state: Readonly<PlaybackState>) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	seek(video: VideoRef, seconds: number, options: SeekOptions = {}): void {
		if (!Number.isFinite(seconds) || seconds < 0) {
			this.deps.host.notify("This timestamp has no usable time, so the player did not move.");
			return;
		}
		const play = options.play ?? this.deps.settings.current.playOnSeek;
		const sourcePath = options.sourcePath ?? (sameVideo(video, this.current.video) ? this.shown.sourcePath : null);
		this.setInfo({ sourcePath, offer: null });
		if (sameVideo(video, this.current.video) && !this.shown.problem) {
			if (this.player && this.ready) {
				// "Play after a click" off only moves: a playing video keeps playing.
				this.applySeek(seconds, play ? true : undefined);
				return;
			}
			if (this.player || this.opening) {
				this.pending = { seconds, play };
				return;
			}
		}
		this.loadVideo(video, { seconds, play });
	}

	/** Whether a video is in the player (loaded or loading). */
	get hasVideo(): boolean {
		return this.current.video !== null && this.activeSurface() !== null;
	}

	/** Whether the player can take play, pause, skip and speed commands now. */
	get isReady(): boolean {
		return this.player !== null && this.ready;
	}

	/** Where `video` was last left this session, if it was played. */
	positionOf(video: VideoRef): number | null {
		if (sameVideo(video, this.current.video)) return this.current.seconds;
		return this.positions.get(videoKey(video)) ?? null;
	}

	/** Plays when paused, pauses when playing. */
	togglePlay(): void {
		if (!this.isReady) return;
		if (this.current.playing) this.player?.pause();
		else this.player?.play();
	}

	/** Moves by `delta` seconds, kept within the video. */
	seekBy(delta: number): void {
		const player = this.player;
		if (!player || !this.ready) return;
		const duration = player.duration();
		let target = Math.max(0, player.currentTime() + delta);
		if (duration !== null) target = Math.min(target, duration);
		player.seek(target);
		this.setPosition(target);
	}

	/** Sets the speed (rounded to a quarter, 0.25 to 3); returns the speed asked of the player. */
	setRate(rate: number): number {
		const { min, max, step } = RATE_LIMITS;
		const clamped = Math.min(max, Math.max(min, Math.round(rate / step) * step));
		if (!this.isReady) return this.current.rate;
		this.player?.setRate(clamped);
		this.setState({ rate: clamped });
		return clamped;
	}

	/** Brings the player view to the front (the "open player" command). */
	reveal(): Promise<void> {
		return this.opening ?? this.deps.host.revealPlayerView();
	}

	/**
	 * Follows the note that became active: per the setting, loads its video (keeping the old
	 * one's position), offers to, or does nothing. Only while a player view is open.
	 */
	followNote(path: string | null | undefined): void {
		if (!path || !this.activeSurface()) return;
		const mode = this.deps.settings.current.followActiveNote;
		if (mode === "off") return;
		const video = this.deps.notes.videoFor(path);
		if (!video) {
			if (this.shown.offer) this.setInfo({ offer: null });
			return;
		}
		if (sameVideo(video, this.current.video)) {
			this.setInfo({ sourcePath: path, offer: null });
			return;
		}
		const switchTo = () => this.seek(video, this.startOf(video), { play: false, sourcePath: path });
		if (mode === "switch") {
			switchTo();
			return;
		}
		const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		this.setInfo({
			offer: { message: `"${name}" cites another video.`, actions: [{ label: "Switch to this note's video", run: switchTo }] },
		});
	}

	private startOf(video: VideoRef): number {
		return this.positions.get(videoKey(video)) ?? (video.kind === "youtube" ? video.start : undefined) ?? 0;
	}

	/** A player view opened: it shows the player from now on (the latest view wins). */
	attach(surface: PlayerSurface): void {
		const previous = this.activeSurface();
		this.surfaces = [...this.surfaces.filter((s) => s !== surface), surface];
		if (previous && previous !== surface) previous.show(IDLE_INFO);
		surface.show(this.shown);
		if (!this.current.video || !this.alive) return;
		// A player in another view moves here; a video waiting for this view loads now.
		if (this.player) this.rebuild();
		else this.mount(surface);
	}

	/** A player view closed: its player goes with it, and a remaining view (if any) takes over. */
	detach(surface: PlayerSurface): void {
		const wasActive = this.activeSurface() === surface;
		this.surfaces = this.surfaces.filter((s) => s !== surface);
		if (!wasActive) return;
		if (this.activeSurface() && this.current.video) {
			this.rebuild(false);
			return;
		}
		this.rememberPosition();
		this.dropPlayer();
		this.reset();
	}

	/** The view moved to another window: its iframe reloads, so the player starts over in place. */
	surfaceMoved(surface: PlayerSurface): void {
		if (surface === this.activeSurface()) this.rebuild();
	}

	/** Loads the current video again where it was (after a reload, a move, or "Retry"). */
	rebuild(keepPlaying = true): void {
		const surface = this.activeSurface();
		const video = this.current.video;
		if (!surface || !video) return;
		// The last known position: a reloaded iframe may already report 0:00.
		const seconds = this.pending?.seconds ?? this.current.seconds;
		const play = keepPlaying && (this.current.playing || (this.pending?.play ?? false));
		this.loadVideo(video, { seconds, play });
	}

	override onload(): void {
		this.alive = true;
	}

	override onunload(): void {
		this.alive = false;
		this.dropPlayer();
		this.listeners.clear();
		this.surfaces = [];
		this.pending = null;
	}

	private activeSurface(): PlayerSurface | null {
		return this.surfaces[this.surfaces.length - 1] ?? null;
	}

	private loadVideo(video: VideoRef, seek: PendingSeek): void {
		if (!this.alive) return;
		this.rememberPosition();
		this.dropPlayer();
		this.pending = seek;
		this.setState({ video, seconds: seek.seconds, playing: false, duration: null, rate: 1 });
		this.setInfo({ video, title: null, loading: true, problem: null });
		const surface = this.activeSurface();
		if (surface) this.mount(surface);
		else this.openView();
	}

	private mount(surface: PlayerSurface): void {
		const video = this.current.video;
		if (!video || this.player) return;
		surface.playerEl.empty();
		const generation = ++this.generation;
		this.ready = false;
		const player = this.deps.createPlayer(video, this.eventsFor(generation));
		this.player = player;
		try {
			player.load(surface.playerEl);
		} catch (e) {
			console.error("Video Citations: the player failed to load", e);
			this.onProblem({ kind: "playback", message: "The player could not load this video." });
		}
	}

	private openView(): void {
		if (this.opening) return;
		const opening = this.deps.host
			.openPlayerView()
			.catch((e: unknown) => console.error("Video Citations: could not open the player", e))
			.finally(() => {
				if (this.opening !== opening) return;
				this.opening = null;
				// The view never attached: start clean so the next seek opens one.
				if (!this.activeSurface() && this.current.video) {
					this.deps.host.notify("The player could not be opened.");
					this.reset();
				}
			});
		this.opening = opening;
	}

	/** Back to idle: no video, no pending seek, no view being opened for one. */
	private reset(): void {
		this.pending = null;
		this.opening = null;
		this.shown = IDLE_INFO;
		this.setState(IDLE_STATE);
	}

	private eventsFor(generation: number): MediaPlayerEvents {
		const live = () => generation === this.generation && this.player !== null;
		return {
			ready: () => {
				if (live()) this.onReady();
			},
			playing: (playing) => {
				if (!live()) return;
				this.setState({ playing });
				this.refreshTitle();
			},
			time: (seconds) => {
				if (live() && this.ready) this.setPosition(seconds);
			},
			rate: (rate) => {
				if (live()) this.setState({ rate });
			},
			error: (problem) => {
				if (live()) this.onProblem(problem);
			},
			reloaded: () => {
				if (live()) this.rebuild();
			},
		};
	}

	private onReady(): void {
		const player = this.player;
		if (!player) return;
		this.ready = true;
		const seek = this.pending ?? { seconds: this.current.seconds, play: false };
		this.pending = null;
		this.setInfo({ loading: false, problem: null });
		this.refreshTitle();
		this.applySeek(seek.seconds, seek.play);
	}

	private applySeek(seconds: number, play: boolean | undefined): void {
		const player = this.player;
		if (!player) return;
		const duration = player.duration();
		let target = seconds;
		if (duration !== null && seconds > duration) {
			target = Math.max(0, duration - 1);
			const at = (s: number) => formatTimestamp(Math.floor(s), { style: "m:ss" });
			this.deps.host.notify(`${at(seconds)} is past the end of this video (${at(duration)}), so it plays from ${at(target)}.`);
		}
		player.seek(target, play);
		this.setState({ duration });
		this.setPosition(target);
	}

	private onProblem(problem: MediaProblem): void {
		const video = this.current.video;
		if (!video) return;
		const seconds = this.pending?.seconds ?? this.current.seconds;
		const notice = problemNotice(problem, video, seconds, {
			retry: () => this.rebuild(),
			openExternal: (url) => this.deps.host.openExternal(url),
		});
		this.setInfo({ loading: false, problem: notice });
		this.setState({ playing: false });
	}

	private refreshTitle(): void {
		const title = this.player?.title() ?? null;
		if (title && title !== this.shown.title) this.setInfo({ title });
	}

	private setPosition(seconds: number): void {
		const video = this.current.video;
		if (video) this.positions.set(videoKey(video), seconds);
		this.setState({ seconds });
	}

	private rememberPosition(): void {
		const video = this.current.video;
		if (!video) return;
		const seconds = this.ready && this.player ? this.player.currentTime() : (this.pending?.seconds ?? this.current.seconds);
		this.positions.set(videoKey(video), seconds);
	}

	private dropPlayer(): void {
		this.generation++;
		this.ready = false;
		this.stopPolling();
		const player = this.player;
		this.player = null;
		try {
			player?.destroy();
		} catch (e) {
			console.error("Video Citations: the player failed to close", e);
		}
	}

	private pollTime(): void {
		const player = this.player;
		if (!player || !this.ready) return;
		const seconds = player.currentTime();
		const video = this.current.video;
		if (video) this.positions.set(videoKey(video), seconds);
		this.setState({ seconds, duration: player.duration() ?? this.current.duration });
	}

	private startPolling(): void {
		if (this.poller || !this.alive) return;
		const poller = this.addChild(new Component());
		poller.load();
		poller.registerInterval(window.setInterval(() => this.pollTime(), POLL_INTERVAL_MS));
		this.poller = poller;
	}

	private stopPolling(): void {
		if (!this.poller) return;
		this.removeChild(this.poller);
		this.poller.unload();
		this.poller = null;
	}

	private setState(patch: Partial<PlaybackState>): void {
		this.current = Object.freeze({ ...this.current, ...patch });
		if (this.current.playing && this.player) this.startPolling();
		else this.stopPolling();
		for (const listener of [...this.listeners]) {
			try {
				listener(this.current);
			} catch (e) {
				console.error("Video Citations: a playback listener failed", e);
			}
		}
	}

	private setInfo(patch: Partial<PlayerInfo>): void {
		this.shown = Object.freeze({ ...this.shown, ...patch });
		this.activeSurface()?.show(this.shown);
	}
}
