import { afterEach, describe, expect, it, vi } from "vitest";
import { Component } from "../double/obsidian";
import type { PlaybackState } from "../../src/player/types";
import { POLL_INTERVAL_MS } from "../../src/player/PlaybackController";
import { CLIP, controllerWithFakes, flush, OTHER_VIDEO, SEED_VIDEO } from "./fakes";

afterEach(() => {
	vi.useRealTimers();
});

/** A controller with SEED_VIDEO loaded and ready at `seconds`. */
async function loaded(seconds = 0, noteVideos = {}) {
	const fx = controllerWithFakes(noteVideos);
	fx.controller.seek(SEED_VIDEO, seconds, { sourcePath: "notes/seed.md" });
	await flush();
	fx.lastPlayer().events.ready();
	return fx;
}

describe("PlaybackController: seeking", () => {
	it("opens a player view when none is open, loads the video there and seeks once it is ready", async () => {
		const fx = controllerWithFakes();
		fx.controller.seek(SEED_VIDEO, 2811);
		expect(fx.host.opened).toBe(1);
		expect(fx.controller.state.video).toEqual(SEED_VIDEO);
		await flush();
		const player = fx.lastPlayer();
		expect(player.video).toEqual(SEED_VIDEO);
		expect(player.container).toBe(fx.lastSurface().playerEl);
		expect(player.seeks).toEqual([]);
		player.events.ready();
		expect(player.seeks).toEqual([[2811, true]]);
		expect(fx.controller.state.seconds).toBe(2811);
		expect(fx.lastSurface().last).toMatchObject({ loading: false, problem: null, video: SEED_VIDEO });
	});

	it("seeks in place when that video is loaded: no new player, no reload", async () => {
		const fx = await loaded(10);
		fx.controller.seek(SEED_VIDEO, 2811);
		fx.controller.seek({ kind: "youtube", id: "aXGo1o_baBo", start: 5 }, 100);
		expect(fx.players).toHaveLength(1);
		expect(fx.lastPlayer().destroyed).toBe(false);
		expect(fx.lastPlayer().seeks).toEqual([
			[10, true],
			[2811, true],
			[100, true],
		]);
		expect(fx.host.opened).toBe(1);
	});

	it("applies only the last of the seeks made before the player is ready", async () => {
		const fx = controllerWithFakes();
		fx.controller.seek(SEED_VIDEO, 10);
		fx.controller.seek(SEED_VIDEO, 20);
		await flush();
		fx.controller.seek(SEED_VIDEO, 30, { play: false });
		expect(fx.host.opened).toBe(1);
		expect(fx.players).toHaveLength(1);
		fx.lastPlayer().events.ready();
		expect(fx.lastPlayer().seeks).toEqual([[30, false]]);
	});

	it("loads another video in a new player, and remembers where the old one was", async () => {
		const fx = await loaded(500);
		const first = fx.lastPlayer();
		first.time = 512;
		fx.controller.seek(OTHER_VIDEO, 60);
		expect(first.destroyed).toBe(true);
		const second = fx.lastPlayer();
		expect(second).not.toBe(first);
		expect(second.video).toEqual(OTHER_VIDEO);
		second.events.ready();
		expect(second.seeks).toEqual([[60, true]]);
		expect(fx.controller.positionOf(SEED_VIDEO)).toBe(512);
		expect(fx.controller.positionOf(OTHER_VIDEO)).toBe(60);
		expect(fx.controller.positionOf(CLIP)).toBeNull();
	});

	it("with 'play after a click' off, moves without starting playback", async () => {
		const fx = controllerWithFakes();
		await fx.settings.set("playOnSeek", false);
		fx.controller.seek(SEED_VIDEO, 42);
		await flush();
		fx.lastPlayer().events.ready();
		fx.controller.seek(SEED_VIDEO, 50);
		// Fresh load: explicitly paused (a cued YouTube video would start on seek); in place: left as it is.
		expect(fx.lastPlayer().seeks).toEqual([
			[42, false],
			[50, undefined],
		]);
	});

	it("clamps a seek past the end once the duration is known, and says so", async () => {
		const fx = await loaded(0);
		fx.lastPlayer().length = 3000;
		fx.controller.seek(SEED_VIDEO, 4000);
		expect(fx.lastPlayer().seeks.at(-1)).toEqual([2999, true]);
		expect(fx.host.notices).toEqual(["1:06:40 is past the end of this video (50:00), so it plays from 49:59."]);
		expect(fx.controller.state.duration).toBe(3000);
	});

	it.each([NaN, -1, Infinity])("refuses %s seconds with a message and no seek", async (bad) => {
		const fx = await loaded(5);
		fx.controller.seek(SEED_VIDEO, bad);
		fx.controller.seek(OTHER_VIDEO, bad);
		expect(fx.players).toHaveLength(1);
		expect(fx.lastPlayer().seeks).toEqual([[5, true]]);
		expect(fx.host.notices).toEqual([expect.stringMatching(/no usable time/), expect.stringMatching(/no usable time/)]);
	});
});

