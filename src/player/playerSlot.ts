import { formatTimestamp, videoKey, type VideoRef } from "../core";
import type { MediaPlayer, MediaPlayerFactory, MediaProblem, YouTubeMode } from "./media";
import { CitedRange } from "./citedRange";
import { PlayerSession, type PendingSeek, type SessionListener } from "./PlayerSession";
import { IDLE_STATE } from "./stateFeed";
import { IDLE_INFO, problemNotice, sameVideo, type PlayerInfo, type PlayerSurface } from "./surface";
import type { PlaybackState } from "./types";

/** The playback speeds the speed commands and the player's bar step through (issue 20: tenths). */
export const RATE_LIMITS = { min: 0.25, max: 3, step: 0.1 } as const;

const clock = (seconds: number) => formatTimestamp(Math.floor(seconds), { style: "m:ss" });

/** What a slot needs from the controller that owns it. */
export interface SlotOwner {
	readonly createPlayer: MediaPlayerFactory;
	/** How YouTube videos play now: through the IFrame API, or in Obsidian's own embed. */
	youtubeMode(): YouTubeMode;
	/**
	 * YouTube refused the IFrame API player (`problem`, error 153): YouTube plays in Obsidian's own
	 * embed from now on, when the owner has it. Returns whether it does.
	 */
	fallBackToEmbed(problem: MediaProblem): boolean;
	/** Why YouTube plays in Obsidian's embed, when YouTube refused the plugin's player first; `null` otherwise. */
	embedReason(): string | null;
	/** The last position of every video played this session, by {@link videoKey}, shared by all slots. */
	readonly positions: Map<string, number>;
	/** False once the controller has unloaded: nothing loads any more. */
	isAlive(): boolean;
	notify(message: string): void;
	openExternal(url: string): void;
	/** The slot's playback state changed; `patch` is what was set. */
	changed(slot: PlayerSlot, patch: Partial<PlaybackState>): void;
	/** The slot has a video to show and nowhere to show it (the side view is closed). */
	needSurface(slot: PlayerSlot): void;
	/** The title of `video` known before it loads: the one the note played from gives, or one a player reported. */
	knownTitle(video: VideoRef, sourcePath: string | null): string | null;
	/** A player reported `video`'s title. */
	reportTitle(video: VideoRef, title: string): void;
	/** The picture `video`'s poster shows, when the settings allow fetching one; `null` otherwise. */
	thumbnailFor(video: VideoRef): string | null;
}

/** Where a player is, for moving it to the other placement. */
export interface PlayerMoment {
	video: VideoRef;
	seconds: number;
	playing: boolean;
	sourcePath: string | null;
}

/**
 * One place a video plays: the side view, or the player pinned on top of one note. It holds that
 * player's session, what its surface shows and its own playback state. A seek to the loaded video
 * moves in place; another video gets a new session, loaded into the newest surface (the owner
 * opens one when there is none) and seeked once ready, the last of the seeks made meanwhile winning.
 */
export class PlayerSlot {
	private surfaces: PlayerSurface[] = [];
	private session: PlayerSession | null = null;
	/** The video shown but not loaded yet (see {@link defer}). */
	private deferredVideo: VideoRef | null = null;
	private shown: Readonly<PlayerInfo> = IDLE_INFO;
	private current: Readonly<PlaybackState> = IDLE_STATE;
	/** The cited range being played, if any (see {@link CitedRange}). */
	private range: CitedRange | null = null;

	constructor(private readonly owner: SlotOwner) {}

	/** This player's state. */
	get state(): Readonly<PlaybackState> {
		return this.current;
	}

	/** What its surface shows: title, source note, loading, problem, prompt. */
	get info(): Readonly<PlayerInfo> {
		return this.shown;
	}

	/** The video loaded, loading or deferred, if any. */
	get video(): VideoRef | null {
		return this.session?.video ?? this.deferredVideo;
	}

	/** Whether the video is shown but not loaded yet (see {@link defer}). */
	get isDeferred(): boolean {
		return this.deferredVideo !== null;
	}

