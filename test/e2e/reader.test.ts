import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT, startPlayground, type PlaygroundServer } from "../../playground/server/server";
import { describeInBrowser, usePlayground } from "./harness/playground";
import { shootThemes } from "./harness/shots";

const FIXTURES = join(REPO_ROOT, "test", "fixtures");
/** Real notes of the corpus, each chosen for one thing a reader sees. */
const NOTES: Record<string, string> = {
	"Seed.md": join(FIXTURES, "corpus/lennyspodcast/the_rise_of_the_chief_product_and_technology_officer_role.md"),
	"Doctor.md": join(FIXTURES, "corpus/foundmyfitness/caloric_restriction_and_healthspan.md"),
	"Frames.md": join(FIXTURES, "times/alexhormozi/advertising_and_customer_awareness.md"),
	"Hair.md": join(FIXTURES, "corpus/hubermanlab/hormonal_influences_on_hair_growth.md"),
	"Strategy.md": join(FIXTURES, "corpus/lennyspodcast/product_strategy_stack.md"),
};
const MISSING = `---\ntitle: A talk whose file moved\nvideo: media/moved-away.webm\n---\n# Notes\n\nThe speaker opens with the plan <a class="yt-timestamp" data-t="00:00:12">[00:00:12]</a>.\n`;

const PANEL = ".mod-right-split .vc-panel";
const ROWS = `${PANEL} .vc-panel-list .vc-panel-row`;
const LINKS = ".markdown-reading-view .yt-timestamp[role=link]";

function rows(page: Page): Promise<{ text: string; continuation: boolean; playing: boolean }[]> {
	return page.locator(ROWS).evaluateAll((els) =>
		els.map((row) => ({ text: row.querySelector(".vc-panel-text")?.textContent ?? "", continuation: row.classList.contains("is-continuation"), playing: row.classList.contains("is-playing") })),
	);
}

/** Every element the plugin marks as playing, anywhere on the page. */
function playingMarks(page: Page): Promise<number> {
	return page.locator(".is-playing").count();
}

