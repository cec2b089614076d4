import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import { fakeYouTube } from "./harness/fakeYouTube";
import { describeInBrowser, runCommand, screenshot, SEED_NOTE, usePlayground } from "./harness/playground";

const LINK = ".markdown-reading-view .yt-timestamp[role=link]";
const PINNED = ".mod-root .vc-pinned-player";
const SIDE = ".vc-player-view";
const SEEK_RELOADS = "Seeking reloads the video on this device.";
const NO_TIME = "No time available: on this device the video plays in Obsidian's own YouTube embed, which cannot report where it is.";

/** The `src` of every iframe Obsidian rendered for the player in `scope` (its own YouTube embed). */
function embedSources(page: Page, scope: string): Promise<(string | null)[]> {
	return page.locator(`${scope} .vc-player-embed iframe`).evaluateAll((frames) => frames.map((f) => f.getAttribute("src")));
}

/** The time the fake embed page shows (it shows the `start` it was addressed with). */
function embedClock(page: Page, scope: string): Locator {
	return page.frameLocator(`${scope} .vc-player-embed iframe`).locator("#time");
}

/**
 * YouTube where it refuses the plugin's own player (error 153): on iOS (`?platform=ios`, as
 * Obsidian's iPad app sets `Platform.isIosApp` and `is-ios`) the player is Obsidian's own embed from
 * the first click, rendered by the test double's `MarkdownRenderer.render` from
 * `![](https://www.youtube.com/watch?v=…&t=…)`; a citation reloads it at its moment. On a desktop, the
 * fake YouTube answering 153 hands over to the same embed. Any other refusal is an error panel with
 * "Open in YouTube".
 */
describeInBrowser("YouTube in Obsidian's own embed (iOS, or after error 153)", () => {
	const playground = usePlayground();

	it("on iOS: a citation shows Obsidian's embed at its moment, another citation reloads it at the new one", async () => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading", platform: "ios" });
		const { page } = session;
		expect(await page.evaluate(() => [...document.body.classList].filter((c) => c.startsWith("is-")).sort())).toEqual(["is-ios", "is-mobile", "is-tablet"]);
		// Automatic placement on a mobile device: the player sits on top of the note, waiting behind its poster.
		await expect.poll(() => page.locator(`${PINNED} .vc-player-poster`).isVisible()).toBe(true);
		expect(session.youtubeRequests, "nothing is fetched before a click").toEqual([]);

		await page.locator(LINK, { hasText: "00:46:51" }).click();
		await expect.poll(() => embedSources(page, PINNED), { timeout: 15_000 }).toEqual(["https://www.youtube.com/embed/aXGo1o_baBo?start=2811"]);
		await expect.poll(() => embedClock(page, PINNED).innerText()).toBe("46:51");
		expect(await page.locator(`${PINNED} .vc-player-embed-note`).innerText()).toBe(SEEK_RELOADS);
		expect(await page.locator(`${PINNED} .vc-pinned-time`).innerText()).toBe("No time available");
		await screenshot(page, "ios-fallback", PINNED);

		await page.locator(LINK, { hasText: "00:00:24" }).first().click();
		await expect.poll(() => embedSources(page, PINNED)).toEqual(["https://www.youtube.com/embed/aXGo1o_baBo?start=24"]);
		await expect.poll(() => embedClock(page, PINNED).innerText()).toBe("0:24");
		expect(await page.locator(`${PINNED} .vc-player-embed-note`).allInnerTexts(), "said once").toEqual([SEEK_RELOADS]);
		expect(await page.locator(`${PINNED} iframe`).count()).toBe(1);

		// The IFrame API was never loaded: only the embed pages reached "YouTube".
		expect(session.youtubeRequests).toEqual(["https://www.youtube.com/embed/aXGo1o_baBo?start=2811", "https://www.youtube.com/embed/aXGo1o_baBo?start=24"]);
		expect((await fakeYouTube(page)).created).toBe(0);

		// A command that needs the playing time says it has none rather than copying a guess.
		await runCommand(page, "Copy link to the current moment");
		await expect.poll(() => page.locator(".notice").allInnerTexts()).toContain(NO_TIME);
	});

	it("on a desktop: the fake YouTube answers 153, and Obsidian's embed takes over at the moment, saying why", async () => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading", youtube: { error: 153 } });
		const { page } = session;
		await page.locator(LINK, { hasText: "00:46:51" }).click();
		await expect.poll(() => embedSources(page, SIDE), { timeout: 15_000 }).toEqual(["https://www.youtube.com/embed/aXGo1o_baBo?start=2811"]);
		expect(await page.locator(`${SIDE} iframe`).count(), "the refused player is gone").toBe(1);
		expect(await page.locator(`${SIDE} .vc-player-error`).isVisible()).toBe(false);
		expect((await page.locator(`${SIDE} .vc-player-embed-note`).innerText()).split("\n")).toEqual([
			"YouTube refused the player (error 153): Obsidian sent it no referrer, as versions before 1.10.3 do. Update Obsidian to 1.10.3 or later.",
			"Meanwhile the video plays in Obsidian's own YouTube embed.",
			SEEK_RELOADS,
		]);
		await page.locator(LINK, { hasText: "00:00:24" }).first().click();
		await expect.poll(() => embedSources(page, SIDE)).toEqual(["https://www.youtube.com/embed/aXGo1o_baBo?start=24"]);
		expect((await fakeYouTube(page)).created, "no second API player").toBe(1);
	});

	it("any other refusal is an error panel whose button opens the moment in YouTube", async () => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading", youtube: { error: 100 } });
		const { page } = session;
		await page.locator(LINK, { hasText: "00:46:51" }).click();
		const panel = page.locator(`${SIDE} .vc-player-error`);
		await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
		expect(await panel.locator(".vc-player-error-message").innerText()).toBe("This video was removed or is private, so it cannot be played.");
		expect(await panel.getByRole("button").allInnerTexts()).toEqual(["Open in YouTube at 46:51"]);
		expect(await page.locator(`${SIDE} .vc-player-embed`).count()).toBe(0);
		await screenshot(page, "youtube-error", ".mod-right-split");
		await panel.getByRole("button", { name: "Open in YouTube at 46:51" }).click();
		expect(await session.opened()).toEqual(["https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811s"]);
	});
});
