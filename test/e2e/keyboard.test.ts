import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { fakeYouTube } from "./harness/fakeYouTube";
import { describeInBrowser, SEED_NOTE, usePlayground } from "./harness/playground";
import { playLabel, SEED_CITATIONS } from "./harness/seed";

/** Presses Tab until the focused element matches `selector` (at most `limit` times); returns how many presses it took. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<number> {
	for (let i = 1; i <= limit; i++) {
		await page.keyboard.press("Tab");
		if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return i;
	}
	throw new Error(`Tab never reached ${selector}`);
}

/** Opens the command palette with Ctrl+P, types `query` and runs the first match with Enter. */
async function command(page: Page, query: string): Promise<void> {
	await page.keyboard.press("Control+p");
	await page.keyboard.type(query);
	const first = page.locator(".playground-palette .suggestion-item.is-selected");
	expect(await first.count(), `a command matches "${query}"`).toBe(1);
	await page.keyboard.press("Enter");
	expect(await page.locator(".playground-palette").count()).toBe(0);
}

/**
 * The plugin without a mouse: Tab reaches the reading view's seek links and Enter plays one; the
 * command palette (Ctrl+P) runs the playback commands; in the citations panel the filter takes the
 * query, Down moves into the rows, arrows move between them and Enter plays one. The page counts
 * every mouse and pointer event: there must be none.
 */
describeInBrowser("keyboard-only use", () => {
	const playground = usePlayground();

	it("seeks from a reading-view link, runs commands and plays a panel row with the keyboard alone", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading" });
		await page.evaluate(() => {
			const w = window as unknown as { mouseEvents: string[] };
			w.mouseEvents = [];
			for (const type of ["mousedown", "mouseup", "click", "pointerdown", "pointerup", "mousemove", "pointermove", "contextmenu"]) {
				window.addEventListener(type, (e) => {
					// A keyboard "click" (Enter on a button or link) has no pointer position and detail 0.
					if (e.type === "click" && (e as MouseEvent).detail === 0) return;
					w.mouseEvents.push(e.type);
				}, true);
			}
		});
		const time = async () => (await fakeYouTube(page)).players[0]?.time ?? -1;

		// Tab into the note: the first seek link, labelled as a link to its moment.
		await tabTo(page, ".markdown-reading-view .yt-timestamp[role=link]");
		const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent, label: document.activeElement?.getAttribute("aria-label") }));
		expect(await focused()).toEqual({ text: SEED_CITATIONS[0]!.label, label: playLabel(SEED_CITATIONS[0]!) });
		await page.keyboard.press("Tab");
		await page.keyboard.press("Tab");
		expect((await focused()).label).toBe(playLabel(SEED_CITATIONS[2]!));
		await page.keyboard.press("Enter");
		const third = SEED_CITATIONS[2]!.seconds!;
		await expect.poll(time, { timeout: 15_000 }).toBeGreaterThanOrEqual(third);
		expect(await time()).toBeLessThan(third + 3);

		// The playback commands from the palette.
		await command(page, "play or pause");
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.state).toBe(2);
		const paused = await time();
		await command(page, "skip forward");
		await expect.poll(time).toBe(paused + 5);
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "focus returns to the link").toBe(playLabel(SEED_CITATIONS[2]!));

		// The panel: Tab to the filter, type, Down into the rows, Down once more, Enter plays that row.
		await tabTo(page, ".vc-panel-filter");
		await page.keyboard.type("ai");
		const rows = page.locator(".vc-panel .vc-panel-row");
		await expect.poll(() => rows.count()).toBeLessThan(20);
		await page.keyboard.press("ArrowDown");
		expect(await page.evaluate(() => document.activeElement?.classList.contains("vc-panel-list"))).toBe(true);
		await page.keyboard.press("ArrowDown");
		const second = rows.nth(1);
		expect(await second.getAttribute("aria-selected")).toBe("true");
		const chip = await second.locator(".vc-panel-chip").first().getAttribute("aria-label");
		const wanted = SEED_CITATIONS.find((c) => playLabel(c) === chip)!.seconds!;
		await page.keyboard.press("Enter");
		await expect.poll(async () => Math.floor(await time())).toBe(wanted);

		expect(await page.evaluate(() => (window as unknown as { mouseEvents: string[] }).mouseEvents)).toEqual([]);
	});
});