describe("PlaybackController: the feed", () => {
	it("sends at least four time updates a second while playing, and none while paused", async () => {
		vi.useFakeTimers();
		const intervalsBefore = Component.liveIntervals;
		const fx = await loaded(100);
		const seen: PlaybackState[] = [];
		fx.controller.subscribe((s) => seen.push(s));
		const player = fx.lastPlayer();
		player.events.playing(true);
		seen.length = 0;
		for (let i = 1; i <= 4; i++) {
			player.time = 100 + i * 0.25;
			vi.advanceTimersByTime(POLL_INTERVAL_MS);
		}
		expect(seen.length).toBeGreaterThanOrEqual(4);
		expect(seen.map((s) => s.seconds)).toEqual([100.25, 100.5, 100.75, 101]);
		expect(seen.every((s) => s.playing && s.video === SEED_VIDEO)).toBe(true);
		player.events.playing(false);
		expect(Component.liveIntervals).toBe(intervalsBefore);
		seen.length = 0;
		vi.advanceTimersByTime(2000);
		expect(seen).toEqual([]);
	});

	it("gives every subscriber each change, survives a failing one, and stops after unsubscribe", async () => {
		const fx = await loaded(0);
		const a: number[] = [];
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});
		fx.controller.subscribe(() => {
			throw new Error("listener bug");
		});
		const off = fx.controller.subscribe((s) => a.push(s.seconds));
		fx.lastPlayer().events.time(12);
		off();
		fx.lastPlayer().events.time(13);
		expect(a).toEqual([12]);
		expect(errors).toHaveBeenCalled();
		expect(fx.controller.state.seconds).toBe(13);
	});

	it("reports rate changes and state as frozen snapshots", async () => {
		const fx = await loaded(0);
		const before = fx.controller.state;
		fx.lastPlayer().events.rate(1.5);
		expect(fx.controller.state.rate).toBe(1.5);
		expect(before.rate).toBe(1);
		expect(Object.isFrozen(fx.controller.state)).toBe(true);
	});
});

describe("PlaybackController: playback controls", () => {
	it.each([
		[5, 3],
		[0.1, 0.25],
		[1.3, 1.3],
		[1.34, 1.3],
		[1.25, 1.3],
		[0.7 + 0.1, 0.8],
	])("setRate(%s) asks the player for %s", async (asked, applied) => {
		const fx = await loaded(0);
		expect(fx.controller.setRate(asked)).toBe(applied);
		expect(fx.lastPlayer().calls.at(-1)).toEqual(["setRate", applied]);
	});

	it("never asks a player for more than it supports", async () => {
		const fx = await loaded(0);
		Object.assign(fx.lastPlayer(), { maxRate: 2 });
		expect(fx.controller.setRate(2.75)).toBe(2);
	});

	it.each([
		[100, 10, 110],
		[100, -10, 90],
		[3, -10, 0],
		[2995, 10, 3000],
	])("seekBy from %s by %s lands on %s", async (from, delta, to) => {
		const fx = await loaded(from);
		fx.lastPlayer().length = 3000;
		fx.controller.seekBy(delta);
		expect(fx.lastPlayer().seeks.at(-1)).toEqual([to, undefined]);
		expect(fx.controller.state.seconds).toBe(to);
	});

	it("toggles play and pause from the reported state", async () => {
		const fx = await loaded(0);
		fx.controller.togglePlay();
		fx.lastPlayer().events.playing(true);
		fx.controller.togglePlay();
		expect(fx.lastPlayer().calls.slice(-2)).toEqual([["play"], ["pause"]]);
	});
});