	/** Whether `video` is loaded (or loading) here and working: opening it again need not move anything. */
	holds(video: VideoRef): boolean {
		return sameVideo(video, this.session?.video) && !this.shown.problem;
	}

	/** Whether a video is loaded or waiting for a surface. */
	get hasSession(): boolean {
		return this.session !== null;
	}

	/** Whether a video is in an open player (loaded or loading). */
	get hasVideo(): boolean {
		return this.session !== null && this.surface() !== null;
	}

	/** Whether the player takes play, pause, skip and speed commands now. */
	get isReady(): boolean {
		return this.session?.isReady ?? false;
	}

	/** The surface that shows the player: the newest one attached. */
	surface(): PlayerSurface | null {
		return this.surfaces[this.surfaces.length - 1] ?? null;
	}

	/**
	 * Plays `video` from `seconds`: in place when it is loaded and working, else in a fresh player.
	 * With `range`, it pauses at `range.end` (or plays the range again, with `range.loop`).
	 */
	seek(video: VideoRef, seconds: number, play: boolean, sourcePath?: string, range?: { end: number; loop: boolean }): void {
		const loaded = sameVideo(video, this.session?.video);
		this.setInfo({ sourcePath: sourcePath ?? (loaded ? this.shown.sourcePath : null), offer: null });
		this.range = null;
		// A failed player gets a fresh start; a working one moves in place or takes the waiting seek.
		if (loaded && this.session && !this.shown.problem) this.session.seek(seconds, play);
		else this.load(video, { seconds, play });
		if (range && range.end > seconds) this.range = new CitedRange(seconds, range.end, range.loop);
	}

	/** Loops the cited range being played, or stops looping it. */
	setLoop(loop: boolean): void {
		const range = this.range;
		if (!range || range.isOver || range.loop === loop) return;
		range.loop = loop;
		this.update({});
	}

	/** The cited range being played (until it ends or the player moves elsewhere), for the player's loop button. */
	get citedRange(): { start: number; end: number; loop: boolean } | null {
		return this.range && !this.range.isOver ? this.range : null;
	}

	/** Where `video` was last left this session, if it was played. */
	positionOf(video: VideoRef): number | null {
		if (sameVideo(video, this.session?.video)) return this.current.seconds;
		return this.owner.positions.get(videoKey(video)) ?? null;
	}

	/** Where the player is now, for handing it to the other placement; `null` when idle. */
	moment(): PlayerMoment | null {
		const session = this.session;
		if (!session) return null;
		const seconds = session.isReady ? session.player.currentTime() : (session.waitingSeek?.seconds ?? this.current.seconds);
		return { video: session.video, seconds, playing: this.current.playing, sourcePath: this.shown.sourcePath };
	}

	togglePlay(): void {
		if (this.start(true)) return;
		const player = this.readyPlayer();
		if (this.current.playing) player?.pause();
		else player?.play();
	}

	/** Pauses when playing (another player started). */
	pause(): void {
		if (this.current.playing) this.readyPlayer()?.pause();
	}

	seekBy(delta: number): void {
		this.range = null;
		if (this.start(false, Math.max(0, this.current.seconds + delta))) return;
		const player = this.readyPlayer();
		if (!player) return;
		const duration = player.duration();
		const target = Math.min(Math.max(0, player.currentTime() + delta), duration ?? Infinity);
		player.seek(target);
		this.setPosition(target);
	}

	/** Sets the speed (rounded to a tenth, 0.25 to 3, at most what the player supports). */
	setRate(rate: number): number {
		const { min, max, step } = RATE_LIMITS;
		const player = this.readyPlayer();
		if (!player) return this.current.rate;
		// 0.25 is the one speed below the tenths; the rest are rounded to a tenth, without float noise.
		const tenth = Math.round(Math.round(rate / step) * step * 100) / 100;
		const clamped = Math.min(player.maxRate ?? max, max, Math.max(min, tenth));
		player.setRate(clamped);
		this.update({ rate: clamped });
		return clamped;
	}

