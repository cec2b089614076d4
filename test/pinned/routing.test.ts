import { afterEach, describe, expect, it, vi } from "vitest";
import { Component } from "../double/obsidian";
import type { PlaybackState } from "../../src/player/types";
import { POLL_INTERVAL_MS } from "../../src/player/PlaybackController";
import type { PinnedSurface } from "../../src/player/surface";
import { CLIP, controllerWithFakes, FakeSurface, flush, OTHER_VIDEO, SEED_VIDEO, type FakeMediaPlayer } from "../player/fakes";

/** A pinned player as the controller sees it: a surface on a note, which can be revealed. */
class FakePinned extends FakeSurface implements PinnedSurface {
	states: Readonly<PlaybackState>[] = [];
	revealed = 0;
	seeks = 0;
	constructor(public path: string | null) {
		super();
	}
	notePath(): string | null {
		return this.path;
	}
	reveal(): void {
		this.revealed++;
	}
	sought(): void {
		this.seeks++;
	}
	showState(state: Readonly<PlaybackState>): void {
		this.states.push(state);
	}
}

/** The media player loaded into `surface`. */
function playerIn(players: FakeMediaPlayer[], surface: FakeSurface): FakeMediaPlayer {
	const found = players.filter((p) => p.container === surface.playerEl && !p.destroyed);
	if (found.length !== 1) throw new Error(`expected one player in the surface, found ${found.length}`);
	return found[0] as FakeMediaPlayer;
}

/**
 * A controller with a pinned player on a.md (seed video) and one on b.md (other video), both
 * opened ("Open player for this note" on A, then on B) and ready: B is the player used last.
 */
function twoPinned() {
	const fx = controllerWithFakes({ "a.md": SEED_VIDEO, "b.md": OTHER_VIDEO });
	const a = new FakePinned("a.md");
	const b = new FakePinned("b.md");
	fx.controller.pin(a, SEED_VIDEO);
	fx.controller.pin(b, OTHER_VIDEO);
	fx.controller.seek(SEED_VIDEO, 0, { resume: true, sourcePath: "a.md" });
	fx.controller.seek(OTHER_VIDEO, 0, { resume: true, sourcePath: "b.md" });
	const playerA = playerIn(fx.players, a);
	const playerB = playerIn(fx.players, b);
	playerA.events.ready();
	playerB.events.ready();
	return { ...fx, a, b, playerA, playerB };
}

afterEach(() => {
	vi.useRealTimers();
});

