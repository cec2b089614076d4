import { Component } from "obsidian";
import { videoKey, youtubeThumbnailUrl, type VideoRef } from "../core";
import type { PlaybackControllerDeps } from "./host";
import type { MediaProblem, YouTubeMode } from "./media";
import { PinnedSlots } from "./pinnedSlots";
import { PlayerSlot, type PlayerMoment, type SlotOwner } from "./playerSlot";
import { slotControls } from "./slotControls";
import { StateFeed } from "./stateFeed";
import { TimePoller } from "./timePoller";
import { sameVideo, videoStart, type PinnedSurface, type PlayerInfo, type PlayerSurface } from "./surface";
import type { PlaybackPort, PlaybackState, PlayerControls, PlayerDirectory, SeekOptions } from "./types";

export { RATE_LIMITS } from "./playerSlot";
export type { PlayerMoment } from "./playerSlot";

/** How often the playing position is read while playing (the feed promises at least 4 a second). */
export const POLL_INTERVAL_MS = 250;

/**
 * The one place that knows what is loaded and where it is. Every seek in the plugin lands here and
 * goes to the player of the note it came from: the player pinned on top of that note when it has
 * one, else the side view (opened when none is). Each player is a {@link PlayerSlot} with its own
 * video and position; the feed the rest of the plugin follows is the state of the player used last
 * (seeked, commanded, or started), and starting one player pauses the others.
 */
export class PlaybackController extends Component implements PlaybackPort, PlayerControls, PlayerDirectory {
	private readonly feed = new StateFeed();
	private readonly side: PlayerSlot;
	private readonly pinned = new PinnedSlots();
	private current: PlayerSlot;
	private opening: Promise<void> | null = null;
	private readonly poller = new TimePoller(this, () => this.pollTime(), POLL_INTERVAL_MS);
	private alive = false;
	private capturer: ((player: PlayerControls, notePath: string | null) => void) | null = null;
	/** The last position of every video played this session, by {@link videoKey}. */
	private readonly positions = new Map<string, number>();
	/** How YouTube plays: the IFrame API, or Obsidian's own embed (from the start on iOS, or once YouTube refused). */
	private youtubeMode: YouTubeMode;
	/** Why YouTube plays in Obsidian's embed when it was not so from the start: YouTube's refusal. */
	private embedReason: string | null = null;

	constructor(private readonly deps: PlaybackControllerDeps) {
		super();
		this.youtubeMode = deps.youtubeFallback === "always" ? "embed" : "api";
		this.side = new PlayerSlot(this.slotOwner());
		this.current = this.side;
	}

	get state(): Readonly<PlaybackState> {
		return this.feed.state;
	}

	/** What the player used last shows: title, source note, loading, problem, prompt. */
	get info(): Readonly<PlayerInfo> {
		return this.current.info;
	}

	subscribe(listener: (state: Readonly<PlaybackState>) => void): () => void {
		return this.feed.subscribe(listener);
	}

	seek(video: VideoRef, seconds: number, options: SeekOptions = {}): void {
		if (!Number.isFinite(seconds) || seconds < 0) {
			this.deps.host.notify("This timestamp has no usable time, so the player did not move.");
			return;
		}
		const pinned = this.pinned.forNote(options.sourcePath);
		const slot = pinned?.slot ?? this.side;
		this.use(slot);
		if (!options.resume) {
			const range = options.end === undefined ? undefined : { end: options.end, loop: options.loop ?? this.deps.settings.current.loopRanges };
			slot.seek(video, seconds, options.play ?? this.deps.settings.current.playOnSeek, options.sourcePath, range);
			pinned?.surface.sought();
			return;
		}
		// "Open player": a player that has the video stays where it is; another one takes it where it was left.
		if (!slot.holds(video)) slot.seek(video, this.positions.get(videoKey(video)) ?? seconds, options.play ?? false, options.sourcePath);
		else if (options.sourcePath) slot.setInfo({ sourcePath: options.sourcePath });
		void this.revealSlot(slot);
	}

	/** Whether the player used last has a video in an open player (loaded or loading). */
	get hasVideo(): boolean {
		return this.current.hasVideo;
	}

	/** Whether the player used last takes play, pause, skip and speed commands now. */
	get isReady(): boolean {
		return this.current.isReady;
	}

	/** Whether the player used last shows a video it has not loaded yet. */
	get isDeferred(): boolean {
		return this.current.isDeferred;
	}

	positionOf(video: VideoRef): number | null {
		return this.current.positionOf(video);
	}

	togglePlay(): void {
		this.current.togglePlay();
	}

	seekBy(delta: number): void {
		this.current.seekBy(delta);
	}

	setRate(rate: number): number {
		return this.current.setRate(rate);
	}

	videoElement(): HTMLVideoElement | null {
		return this.current.videoElement();
	}

