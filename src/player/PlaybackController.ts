import { Component } from "obsidian";
import { formatTimestamp, videoKey, type VideoRef } from "../core";
import type { PlaybackControllerDeps } from "./host";
import type { MediaProblem } from "./media";
import { PlayerSession, type PendingSeek, type SessionListener } from "./PlayerSession";
import { IDLE_STATE, StateFeed } from "./stateFeed";
import { TimePoller } from "./timePoller";
import { IDLE_INFO, problemNotice, sameVideo, type PlayerInfo, type PlayerSurface } from "./surface";
import type { PlaybackPort, PlaybackState, SeekOptions } from "./types";

/** How often the playing position is read while playing (the feed promises at least 4 a second). */
export const POLL_INTERVAL_MS = 250;

/** The playback speeds the speed commands step through. */
export const RATE_LIMITS = { min: 0.25, max: 3, step: 0.25 } as const;

const clock = (seconds: number) => formatTimestamp(Math.floor(seconds), { style: "m:ss" });

/**
 * The one place that knows what is loaded and where it is. Every seek in the plugin lands here:
 * a seek to the loaded video moves in place; another video is loaded into the player view (opened
 * when none is) and seeked once ready, the last of the seeks made meanwhile winning.
 */
export class PlaybackController extends Component implements PlaybackPort {
	private readonly feed = new StateFeed();
	private shown: Readonly<PlayerInfo> = IDLE_INFO;
	private surfaces: PlayerSurface[] = [];
	private session: PlayerSession | null = null;
	private opening: Promise<void> | null = null;
	private readonly poller = new TimePoller(this, () => this.pollTime(), POLL_INTERVAL_MS);
	private alive = false;
	/** The last position of every video played this session, by {@link videoKey}. */
	private readonly positions = new Map<string, number>();

	constructor(private readonly deps: PlaybackControllerDeps) {
		super();
	}

	get state(): Readonly<PlaybackState> {
		return this.feed.state;
	}

	/** What the player view shows: title, source note, loading, problem, prompt. */
	get info(): Readonly<PlayerInfo> {
		return this.shown;
	}

	subscribe(listener: (state: Readonly<PlaybackState>) => void): () => void {
		return this.feed.subscribe(listener);
	}

	seek(video: VideoRef, seconds: number, options: SeekOptions = {}): void {
		if (!Number.isFinite(seconds) || seconds < 0) {
			this.deps.host.notify("This timestamp has no usable time, so the player did not move.");
			return;
		}
		const play = options.play ?? this.deps.settings.current.playOnSeek;
		const loaded = sameVideo(video, this.session?.video);
		this.setInfo({ sourcePath: options.sourcePath ?? (loaded ? this.shown.sourcePath : null), offer: null });
		// A failed player gets a fresh start; a working one moves in place or takes the waiting seek.
		if (loaded && this.session && !this.shown.problem) this.session.seek(seconds, play);
		else this.loadVideo(video, { seconds, play });
	}

	/** Whether a video is in an open player (loaded or loading). */
	get hasVideo(): boolean {
		return this.session !== null && this.activeSurface() !== null;
	}

	/** Whether the player takes play, pause, skip and speed commands now. */
	get isReady(): boolean {
		return this.session?.isReady ?? false;
	}

	/** Where `video` was last left this session, if it was played. */
	positionOf(video: VideoRef): number | null {
		if (sameVideo(video, this.session?.video)) return this.state.seconds;
		return this.positions.get(videoKey(video)) ?? null;
	}

	/** Plays when paused, pauses when playing. */
	togglePlay(): void {
		const player = this.readyPlayer();
		if (this.state.playing) player?.pause();
		else player?.play();
	}

	/** Moves by `delta` seconds, kept within the video. */
	seekBy(delta: number): void {
		const player = this.readyPlayer();
		if (!player) return;
		const duration = player.duration();
		const target = Math.min(Math.max(0, player.currentTime() + delta), duration ?? Infinity);
		player.seek(target);
		this.setPosition(target);
	}

	/** Sets the speed (rounded to a quarter, 0.25 to 3); returns the speed asked of the player. */
	setRate(rate: number): number {
		const { min, max, step } = RATE_LIMITS;
		const player = this.readyPlayer();
		if (!player) return this.state.rate;
		const clamped = Math.min(player.maxRate ?? max, max, Math.max(min, Math.round(rate / step) * step));
		player.setRate(clamped);
		this.update({ rate: clamped });
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
		if (!video || sameVideo(video, this.session?.video)) {
			this.setInfo(video ? { sourcePath: path, offer: null } : { offer: null });
			return;
		}
		const start = () => this.positions.get(videoKey(video)) ?? (video.kind === "youtube" ? video.start : undefined) ?? 0;
		const switchTo = () => this.seek(video, start(), { play: false, sourcePath: path });
		if (mode === "switch") {
			switchTo();
			return;
		}
		const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		this.setInfo({ offer: { message: `"${name}" cites another video.`, actions: [{ label: "Switch to this note's video", run: switchTo }] } });
	}

