import type { VideoRef } from "../core";
import type { MediaPlayer, MediaPlayerEvents, MediaProblem } from "./media";

/** A seek waiting for the player to be ready. */
export interface PendingSeek {
	seconds: number;
	play: boolean;
}

/** What a session reports to the controller. Nothing arrives once the session is closed. */
export interface SessionListener {
	/** The player is ready and the waiting seek has been made (`moved` came first). */
	ready(): void;
	/** A seek was made: the position is `seconds` now. */
	moved(seconds: number, duration: number | null): void;
	/** A seek asked for a moment past the end: `target` was played instead. */
	pastEnd(asked: number, duration: number, target: number): void;
	playing(playing: boolean): void;
	time(seconds: number): void;
	rate(rate: number): void;
	problem(problem: MediaProblem): void;
	reloaded(): void;
}

/**
 * One video in one player: the media player, whether it is ready, and the seek waiting for it
 * (only the last one made before ready counts). A session ends with its video or its view; the
 * controller starts a new one for another video, a retry or a reload.
 */
export class PlayerSession {
	private ready = false;
	private closed = false;
	private mounted = false;
	private waiting: PendingSeek | null;
	/** The media player; call it only while {@link isReady}. */
	readonly player: MediaPlayer;

	constructor(
		readonly video: VideoRef,
		first: PendingSeek,
		createPlayer: (video: VideoRef, events: MediaPlayerEvents) => MediaPlayer,
		private readonly listener: SessionListener,
	) {
		this.waiting = first;
		const live = () => !this.closed;
		this.player = createPlayer(video, {
			ready: () => {
				if (live()) this.onReady();
			},
			playing: (playing) => {
				if (live()) listener.playing(playing);
			},
			time: (seconds) => {
				if (live() && this.ready) listener.time(seconds);
			},
			rate: (rate) => {
				if (live()) listener.rate(rate);
			},
			error: (problem) => {
				if (live()) listener.problem(problem);
			},
			reloaded: () => {
				if (live()) listener.reloaded();
			},
		});
	}

	/** The player took its waiting seek and takes commands. */
	get isReady(): boolean {
		return this.ready && !this.closed;
	}

	/** Whether the player has been given a place in a view. */
	get isMounted(): boolean {
		return this.mounted;
	}

	/** The seek that will be made once the player is ready. */
	get waitingSeek(): PendingSeek | null {
		return this.waiting;
	}

	/** Puts the player into a view's player area. */
	mount(container: HTMLElement): void {
		if (this.mounted || this.closed) return;
		this.mounted = true;
		container.empty();
		try {
			this.player.load(container);
		} catch (e) {
			console.error("Video Citations: the player failed to load", e);
			this.listener.problem({ kind: "playback", message: "The player could not load this video." });
		}
	}

	/**
	 * Seeks now when ready (starting playback when `play`, else leaving it as it is), or makes
	 * this the seek to make once ready (then `play` false pauses: a cued video would start).
	 */
	seek(seconds: number, play: boolean): void {
		if (this.closed) return;
		if (this.ready) this.apply(seconds, play ? true : undefined);
		else this.waiting = { seconds, play };
	}

	/** Stops the player and removes it; nothing is reported after this. */
	close(): void {
		if (this.closed) return;
		this.closed = true;
		try {
			this.player.destroy();
		} catch (e) {
			console.error("Video Citations: the player failed to close", e);
		}
	}

	private onReady(): void {
		this.ready = true;
		const seek = this.waiting ?? { seconds: 0, play: false };
		this.waiting = null;
		this.apply(seek.seconds, seek.play);
		this.listener.ready();
	}

	private apply(seconds: number, play: boolean | undefined): void {
		const duration = this.player.duration();
		let target = seconds;
		// Generated notes cite moments past the end: play the last second and say so.
		if (duration !== null && seconds > duration) {
			target = Math.max(0, duration - 1);
			this.listener.pastEnd(seconds, duration, target);
		}
		this.player.seek(target, play);
		this.listener.moved(target, duration);
	}
}
