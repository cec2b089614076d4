import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { NoteMode } from "../double/obsidian";
import { targetEditorElement } from "./harness/editor";
import { fakeYouTube } from "./harness/fakeYouTube";
import { describeInBrowser, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";
import { shootThemes } from "./harness/shots";
import { SEED_CITATIONS } from "./harness/seed";

/** The long corpus note (330 KB) in the demo vault. */
const LONG_NOTE = "corpus/lennyspodcast/product_strategy_stack.md";
/** Another note of the seed note's video, for two notes side by side. */
const TWIN_NOTE = "corpus/lennyspodcast/empowering_women_in_tech_leadership.md";

const PINNED = ".mod-root .vc-pinned-player";
const LINK = ".markdown-reading-view .yt-timestamp[role=link]";

interface Box {
	top: number;
	bottom: number;
	left: number;
	right: number;
	height: number;
}

/** The bounding boxes of the first matches of `selectors` inside the main note's leaf (`null` when missing or hidden). */
function boxes(page: Page, selectors: string[]): Promise<(Box | null)[]> {
	return page.evaluate((sels) => {
		const leaf = document.querySelector(".mod-root .workspace-leaf.mod-active") ?? document.querySelector(".mod-root .workspace-leaf");
		return sels.map((sel) => {
			const el = leaf?.querySelector(sel);
			const r = el?.getBoundingClientRect();
			return r && r.height > 0 ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height } : null;
		});
	}, selectors);
}

/** Switches the placement setting as the settings tab does. */
async function placeOnTop(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const tab = (window as unknown as PlaygroundWindow).playground.app.settingTabs[0] as { setControlValue(key: string, value: unknown): Promise<void> };
		await tab.setControlValue("playerPlacement", "top");
	});
	await expect.poll(() => page.locator(PINNED).count()).toBe(1);
}

/** The note pane's scroller for a mode: the reading view, or CodeMirror's scroller. */
const SCROLLER: Record<Exclude<NoteMode, "source">, string> = { reading: ".markdown-reading-view", live: ".cm-scroller" };

/**
 * The player pinned on top of the note (issue 12) in a real layout: above the note in reading view
 * and Live Preview, in view while a long note scrolls, collapsed to its bar and back, resized by
 * keyboard and by dragging, one per note when two notes sit side by side, and laid out on a phone.
 */
