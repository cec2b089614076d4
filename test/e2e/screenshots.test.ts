import { statSync } from "node:fs";
import { expect, it } from "vitest";
import type { NoteMode } from "../double/obsidian";
import { CLIP_NOTE, describeInBrowser, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";
import { shootThemes } from "./harness/shots";

const MODES: NoteMode[] = ["reading", "live", "source"];

/**
 * Light and dark screenshots for review, saved to test-results/screenshots/: the seed note in
 * each view mode (with the player and the citations panel beside it), the player view playing
 * the demo clip, and the settings tab. Other cases save the views they set up (the error panel,
 * the panel's scopes, the pinned player, the phone layout): see test/e2e/README.md.
 */
describeInBrowser("screenshots", () => {
	const playground = usePlayground();

	it("of the seed note in reading view, Live Preview and source mode, light and dark", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading" });
		for (const mode of MODES) {
			await page.evaluate((m) => (window as unknown as PlaygroundWindow).playground.setMode(m), mode);
			const paths = await shootThemes(page, `seed-${mode}`);
			for (const path of paths) expect(statSync(path).size, path).toBeGreaterThan(20_000);
			// The theme reaches the note: its text and background differ, and follow the theme.
			const look = await page.evaluate(() => {
				const note = document.querySelector(".mod-root .workspace-leaf-content") as HTMLElement;
				return { background: getComputedStyle(note).backgroundColor, text: getComputedStyle(note).color };
			});
			expect(look.background).not.toBe(look.text);
		}
	});

	it("of the player view playing the demo clip, and of the settings tab", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading" });
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:30" }).click();
		const video = page.locator(".vc-player-view video");
		await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.currentTime >= 30), { timeout: 15_000 }).toBe(true);
		// A still frame to look at: the counter reads 30.
		await page.evaluate(() => document.querySelector<HTMLVideoElement>(".vc-player-view video")?.pause());
		await shootThemes(page, "player-clip");
		await shootThemes(page, "player-view", ".mod-right-split > .workspace-tabs:has(.vc-player-view)");

		await page.getByRole("button", { name: "Settings" }).click();
		const dialog = page.getByRole("dialog", { name: "Settings" });
		expect(await dialog.getByText("Player placement").count()).toBe(1);
		await shootThemes(page, "settings");
	});
});
