import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { extractCitations } from "../../src/core";
import { targetEditorElement } from "./harness/editor";
import { CLIP_NOTE, DEMO_VAULT, describeInBrowser, runCommand, screenshot, usePlayground, type PlaygroundWindow } from "./harness/playground";

const CLIP_CITATIONS = extractCitations(readFileSync(join(DEMO_VAULT, CLIP_NOTE), "utf8"));

/** The player's <video>: its time once it has metadata (-1 before), whether it is paused, and whether it is the tagged one. */
function videoState(page: Page): Promise<{ time: number; paused: boolean; tagged: boolean; count: number }> {
	return page.evaluate(() => {
		const videos = Array.from(document.querySelectorAll<HTMLVideoElement>(".workspace video"));
		const v = videos[0];
		return { time: v && v.readyState >= 1 ? v.currentTime : -1, paused: v?.paused ?? true, tagged: v?.hasAttribute("data-e2e-first") ?? false, count: videos.length };
	});
}

/** Presses the Live Preview chip of the clip note's citation labelled `label`. */
async function pressChip(page: Page, label: string): Promise<void> {
	const citation = CLIP_CITATIONS.find((c) => c.label === label);
	if (!citation) throw new Error(`No citation ${label} in the clip note`);
	expect(await targetEditorElement(page, ".vc-chip", citation.from)).toBe(true);
	await page.locator("[data-e2e-target]").click();
}

/**
 * Clicking a timestamp in the demo clip's note plays the vault file in the plugin's player from
 * that moment: the real `<video>` reports the time (issue 8: the seek reaches real media). Then
 * the same player is driven by a second click, the playback commands and insert-timestamp.
 */
describeInBrowser("the demo clip's note", () => {
	const playground = usePlayground();

	it("seeks the player's real <video> to 46 s when [00:00:46] is clicked in reading view", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading", theme: "dark" });
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:46" }).click();
		const video = page.locator(".workspace video");
		await expect.poll(() => video.count(), { timeout: 15_000 }).toBe(1);
		const time = () => video.evaluate((v: HTMLVideoElement) => (v.readyState >= 1 ? v.currentTime : -1));
		await expect.poll(time, { timeout: 15_000 }).toBeGreaterThanOrEqual(46);
		// Playing on from 46 s, not from the start and not past the next citation.
		expect(await time()).toBeLessThan(52);
		expect(await video.evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(/\/vault\/media\/clip\.webm$/);
		await screenshot(page, "clip-playing-dark");
	});

	it("says the quote's [1:30] is past the sixty-second clip's end, and plays its last second", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading" });
		// What the note says of it: core reads it as 1:30, and nothing re-reads it once the clip's length is known.
		expect(CLIP_CITATIONS.at(-1)).toMatchObject({ label: "[1:30]", seconds: 90 });
		expect(extractCitations(readFileSync(join(DEMO_VAULT, CLIP_NOTE), "utf8"), { duration: 60 }).at(-1)).toMatchObject({ seconds: 90 });
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "1:30" }).click();
		await expect.poll(() => page.locator(".notice").allInnerTexts(), { timeout: 15_000 }).toContainEqual("1:30 is past the end of this video (1:00), so it plays from 0:59.");
		const time = () => page.locator(".workspace video").evaluate((v: HTMLVideoElement) => (v.readyState >= 1 ? v.currentTime : -1));
		await expect.poll(time, { timeout: 15_000 }).toBeGreaterThanOrEqual(58);
	});

	it("seeks in place, obeys play/pause and skip, and inserts the playing time as one undoable edit", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live" });
		await pressChip(page, "[00:00:46]");
		await expect.poll(async () => (await videoState(page)).time, { timeout: 15_000 }).toBeGreaterThanOrEqual(46);
		await page.locator(".workspace video").evaluate((v) => v.setAttribute("data-e2e-first", ""));

		// A second click on another time moves the same <video>, back to 10 s.
		await pressChip(page, "[00:00:10]");
		await expect.poll(async () => (await videoState(page)).time, { timeout: 10_000 }).toBeLessThan(13);
		let state = await videoState(page);
		expect(state).toMatchObject({ tagged: true, count: 1, paused: false });
		expect(state.time).toBeGreaterThanOrEqual(10);

		// Play or pause: pauses, and the time holds still.
		await runCommand(page, "Play or pause");
		await expect.poll(async () => (await videoState(page)).paused).toBe(true);
		const paused = (await videoState(page)).time;
		await page.waitForTimeout(400);
		expect((await videoState(page)).time).toBe(paused);

		// Skip forward and back move by the 5 s step.
		await runCommand(page, "Skip forward");
		await expect.poll(async () => (await videoState(page)).time).toBeCloseTo(paused + 5, 1);
		await runCommand(page, "Skip back");
		await runCommand(page, "Skip back");
		await expect.poll(async () => (await videoState(page)).time).toBeCloseTo(paused - 5, 1);

		// Play or pause again: it plays on from there.
		await runCommand(page, "Play or pause");
		await expect.poll(async () => (await videoState(page)).time, { timeout: 5_000 }).toBeGreaterThan(paused - 4.5);
		expect((await videoState(page)).paused).toBe(false);
		await runCommand(page, "Play or pause");
		await expect.poll(async () => (await videoState(page)).paused).toBe(true);
		state = await videoState(page);
		expect(state.tagged).toBe(true);

		// Insert timestamp at the cursor (the end of the note) writes the anchor for the playing time.
		const before = await page.evaluate(() => {
			const view = (window as unknown as PlaygroundWindow).playground.noteView()!.editorView!;
			view.focus();
			view.dispatch({ selection: { anchor: view.state.doc.length } });
			return view.state.doc.toString();
		});
		await runCommand(page, "Insert timestamp at cursor");
		const second = String(Math.floor(state.time)).padStart(2, "0");
		const anchor = `<a class="yt-timestamp" data-t="00:00:${second}">[00:00:${second}]</a>`;
		const doc = () => page.evaluate(() => (window as unknown as PlaygroundWindow).playground.noteView()!.editorView!.state.doc.toString());
		expect(await doc()).toBe(before + anchor);

		// One Ctrl+Z in the editor takes exactly that edit back.
		await page.locator(".markdown-source-view .cm-content").focus();
		await page.keyboard.press("Control+z");
		expect(await doc()).toBe(before);
	});
});