describeInBrowser("the player pinned on top of the note", () => {
	const playground = usePlayground();

	it("sits above the note, plays its links, stays in view while a long note scrolls, collapses and resizes", async () => {
		const { page, youtubeRequests } = await playground.open({ note: SEED_NOTE, mode: "reading" });
		await placeOnTop(page);
		expect(await page.locator(".vc-player-view").count(), "the side player closed").toBe(0);
		// Nothing played yet: the video waits behind a poster, and nothing was asked of YouTube.
		const poster = page.locator(`${PINNED} .vc-player-poster`);
		await expect.poll(() => poster.isVisible()).toBe(true);
		expect(await poster.innerText()).toContain("Loads from YouTube when you play");
		const [body, shown] = await boxes(page, [".vc-pinned-player .vc-player", ".vc-player-poster"]);
		expect(shown, "the poster fills the player's box").toEqual(body);
		await shootThemes(page, "pinned-poster", PINNED);
		expect(youtubeRequests, "opening a note fetches nothing").toEqual([]);
		expect((await fakeYouTube(page)).created).toBe(0);
		const at4651 = SEED_CITATIONS.findIndex((c) => c.seconds === 2811);
		await page.locator(LINK).nth(at4651).click();
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.time ?? -1, { timeout: 15_000 }).toBeGreaterThanOrEqual(2811);
		expect((await fakeYouTube(page)).players).toMatchObject([{ place: "pinned", note: SEED_NOTE }]);
		await expect.poll(() => page.locator(`${PINNED} .vc-pinned-time`).innerText()).toMatch(/^46:5\d \/ 1:30:00$/);

		for (const mode of ["reading", "live"] as const) {
			await page.evaluate((m) => (window as unknown as PlaygroundWindow).playground.setMode(m), mode);
			const [header, pinned, note] = await boxes(page, [".view-header", ".vc-pinned-player", mode === "reading" ? ".markdown-reading-view" : ".cm-editor"]);
			expect(pinned, `${mode}: the pinned player is shown`).not.toBeNull();
			expect(pinned!.top, `${mode}: right under the note's header`).toBeGreaterThanOrEqual(header!.bottom - 1);
			expect(pinned!.bottom, `${mode}: above the note`).toBeLessThanOrEqual(note!.top + 1);
			expect(pinned!.height).toBeGreaterThan(150);
			await shootThemes(page, `pinned-${mode}`);
		}
		// A chip in Live Preview plays in the same pinned player, in place.
		const chip = SEED_CITATIONS[5]!;
		expect(await targetEditorElement(page, ".vc-chip", chip.from)).toBe(true);
		await page.locator("[data-e2e-target]").click();
		await expect.poll(async () => Math.floor((await fakeYouTube(page)).players[0]?.time ?? -1)).toBe(chip.seconds);
		expect((await fakeYouTube(page)).created).toBe(1);

		// The long note: its own video waits behind the poster; scrolled to its very end, the player is still where it was.
		await page.evaluate((path) => (window as unknown as PlaygroundWindow).playground.openNote(path, "reading"), LONG_NOTE);
		await expect.poll(() => page.locator(`${PINNED} .vc-player-poster-title`).innerText(), { timeout: 10_000 }).toBe("Product Strategy Stack");
		expect((await fakeYouTube(page)).players, "the seed video's player went with its note").toEqual([]);
		for (const mode of ["reading", "live"] as const) {
			await page.evaluate((m) => (window as unknown as PlaygroundWindow).playground.setMode(m), mode);
			const [before] = await boxes(page, [".vc-pinned-player"]);
			const scrolled = await page.locator(`.mod-root ${SCROLLER[mode]}`).evaluate(async (el) => {
				for (let i = 0; i < 5 && el.scrollTop + el.clientHeight < el.scrollHeight - 1; i++) {
					el.scrollTop = el.scrollHeight;
					await new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r)));
				}
				return { top: el.scrollTop, atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 1 };
			});
			expect(scrolled.top, `${mode}: the note scrolled`).toBeGreaterThan(5000);
			expect(scrolled.atEnd, `${mode}: to its end`).toBe(true);
			const [after, header] = await boxes(page, [".vc-pinned-player", ".view-header"]);
			expect(after, `${mode}: still shown`).toEqual(before);
			expect(after!.top).toBeGreaterThanOrEqual(header!.bottom - 1);
			expect(after!.bottom).toBeLessThanOrEqual(await page.evaluate(() => window.innerHeight));
			if (mode === "reading") await shootThemes(page, "pinned-long-note-scrolled");
		}

		// Collapse to the bar and expand again.
		const [expanded] = await boxes(page, [".vc-pinned-player"]);
		await page.getByRole("button", { name: "Collapse player" }).click();
		await expect.poll(async () => (await boxes(page, [".vc-pinned-player"]))[0]!.height).toBeLessThan(60);
		expect(await page.locator(`${PINNED} .vc-pinned-body`).isVisible()).toBe(false);
		expect(await page.locator(`${PINNED} .vc-pinned-time`).isVisible(), "the bar keeps the time").toBe(true);
		await shootThemes(page, "pinned-collapsed", PINNED);
		await page.getByRole("button", { name: "Expand player" }).click();
		await expect.poll(async () => (await boxes(page, [".vc-pinned-player"]))[0]!.height).toBe(expanded!.height);

		// Resize: one step taller with the keyboard, two more by dragging the handle down.
		const videoHeight = async () => (await boxes(page, [".vc-pinned-player .vc-player"]))[0]!.height;
		const start = await videoHeight();
		const handle = page.getByRole("separator", { name: "Resize player" });
		await handle.focus();
		await page.keyboard.press("ArrowDown");
		await expect.poll(videoHeight).toBe(start + 60);
		expect(await handle.getAttribute("aria-valuenow")).toBe("4");
		const grip = (await handle.boundingBox())!;
		await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
		await page.mouse.down();
		await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 + 125, { steps: 5 });
		await page.mouse.up();
		await expect.poll(videoHeight).toBe(start + 180);
		expect(await handle.getAttribute("aria-valuenow")).toBe("6");

		// The poster plays the long note's video, in the box as it was resized.
		await poster.click();
		await expect.poll(async () => (await fakeYouTube(page)).players.find((p) => p.note === LONG_NOTE)?.state, { timeout: 15_000 }).toBe(1);
		expect(await poster.count()).toBe(0);
		const [frame] = await boxes(page, [".vc-pinned-player .vc-player iframe"]);
		expect(frame!.height).toBe(start + 180);
	});

	it("gives two notes side by side their own players, each driven by its own links", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading", panels: false });
		await placeOnTop(page);
		await page.evaluate(async (path) => {
			const { app } = (window as unknown as PlaygroundWindow).playground;
			const leaf = app.workspace.getLeaf("split");
			await leaf.openFile(app.vault.getFileByPath(path)!);
			(leaf.view as unknown as { setMode(mode: string): void }).setMode("reading");
		}, TWIN_NOTE);
		const leaves = page.locator(".mod-root > .workspace-leaf");
		await expect.poll(() => page.locator(PINNED).count()).toBe(2);
		const [left, right] = [leaves.nth(0), leaves.nth(1)];
		const players = async () => (await fakeYouTube(page)).players;
		const byNote = async (note: string) => (await players()).find((p) => p.note === note)?.time ?? -1;

		await left.locator(LINK).nth(3).click();
		const leftTime = SEED_CITATIONS[3]!.seconds!;
		await expect.poll(() => byNote(SEED_NOTE), { timeout: 15_000 }).toBeGreaterThanOrEqual(leftTime);
		const rightLink = right.locator(LINK).nth(6);
		const rightTime = Number((await rightLink.innerText()).replace(/[[\]]/g, "").split(":").reduce((t, part) => t * 60 + Number(part), 0));
		await rightLink.click();
		await expect.poll(() => byNote(TWIN_NOTE), { timeout: 15_000 }).toBeGreaterThanOrEqual(rightTime);
		expect(await byNote(TWIN_NOTE)).toBeLessThan(rightTime + 3);
		// The left player stayed where its own note sent it.
		expect(await byNote(SEED_NOTE)).toBeGreaterThanOrEqual(leftTime);
		expect(await byNote(SEED_NOTE)).toBeLessThan(leftTime + 5);
		const all = await players();
		expect(all.map((p) => p.place)).toEqual(["pinned", "pinned"]);
		expect(new Set(all.map((p) => p.note))).toEqual(new Set([SEED_NOTE, TWIN_NOTE]));
		// Each player sits in its own note's pane.
		for (const leaf of [left, right]) expect(await leaf.locator(".vc-pinned-player iframe").count()).toBe(1);
		await shootThemes(page, "pinned-side-by-side");
	});

	it("lays out on a phone (390×844) without overflow, on top of the note by default", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading", device: "phone", viewport: { width: 390, height: 844 } });
		await expect.poll(() => page.locator(PINNED).count(), { message: "on a phone the player goes on top of the note" }).toBe(1);
		const overflow = () =>
			page.evaluate(() => {
				const wide = Array.from(document.querySelectorAll<HTMLElement>(".vc-pinned-player, .vc-pinned-player *, .markdown-preview-sizer, .cm-content")).filter((el) => {
					const r = el.getBoundingClientRect();
					return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
				});
				return { pageWidth: document.documentElement.scrollWidth, overflowing: wide.map((el) => el.className) };
			});
		// Before anything plays it is its bar (phone.test.ts measures it); a citation opens it.
		expect((await boxes(page, [".vc-pinned-player"]))[0]!.height).toBeLessThanOrEqual(64);
		expect(await overflow(), "the bar").toEqual({ pageWidth: 390, overflowing: [] });
		await page.locator(LINK).nth(1).click();
		await expect.poll(async () => Math.floor((await fakeYouTube(page)).players[0]?.time ?? -1), { timeout: 15_000 }).toBe(SEED_CITATIONS[1]!.seconds);
		for (const mode of ["reading", "live"] as const) {
			await page.evaluate((m) => (window as unknown as PlaygroundWindow).playground.setMode(m), mode);
			const layout = await overflow();
			await shootThemes(page, `phone-${mode}`);
			expect(layout, mode).toEqual({ pageWidth: 390, overflowing: [] });
			const [pinned, pane] = await boxes(page, [".vc-pinned-player", ".view-content"]);
			expect(pinned!.height, `${mode}: the video has room`).toBeGreaterThan(150);
			expect(pinned!.height, `${mode}: at least half of the note's pane is left to the note`).toBeLessThan(pane!.height / 2);
		}
	});
});
