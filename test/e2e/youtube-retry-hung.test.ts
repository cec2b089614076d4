import { expect, it } from "vitest";
import { describeInBrowser, SEED_NOTE, usePlayground } from "./harness/playground";

/**
 * After the IFrame API script timed out, "Retry" must really ask YouTube again, even while the
 * first request still hangs (a stalled proxy or connection): Chromium hands a new `<script>` with
 * the same address the same in-flight request, so a retry asks at an address of its own
 * (`iframe_api?attempt=N`, src/player/youtubeApi.ts). This was a known bug until that fix.
 */
describeInBrowser("Retry after the YouTube script timed out", () => {
	const playground = usePlayground();

	it("asks YouTube for the script again while the first request still hangs", async () => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading", youtube: { script: "never" }, clock: true });
		const { page } = session;
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:46:51" }).click();
		await page.clock.fastForward(16_000);
		const retry = page.locator(".vc-player-view .vc-player-error").getByRole("button", { name: "Retry" });
		await retry.click();
		const scriptRequests = () => session.youtubeRequests.filter((u) => /\/iframe_api(\?|$)/.test(u)).length;
		await expect.poll(scriptRequests, { timeout: 3_000 }).toBe(2);
	});
});