	/** A player view opened: it shows the player from now on (the latest view wins). */
	attach(surface: PlayerSurface): void {
		const previous = this.activeSurface();
		this.surfaces = [...this.surfaces.filter((s) => s !== surface), surface];
		if (previous && previous !== surface) previous.show(IDLE_INFO);
		surface.show(this.shown);
		if (!this.session || !this.alive) return;
		// A player in another view moves here; a video waiting for this view loads now.
		if (this.session.isMounted) this.rebuild();
		else this.session.mount(surface.playerEl);
	}

	/** A player view closed: its player goes with it, and a remaining view (if any) takes over. */
	detach(surface: PlayerSurface): void {
		const wasActive = this.activeSurface() === surface;
		this.surfaces = this.surfaces.filter((s) => s !== surface);
		if (!wasActive) return;
		if (this.activeSurface() && this.session) this.rebuild(false);
		else this.reset();
	}

	/** The view moved to another window: its iframe reloads, so the player starts over in place. */
	surfaceMoved(surface: PlayerSurface): void {
		if (surface === this.activeSurface()) this.rebuild();
	}

	/** Loads the current video again where it was (after a reload, a move, or "Retry"). */
	rebuild(keepPlaying = true): void {
		const session = this.session;
		if (!session || !this.activeSurface()) return;
		// The last known position, not the player's: a reloaded iframe may already report 0:00.
		const waiting = session.waitingSeek;
		const seconds = waiting?.seconds ?? this.state.seconds;
		const play = keepPlaying && (this.state.playing || (waiting?.play ?? false));
		this.loadVideo(session.video, { seconds, play });
	}

	override onload(): void {
		this.alive = true;
	}

	override onunload(): void {
		this.alive = false;
		this.closeSession();
		this.feed.clear();
		this.surfaces = [];
	}

	private activeSurface(): PlayerSurface | null {
		return this.surfaces[this.surfaces.length - 1] ?? null;
	}

	private readyPlayer() {
		return this.session?.isReady ? this.session.player : null;
	}

	private loadVideo(video: VideoRef, seek: PendingSeek): void {
		if (!this.alive) return;
		this.closeSession();
		const session = new PlayerSession(video, seek, this.deps.createPlayer, this.sessionListener());
		this.session = session;
		this.update({ video, seconds: seek.seconds, playing: false, duration: null, rate: 1 });
		this.setInfo({ video, title: null, loading: true, problem: null });
		const surface = this.activeSurface();
		if (surface) session.mount(surface.playerEl);
		else this.openView();
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
				if (!this.activeSurface() && this.session) {
					this.deps.host.notify("The player could not be opened.");
					this.reset();
				}
			});
		this.opening = opening;
	}

	/** Back to idle: no video, no waiting seek, no view being opened for one. */
	private reset(): void {
		this.closeSession();
		this.opening = null;
		this.shown = IDLE_INFO;
		this.update(IDLE_STATE);
	}

	/** What the current session reports (a closed session reports nothing). */
	private sessionListener(): SessionListener {
		return {
			ready: () => {
				this.setInfo({ loading: false, problem: null });
				this.refreshTitle();
			},
			moved: (seconds, duration) => this.setPosition(seconds, duration === null ? {} : { duration }),
			pastEnd: (asked, duration, target) => {
				this.deps.host.notify(`${clock(asked)} is past the end of this video (${clock(duration)}), so it plays from ${clock(target)}.`);
			},
			playing: (playing) => {
				this.update({ playing });
				this.refreshTitle();
			},
			time: (seconds) => this.setPosition(seconds),
			rate: (rate) => this.update({ rate }),
			problem: (problem) => this.onProblem(problem),
			reloaded: () => this.rebuild(),
		};
	}

	private onProblem(problem: MediaProblem): void {
		const session = this.session;
		if (!session) return;
		const seconds = session.waitingSeek?.seconds ?? this.state.seconds;
		const notice = problemNotice(problem, session.video, seconds, {
			retry: () => this.rebuild(),
			openExternal: (url) => this.deps.host.openExternal(url),
		});
		this.setInfo({ loading: false, problem: notice });
		this.update({ playing: false });
	}

	private refreshTitle(): void {
		const title = this.readyPlayer()?.title() ?? null;
		if (title && title !== this.shown.title) this.setInfo({ title });
	}

	private setPosition(seconds: number, extra: Partial<PlaybackState> = {}): void {
		const video = this.session?.video;
		if (video) this.positions.set(videoKey(video), seconds);
		this.update({ seconds, ...extra });
	}

	/** Ends the current player, remembering where its video was. */
	private closeSession(): void {
		const session = this.session;
		if (!session) return;
		const position = session.isReady ? session.player.currentTime() : (session.waitingSeek?.seconds ?? this.state.seconds);
		this.positions.set(videoKey(session.video), position);
		this.session = null;
		session.close();
		this.poller.stop();
	}

	private pollTime(): void {
		const player = this.readyPlayer();
		if (player) this.setPosition(player.currentTime(), { duration: player.duration() ?? this.state.duration });
	}

	private update(patch: Partial<PlaybackState>): void {
		if (patch.playing === true && this.session && this.alive) this.poller.start();
		else if (patch.playing === false || !this.session) this.poller.stop();
		this.feed.update(patch);
	}

	private setInfo(patch: Partial<PlayerInfo>): void {
		this.shown = Object.freeze({ ...this.shown, ...patch });
		this.activeSurface()?.show(this.shown);
	}
}
