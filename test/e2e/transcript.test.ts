import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { CLIP_NOTE, describeInBrowser, runCommand, usePlayground, type PlaygroundWindow } from "./harness/playground";
import { shootThemes } from "./harness/shots";

/** The player's <video> time (-1 before it has metadata). */
function videoTime(page: Page): Promise<number> {
	return page.evaluate(() => {
		const v = document.querySelector<HTMLVideoElement>(".workspace video");
		return v && v.readyState >= 1 ? v.currentTime : -1;
	});
}

/** The text of the cue marked as playing ("" when none). */
function playingCue(page: Page): Promise<string> {
	return page.evaluate(() => document.querySelector(".vc-transcript-cue.is-playing .vc-transcript-text")?.textContent ?? "");
}

/**
 * The demo clip's transcript (`media/clip.vtt`, beside `clip.webm`) in the transcript view: it
 * follows the real <video>, a click on a cue seeks it, the search counts and steps, the note's
 * cited moments are marked, and cues chosen by keyboard are cited into the note in one undoable edit.
 */
describeInBrowser("the transcript view on the demo clip", () => {
	const playground = usePlayground();

	it("lists the clip's cues, marks the cited moments, seeks on click and follows playback", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live", theme: "light", panels: false });
		await runCommand(page, "Show transcript");
		const cues = page.locator(".vc-transcript-cue");
		await expect.poll(() => cues.count(), { timeout: 10_000 }).toBe(30);
		expect(await page.locator(".vc-transcript-source").innerText()).toBe("clip.vtt");
		// The note cites 0, 10, 15, 30, 46, 52 and 58 s: the cues at those moments are marked.
		const cited = await page.locator(".vc-transcript-cue.is-cited .vc-transcript-time").allInnerTexts();
		expect(cited).toEqual(["0:00", "0:10", "0:14", "0:30", "0:46", "0:52", "0:58"]);

		await cues.filter({ hasText: "The counter reads 20." }).click();
		await expect.poll(() => videoTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
		expect(await videoTime(page)).toBeLessThan(23);
		await expect.poll(() => playingCue(page), { timeout: 5_000 }).toMatch(/The counter reads 2[02]\./);
		// Playing on, the mark moves to the next cue by itself.
		await expect.poll(() => playingCue(page), { timeout: 8_000 }).toMatch(/The counter reads 2[24]\./);
		const playingTime = Number((await page.locator(".vc-transcript-cue.is-playing .vc-transcript-time").innerText()).split(":")[1]);
		expect(Math.abs(playingTime - (await videoTime(page)))).toBeLessThan(3);
		await shootThemes(page, "transcript-following");
	});

	it("keeps the playing cue in view, until the user scrolls the list", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live", panels: false });
		await runCommand(page, "Show transcript");
		const list = page.locator(".vc-transcript-list");
		await expect.poll(() => page.locator(".vc-transcript-cue").count(), { timeout: 10_000 }).toBe(30);
		await page.locator(".vc-transcript-cue").filter({ hasText: "The counter reads 2." }).click();
		await expect.poll(() => videoTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
		// A seek far down the clip (from the note) brings its cue into view.
		await page.evaluate(() => {
			const v = document.querySelector<HTMLVideoElement>(".workspace video");
			if (v) v.currentTime = 50;
		});
		const inView = () =>
			page.evaluate(() => {
				const row = document.querySelector(".vc-transcript-cue.is-playing");
				const box = document.querySelector(".vc-transcript-list")?.getBoundingClientRect();
				const r = row?.getBoundingClientRect();
				return !!r && !!box && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
			});
		await expect.poll(() => playingCue(page), { timeout: 8_000 }).toMatch(/reads 5[024]/);
		await expect.poll(inView, { timeout: 5_000 }).toBe(true);
		// The user scrolls back to the top: following does not pull the list away.
		await list.hover();
		await page.mouse.wheel(0, -5000);
		await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(0);
		await page.waitForTimeout(2500);
		expect(await list.evaluate((el) => el.scrollTop)).toBe(0);
	});

	it("searches with a count and next/previous, and cites chosen cues into the note as one undoable edit", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live", theme: "dark", panels: false });
		await runCommand(page, "Show transcript");
		await expect.poll(() => page.locator(".vc-transcript-cue").count(), { timeout: 10_000 }).toBe(30);
		const search = page.getByRole("searchbox", { name: "Search transcript" });
		await search.fill("half-way");
		await expect.poll(() => page.locator(".vc-transcript-count").innerText()).toBe("1 of 2");
		expect(await page.locator(".vc-transcript-cue.is-current-match .vc-transcript-text").innerText()).toMatch(/Half-way is two seconds away/);
		await search.press("Enter");
		expect(await page.locator(".vc-transcript-count").innerText()).toBe("2 of 2");
		expect(await page.locator(".vc-transcript-cue.is-current-match .vc-transcript-text").innerText()).toMatch(/^Half-way through/);
		await page.getByRole("button", { name: "Previous match" }).click();
		expect(await page.locator(".vc-transcript-count").innerText()).toBe("1 of 2");
		await shootThemes(page, "transcript-search");

		// Put the note's cursor at the end of its first paragraph, then choose two cues by keyboard.
		const editorLine = page.locator(".cm-line", { hasText: "Try the playback commands too" });
		await editorLine.click();
		// The end of the paragraph itself (End goes to the end of the wrapped screen line).
		await page.evaluate(() => {
			const editor = (window as unknown as { playground: { app: { workspace: { activeEditor: { editor: { getValue(): string; setCursor(p: { line: number; ch: number }): void } } } } } }).playground.app.workspace.activeEditor.editor;
			const lines = editor.getValue().split("\n");
			const line = lines.findIndex((l) => l.startsWith("Try the playback commands too"));
			editor.setCursor({ line, ch: lines[line]?.length ?? 0 });
		});
		const before = await page.evaluate(() => (window as unknown as { playground: { app: { workspace: { activeEditor: { editor: { getValue(): string } } } } } }).playground.app.workspace.activeEditor.editor.getValue());
		await search.press("ArrowDown");
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Transcript");
		await page.keyboard.press("Home");
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("Space");
		await page.keyboard.press("Shift+ArrowDown");
		expect(await page.locator('.vc-transcript-cue[aria-selected="true"] .vc-transcript-time').allInnerTexts()).toEqual(["0:02", "0:04"]);
		await expect.poll(() => page.locator(".vc-transcript-cite").innerText()).toBe("Insert citation (2 lines)");
		await shootThemes(page, "transcript-selection");
		await runCommand(page, "Insert citation from transcript");
		const value = () => page.evaluate(() => (window as unknown as { playground: { app: { workspace: { activeEditor: { editor: { getValue(): string } } } } } }).playground.app.workspace.activeEditor.editor.getValue());
		const inserted = '"The counter reads 2. Behind the bars sits a large circle, cyan on the left and red on the right. The counter reads 4. A rainbow strip crosses the lower part of the picture." <a class="yt-timestamp" data-t="00:00:02">[00:00:02]</a>';
		await expect.poll(value).toContain(inserted);
		// After the sentence's full stop, a space, then the quote.
		expect(await value()).toBe(before.replace("into this note.", `into this note. ${inserted}`));
		await editorLine.click();
		await page.keyboard.press("Control+z");
		await expect.poll(value).toBe(before);
	});

	it("shows what was said at a citation on hover in reading view, plays from it, and closes on leave and Escape", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading", theme: "light", panels: false });
		const link = page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:46" }).first();
		await link.hover();
		const popover = page.locator(".vc-citation-popover");
		await expect.poll(() => popover.count(), { timeout: 5_000 }).toBe(1);
		expect(await popover.getAttribute("aria-label")).toBe("What was said at 0:46");
		expect(await popover.locator(".vc-popover-claim").innerText()).toMatch(/^The counter reads 46 here/);
		expect(await popover.locator(".vc-popover-cue.is-current").innerText()).toMatch(/0:46\s+The counter reads 46\./);
		// From a few seconds before to about 20 s after the moment.
		const times = await popover.locator(".vc-popover-cue .vc-transcript-time").allInnerTexts();
		expect(times[0]).toBe("0:40");
		expect(times.at(-1)).toBe("0:58");
		await shootThemes(page, "transcript-popover-reading");
		// Leaving the link for the popover keeps it; leaving both closes it.
		await popover.hover();
		await page.waitForTimeout(400);
		expect(await popover.count()).toBe(1);
		await page.mouse.move(5, 400);
		await expect.poll(() => popover.count(), { timeout: 3_000 }).toBe(0);
		// Again, then play from the popover.
		await link.hover();
		await expect.poll(() => popover.count(), { timeout: 5_000 }).toBe(1);
		await popover.getByRole("button", { name: "Play from 0:46" }).first().click();
		await expect.poll(() => videoTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(46);
		expect(await popover.count()).toBe(0);
		// By keyboard: focusing a link opens it, Escape closes it.
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:10" }).first().focus();
		await expect.poll(() => popover.count(), { timeout: 5_000 }).toBe(1);
		expect(await popover.locator(".vc-popover-cue.is-current").innerText()).toMatch(/Ten seconds in/);
		await page.keyboard.press("Escape");
		expect(await popover.count()).toBe(0);
	});

	it("shows what was said at a Live Preview chip at once with Mod held", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live", theme: "dark", panels: false });
		const chip = page.locator(".vc-chip", { hasText: "0:30" }).first();
		await page.keyboard.down("Control");
		await chip.hover();
		const popover = page.locator(".vc-citation-popover");
		await expect.poll(() => popover.count(), { timeout: 1_000 }).toBe(1);
		await page.keyboard.up("Control");
		expect(await popover.locator(".vc-popover-cue.is-current").innerText()).toMatch(/Half-way through/);
		expect(await popover.locator(".vc-popover-claim").innerText()).toMatch(/^Half-way through, the counter reads 30/);
		await shootThemes(page, "transcript-popover-chip");
		await page.mouse.move(5, 400);
		await expect.poll(() => popover.count(), { timeout: 3_000 }).toBe(0);
	});
	it("shows what was said at a panel row on hover, expands a row to show its cues inline, and plays from a cue", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live", theme: "light" });
		const row = page.locator(".vc-panel-row", { hasText: "Ten seconds in" }).first();
		await row.locator(".vc-panel-text").hover();
		const popover = page.locator(".vc-citation-popover");
		await expect.poll(() => popover.count(), { timeout: 5_000 }).toBe(1);
		expect(await popover.getAttribute("aria-label")).toBe("What was said at 0:10");
		expect(await popover.locator(".vc-popover-cue.is-current").innerText()).toMatch(/0:10\s+Ten seconds in: the counter reads 10\./);
		expect(await popover.locator(".vc-popover-claim").innerText()).toMatch(/^Ten seconds in, the counter reads 10/);
		await shootThemes(page, "panel-row-popover");
		await page.mouse.move(5, 400);
		await expect.poll(() => popover.count(), { timeout: 3_000 }).toBe(0);

		// Expanded, the row shows the same cues under it, and no popover over them.
		const toggle = row.locator(".vc-panel-expand");
		expect(await toggle.getAttribute("aria-expanded")).toBe("false");
		await toggle.click();
		const cues = row.locator(".vc-panel-cues .vc-popover-cue");
		await expect.poll(() => cues.count(), { timeout: 5_000 }).toBe(14);
		expect(await toggle.getAttribute("aria-expanded")).toBe("true");
		// The list keeps the keyboard focus, so the arrows go on working after a click on the toggle.
		expect(await page.evaluate(() => document.activeElement?.classList.contains("vc-panel-list"))).toBe(true);
		expect(await row.locator(".vc-panel-cues .vc-popover-cue.is-current").innerText()).toMatch(/0:10\s+Ten seconds in/);
		expect((await cues.locator(".vc-transcript-time").allInnerTexts()).slice(0, 2)).toEqual(["0:04", "0:06"]);
		await page.waitForTimeout(500);
		expect(await popover.count()).toBe(0);
		await page.mouse.move(5, 400);
		await shootThemes(page, "panel-row-cues", ".vc-panel");

		// A cue plays from its start.
		await cues.filter({ hasText: "The counter reads 20." }).click();
		await expect.poll(() => videoTime(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
		expect(await videoTime(page)).toBeLessThan(23);

		// By keyboard: the row (focused in the list since its toggle was pressed) collapses with ArrowLeft and opens again with ArrowRight.
		await page.locator(".vc-panel-list").focus();
		expect(await page.locator(".vc-panel-row.is-focused .vc-panel-text").innerText()).toMatch(/^Ten seconds in/);
		await page.keyboard.press("ArrowLeft");
		expect(await toggle.getAttribute("aria-expanded")).toBe("false");
		expect(await cues.count()).toBe(0);
		await page.keyboard.press("ArrowRight");
		await expect.poll(() => cues.count(), { timeout: 5_000 }).toBe(14);
		await page.keyboard.press("Escape");

		// Across the vault, a row of this note expands the same way.
		await page.getByRole("button", { name: "Whole vault" }).click();
		const vaultRow = page.locator(".vc-panel-list.is-vault .vc-panel-row", { hasText: "Ten seconds in" }).first();
		await expect.poll(() => vaultRow.count(), { timeout: 10_000 }).toBe(1);
		await vaultRow.locator(".vc-panel-expand").click();
		await expect.poll(() => vaultRow.locator(".vc-panel-cues .vc-popover-cue").count(), { timeout: 5_000 }).toBe(14);
		await page.mouse.move(5, 400);
		await shootThemes(page, "panel-vault-row-cues", ".vc-panel");
	});
	it("shows what was said at a citation in a pop-out window, in that window", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live", theme: "light", panels: false });
		await page.evaluate(async (path) => {
			const pg = (window as unknown as PlaygroundWindow).playground;
			pg.openPopout();
			const leaf = pg.app.workspace.openPopoutLeaf();
			await leaf.openFile(pg.app.vault.getFileByPath(path)!);
			(leaf.view as unknown as { setMode(mode: string): void }).setMode("reading");
		}, CLIP_NOTE);
		const popout = page.frameLocator("iframe.playground-popout");
		await popout.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:30" }).first().hover();
		const pop = popout.locator(".vc-citation-popover");
		await expect.poll(() => pop.count(), { timeout: 5_000 }).toBe(1);
		expect(await pop.locator(".vc-popover-cue.is-current").innerText()).toMatch(/Half-way through/);
		expect(await page.locator(".vc-citation-popover").count()).toBe(0);
		await page.keyboard.press("Escape");
		await expect.poll(() => pop.count(), { timeout: 3_000 }).toBe(0);
	});
});
