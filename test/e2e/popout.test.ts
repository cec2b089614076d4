import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { extractCitations } from "../../src/core";
import { fakeYouTube } from "./harness/fakeYouTube";
import { DEMO_VAULT, describeInBrowser, screenshot, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";

/** A second note of the seed note's video, opened in the pop-out document. */
const POPOUT_NOTE = "corpus/lennyspodcast/balancing_startup_agility_and_big_company_operations.md";
const POPOUT_CITATIONS = extractCitations(readFileSync(join(DEMO_VAULT, POPOUT_NOTE), "utf8"));

/**
 * A pop-out window, played by a second document (an iframe with its own window, as Obsidian's
 * pop-outs have): a note opened there gets working seek links, and the player view dragged there
 * reloads its iframe yet carries on from where it was, then takes seeks in place.
 */
describeInBrowser("a pop-out window", () => {
	const playground = usePlayground();

	it("seeks from a note in the pop-out, and the player keeps its position when its leaf moves there", async () => {
		const session = await playground.open({ note: SEED_NOTE, mode: "reading" });
		const { page } = session;
		await page.evaluate(async (path) => {
			const pg = (window as unknown as PlaygroundWindow).playground;
			pg.openPopout();
			const leaf = pg.app.workspace.openPopoutLeaf();
			await leaf.openFile(pg.app.vault.getFileByPath(path)!);
			(leaf.view as unknown as { setMode(mode: string): void }).setMode("reading");
		}, POPOUT_NOTE);
		const popout = page.frameLocator("iframe.playground-popout");
		const links = popout.locator(".markdown-reading-view .yt-timestamp[role=link]");
		expect(await links.count()).toBe(POPOUT_CITATIONS.length);

		// A link in the pop-out plays in the player view of the main window.
		const first = POPOUT_CITATIONS[4]!.seconds!;
		await links.nth(4).click();
		const players = async () => (await fakeYouTube(page)).players;
		await expect.poll(async () => (await players())[0]?.time ?? -1, { timeout: 15_000 }).toBeGreaterThanOrEqual(first);
		expect(await players()).toMatchObject([{ doc: "main", place: "side", id: "aXGo1o_baBo" }]);
		const later = POPOUT_CITATIONS[9]!.seconds!;
		await links.nth(9).click();
		await expect.poll(async () => Math.floor((await players())[0]?.time ?? -1)).toBe(later);

		// Drag the player view out to the pop-out: its iframe reloads there and resumes where it was.
		await page.waitForTimeout(600);
		const before = (await players())[0]!.time;
		await page.evaluate(() => {
			const pg = (window as unknown as PlaygroundWindow).playground;
			const leaf = pg.app.workspace.getLeavesOfType("video-citations-player")[0];
			if (!leaf) throw new Error("No player view");
			pg.moveLeafToPopout(leaf);
		});
		await expect.poll(async () => (await players()).find((p) => p.doc === "popout")?.time ?? -1, { timeout: 15_000 }).toBeGreaterThanOrEqual(before);
		const moved = await players();
		expect(moved.filter((p) => p.attached)).toMatchObject([{ doc: "popout", place: "side", id: "aXGo1o_baBo" }]);
		expect(moved.find((p) => p.doc === "popout")!.time, "not from 0:00, and not far past where it was").toBeLessThan(before + 3);
		expect(await popout.locator(".vc-player-view iframe").count()).toBe(1);
		expect(await page.locator(".mod-right-split .vc-player-view").count()).toBe(0);

		// Seeks from the pop-out's note now go to the player there, in place.
		const createdInPopout = (await fakeYouTube(page)).created;
		await links.nth(2).click();
		await expect.poll(async () => Math.floor((await players()).find((p) => p.doc === "popout")?.time ?? -1)).toBe(POPOUT_CITATIONS[2]!.seconds!);
		expect((await fakeYouTube(page)).created).toBe(createdInPopout);
		// The fake embed page redraws its clock a few times a second.
		await page.waitForTimeout(500);
		await screenshot(page, "popout-player-light");
	});
});
