import { afterEach, describe, expect, it, vi } from "vitest";
import { Component } from "../double/obsidian";
import type { PlaybackState } from "../../src/player/types";
import { POLL_INTERVAL_MS } from "../../src/player/PlaybackController";
import type { PinnedSurface } from "../../src/player/surface";
import { controllerWithFakes, FakeSurface, flush, OTHER_VIDEO, SEED_VIDEO, type FakeMediaPlayer } from "../player/fakes";

/** A pinned player as the controller sees it: a surface on a note, which can be revealed. */
class FakePinned extends FakeSurface implements PinnedSurface {
	states: Readonly<PlaybackState>[] = [];
	revealed = 0;
	constructor(public path: string | null) {
		super();
	}
	notePath(): string | null {
		return this.path;
	}
	reveal(): void {
		this.revealed++;
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

/** A controller with a pinned player on a.md (seed video) and one on b.md (other video), both ready. */
function twoPinned() {
	const fx = controllerWithFakes({ "a.md": SEED_VIDEO, "b.md": OTHER_VIDEO });
	const a = new FakePinned("a.md");
	const b = new FakePinned("b.md");
	fx.controller.pin(a, SEED_VIDEO);
	fx.controller.pin(b, OTHER_VIDEO);
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
	it("loads a pinned note's video at once, paused, where it was left this session", async () => {
		const fx = controllerWithFakes();
		fx.controller.seek(SEED_VIDEO, 0);
		await flush();
		fx.lastPlayer().events.ready();
		fx.lastPlayer().time = 321;
		fx.controller.detach(fx.lastSurface());
		const a = new FakePinned("a.md");
		fx.controller.pin(a, SEED_VIDEO);
		const player = playerIn(fx.players, a);
		player.events.ready();
		expect(player.seeks).toEqual([[321, false]]);
		expect(a.last).toMatchObject({ video: SEED_VIDEO, sourcePath: "a.md", loading: false });
		expect(fx.host.opened).toBe(1);
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
		const [p1, p2] = [playerIn(fx.players, first), playerIn(fx.players, second)];
		p1.events.ready();
		p2.events.ready();
		fx.controller.activate(first);
		fx.controller.seek(SEED_VIDEO, 10, { sourcePath: "a.md" });
		fx.controller.activate(second);
		fx.controller.seek(SEED_VIDEO, 20, { sourcePath: "a.md" });
		expect(p1.seeks.slice(1)).toEqual([[10, true]]);
		expect(p2.seeks.slice(1)).toEqual([[20, true]]);
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
		await controller.controlsFor("a.md").reveal();
		expect(a.revealed).toBe(1);
		expect(host.revealed).toBe(0);
	});

	it("another note in the same view: another video loads there; the same video keeps playing", () => {
		const { controller, a, playerA, players } = twoPinned();
		a.path = "c.md";
		controller.repin(a, SEED_VIDEO);
		expect(playerA.destroyed).toBe(false);
		expect(a.last.sourcePath).toBe("c.md");
		playerA.time = 77;
		a.path = "d.md";
		controller.repin(a, OTHER_VIDEO);
		expect(playerA.destroyed).toBe(true);
		expect(players.at(-1)?.video).toEqual(OTHER_VIDEO);
		expect(controller.positionOf(SEED_VIDEO)).toBe(77);
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