	/** The `<video>` whose frame can be captured now (a ready vault or web video), else `null`. */
	videoElement(): HTMLVideoElement | null {
		return this.readyPlayer()?.videoElement?.() ?? null;
	}

	/** Reads the playing position (the owner calls this on an interval while playing). */
	poll(): void {
		const player = this.readyPlayer();
		if (player) this.setPosition(player.currentTime(), { duration: player.duration() ?? this.current.duration });
	}

	/** A surface opened: it shows the player from now on (the newest surface wins). */
	attach(surface: PlayerSurface): void {
		const previous = this.surface();
		this.surfaces = [...this.surfaces.filter((s) => s !== surface), surface];
		if (previous && previous !== surface) previous.show(IDLE_INFO);
		surface.show(this.shown);
		surface.showState?.(this.current);
		if (!this.session || !this.owner.isAlive()) return;
		// A player in another surface moves here; a video waiting for this surface loads now.
		if (this.session.isMounted) this.rebuild();
		else this.session.mount(surface.playerEl);
	}

	/** A surface closed: its player goes with it, and a remaining surface (if any) takes over. */
	detach(surface: PlayerSurface): void {
		const wasActive = this.surface() === surface;
		this.surfaces = this.surfaces.filter((s) => s !== surface);
		if (!wasActive) return;
		if (this.surface() && this.session) this.rebuild(false);
		else this.reset();
	}

	/** The surface moved to another window: its iframe reloads, so the player starts over in place. */
	surfaceMoved(surface: PlayerSurface): void {
		if (surface === this.surface()) this.rebuild();
	}

	/** Loads the current video again where it was (after a reload, a move, or "Retry"). */
	rebuild(keepPlaying = true): void {
		const session = this.session;
		if (!session || !this.surface()) return;
		// The last known position, not the player's: a reloaded iframe may already report 0:00.
		const waiting = session.waitingSeek;
		const seconds = waiting?.seconds ?? this.current.seconds;
		const play = keepPlaying && (this.current.playing || (waiting?.play ?? false));
		this.load(session.video, { seconds, play });
	}

	/** Loads `video` in a new player, waiting to make `seek` once it is ready. */
	load(video: VideoRef, seek: PendingSeek): void {
		if (!this.owner.isAlive()) return;
		this.closeSession();
		const youtube = this.owner.youtubeMode();
		const session = new PlayerSession(video, seek, (v, events) => this.owner.createPlayer(v, events, youtube), this.sessionListener());
		this.session = session;
		// Obsidian's embed cannot say where it is: the state says so, and the surface that seeks reload it.
		const embedded = session.player.embedded === true;
		this.update({ video, seconds: seek.seconds, playing: false, duration: null, rate: 1, timeUnknown: embedded, loaded: false });
		this.setInfo({ video, title: this.owner.knownTitle(video, this.shown.sourcePath), loading: true, problem: null, deferred: false, embedded: embedded ? { reason: this.owner.embedReason() } : null });
		const surface = this.surface();
		if (surface) session.mount(surface.playerEl);
		else this.owner.needSurface(this);
	}

	/**
	 * Shows `video` at `seconds` without loading it: a poster until the user plays, skips or seeks
	 * it (issue 12's privacy: opening a note must not reach YouTube). The first of those loads it.
	 */
	defer(video: VideoRef, seconds: number): void {
		this.closeSession();
		this.deferredVideo = video;
		this.update({ video, seconds, playing: false, duration: null, rate: 1, timeUnknown: false, loaded: false });
		this.setInfo({ video, title: this.owner.knownTitle(video, this.shown.sourcePath), loading: false, problem: null, deferred: true, embedded: null, thumbnail: this.owner.thumbnailFor(video) });
	}

	/** Back to idle: no video, no waiting seek. */
	reset(): void {
		this.closeSession();
		this.shown = IDLE_INFO;
		this.surface()?.show(IDLE_INFO);
		this.update(IDLE_STATE);
	}

