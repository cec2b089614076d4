import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeInBrowser, runCommand, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";
import { shootThemes } from "./harness/shots";

/** Turns "Fetch YouTube transcripts" on or off in the settings tab, as a user does. */
async function setFetching(page: Page, on: boolean): Promise<void> {
	await page.getByRole("button", { name: "Settings" }).click();
	const dialog = page.getByRole("dialog", { name: "Settings" });
	const item = dialog.locator(".setting-item", { hasText: "Fetch YouTube transcripts" });
	await expect.poll(() => item.count()).toBe(1);
	await item.locator(".checkbox-container").click();
	const fetching = () => page.evaluate(() => ((window as unknown as PlaygroundWindow).playground.plugin as unknown as { settings: { fetchYouTubeTranscripts: boolean } }).settings.fetchYouTubeTranscripts);
	await expect.poll(fetching).toBe(on);
	await page.keyboard.press("Escape");
}

/**
 * "Fetch YouTube transcripts" on the seed note (YouTube `aXGo1o_baBo`, no subtitle file in the
 * vault), with the playground's recorded YouTube answers standing in for the network: off, the
 * view says how to get a transcript and nothing is asked of YouTube; on, the captions show, a
 * click plays the fake YouTube player from a cue, and the automatic track can be picked.
 */
describeInBrowser("YouTube transcripts in the playground", () => {
	const playground = usePlayground();

	it("asks YouTube nothing while off; on, shows its captions beside the note and plays from a cue", async () => {
		const { page, requests } = await playground.open({ note: SEED_NOTE, mode: "reading", theme: "light" });
		await runCommand(page, "Show transcript");
		const message = page.locator(".vc-transcript-message");
		await expect.poll(() => message.innerText()).toMatch(/turn on "Fetch YouTube transcripts"/);
		expect(requests.filter((r) => r.includes("/recorded/"))).toEqual([]);

		await setFetching(page, true);
		const cues = page.locator(".vc-transcript-cue");
		await expect.poll(() => cues.count(), { timeout: 10_000 }).toBeGreaterThan(40);
		expect(requests.filter((r) => r.includes("/recorded/")).map((r) => r.slice(r.indexOf("/recorded/")))).toEqual([
			"/recorded/youtube/watch-aXGo1o_baBo.html",
			"/recorded/youtube/timedtext-aXGo1o_baBo-en.vtt",
		]);
		expect(await page.locator(".vc-transcript-source").innerText()).toMatch(/^YouTube captions, fetched \d{4}-\d{2}-\d{2}$/);
		expect(await message.isVisible()).toBe(false);
		// The note cites 0:24: that cue is marked as cited.
		expect(await page.locator(".vc-transcript-cue.is-cited .vc-transcript-time").first().innerText()).toBe("0:24");
		// The pointer away, so no row shows its hover.
		await page.mouse.move(5, 5);
		await shootThemes(page, "transcript-youtube");

		// The automatic track, picked in the header, is fetched once and shows YouTube's lower-case words.
		await page.locator(".vc-transcript-language").selectOption({ label: "English (auto-generated)" });
		await expect.poll(() => cues.first().locator(".vc-transcript-text").innerText(), { timeout: 10_000 }).toBe("a cpto functionally runs product engineering and");

		// A cue plays the note's YouTube video from its start.
		await cues.filter({ hasText: "design as a cohesive unit" }).first().click();
		await expect
			.poll(() => page.evaluate(() => (window as unknown as PlaygroundWindow).playground.plugin !== undefined && document.querySelector(".vc-transcript-cue.is-playing .vc-transcript-time")?.textContent), { timeout: 15_000 })
			.toBe("0:26");
	});
});