describe("PlaybackController with players pinned on notes", () => {
	it("shows a pinned note's YouTube video where it was left this session, loading nothing until it is played", async () => {
		const fx = controllerWithFakes();
		fx.controller.seek(SEED_VIDEO, 0);
		await flush();
		fx.lastPlayer().events.ready();
		fx.lastPlayer().time = 321;
		fx.controller.detach(fx.lastSurface());
		const a = new FakePinned("a.md");
		fx.controller.pin(a, SEED_VIDEO);
		expect(fx.players.filter((p) => !p.destroyed)).toEqual([]);
		expect(a.last).toMatchObject({ video: SEED_VIDEO, sourcePath: "a.md", loading: false, deferred: true });
		expect(a.states.at(-1)).toMatchObject({ video: SEED_VIDEO, seconds: 321, playing: false });
		const controls = fx.controller.pinnedControls(a);
		expect(controls).toMatchObject({ isDeferred: true, isReady: false, hasVideo: false });
		// Its play button: the video loads there, and plays from where it was left.
		controls?.togglePlay();
		const player = playerIn(fx.players, a);
		expect(a.last).toMatchObject({ loading: true, deferred: false });
		player.events.ready();
		expect(player.seeks).toEqual([[321, true]]);
		expect(controls).toMatchObject({ isDeferred: false, isReady: true });
		expect(fx.host.opened).toBe(1);
	});

	it("loads a pinned note's vault file at once, paused: it is local", () => {
		const fx = controllerWithFakes();
		const a = new FakePinned("clip.md");
		fx.controller.pin(a, CLIP);
		const player = playerIn(fx.players, a);
		expect(a.last).toMatchObject({ video: CLIP, loading: true, deferred: false });
		player.events.ready();
		expect(player.seeks).toEqual([[0, false]]);
		expect(fx.host.opened).toBe(0);
	});

	/** The seed video as a link with `?t=120` names it. */
	const FROM_120 = { ...SEED_VIDEO, start: 120 };

	it("a deferred video loads at the first seek, skip or 'Open player', at that moment", () => {
		const cases: [string, (fx: ReturnType<typeof controllerWithFakes>, a: FakePinned) => void, unknown[][]][] = [
			["a citation", (fx) => fx.controller.seek(SEED_VIDEO, 600, { sourcePath: "a.md" }), [[600, true]]],
			["skip forward", (fx, a) => fx.controller.pinnedControls(a)?.seekBy(10), [[130, false]]],
			["skip back past the start", (fx, a) => fx.controller.pinnedControls(a)?.seekBy(-500), [[0, false]]],
			// As the command asks: the note's video from its own start.
			["'Open player'", (fx) => fx.controller.seek(FROM_120, 120, { resume: true, sourcePath: "a.md" }), [[120, false]]],
		];
		for (const [name, act, seeks] of cases) {
			const fx = controllerWithFakes({ "a.md": SEED_VIDEO });
			const a = new FakePinned("a.md");
			fx.controller.pin(a, FROM_120);
			expect(fx.players, name).toHaveLength(0);
			act(fx, a);
			const player = playerIn(fx.players, a);
			player.events.ready();
			expect(player.seeks, name).toEqual(seeks);
			expect(fx.controller.state.video, name).toMatchObject(SEED_VIDEO);
		}
	});

	it("tells the pinned player a citation of its note sought (a phone's bar opens then), and no other", () => {
		const { controller, a, b } = twoPinned();
		controller.seek(SEED_VIDEO, 600, { sourcePath: "a.md", play: false });
		expect([a.seeks, b.seeks]).toEqual([1, 0]);
		// "Open player" reveals instead; a seek from a note without a pinned player tells none.
		controller.seek(OTHER_VIDEO, 0, { resume: true, sourcePath: "b.md" });
		controller.seek(SEED_VIDEO, 30, { sourcePath: "c.md" });
		expect([a.seeks, b.seeks]).toEqual([1, 0]);
	});

	it("'Open player' reveals a pinned player that holds the video without moving it", () => {
		const { controller, a, playerA, players } = twoPinned();
		playerA.time = 1234;
		playerA.events.playing(true);
		const revealed = a.revealed;
		controller.seek(SEED_VIDEO, 0, { resume: true, sourcePath: "a.md" });
		expect(playerA.seeks).toEqual([[0, false]]);
		expect(playerA.calls.filter((c) => c[0] === "pause")).toEqual([]);
		expect(players).toHaveLength(2);
		expect(a.revealed).toBe(revealed + 1);
		expect(controller.state).toMatchObject({ video: SEED_VIDEO, playing: true });
	});

	it("sends each note's seeks to its own player, never loading one note's video into the other's", () => {
		const { controller, a, b, playerA, playerB, players, host } = twoPinned();
		controller.seek(SEED_VIDEO, 100, { sourcePath: "a.md" });
		controller.seek(OTHER_VIDEO, 200, { sourcePath: "b.md" });
		controller.seek(SEED_VIDEO, 300, { sourcePath: "a.md" });
		expect(playerA.seeks.slice(1)).toEqual([
			[100, true],
			[300, true],
		]);
		expect(playerB.seeks.slice(1)).toEqual([[200, true]]);
		expect(players).toHaveLength(2);
		expect(host.opened).toBe(0);
		expect(a.last.video).toEqual(SEED_VIDEO);
		expect(b.last.video).toEqual(OTHER_VIDEO);
	});

	it("a seek from a note with no pinned player (or from nowhere) goes to the side view", async () => {
		const { controller, host, players } = twoPinned();
		controller.seek(SEED_VIDEO, 42, { sourcePath: "closed.md" });
		await flush();
		expect(host.opened).toBe(1);
		expect(players).toHaveLength(3);
		expect(players[2]?.container).not.toBeNull();
	});

	it("a note open twice: its seeks go to the pinned player that was active last", () => {
		const fx = controllerWithFakes();
		const first = new FakePinned("a.md");
		const second = new FakePinned("a.md");
		fx.controller.pin(first, SEED_VIDEO);
		fx.controller.pin(second, SEED_VIDEO);
		fx.controller.activate(first);
		fx.controller.seek(SEED_VIDEO, 10, { sourcePath: "a.md" });
		const p1 = playerIn(fx.players, first);
		p1.events.ready();
		fx.controller.activate(second);
		fx.controller.seek(SEED_VIDEO, 20, { sourcePath: "a.md" });
		const p2 = playerIn(fx.players, second);
		p2.events.ready();
		fx.controller.activate(first);
		fx.controller.seek(SEED_VIDEO, 30, { sourcePath: "a.md" });
		expect(p1.seeks).toEqual([
			[10, true],
			[30, true],
		]);
		expect(p2.seeks).toEqual([[20, true]]);
		expect(fx.players).toHaveLength(2);
	});

	it("the feed follows the player used last; starting one player pauses the other", () => {
		const { controller, playerA, playerB } = twoPinned();
		const seen: Readonly<PlaybackState>[] = [];
		controller.subscribe((s) => seen.push(s));
		controller.seek(SEED_VIDEO, 100, { sourcePath: "a.md" });
		playerA.events.playing(true);
		expect(controller.state).toMatchObject({ video: SEED_VIDEO, playing: true, seconds: 100 });
		// B started from its own controls: A is paused, and the feed is B's from now on.
		playerB.events.playing(true);
		expect(playerA.calls.at(-1)).toEqual(["pause"]);
		expect(controller.state).toMatchObject({ video: OTHER_VIDEO, playing: true });
		const count = seen.length;
		// A's pause and time are A's news, not the feed's.
		playerA.events.playing(false);
		playerA.events.time(101);
		expect(seen).toHaveLength(count);
		expect(controller.state).toMatchObject({ video: OTHER_VIDEO, playing: true });
	});

	it("polls only while a player plays, and each pinned bar gets its own time", async () => {
		vi.useFakeTimers();
		const intervals = Component.liveIntervals;
		const { controller, a, b, playerA } = twoPinned();
		controller.seek(SEED_VIDEO, 50, { sourcePath: "a.md" });
		playerA.events.playing(true);
		expect(Component.liveIntervals).toBe(intervals + 1);
		playerA.time = 51;
		vi.advanceTimersByTime(POLL_INTERVAL_MS);
		expect(a.states.at(-1)).toMatchObject({ seconds: 51, playing: true });
		expect(b.states.at(-1)).toMatchObject({ seconds: 0, playing: false });
		playerA.events.playing(false);
		expect(Component.liveIntervals).toBe(intervals);
	});

	it("controlsFor: a note's commands act on its pinned player; a note without one, on the player used last", () => {
		const { controller, playerA, playerB } = twoPinned();
		controller.controlsFor("b.md").togglePlay();
		expect(playerB.calls.at(-1)).toEqual(["play"]);
		expect(playerA.calls.filter((c) => c[0] === "play")).toEqual([]);
		playerB.time = 40;
		controller.controlsFor("scratch.md").seekBy(5);
		expect(playerB.seeks.at(-1)).toEqual([45, undefined]);
		expect(controller.controlsFor("a.md").state.video).toEqual(SEED_VIDEO);
		expect(controller.controlsFor("a.md").info.sourcePath).toBe("a.md");
	});

	it("reveal on a pinned player expands it instead of opening the side view", async () => {
		const { controller, a, host } = twoPinned();
		const revealed = a.revealed;
		await controller.controlsFor("a.md").reveal();
		expect(a.revealed).toBe(revealed + 1);
		expect(host.revealed).toBe(0);
	});

	it("another note in the same view: another video waits there, loading nothing; the same video keeps playing", () => {
		const { controller, a, playerA, players } = twoPinned();
		a.path = "c.md";
		controller.repin(a, SEED_VIDEO);
		expect(playerA.destroyed).toBe(false);
		expect(a.last.sourcePath).toBe("c.md");
		playerA.time = 77;
		a.path = "d.md";
		controller.repin(a, OTHER_VIDEO);
		expect(playerA.destroyed).toBe(true);
		expect(players).toHaveLength(2);
		expect(a.last).toMatchObject({ video: OTHER_VIDEO, sourcePath: "d.md", deferred: true, loading: false });
		expect(controller.positionOf(SEED_VIDEO)).toBe(77);
		// Back to the first video: it waits where it was left.
		a.path = "c.md";
		controller.repin(a, SEED_VIDEO);
		expect(players).toHaveLength(2);
		expect(a.states.at(-1)).toMatchObject({ video: SEED_VIDEO, seconds: 77 });
	});

	it("unpinning ends that note's player and, if it was used last, hands the feed back to the side view", () => {
		const { controller, a, playerA } = twoPinned();
		controller.seek(SEED_VIDEO, 100, { sourcePath: "a.md" });
		playerA.events.playing(true);
		controller.unpin(a);
		expect(playerA.destroyed).toBe(true);
		expect(controller.state).toMatchObject({ video: null, playing: false });
		expect(controller.hasPinned("a.md")).toBe(false);
		// Nothing more from the closed player reaches anyone.
		playerA.events.time(500);
		expect(controller.state.seconds).toBe(0);
	});

	it("moment(): the player used last, else the most recently active pinned player with a video", () => {
		const { controller, b, playerB } = twoPinned();
		// The side view was used last, and is gone (the placement moved to notes): it has nothing to hand over.
		controller.seek(SEED_VIDEO, 5, { sourcePath: "closed.md" });
		controller.closeSide();
		controller.activate(b);
		playerB.time = 33;
		expect(controller.moment()).toEqual({ video: OTHER_VIDEO, seconds: 33, playing: false, sourcePath: "b.md" });
		controller.seek(SEED_VIDEO, 90, { sourcePath: "a.md" });
		expect(controller.moment()).toMatchObject({ video: SEED_VIDEO, seconds: 90, sourcePath: "a.md" });
	});

	it("unloading ends every pinned player", () => {
		const { controller, playerA, playerB } = twoPinned();
		controller.unload();
		expect([playerA.destroyed, playerB.destroyed]).toEqual([true, true]);
	});
});