describe("PlaybackController: views", () => {
	it("closing the view mid-seek leaves a clean state, and the next seek opens a new view", async () => {
		const fx = controllerWithFakes();
		fx.controller.seek(SEED_VIDEO, 100);
		await flush();
		const first = fx.lastPlayer();
		fx.controller.detach(fx.lastSurface());
		expect(first.destroyed).toBe(true);
		expect(fx.controller.state).toMatchObject({ video: null, playing: false, seconds: 0 });
		expect(fx.controller.hasVideo).toBe(false);
		first.events.ready();
		expect(first.seeks).toEqual([]);
		fx.controller.seek(SEED_VIDEO, 200);
		expect(fx.host.opened).toBe(2);
		await flush();
		fx.lastPlayer().events.ready();
		expect(fx.lastPlayer().seeks).toEqual([[200, true]]);
	});

	it("starts clean when the view never opens, and says so", async () => {
		const fx = controllerWithFakes();
		fx.host.attachOnOpen = false;
		fx.controller.seek(SEED_VIDEO, 100);
		await flush();
		expect(fx.controller.state.video).toBeNull();
		expect(fx.host.notices).toEqual(["The player could not be opened."]);
		expect(fx.players.map((p) => p.calls)).toEqual([[["destroy"]]]);
		fx.host.attachOnOpen = true;
		fx.controller.seek(SEED_VIDEO, 100);
		await flush();
		expect(fx.host.opened).toBe(2);
		expect(fx.lastPlayer().calls).toEqual([["load"]]);
	});

	it("restores the position and playing after the player's page reloads (a move to a pop-out)", async () => {
		const fx = await loaded(300);
		const first = fx.lastPlayer();
		first.events.playing(true);
		first.time = 0;
		first.events.reloaded();
		expect(first.destroyed).toBe(true);
		const second = fx.lastPlayer();
		expect(second).not.toBe(first);
		expect(second.container).toBe(fx.lastSurface().playerEl);
		second.events.ready();
		expect(second.seeks).toEqual([[300, true]]);
	});

	it("hands the player to a newer view and back to the older one when the newer closes", async () => {
		const fx = await loaded(40);
		const older = fx.lastSurface();
		await fx.host.openPlayerView();
		const newer = fx.lastSurface();
		expect(fx.lastPlayer().container).toBe(newer.playerEl);
		expect(older.last.video).toBeNull();
		fx.lastPlayer().events.ready();
		fx.controller.detach(newer);
		expect(fx.lastPlayer().container).toBe(older.playerEl);
		fx.lastPlayer().events.ready();
		expect(fx.lastPlayer().seeks).toEqual([[40, false]]);
	});

	it("unloading destroys the player and stops polling", async () => {
		const intervals = Component.liveIntervals;
		const fx = await loaded(0);
		fx.lastPlayer().events.playing(true);
		expect(Component.liveIntervals).toBe(intervals + 1);
		fx.controller.unload();
		expect(fx.lastPlayer().destroyed).toBe(true);
		expect(Component.liveIntervals).toBe(intervals);
		fx.controller.seek(SEED_VIDEO, 5);
		expect(fx.players).toHaveLength(1);
	});
});