	get citedRange(): PlayerControls["citedRange"] {
		return this.current.citedRange;
	}

	setLoop(loop: boolean): void {
		this.current.setLoop(loop);
	}

	/**
	 * What the players' capture buttons run: the "Capture video frame" command's work for `player`,
	 * into the note at `notePath` (a pinned player's) or the active editor. Set by the commands.
	 */
	setCapturer(capture: (player: PlayerControls, notePath: string | null) => void): void {
		this.capturer = capture;
	}

	/** The side view's player, as its bar drives it. */
	sideControls(): PlayerControls {
		return this.controlsOf(this.side);
	}

	/** A player's capture button was pressed. */
	captureFrom(player: PlayerControls, notePath: string | null): void {
		this.capturer?.(player, notePath);
	}

	/** Brings the player used last into view (the "open player" command). */
	reveal(): Promise<void> {
		return this.revealSlot(this.current);
	}

	controlsFor(path: string | null): PlayerControls {
		return this.controlsOf(this.pinned.forNote(path)?.slot ?? this.current);
	}

	/**
	 * Follows the note that became active in the side view: per the setting, loads its video
	 * (keeping the old one's position), offers to, or does nothing. Only while a player view is open.
	 */
	followNote(path: string | null | undefined): void {
		const side = this.side;
		if (!path || !side.surface()) return;
		const mode = this.deps.settings.current.followActiveNote;
		if (mode === "off") return;
		const video = this.deps.notes.videoFor(path);
		if (!video || sameVideo(video, side.video)) {
			side.setInfo(video ? { sourcePath: path, offer: null } : { offer: null });
			return;
		}
		const switchTo = () => {
			this.use(side);
			side.seek(video, this.startOf(video), false, path);
		};
		if (mode === "switch") {
			// Switched without a click: a video from the network waits behind its poster, as a
			// pinned player's does, so opening a note fetches nothing.
			this.use(side);
			this.place(side, video);
			side.setInfo({ sourcePath: path, offer: null });
			return;
		}
		const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		side.setInfo({ offer: { message: `"${name}" cites another video.`, actions: [{ label: "Switch to this note's video", run: switchTo }] } });
	}

	/** The side view's poster was clicked: its video loads and plays. */
	playDeferred(): void {
		this.use(this.side);
		this.side.togglePlay();
	}

	/** A player view opened: it shows the side player from now on (the latest view wins). */
	attach(surface: PlayerSurface): void {
		this.side.attach(surface);
	}

	/** A player view closed: its player goes with it, and a remaining view (if any) takes over. */
	detach(surface: PlayerSurface): void {
		this.side.detach(surface);
		if (!this.side.surface()) this.opening = null;
	}

	/** The view moved to another window: its iframe reloads, so the player starts over in place. */
	surfaceMoved(surface: PlayerSurface): void {
		this.side.surfaceMoved(surface);
	}

	/** Loads the side view's video again where it was (after a reload, a move, or "Retry"). */
	rebuild(keepPlaying = true): void {
		this.side.rebuild(keepPlaying);
	}

	/** A player pinned on top of a note opened: it gets its own player, showing `video` where it was left. */
	pin(surface: PinnedSurface, video: VideoRef): void {
		if (this.pinned.of(surface)) return;
		const slot = new PlayerSlot(this.slotOwner());
		this.pinned.add({ surface, slot });
		slot.attach(surface);
		slot.setInfo({ sourcePath: surface.notePath() });
		this.place(slot, video);
	}

	/** The note under a pinned player changed: another video takes its place, the same one keeps playing. */
	repin(surface: PinnedSurface, video: VideoRef): void {
		const slot = this.pinned.of(surface)?.slot;
		if (!slot) return;
		slot.setInfo({ sourcePath: surface.notePath() });
		if (!sameVideo(video, slot.video)) this.place(slot, video);
	}

	/** A pinned player closed (its note closed, or the placement changed): its player ends. */
	unpin(surface: PinnedSurface): void {
		const entry = this.pinned.remove(surface);
		if (!entry) return;
		entry.slot.dispose();
		if (this.current === entry.slot) this.use(this.side);
		this.syncPoller();
	}

	/** The note under `surface` became active: its note's seeks go to this pinned player. */
	activate(surface: PinnedSurface): void {
		this.pinned.activate(surface);
	}

	/** The controls of the player pinned on `surface` (its bar's play button). */
	pinnedControls(surface: PinnedSurface): PlayerControls | null {
		const slot = this.pinned.of(surface)?.slot;
		return slot ? this.controlsOf(slot) : null;
	}

	/** Whether the note at `path` has a pinned player. */
	hasPinned(path: string): boolean {
		return this.pinned.forNote(path) !== null;
	}

