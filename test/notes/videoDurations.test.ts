import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VideoRef } from "../../src/core";
import { DURATIONS_KEY, MAX_REMEMBERED, readingOptions, SAVE_DELAY_MS, VideoDurations } from "../../src/notes/videoDurations";
import { PluginData } from "../../src/settings/pluginData";
import { SettingsStore } from "../../src/settings/store";
import { DEFAULT_SETTINGS } from "../../src/settings/settings";
import { memoryDurations } from "../helpers/durations";
import { settle } from "../helpers/plugin";

const A: VideoRef = { kind: "youtube", id: "aXGo1o_baBo" };
const B: VideoRef = { kind: "youtube", id: "hEzpiDuYFoE" };
const CLIP: VideoRef = { kind: "file", path: "media/clip.webm" };

/** A plugin data file in memory, counting its writes. */
function memoryFile(saved: unknown = null) {
	const file = {
		saved,
		writes: 0,
		load: async () => structuredClone(file.saved),
		save: async (data: unknown) => {
			file.saved = structuredClone(data);
			file.writes++;
		},
	};
	return file;
}

describe("VideoDurations: the length of every video a player reported", () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it("remembers a reported length by video, rounded to a tenth of a second, and tells listeners which video", async () => {
		const { durations } = memoryDurations();
		await durations.load();
		const heard: string[] = [];
		durations.onChange((key) => heard.push(key));
		expect(durations.get(A)).toBeUndefined();
		durations.record(A, 2400.061);
		durations.record(CLIP, 60.04);
		expect(durations.get(A)).toBe(2400.1);
		expect(durations.get({ kind: "youtube", id: "aXGo1o_baBo" })).toBe(2400.1);
		expect(durations.get(CLIP)).toBe(60);
		expect(durations.get(B)).toBeUndefined();
		expect(heard).toEqual(["youtube:aXGo1o_baBo", "file:media/clip.webm"]);
	});

	it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -5, 0.01, 8 * 24 * 3600])("ignores %s: not a video's length", async (seconds) => {
		const { durations, store } = memoryDurations();
		await durations.load();
		const listener = vi.fn();
		durations.onChange(listener);
		durations.record(A, seconds);
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
		expect(durations.get(A)).toBeUndefined();
		expect(listener).not.toHaveBeenCalled();
		expect(store.saves).toBe(0);
	});

	it("takes a length within a second of the one it knows as the same (no change, no save); a real change is told and saved", async () => {
		const { durations, store } = memoryDurations();
		await durations.load();
		const listener = vi.fn();
		durations.onChange(listener);
		durations.record(A, 2400);
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
		expect(store.saves).toBe(1);
		// Polled four times a second while playing, refined by a fraction as the video loads.
		for (let i = 0; i < 20; i++) durations.record(A, 2400 + (i % 3) * 0.3);
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
		expect(listener).toHaveBeenCalledTimes(1);
		expect(store.saves).toBe(1);
		expect(durations.get(A)).toBe(2400);
		durations.record(A, 2460);
		expect(listener).toHaveBeenCalledTimes(2);
		expect(durations.get(A)).toBe(2460);
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
		expect(store.saves).toBe(2);
		expect(store.saved).toEqual({ "youtube:aXGo1o_baBo": 2460 });
	});

	it("saves once, a moment after the last new length, and never when nothing changed", async () => {
		const { durations, store } = memoryDurations({ "youtube:aXGo1o_baBo": 2400 });
		await durations.load();
		// Loading writes nothing; the same length again changes nothing.
		durations.record(A, 2400);
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 3);
		expect(store.saves).toBe(0);
		durations.record(B, 100);
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
		durations.record(CLIP, 60);
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
		expect(store.saves, "each new length waits for the next").toBe(0);
		await vi.advanceTimersByTimeAsync(200);
		expect(store.saves).toBe(1);
		expect(store.saved).toEqual({ "youtube:aXGo1o_baBo": 2400, "youtube:hEzpiDuYFoE": 100, "file:media/clip.webm": 60 });
	});

	it("saves a pending change at once when flushed (the plugin unloads), and nothing when none is pending", async () => {
		const { durations, store } = memoryDurations();
		await durations.load();
		durations.flush();
		await vi.advanceTimersByTimeAsync(0);
		expect(store.saves).toBe(0);
		durations.record(A, 2400);
		durations.flush();
		await vi.advanceTimersByTimeAsync(0);
		expect(store.saves).toBe(1);
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
		expect(store.saves).toBe(1);
	});

	it("reloads what it saved, skipping unusable entries; lengths reported before the load finished win", async () => {
		const first = memoryDurations();
		await first.durations.load();
		first.durations.record(A, 2400);
		first.durations.record(CLIP, 60.5);
		first.durations.flush();
		await vi.advanceTimersByTimeAsync(0);

		const saved = { ...(first.store.saved as Record<string, unknown>), "youtube:bad": "long", "youtube:nan": null, "youtube:zero": 0, "": 5, "youtube:hEzpiDuYFoE": 100 };
		const second = memoryDurations(saved);
		second.durations.record(B, 300);
		await second.durations.load();
		expect(second.durations.get(A)).toBe(2400);
		expect(second.durations.get(CLIP)).toBe(60.5);
		expect(second.durations.get(B)).toBe(300);
		expect(second.durations.get({ kind: "youtube", id: "zero" })).toBeUndefined();
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
		expect(second.store.saved).toEqual({ "youtube:aXGo1o_baBo": 2400, "file:media/clip.webm": 60.5, "youtube:hEzpiDuYFoE": 300 });
	});

	it.each([null, "text", [1, 2], 42])("starts empty from saved data %j that is not a map of lengths", async (saved) => {
		const { durations } = memoryDurations(saved);
		await durations.load();
		expect(durations.get(A)).toBeUndefined();
	});

	it("keeps only the most recently reported lengths once full, oldest out first (reloaded the same way)", async () => {
		const { durations, store } = memoryDurations(undefined, 3);
		await durations.load();
		const video = (n: number): VideoRef => ({ kind: "file", path: `v${n}.mp4` });
		for (let n = 1; n <= 3; n++) durations.record(video(n), n * 10);
		// Reported again: the most recent now, so the next one pushes v2 out, not v1.
		durations.record(video(1), 10);
		durations.record(video(4), 40);
		expect([1, 2, 3, 4].map((n) => durations.get(video(n)))).toEqual([10, undefined, 30, 40]);
		durations.flush();
		await vi.advanceTimersByTimeAsync(0);
		expect(Object.keys(store.saved as object)).toEqual(["file:v3.mp4", "file:v1.mp4", "file:v4.mp4"]);

		const saved = Object.fromEntries(Array.from({ length: 10 }, (_, n) => [`file:v${n}.mp4`, n + 1]));
		const reloaded = memoryDurations(saved, 3);
		await reloaded.durations.load();
		expect([6, 7, 8, 9].map((n) => reloaded.durations.get(video(n)))).toEqual([undefined, 8, 9, 10]);
		expect(MAX_REMEMBERED).toBe(2000);
	});

	it("never writes when the data file could not be read (it would lose what the file holds)", async () => {
		const save = vi.fn(async () => {});
		const durations = new VideoDurations({ load: () => Promise.reject(new Error("bad json")), save });
		await durations.load();
		durations.record(A, 2400);
		expect(durations.get(A)).toBe(2400);
		durations.flush();
		await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
		expect(save).not.toHaveBeenCalled();
	});

	it("stops telling a listener once unsubscribed, and one listener that throws does not stop the others", async () => {
		const { durations } = memoryDurations();
		await durations.load();
		const errors = vi.spyOn(console, "error").mockImplementation(() => {});
		const later = vi.fn();
		const off = durations.onChange(() => {
			throw new Error("boom");
		});
		durations.onChange(later);
		durations.record(A, 100);
		// The listener learns the key and the length known before (none yet).
		expect(later).toHaveBeenCalledWith("youtube:aXGo1o_baBo", undefined);
		expect(errors).toHaveBeenCalledTimes(1);
		off();
		durations.record(A, 200);
		expect(errors).toHaveBeenCalledTimes(1);
		expect(later).toHaveBeenCalledTimes(2);
		expect(later).toHaveBeenLastCalledWith("youtube:aXGo1o_baBo", 100);
	});

	it("readingOptions passes the length of a note's own video to extraction once known, and nothing otherwise", async () => {
		const { durations } = memoryDurations();
		await durations.load();
		durations.record(A, 2400);
		expect(readingOptions(durations, A)).toEqual({ duration: 2400 });
		expect(readingOptions(durations, B)).toEqual({});
		expect(readingOptions(durations, null)).toEqual({});
		expect(readingOptions(undefined, A)).toEqual({});
	});
});

