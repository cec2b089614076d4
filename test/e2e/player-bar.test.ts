import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { CLIP_NOTE, describeInBrowser, screenshot, usePlayground } from "./harness/playground";

const PHONE = { width: 390, height: 844 };

/** The side player's <video>. */
function media(page: Page, root = ".vc-player-view"): Promise<{ time: number; paused: boolean; muted: boolean; rate: number }> {
	return page.evaluate((sel) => {
		const v = document.querySelector<HTMLVideoElement>(`${sel} video`);
		return { time: v && v.readyState >= 1 ? v.currentTime : -1, paused: v?.paused ?? true, muted: v?.muted ?? false, rate: v?.playbackRate ?? 0 };
	}, root);
}

/**
 * Issue 20: the player's bar (skip, speed in tenths with the current speed shown, loop, capture)
 * and its keys while the player has focus, on the demo clip.
 */
describeInBrowser("the player's bar", () => {
	const playground = usePlayground();

	it("keys while the player has focus: K/Space, J/L, comma/period, Shift+comma/period, M; the bar shows the speed", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading" });
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:30" }).click();
		await expect.poll(async () => (await media(page)).time, { timeout: 15_000 }).toBeGreaterThanOrEqual(30);
		await page.locator(".vc-player-view").focus();

		await page.keyboard.press("k");
		await expect.poll(async () => (await media(page)).paused).toBe(true);
		const at = (await media(page)).time;
		await page.keyboard.press("l");
		await expect.poll(async () => (await media(page)).time).toBeCloseTo(at + 5, 1);
		await page.keyboard.press("j");
		await page.keyboard.press("j");
		await expect.poll(async () => (await media(page)).time).toBeCloseTo(at - 5, 1);
		await page.keyboard.press(".");
		await expect.poll(async () => (await media(page)).time).toBeCloseTo(at - 5 + 1 / 30, 2);
		await page.keyboard.press(",");
		await page.keyboard.press(",");
		await expect.poll(async () => (await media(page)).time).toBeCloseTo(at - 5 - 1 / 30, 2);
		expect((await media(page)).paused).toBe(true);

		const speed = page.locator(".vc-player-view .vc-controls-speed");
		await expect.poll(() => speed.innerText()).toBe("1×");
		await page.keyboard.press("Shift+.");
		await expect.poll(async () => (await media(page)).rate).toBeCloseTo(1.1, 5);
		await expect.poll(() => speed.innerText()).toBe("1.1×");
		await page.keyboard.press("Shift+,");
		await page.keyboard.press("Shift+,");
		await expect.poll(() => speed.innerText()).toBe("0.9×");
		// The bar's buttons do the same.
		await page.locator(".vc-player-view .vc-controls-faster").click();
		await page.locator(".vc-player-view .vc-controls-faster").click();
		await page.locator(".vc-player-view .vc-controls-faster").click();
		await expect.poll(() => speed.innerText()).toBe("1.2×");
		expect((await media(page)).rate).toBeCloseTo(1.2, 5);
		await speed.click();
		await expect.poll(() => speed.innerText()).toBe("1×");

		await page.locator(".vc-player-view").focus();
		await page.keyboard.press("m");
		await expect.poll(async () => (await media(page)).muted).toBe(true);
		await page.keyboard.press("m");
		await expect.poll(async () => (await media(page)).muted).toBe(false);

		await page.keyboard.press("Space");
		await expect.poll(async () => (await media(page)).paused).toBe(false);
		// The bar's own play button says so once the player reported it.
		await expect.poll(() => page.locator(".vc-player-view .vc-controls-play").getAttribute("aria-label")).toBe("Pause");
		await page.keyboard.press("Space");
		await expect.poll(async () => (await media(page)).paused).toBe(true);

		for (const theme of ["light", "dark"] as const) {
			await page.evaluate((t) => (window as unknown as { playground: { setTheme(t: string): void } }).playground.setTheme(t), theme);
			await screenshot(page, `player-bar-side-${theme}`, ".vc-player-view");
		}
	});

	it("on a phone the pinned player's bar holds the controls under the name once played", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading", device: "phone", viewport: PHONE });
		const pinned = ".mod-root .vc-pinned-player";
		expect(await page.locator(`${pinned} .vc-controls`).isVisible()).toBe(false);
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:30" }).click();
		await expect.poll(async () => (await media(page, pinned)).time, { timeout: 15_000 }).toBeGreaterThanOrEqual(30);
		await expect.poll(() => page.locator(`${pinned} .vc-controls`).isVisible()).toBe(true);
		await page.locator(`${pinned} .vc-controls-faster`).click();
		await expect.poll(() => page.locator(`${pinned} .vc-controls-speed`).innerText()).toBe("1.1×");
		for (const theme of ["light", "dark"] as const) {
			await page.evaluate((t) => (window as unknown as { playground: { setTheme(t: string): void } }).playground.setTheme(t), theme);
			await screenshot(page, `player-bar-phone-${theme}`, pinned);
		}
		await page.locator(`${pinned} .vc-controls-capture`).click();
		await expect.poll(() => page.evaluate(() => [...((window as unknown as { playground: { app: { vault: { binaries: Map<string, ArrayBuffer> } } } }).playground.app.vault.binaries.keys())])).toEqual([
			expect.stringMatching(/^clip 00-00-3\d\.png$/),
		]);
	});
});
