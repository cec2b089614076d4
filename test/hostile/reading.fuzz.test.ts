/**
 * Fuzzing the reading-view post-processor (issue 10) beyond test/reading/fuzz.test.ts: windows of
 * real corpus notes broken the ways notes break (test/hostile/mutations.ts), and notes assembled
 * from hostile fragments, rendered through the double's reading view (marked, DOMPurify, sections
 * with source info), then every link clicked, pressed with Enter and Mod-clicked. Errors the double
 * would swallow (it logs a throwing post-processor) fail the case.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { extractCitations, formatTimestamp, MAX_SECONDS, videoKey, type VideoRef } from "../../src/core";
import { Notice } from "../double/obsidian";
import { click, press, setUpReading, type Reading } from "../reading/harness";
import { corpusWindow, mutate, mutationStep } from "./mutations";

const runs: Record<string, number> = {};
afterAll(() => {
	process.stdout.write(`[hostile] reading fuzz cases: ${Object.entries(runs).map(([k, v]) => `${k} ${v}`).join(", ")}\n`);
});

/** Hostile and broken fragments, beside the real ones. */
const fragment = fc.oneof(
	fc.constantFrom(
		'<a class="yt-timestamp" data-t="00:46:51">[00:46:51]</a>',
		'<a class="yt-timestamp" data-t="00:46:51" data-v="hEzpiDuYFoE">[00:46:51]</a>',
		'<a class="yt-timestamp" data-t="',
		'<a class="yt-timestamp" data-t="00:12:34]">',
		'<a class="yt-timestamp" data-00:04:37>[00:04:37]</a>',
		'<span class="yt-timestamp" data-t="1:02:03">',
		'<a class="yt-timestamp" data-t=""><img src=x onerror=alert(1)>">[1]</a>',
		'<a class="yt-timestamp" data-t="1" data-v="javascript:alert(1)">[1]</a>',
		'<a class="yt-timestamp" data-t="2" data-v="x<y">[2]</a>',
		'<a class="yt-timestamp" href="javascript:alert(1)" data-t="3">[3]</a>',
		'<a class="yt-timestamp" data-t="99999999:00:00">[huge]</a>',
		'<a class="yt-timestamp" data-t="-5">[neg]</a>',
		"<script>alert(1)</script>",
		"[x](javascript:alert(1))",
		"[t](https://youtu.be/aXGo1o_baBo?t=90)",
		"[t](https://www.youtube.com/watch?v=aXGo1o_baBo&t=NaN)",
		"</a>",
		"\n\n",
		"\n- ",
		"\n> ",
		"\n```\n",
		"<!--",
		"-->",
		"\r\n",
		"\u0000",
		"\ud83c",
		"\ufeff",
		"\u202e",
		" ",
	),
	fc.string({ maxLength: 10 }),
	fc.string({ maxLength: 10 }).map((t) => `<a class="yt-timestamp" data-t="${t}">${t}</a>`),
);

/** Renders `md`, activates every link, and checks what each did. Returns the plays. */
async function renderAndClick(md: string): Promise<{ reading: Reading; plays: string[]; path: string }> {
	const errors = vi.spyOn(console, "error");
	const reading = setUpReading();
	const path = "fuzz.md";
	const root = await reading.render(md, path);
	const plays: string[] = [];
	const elements = Array.from(root.querySelectorAll<HTMLElement>(".yt-timestamp"));
	for (const el of elements) {
		expect(el.getAttribute("role"), "every rendered yt-timestamp is a link").toBe("link");
		el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		const label = el.getAttribute("aria-label") ?? "";
		const before = reading.playback.seeks.length;
		const notices = Notice.shown.length;
		expect(click(el)).toBe(true);
		const seek = reading.playback.seeks[before];
		if (el.hasClass("is-invalid") || el.hasClass("is-novideo")) {
			expect(reading.playback.seeks.length, `${label}: never a seek for a link that cannot play`).toBe(before);
			expect(Notice.shown.length).toBe(notices + 1);
			continue;
		}
		expect(seek, `${label}: a playable link seeks`).toBeDefined();
		const seconds = seek?.seconds ?? Number.NaN;
		expect(Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_SECONDS, `seek to ${seconds}`).toBe(true);
		expect(label.startsWith(`Play from ${formatTimestamp(seconds, { style: "m:ss" })}`), `${label} names the time it plays (${seconds})`).toBe(true);
		plays.push(`${videoKey(seek?.video as VideoRef)}@${seconds}`);
		// Enter plays the same; Mod-click opens that moment on youtube.com and does not seek.
		press(el, "Enter");
		expect(reading.playback.seeks[before + 1]).toEqual(seek);
		const opened = reading.openExternal.mock.calls.length;
		click(el, { ctrlKey: true });
		for (const [url] of reading.openExternal.mock.calls.slice(opened)) expect(url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}(&t=\d+s)?$/);
	}
	for (const a of Array.from(root.querySelectorAll<HTMLElement>("a:not(.yt-timestamp)"))) click(a);
	for (const s of reading.playback.seeks) expect(Number.isFinite(s.seconds) && s.seconds >= 0).toBe(true);
	for (const el of Array.from(root.querySelectorAll("*"))) expect(el.getAttributeNames().filter((n) => n.toLowerCase().startsWith("on"))).toEqual([]);
	expect(errors.mock.calls, "nothing logged an error (the double logs a throwing post-processor)").toEqual([]);
	errors.mockRestore();
	return { reading, plays, path };
}

/** The moments core gives the note's citations (with the note's video, or an element's own). */
function corePlays(md: string, noteVideo: VideoRef | null): Set<string> {
	const out = new Set<string>();
	for (const c of extractCitations(md)) {
		if (c.seconds === null) continue;
		const video: VideoRef | null = c.video ?? noteVideo;
		if (video) out.add(`${videoKey(video)}@${c.seconds}`);
	}
	return out;
}

const brokenWindow = fc.tuple(corpusWindow(30), fc.array(mutationStep, { maxLength: 4 })).map(([text, steps]) => mutate(text, steps));
const assembled = fc.array(fragment, { maxLength: 30 }).map((parts) => `---\nvideoId: aXGo1o_baBo\n---\n${parts.join("")}\n`);

describe("the reading view on broken and hostile notes", () => {
	it("windows of corpus notes, broken: every link seeks a sound moment that it names, or says why it cannot", async () => {
		await fc.assert(
			fc.asyncProperty(brokenWindow, async (md) => {
				const { reading } = await renderAndClick(md);
				reading.plugin.unload();
			}),
			{ numRuns: 250 },
		);
		runs["corpus windows"] = 250;
	}, 300_000);

	it("notes assembled from hostile fragments: the same", async () => {
		await fc.assert(
			fc.asyncProperty(assembled, async (md) => {
				const { reading } = await renderAndClick(md);
				reading.plugin.unload();
			}),
			{ numRuns: 250 },
		);
		runs["hostile fragments"] = 250;
	}, 300_000);

	it("a link plays only a moment core reads in the note's source (the editor and the panel play the same)", async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(brokenWindow, assembled), async (md) => {
				const { reading, plays, path } = await renderAndClick(md);
				const known = corePlays(md, reading.services.notes.videoFor(path));
				expect(plays.filter((p) => !known.has(p))).toEqual([]);
				reading.plugin.unload();
			}),
			{ numRuns: 300 },
		);
		runs["agrees with core"] = 300;
	}, 300_000);
});