describeInBrowser("what a reader sees, on real notes", () => {
	const playground = usePlayground();
	let vault = "";
	let server: PlaygroundServer | null = null;

	beforeAll(async () => {
		vault = mkdtempSync(join(tmpdir(), "vc-reader-vault-"));
		for (const [name, from] of Object.entries(NOTES)) copyFileSync(from, join(vault, name));
		writeFileSync(join(vault, "Moved.md"), MISSING);
		mkdirSync(join(vault, "media"));
		server = await startPlayground({ vault });
	});

	afterAll(async () => {
		await server?.close();
		if (vault) rmSync(vault, { recursive: true, force: true });
	});

	it("panel rows: each citation its own clause, continuing rows hung under the first, the note and video named by title", async () => {
		const { page } = await playground.open({ base: server?.url, note: "Seed.md", mode: "reading", theme: "light" });
		await expect.poll(() => page.locator(ROWS).count()).toBe(32);
		const shown = await rows(page);
		const i = shown.findIndex((r) => r.text === "…driven by customer and business needs");
		expect(i).toBeGreaterThan(0);
		expect(shown[i - 1]?.text).toMatch(/^A key philosophy of this combined role .* the entire organization$/);
		expect(shown[i]?.continuation).toBe(true);
		expect(shown[i - 1]?.continuation).toBe(false);
		// Hung under the row above: indented by the continuation rule.
		const [first, second] = await page.locator(ROWS).evaluateAll((els, at) => [els[at - 1], els[at]].map((el) => (el as HTMLElement).getBoundingClientRect().left), i);
		expect(second! - first!).toBeGreaterThan(8);
		expect(await page.locator(`${PANEL} .vc-panel-note`).innerText()).toBe("The rise of the Chief Product and Technology Officer role");
		expect(await page.locator(`${PANEL} .vc-panel-video-name`).innerText()).toBe("YouTube video");
	});

	it("the sentence splitter keeps 'Dr.' with the name", async () => {
		const { page } = await playground.open({ base: server?.url, note: "Doctor.md", mode: "reading" });
		await expect.poll(() => page.locator(ROWS).count()).toBeGreaterThan(5);
		const texts = (await rows(page)).map((r) => r.text);
		expect(texts.some((t) => t.startsWith("Studies by Dr. Fontana's lab"))).toBe(true);
		expect(texts.some((t) => t.startsWith("Fontana's lab"))).toBe(false);
	});

	it("a note written as minutes:seconds:frames: no link marked for it, one line in the panel header", async () => {
		const { page } = await playground.open({ base: server?.url, note: "Frames.md", mode: "reading" });
		await expect.poll(() => page.locator(LINKS).count()).toBe(55);
		// Only the one time the note leaves ambiguous is marked; the 54 read as the note writes them are not.
		expect(await page.locator(`${LINKS}.is-repaired`).count()).toBe(1);
		const readings = page.locator(`${PANEL} .vc-panel-readings`);
		await expect.poll(() => readings.isVisible()).toBe(true);
		expect(await readings.innerText()).toContain("54 times are read as minutes:seconds, as this note writes them");
		expect(await readings.locator("button").innerText()).toBe("Rewrite as hours:minutes:seconds");
		// The tooltip still says how each was read.
		expect(await page.locator(LINKS).first().getAttribute("aria-label")).toMatch(/^Play from .*minutes:seconds/);
	});

	it("a click while YouTube is offline marks nothing as playing; the error panel says what happened", async () => {
		const session = await playground.open({ base: server?.url, note: "Seed.md", mode: "reading", youtube: { script: "fail" } });
		const { page } = session;
		await expect.poll(() => page.locator(LINKS).count()).toBe(32);
		await page.locator(LINKS).first().click();
		const error = page.locator(".vc-player-error-message");
		await expect.poll(() => error.isVisible(), { timeout: 20_000 }).toBe(true);
		expect(await error.innerText()).toMatch(/could not be downloaded/);
		expect(await playingMarks(page)).toBe(0);
		expect((await rows(page)).some((r) => r.playing)).toBe(false);
		// Chromium's own line for the failed download; the plugin logged nothing.
		session.allow(/^console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED /);
	});

	it("a click when YouTube answers marks the clicked link and its row as playing (the same copy)", async () => {
		const { page } = await playground.open({ base: server?.url, note: "Seed.md", mode: "reading" });
		await expect.poll(() => page.locator(LINKS).count()).toBe(32);
		await page.locator(LINKS).first().click();
		await expect.poll(() => page.locator(`${LINKS}.is-playing`).count(), { timeout: 20_000 }).toBe(1);
		expect(await page.locator(`${LINKS}.is-playing`).getAttribute("data-t")).toBe("00:46:51");
		expect((await rows(page)).findIndex((r) => r.playing)).toBe(0);
	});

	it("a missing vault file marks nothing as playing; the error panel says the file is not in the vault", async () => {
		const { page } = await playground.open({ base: server?.url, note: "Moved.md", mode: "reading" });
		await expect.poll(() => page.locator(LINKS).count()).toBe(1);
		await page.locator(LINKS).first().click();
		const error = page.locator(".vc-player-error-message");
		await expect.poll(() => error.isVisible(), { timeout: 20_000 }).toBe(true);
		expect(await error.innerText()).toMatch(/not in this vault/);
		expect(await playingMarks(page)).toBe(0);
	});

	it("Live Preview: a chip keeps its full stop on its line at every width, with no gap; stray brackets hide with it", async () => {
		const { page } = await playground.open({ base: server?.url, note: "Hair.md", mode: "live" });
		await expect.poll(() => page.locator(".cm-content .vc-chip").count()).toBeGreaterThan(2);
		expect(await page.locator(".cm-content").innerText()).not.toMatch(/\[\s*▶/);
		const widths = [];
		for (let w = 320; w <= 760; w += 11) widths.push(w);
		const broken = await page.evaluate(async (list) => {
			const content = document.querySelector<HTMLElement>(".workspace-leaf.mod-active .cm-content") ?? document.querySelector<HTMLElement>(".cm-content");
			const sizer = content!.closest<HTMLElement>(".cm-editor")!;
			const out: string[] = [];
			for (const w of list) {
				sizer.style.width = `${w}px`;
				await new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r)));
				for (const chip of Array.from(content!.querySelectorAll<HTMLElement>(".vc-chip"))) {
					const next = chip.nextSibling;
					if (!next || next.nodeType !== Node.TEXT_NODE || !/^[.,;:]/.test(next.nodeValue ?? "")) continue;
					const range = document.createRange();
					range.setStart(next, 0);
					range.setEnd(next, 1);
					const mark = range.getBoundingClientRect();
					const rects = chip.getClientRects();
					const last = rects[rects.length - 1]!;
					if (Math.abs(mark.top - last.top) > 4 || mark.left - last.right > 1.5) out.push(`${w}px: "${chip.textContent}" then "${next.nodeValue?.[0]}" at ${mark.left - last.right}px, ${mark.top - last.top}px down`);
				}
			}
			sizer.style.width = "";
			return out;
		}, widths);
		expect(broken).toEqual([]);
	});

	it("Live Preview: Escape then Tab reaches a chip, and Enter plays it", async () => {
		const { page } = await playground.open({ base: server?.url, note: "Seed.md", mode: "live" });
		await expect.poll(() => page.locator(".cm-content .vc-chip").count()).toBeGreaterThan(2);
		await page.locator(".cm-content .cm-line").first().click();
		await page.keyboard.press("Escape");
		await page.keyboard.press("Tab");
		const focused = await page.evaluate(() => ({ cls: document.activeElement?.className ?? "", label: document.activeElement?.getAttribute("aria-label") ?? "" }));
		expect(focused.cls).toContain("vc-chip");
		expect(focused.label).toMatch(/^Play from /);
		await page.keyboard.press("Enter");
		await expect.poll(() => page.locator(".cm-content .vc-chip.is-playing").count(), { timeout: 20_000 }).toBe(1);
	});

	it("screenshots: the panel on a note with many claims, light and dark", async () => {
		const { page } = await playground.open({ base: server?.url, note: "Strategy.md", mode: "reading" });
		await expect.poll(() => page.locator(ROWS).count()).toBeGreaterThan(40);
		const paths = await shootThemes(page, "panel-claims", PANEL);
		expect(paths).toHaveLength(2);
	});
});
