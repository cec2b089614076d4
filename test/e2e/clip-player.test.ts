import { expect, it } from "vitest";
import { CLIP_NOTE, describeInBrowser, screenshot, usePlayground } from "./harness/playground";

/**
 * Clicking a timestamp in the demo clip's note plays the vault file in the plugin's player from
 * that moment: the real `<video>` reports the time (issue 8: the seek reaches real media).
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
});