describe("PluginData: settings and the videos' lengths in one data file", () => {
	it("reads settings saved at the top level by earlier versions, and keeps both parts when either saves", async () => {
		const file = memoryFile({ seekStepSeconds: 15, privacyMode: true });
		const data = new PluginData(file);
		const settings = new SettingsStore(data.settings);
		const durations = new VideoDurations(data.section(DURATIONS_KEY), MAX_REMEMBERED, 0);
		expect(await settings.load()).toEqual([]);
		await durations.load();
		expect(settings.current).toMatchObject({ seekStepSeconds: 15, privacyMode: true });
		expect(file.writes, "loading writes nothing").toBe(0);

		durations.record(A, 2400);
		durations.flush();
		await settle();
		expect(file.saved).toEqual({ seekStepSeconds: 15, privacyMode: true, videoDurations: { "youtube:aXGo1o_baBo": 2400 } });

		await settings.set("seekStepSeconds", 10);
		expect(file.saved).toEqual({ ...DEFAULT_SETTINGS, privacyMode: true, seekStepSeconds: 10, videoDurations: { "youtube:aXGo1o_baBo": 2400 } });

		// The next start reads both back.
		const again = new PluginData(file);
		const settings2 = new SettingsStore(again.settings);
		const durations2 = new VideoDurations(again.section(DURATIONS_KEY));
		await settings2.load();
		await durations2.load();
		expect(settings2.current.seekStepSeconds).toBe(10);
		expect(durations2.get(A)).toBe(2400);
		expect(file.writes).toBe(2);
	});

	it("reads the file once, and writes saves one after another, each over the last", async () => {
		const file = memoryFile({ seekStepSeconds: 15 });
		const load = vi.spyOn(file, "load");
		const data = new PluginData(file);
		await Promise.all([data.load(), data.section("a").load(), data.settings.load()]);
		expect(load).toHaveBeenCalledTimes(1);
		await Promise.all([data.save({ a: 1 }), data.section("b").save({ x: 2 }), data.save({ a: 3 })]);
		expect(file.saved).toEqual({ seekStepSeconds: 15, a: 3, b: { x: 2 } });
	});

	it("a save before the first read keeps what the file holds; a file that is not an object is replaced", async () => {
		const file = memoryFile({ seekStepSeconds: 15 });
		await new PluginData(file).section(DURATIONS_KEY).save({ "file:a.mp4": 3 });
		expect(file.saved).toEqual({ seekStepSeconds: 15, videoDurations: { "file:a.mp4": 3 } });
		const odd = memoryFile("not an object");
		await new PluginData(odd).save({ a: 1 });
		expect(odd.saved).toEqual({ a: 1 });
	});
});
