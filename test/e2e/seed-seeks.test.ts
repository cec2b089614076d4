import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { NoteMode } from "../double/obsidian";
import { targetEditorElement } from "./harness/editor";
import { fakeYouTube } from "./harness/fakeYouTube";
import { describeInBrowser, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";
import { SEED_CITATIONS } from "./harness/seed";

/** Where in the seed note [00:46:51] is. */
const AT_46_51 = SEED_CITATIONS.findIndex((c) => c.seconds === 2811);

/** Where every mode's seek target is, and how a person presses it there. */
const MODES: { mode: NoteMode; selector: string; modifiers: "Control"[] }[] = [
	{ mode: "reading", selector: ".markdown-reading-view .yt-timestamp[role=link]", modifiers: [] },
	{ mode: "live", selector: ".vc-chip", modifiers: [] },
	// Source mode keeps a plain click for the cursor; Ctrl-click (Cmd on macOS) plays.
	{ mode: "source", selector: ".vc-source-timestamp", modifiers: ["Control"] },
];

/** Presses citation `i` of the seed note in `mode` with a real mouse click. */
async function press(page: Page, mode: (typeof MODES)[number], i: number): Promise<void> {
	if (mode.mode === "reading") {
		await page.locator(mode.selector).nth(i).click();
		return;
	}
	const citation = SEED_CITATIONS[i]!;
	expect(await targetEditorElement(page, mode.selector, citation.from), `citation ${i} is drawn in ${mode.mode}`).toBe(true);
	await page.locator("[data-e2e-target]").click({ modifiers: mode.modifiers });
}

/**
 * Every one of the seed note's 32 timestamps works in every view mode: a real click (Ctrl-click
 * in source mode) moves the fake YouTube player to that citation's time. The first click loads
 * the player; every later one seeks it in place: one `YT.Player`, one embed page, one API script.
 */
describeInBrowser("seeking from the seed note", () => {
	const playground = usePlayground();

	it("moves the player to each of the 32 times in reading view, Live Preview and source mode, in place", async () => {
		expect(AT_46_51).toBeGreaterThanOrEqual(0);
		const session = await playground.open({ note: SEED_NOTE, mode: "reading" });
		const { page } = session;
		const time = async () => (await fakeYouTube(page)).players[0]?.time ?? -1;

		// The first click on [00:46:51] loads the player and lands at 2811 s.
		await press(page, MODES[0]!, AT_46_51);
		await expect.poll(time, { timeout: 15_000 }).toBeGreaterThanOrEqual(2811);
		expect(await time()).toBeLessThan(2814);
		// Tag the player's iframe: a reload or a new player would lose the tag.
		await page.locator(".vc-player-view iframe").evaluate((f) => f.setAttribute("data-e2e-first", ""));

		for (const mode of MODES) {
			await page.evaluate((m) => (window as unknown as PlaygroundWindow).playground.setMode(m), mode.mode);
			const landed: number[] = [];
			// 46:51 last, so each mode ends on a seek to it from somewhere else.
			const order = [...SEED_CITATIONS.keys()].filter((i) => i !== AT_46_51).concat(AT_46_51);
			for (const i of order) {
				await press(page, mode, i);
				const want = SEED_CITATIONS[i]!.seconds!;
				// At the citation's time, not anywhere past it (the fake plays on a little between clicks).
				const near = async () => {
					const t = await time();
					return t >= want && t < want + 3 ? want : t;
				};
				await expect.poll(near, { timeout: 5_000, message: `${mode.mode}: citation ${i}` }).toBe(want);
				landed.push(i);
			}
			expect(landed).toHaveLength(32);
			expect(Math.floor(await time()), `${mode.mode}: [00:46:51]`).toBeGreaterThanOrEqual(2811);
		}

		const fake = await fakeYouTube(page);
		expect(fake.created, "one YT.Player for every seek").toBe(1);
		expect(fake.players.map((p) => p.id)).toEqual(["aXGo1o_baBo"]);
		expect(await page.locator(".vc-player-view iframe[data-e2e-first]").count(), "the same iframe, never reloaded").toBe(1);
		expect(session.youtubeRequests.filter((u) => u.includes("/embed/"))).toHaveLength(1);
		expect(session.youtubeRequests.filter((u) => u.endsWith("/iframe_api"))).toHaveLength(1);
		// The player view names the note the seeks came from.
		expect(await page.locator(".vc-player-view .vc-player-source").innerText()).toBe("the_rise_of_the_chief_product_and_technology_officer_role");
	});
});