	/** Ends the player for good (its surface or the plugin is going): nothing is reported after this. */
	dispose(): void {
		this.closeSession();
		this.surfaces = [];
	}

	setInfo(patch: Partial<PlayerInfo>): void {
		this.shown = Object.freeze({ ...this.shown, ...patch });
		this.surface()?.show(this.shown);
	}

	/** Loads the deferred video at `seconds` (where it waits, by default); `false` when none waits. */
	private start(play: boolean, seconds = this.current.seconds): boolean {
		const video = this.deferredVideo;
		if (!video) return false;
		this.load(video, { seconds, play });
		return true;
	}

	private readyPlayer(): MediaPlayer | null {
		return this.session?.isReady ? this.session.player : null;
	}

	/** What the current session reports (a closed session reports nothing). */
	private sessionListener(): SessionListener {
		return {
			ready: () => {
				this.setInfo({ loading: false, problem: null });
				this.refreshTitle();
			},
			// The player is where it was sent: from now on its citation may be marked as playing.
			moved: (seconds, duration) => this.setPosition(seconds, duration === null ? { loaded: true } : { duration, loaded: true }),
			pastEnd: (asked, duration, target) => {
				this.owner.notify(`${clock(asked)} is past the end of this video (${clock(duration)}), so it plays from ${clock(target)}.`);
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
		const seconds = session.waitingSeek?.seconds ?? this.current.seconds;
		// YouTube refused the plugin's player (error 153): Obsidian's own embed plays it at the same moment.
		if (problem.kind === "config" && session.video.kind === "youtube" && !session.player.embedded && this.owner.fallBackToEmbed(problem)) {
			this.load(session.video, { seconds, play: false });
			return;
		}
		const notice = problemNotice(problem, session.video, seconds, {
			retry: () => this.rebuild(),
			openExternal: (url) => this.owner.openExternal(url),
		});
		this.setInfo({ loading: false, problem: notice });
		// Nothing plays: no citation is marked as playing while the error panel says why.
		this.update({ playing: false, loaded: false });
	}

	private refreshTitle(): void {
		const reported = this.readyPlayer()?.title() ?? null;
		const video = this.session?.video;
		if (!reported || !video) return;
		this.owner.reportTitle(video, reported);
		// A title the note gives wins over the player's; the player's wins over the file name.
		const title = this.owner.knownTitle(video, this.shown.sourcePath) ?? reported;
		if (title !== this.shown.title) this.setInfo({ title });
	}

	private setPosition(seconds: number, extra: Partial<PlaybackState> = {}): void {
		const video = this.session?.video;
		if (video) this.owner.positions.set(videoKey(video), seconds);
		this.update({ seconds, ...extra });
		this.followRange(seconds);
	}

	/** At the end of a cited range: pause there, or start it again. */
	private followRange(seconds: number): void {
		const range = this.range;
		const player = this.readyPlayer();
		if (!range || !player) return;
		const step = range.at(seconds);
		if (step === "loop") {
			player.seek(range.start, true);
			this.update({ seconds: range.start });
		} else if (step === "pause") {
			this.range = null;
			// Paused exactly at the end, not where the last report found it.
			player.seek(range.end, false);
			this.update({ seconds: range.end });
		}
		if (range.isOver) this.range = null;
	}

	/** Ends the current player, remembering where its video was (a deferred video is simply dropped). */
	private closeSession(): void {
		this.deferredVideo = null;
		this.range = null;
		const session = this.session;
		if (!session) return;
		const position = session.isReady ? session.player.currentTime() : (session.waitingSeek?.seconds ?? this.current.seconds);
		this.owner.positions.set(videoKey(session.video), position);
		this.session = null;
		session.close();
	}

	private update(patch: Partial<PlaybackState>): void {
		this.current = Object.freeze({ ...this.current, ...patch });
		this.surface()?.showState?.(this.current);
		this.owner.changed(this, patch);
	}
}
