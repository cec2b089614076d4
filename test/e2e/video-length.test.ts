import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPlayground, type PlaygroundServer } from "../../playground/server/server";
import { fakeYouTube } from "./harness/fakeYouTube";
import { describeInBrowser, screenshot, usePlayground } from "./harness/playground";

/**
 * A generated note (test/fixtures/times/, MIT) whose three-field times are minutes:seconds plus a
 * third field, without its one time that cannot be hours (`14:00:12`): what is left reads either
 * way, so only the video's length can tell that `03:00:39` is 3:00 into a 40-minute video.
 */
const LEX_NOTE = readFileSync(join(__dirname, "..", "fixtures", "times", "lexfridman", "andrew_callaghans_approach_to_journalism_and_storytelling.md"), "utf8").replace(
	'<a class="yt-timestamp" data-t="14:00:12">[14:00:12]</a>',
	"",
);
const LENGTH = 2400;

const PANEL_CHIPS = ".mod-right-split .vc-panel .vc-panel-list .vc-panel-chip";
const LINK = ".markdown-reading-view .yt-timestamp[role=link]";

function panelChips(page: Page): Promise<string[]> {
	return page.locator(PANEL_CHIPS).allInnerTexts();
}

/**
 * The player tells the plugin how long the video is, and every place the note's times show reads
 * them again (issue "The right moment for every citation"). Needs core to read times against the
 * duration (src/core/extract.ts); with a core that ignores it, the panel keeps its hours and this fails.
 */
describeInBrowser("a video's length reported by the player", () => {
	const playground = usePlayground();
	let vault = "";
	let server: PlaygroundServer | null = null;

	beforeAll(async () => {
		vault = mkdtempSync(join(tmpdir(), "vc-length-vault-"));
		writeFileSync(join(vault, "lex.md"), LEX_NOTE);
		server = await startPlayground({ vault });
	});

	afterAll(async () => {
		await server?.close();
		if (vault) rmSync(vault, { recursive: true, force: true });
	});

	it("the fake YouTube says the video is 40 minutes long: the panel's times change to minutes, and a link seeks within the video", async () => {
		const session = await playground.open({ base: server?.url, note: "lex.md", mode: "reading", youtube: { duration: LENGTH } });
		const { page } = session;
		await expect.poll(() => panelChips(page)).toHaveLength(6);
		const before = await panelChips(page);
		expect(session.youtubeRequests, "nothing is fetched from YouTube before a click").toEqual([]);

		// The first citation (0:37) is within the video either way: playing it loads the player, which reports the length.
		await page.locator(LINK).first().click();
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.time ?? -1, { timeout: 15_000 }).toBe(37);

		// The panel reads the note again: `03:00:39` is 3:00 now, and no citation lies past the end.
		await expect.poll(() => panelChips(page), { timeout: 10_000 }).not.toEqual(before);
		const after = await panelChips(page);
		expect(after).toContain("3:00");
		expect(after.every((t) => t.split(":").length === 2 && Number(t.split(":")[0]) < 40), after.join(" ")).toBe(true);
		await screenshot(page, "video-length-panel", ".mod-right-split");

		// The reading view was rendered again too: its `03:00:39` link plays from 3:00, without a "past the end" notice.
		await page.locator(LINK, { hasText: "03:00:39" }).click();
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.time ?? -1, { timeout: 10_000 }).toBeGreaterThanOrEqual(180);
		const time = (await fakeYouTube(page)).players[0]?.time ?? -1;
		expect(time).toBeLessThan(185);
		expect(await page.locator(".notice").allInnerTexts()).not.toContainEqual(expect.stringContaining("past the end"));
		expect((await fakeYouTube(page)).created, "the same player").toBe(1);
	});
});