describe("PlaybackController: errors", () => {
	it("offers 'Open in YouTube' at the wanted moment when embedding is forbidden", async () => {
		const fx = controllerWithFakes();
		fx.controller.seek(SEED_VIDEO, 2811.6);
		await flush();
		fx.lastPlayer().events.error({ kind: "embed-blocked", message: "The owner of this video does not allow it." });
		const problem = fx.lastSurface().last.problem;
		expect(problem?.message).toBe("The owner of this video does not allow it.");
		expect(problem?.actions.map((a) => a.label)).toEqual(["Open in YouTube at 46:51"]);
		problem?.actions[0]?.run();
		expect(fx.host.external).toEqual(["https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s"]);
		expect(fx.lastSurface().last.loading).toBe(false);
	});

	it("retries a failed load at the wanted moment", async () => {
		const fx = controllerWithFakes();
		fx.controller.seek(SEED_VIDEO, 75);
		await flush();
		const failed = fx.lastPlayer();
		failed.events.error({ kind: "network", message: "Offline." });
		const retry = fx.lastSurface().last.problem?.actions.find((a) => a.label === "Retry");
		expect(retry).toBeDefined();
		retry?.run();
		expect(failed.destroyed).toBe(true);
		expect(fx.lastSurface().last).toMatchObject({ problem: null, loading: true });
		fx.lastPlayer().events.ready();
		expect(fx.lastPlayer().seeks).toEqual([[75, true]]);
	});

	it("a new seek to a failed video tries again", async () => {
		const fx = controllerWithFakes();
		fx.controller.seek(SEED_VIDEO, 75);
		await flush();
		fx.lastPlayer().events.error({ kind: "network", message: "Offline." });
		fx.controller.seek(SEED_VIDEO, 80);
		expect(fx.players).toHaveLength(2);
	});
});

describe("PlaybackController: following the active note", () => {
	const notes = { "a.md": SEED_VIDEO, "b.md": OTHER_VIDEO, "c.md": SEED_VIDEO };

	it("'switch' shows the note's video behind a poster (nothing loads without a click), keeping the old one's position for coming back", async () => {
		const fx = await loaded(0, notes);
		const players = fx.players.length;
		fx.lastPlayer().time = 321;
		fx.controller.followNote("b.md");
		// The old player ends and no new one is created: the network is not touched.
		expect(fx.players).toHaveLength(players);
		expect(fx.lastSurface().last).toMatchObject({ video: OTHER_VIDEO, deferred: true, sourcePath: "b.md", loading: false });
		fx.controller.playDeferred();
		const other = fx.lastPlayer();
		expect(other.video).toEqual(OTHER_VIDEO);
		other.events.ready();
		expect(other.seeks).toEqual([[0, true]]);
		fx.controller.followNote("a.md");
		expect(fx.lastSurface().last).toMatchObject({ deferred: true, sourcePath: "a.md" });
		fx.controller.playDeferred();
		fx.lastPlayer().events.ready();
		expect(fx.lastPlayer().seeks).toEqual([[321, true]]);
	});

	it("'ask' shows a prompt whose button switches", async () => {
		const fx = await loaded(0, notes);
		await fx.settings.set("followActiveNote", "ask");
		fx.controller.followNote("b.md");
		expect(fx.players).toHaveLength(1);
		const offer = fx.lastSurface().last.offer;
		expect(offer?.message).toBe('"b" cites another video.');
		expect(offer?.actions.map((a) => a.label)).toEqual(["Switch to this note's video"]);
		offer?.actions[0]?.run();
		expect(fx.lastPlayer().video).toEqual(OTHER_VIDEO);
		expect(fx.lastSurface().last.offer).toBeNull();
	});

	it("'ask' drops the prompt when the note with the playing video is back", async () => {
		const fx = await loaded(0, notes);
		await fx.settings.set("followActiveNote", "ask");
		fx.controller.followNote("b.md");
		fx.controller.followNote("c.md");
		expect(fx.lastSurface().last).toMatchObject({ offer: null, sourcePath: "c.md" });
	});

	it("'off' leaves the player alone", async () => {
		const fx = await loaded(0, notes);
		await fx.settings.set("followActiveNote", "off");
		fx.controller.followNote("b.md");
		expect(fx.players).toHaveLength(1);
		expect(fx.lastSurface().last.offer).toBeNull();
	});

	it("a note with the same video only changes the note named in the player", async () => {
		const fx = await loaded(0, notes);
		fx.controller.followNote("c.md");
		expect(fx.players).toHaveLength(1);
		expect(fx.lastSurface().last.sourcePath).toBe("c.md");
	});

	it("does nothing without a player view, or for a note without a video", async () => {
		const fx = controllerWithFakes(notes);
		fx.controller.followNote("b.md");
		expect(fx.host.opened).toBe(0);
		const fx2 = await loaded(0, notes);
		fx2.controller.followNote("nothing.md");
		fx2.controller.followNote(null);
		expect(fx2.players).toHaveLength(1);
	});
});
