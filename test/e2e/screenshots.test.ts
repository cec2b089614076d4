import { statSync } from "node:fs";
import { expect, it } from "vitest";
import type { NoteMode } from "../double/obsidian";
import { describeInBrowser, screenshot, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";

const MODES: NoteMode[] = ["reading", "live", "source"];

/**
 * Light and dark screenshots of the seed note in each view mode, with the player and the
 * citations panel beside it, saved to test-results/screenshots/ for a person to look at.
 */
describeInBrowser("screenshots of the seed note", () => {
	const playground = usePlayground();

	it.each(["light", "dark"] as const)("%s theme, in reading view, Live Preview and source mode", async (theme) => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading", theme });
		for (const mode of MODES) {
			await page.evaluate(async (m) => {
				(window as unknown as PlaygroundWindow).playground.setMode(m);
				await document.fonts.ready;
				await new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)));
			}, mode);
			const look = await page.evaluate(() => {
				const note = document.querySelector(".mod-root .workspace-leaf-content") as HTMLElement;
				return {
					themeClass: document.body.classList.contains(`theme-dark`) ? "dark" : "light",
					background: getComputedStyle(note).backgroundColor,
					text: getComputedStyle(note).color,
				};
			});
			expect(look.themeClass).toBe(theme);
			expect(look.background).not.toBe(look.text);
			const path = await screenshot(page, `seed-${mode}-${theme}`);
			expect(statSync(path).size).toBeGreaterThan(20_000);
		}
	});
});
