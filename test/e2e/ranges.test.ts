import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, usePlayground } from "./harness/playground";

const NOTE = "Other plugins' timestamps.md";

/** The player's <video>: its time (-1 before metadata) and whether it is paused. */
function videoState(page: Page): Promise<{ time: number; paused: boolean }> {
	return page.evaluate(() => {
		const v = document.querySelector<HTMLVideoElement>(".workspace video");
		return { time: v && v.readyState >= 1 ? v.currentTime : -1, paused: v?.paused ?? true };
	});
}

/**
 * Issue 20: a cited range (`[[clip.webm#t=40,45]]` in the demo vault) plays from its start and
 * pauses at its end on the real clip; Alt-click plays it over and over.
 */
describeInBrowser("a cited range", () => {
	const playground = usePlayground();
	const rangeLink = (page: Page) => page.locator('.markdown-reading-view a[data-href="clip.webm#t=40,45"]');

	it("plays from its start and pauses at its end", async () => {
		const { page } = await playground.open({ note: NOTE, mode: "reading" });
		const links = rangeLink(page);
		await expect.poll(() => links.count(), { timeout: 10_000 }).toBeGreaterThan(0);
		await links.first().click();
		await expect.poll(async () => (await videoState(page)).time, { timeout: 15_000 }).toBeGreaterThanOrEqual(40);
		expect((await videoState(page)).time).toBeLessThan(45);
		// Plays on to 45 s, then stops there.
		await expect.poll(async () => (await videoState(page)).paused, { timeout: 12_000 }).toBe(true);
		const stopped = await videoState(page);
		expect(stopped.time).toBeCloseTo(45, 1);
		await page.waitForTimeout(600);
		expect((await videoState(page)).time).toBeCloseTo(45, 1);
		// The panel shows it as a range.
		await expect.poll(() => page.locator(".vc-panel-chip", { hasText: "0:40–0:45" }).count()).toBe(1);
	});

	it("Alt-click loops it until the player is moved elsewhere", async () => {
		const { page } = await playground.open({ note: NOTE, mode: "reading" });
		const links = rangeLink(page);
		await expect.poll(() => links.count(), { timeout: 10_000 }).toBeGreaterThan(0);
		await links.first().click({ modifiers: ["Alt"] });
		await expect.poll(async () => (await videoState(page)).time, { timeout: 15_000 }).toBeGreaterThanOrEqual(40);
		// Past the end it comes back to 40 and keeps playing.
		await expect.poll(async () => (await videoState(page)).time, { timeout: 6_000 }).toBeGreaterThan(44);
		await expect.poll(async () => (await videoState(page)).time, { timeout: 6_000 }).toBeLessThan(42);
		expect((await videoState(page)).paused).toBe(false);
		await expect.poll(async () => (await videoState(page)).time, { timeout: 6_000 }).toBeGreaterThan(44);
		await expect.poll(async () => (await videoState(page)).time, { timeout: 6_000 }).toBeLessThan(42);
		// The user moves the player elsewhere: no more loop.
		await page.evaluate(() => {
			const v = document.querySelector<HTMLVideoElement>(".workspace video")!;
			v.currentTime = 20;
		});
		await page.waitForTimeout(2_500);
		const later = await videoState(page);
		expect(later.paused).toBe(false);
		expect(later.time).toBeGreaterThan(21);
		expect(later.time).toBeLessThan(40);
	});
});