	/**
	 * Where the player used last is (else the most recently active pinned player with a video), for
	 * moving it to the other placement. `null` when no player has a video.
	 */
	moment(): PlayerMoment | null {
		const used = this.current.moment();
		if (used) return used;
		for (const entry of [...this.pinned.all].reverse()) {
			const moment = entry.slot.moment();
			if (moment) return moment;
		}
		return null;
	}

	/** Ends the side view's player, remembering where its video was (the placement moved to notes). */
	closeSide(): void {
		this.opening = null;
		this.side.reset();
	}

	override onload(): void {
		this.alive = true;
	}

	override onunload(): void {
		this.alive = false;
		this.side.dispose();
		for (const entry of this.pinned.all) entry.slot.dispose();
		this.pinned.clear();
		this.current = this.side;
		this.feed.clear();
	}

	private controlsOf(slot: PlayerSlot): PlayerControls {
		return slotControls(slot, {
			use: (s) => this.use(s),
			seek: (video, seconds, options) => this.seek(video, seconds, options),
			reveal: (s) => this.revealSlot(s),
		});
	}

	private revealSlot(slot: PlayerSlot): Promise<void> {
		const pinned = this.pinned.all.find((e) => e.slot === slot);
		if (pinned) {
			pinned.surface.reveal();
			return Promise.resolve();
		}
		return this.opening ?? this.deps.host.revealPlayerView();
	}

	/** Where a video starts when a player loads it without a seek: where it was left, else its own start. */
	private startOf(video: VideoRef): number {
		return this.positions.get(videoKey(video)) ?? videoStart(video);
	}

	/**
	 * Puts a note's video in its pinned player where it was left, paused: a vault file loads at once
	 * (it is local, and shows its first frame); anything from the network waits for the user to
	 * play it, so opening a note fetches nothing (DESIGN.md's boundary).
	 */
	private place(slot: PlayerSlot, video: VideoRef): void {
		if (video.kind === "file") slot.load(video, { seconds: this.startOf(video), play: false });
		else slot.defer(video, this.startOf(video));
	}

	/** `slot` is the player used last: the feed follows it from now on. */
	private use(slot: PlayerSlot): void {
		if (this.current === slot) return;
		this.current = slot;
		this.feed.update(slot.state);
	}

	private slotOwner(): SlotOwner {
		return {
			createPlayer: this.deps.createPlayer,
			youtubeMode: () => this.youtubeMode,
			fallBackToEmbed: (problem) => this.fallBackToEmbed(problem),
			embedReason: () => this.embedReason,
			positions: this.positions,
			isAlive: () => this.alive,
			notify: (message) => this.deps.host.notify(message),
			openExternal: (url) => this.deps.host.openExternal(url),
			changed: (slot, patch) => this.onSlotChanged(slot, patch),
			needSurface: (slot) => {
				if (slot === this.side) this.openView();
			},
			knownTitle: (video, sourcePath) => this.deps.titles?.knownTitle(video, sourcePath) ?? null,
			reportTitle: (video, title) => this.deps.titles?.record(video, title),
			thumbnailFor: (video) => (video.kind === "youtube" && this.deps.settings.current.showThumbnails ? youtubeThumbnailUrl(video.id) : null),
		};
	}

	/** YouTube refused the API player: every YouTube video plays in Obsidian's embed from now on, if there is one. */
	private fallBackToEmbed(problem: MediaProblem): boolean {
		if (!this.deps.youtubeFallback) return false;
		if (this.youtubeMode !== "embed") {
			this.youtubeMode = "embed";
			this.embedReason = problem.message;
		}
		return true;
	}

	private onSlotChanged(slot: PlayerSlot, patch: Partial<PlaybackState>): void {
		// Any player that knows its video's length (on a seek, or read while playing) reports it.
		const video = slot.state.video;
		if (patch.duration && video) this.deps.durations?.record(video, patch.duration);
		if (patch.playing === true) {
			// One video at a time: starting a player (even from its own controls) pauses the others.
			for (const other of this.slots()) if (other !== slot) other.pause();
			if (this.current !== slot) this.use(slot);
			else this.feed.update(patch);
		} else if (slot === this.current) {
			this.feed.update(patch);
		}
		this.syncPoller();
	}

	private slots(): PlayerSlot[] {
		return [this.side, ...this.pinned.all.map((e) => e.slot)];
	}

	private syncPoller(): void {
		if (this.alive && this.slots().some((s) => s.hasSession && s.state.playing)) this.poller.start();
		else this.poller.stop();
	}

	private pollTime(): void {
		for (const slot of this.slots()) if (slot.state.playing) slot.poll();
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
				if (!this.side.surface() && this.side.hasSession) {
					this.deps.host.notify("The player could not be opened.");
					this.side.reset();
				}
			});
		this.opening = opening;
	}
}
