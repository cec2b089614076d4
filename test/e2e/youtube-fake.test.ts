import { expect, it } from "vitest";
import { describeInBrowser, screenshot, SEED_NOTE, usePlayground } from "./harness/playground";

interface FakePlayerState {
	_videoId: string;
	_time: number;
	_state: number;
}

/**
 * The harness's fake YouTube (harness/fakeYouTube.ts) against the real player code: a click in
 * the seed note loads the fake IFrame API and embed page instead of youtube.com, and the seek
 * reaches the fake player. The full YouTube cases (error codes, a script that never loads) build on it.
 */
describeInBrowser("the fake YouTube", () => {
	const playground = usePlayground();

	it("stands in for YouTube when a seed-note timestamp is clicked, and nothing loads before", async () => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading" });
		const { page } = session;
		expect(session.youtubeRequests, "nothing is fetched from YouTube before a click").toEqual([]);
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:46:51" }).click();
		const players = () => page.evaluate(() => ((window as unknown as { __fakeYouTube?: { players: FakePlayerState[] } }).__fakeYouTube?.players ?? []).map((p) => ({ id: p._videoId, time: p._time, state: p._state })));
		await expect.poll(async () => (await players())[0]?.time ?? -1, { timeout: 15_000 }).toBeGreaterThanOrEqual(2811);
		const [player] = await players();
		expect(player?.id).toBe("aXGo1o_baBo");
		expect(player?.time).toBeLessThan(2815);
		expect(session.youtubeRequests).toContain("https://www.youtube.com/iframe_api");
		expect(session.youtubeRequests.some((url) => /^https:\/\/www\.youtube(-nocookie)?\.com\/embed\/aXGo1o_baBo\?/.test(url))).toBe(true);
		await screenshot(page, "seed-youtube-fake-light");
	});
});
