import { expect, it } from "vitest";
import { fakeYouTube } from "./harness/fakeYouTube";
import { describeInBrowser, screenshot, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";

/** Another note of the seed note's video, and a note of another video. */
const SAME_VIDEO_NOTE = "corpus/lennyspodcast/the_role_of_ai_in_transforming_product_management.md";
const OTHER_VIDEO_NOTE = "corpus/lennyspodcast/importance_of_ab_testing_and_experimentation.md";

const LINK = ".markdown-reading-view .yt-timestamp[role=link]";

/**
 * The YouTube path against the harness's fake YouTube (harness/fakeYouTube.ts): a click in the
 * seed note loads the fake IFrame API and embed page instead of youtube.com and the seek reaches
 * the fake player; the script loads once however often the player seeks or changes video; error
 * codes and a script that never loads end in the error panel with a way out (error 153 is
 * ios-fallback.test.ts's: Obsidian's own embed takes over).
 */
describeInBrowser("the YouTube player on the fake YouTube", () => {
	const playground = usePlayground();

	it("stands in for YouTube when a seed-note timestamp is clicked, and nothing loads before", async () => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading" });
		const { page } = session;
		expect(session.youtubeRequests, "nothing is fetched from YouTube before a click").toEqual([]);
		await page.locator(LINK, { hasText: "00:46:51" }).click();
		const first = async () => (await fakeYouTube(page)).players[0];
		await expect.poll(async () => (await first())?.time ?? -1, { timeout: 15_000 }).toBeGreaterThanOrEqual(2811);
		const player = await first();
		expect(player).toMatchObject({ id: "aXGo1o_baBo", place: "side" });
		expect(player?.time).toBeLessThan(2815);
		expect(session.youtubeRequests).toContain("https://www.youtube.com/iframe_api");
		expect(session.youtubeRequests.some((url) => /^https:\/\/www\.youtube(-nocookie)?\.com\/embed\/aXGo1o_baBo\?/.test(url))).toBe(true);
		// The note's title names the video; the title YouTube reported is remembered for notes that give none.
		await expect.poll(() => page.locator(".vc-player-view .vc-player-title").innerText()).toBe("The rise of the Chief Product and Technology Officer role");
		await screenshot(page, "seed-youtube-fake-light");

		// Another note of the same video: its link seeks the same player in place.
		await page.evaluate((path) => (window as unknown as PlaygroundWindow).playground.openNote(path), SAME_VIDEO_NOTE);
		await page.locator(LINK).first().click();
		await expect.poll(async () => (await first())?.time ?? -1).toBeLessThan(2000);
		expect((await fakeYouTube(page)).created, "the same player").toBe(1);

		// A note of another video: a new player, still one script.
		await page.evaluate((path) => (window as unknown as PlaygroundWindow).playground.openNote(path), OTHER_VIDEO_NOTE);
		await page.locator(LINK).nth(2).click();
		await expect.poll(async () => (await first())?.id, { timeout: 10_000 }).toBe("hEzpiDuYFoE");
		const fake = await fakeYouTube(page);
		expect(fake.players).toHaveLength(1);
		expect(fake.created).toBe(2);
		expect(session.youtubeRequests.filter((u) => u.endsWith("/iframe_api")), "the IFrame API script is loaded once").toHaveLength(1);
	});

	// Error 153 hands over to Obsidian's own embed instead: ios-fallback.test.ts.
	it.each([
		{ code: 150, message: "The owner of this video does not allow it to be played outside YouTube." },
		{ code: 101, message: "The owner of this video does not allow it to be played outside YouTube." },
	])("explains error $code and offers to open the moment in YouTube", async ({ code, message }) => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading", youtube: { error: code } });
		const { page } = session;
		await page.locator(LINK, { hasText: "00:46:51" }).click();
		const panel = page.locator(".vc-player-view .vc-player-error");
		await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
		expect(await panel.locator(".vc-player-error-message").innerText()).toBe(message);
		expect(await panel.getByRole("button").allInnerTexts()).toEqual(["Open in YouTube at 46:51"]);
		// The broken player is hidden rather than left showing a black box.
		expect(await page.locator(".vc-player-view .vc-player").isVisible()).toBe(false);
		if (code === 150) {
			await screenshot(page, "player-error-light", ".mod-right-split");
			await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.setTheme("dark"));
			await screenshot(page, "player-error-dark", ".mod-right-split");
		}
		await panel.getByRole("button", { name: "Open in YouTube at 46:51" }).click();
		// youtube.com wants whole seconds in `t`.
		expect(await session.opened()).toEqual(["https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s"]);
	});

	it("says when the player script never loads, and plays on Retry once YouTube answers", async () => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading", youtube: { script: "never" }, clock: true });
		const { page } = session;
		await page.locator(LINK, { hasText: "00:46:51" }).click();
		await expect.poll(() => page.locator(".vc-player-view .vc-player-status").innerText()).toBe("Loading video…");
		// The plugin gives the script 15 s; the fake clock skips them.
		await page.clock.fastForward(16_000);
		const panel = page.locator(".vc-player-view .vc-player-error");
		await expect.poll(() => panel.isVisible()).toBe(true);
		expect(await panel.locator(".vc-player-error-message").innerText()).toBe(
			"The YouTube player did not load within 15 seconds. Check your internet connection, then retry.",
		);
		expect(await panel.getByRole("button").allInnerTexts()).toEqual(["Retry", "Open in YouTube at 46:51"]);
		expect(session.youtubeRequests.filter((u) => u.endsWith("/iframe_api"))).toHaveLength(1);

		session.youtube.set({ script: "ok" });
		await panel.getByRole("button", { name: "Retry" }).click();
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.time ?? -1, { timeout: 15_000 }).toBeGreaterThanOrEqual(2811);
		expect(await panel.isVisible()).toBe(false);
		expect(await page.locator(".vc-player-view iframe").count()).toBe(1);
		expect((await fakeYouTube(page)).created).toBe(1);
	});
});
