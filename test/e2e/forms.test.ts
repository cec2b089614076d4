import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { extractCitations, formatTimestamp, labelTime, type Citation } from "../../src/core";
import { REPO_ROOT, startPlayground, type PlaygroundServer } from "../../playground/server/server";
import { editorElements } from "./harness/editor";
import { fakeYouTube } from "./harness/fakeYouTube";
import { DEMO_VAULT, describeInBrowser, usePlayground, type PlaygroundWindow } from "./harness/playground";
import { citationAt } from "./harness/seed";

const SEED_ID = "aXGo1o_baBo";
const OTHER_ID = "hEzpiDuYFoE";
const NOTE = "Forms.md";

/** One note citing its video (and others) in every form core reads. */
const TEXT = `---
videoId: ${SEED_ID}
---
# Every citation form

A standard element <a class="yt-timestamp" data-t="00:00:26">[00:00:26]</a>.

A moment link to this note's video [0:40](https://youtu.be/${SEED_ID}?t=40).

A moment link to another video [1:05](https://www.youtube.com/watch?v=${OTHER_ID}&t=65).

A wiki link to the demo clip [[clip.webm#t=20]].

A markdown link to the demo clip [at 0:40](media/clip.webm#t=0:40), and a range [30 to 45](media/clip.webm#t=30,45).

An empty-target time link [00:05]().

Two elements the renderer shows as text: <a class="yt-timestamp" data=t="00:07:13">[00:07:13]</a> and <a class="yt-timestamp" data-02:52:00">[02:52:00]</a>.
`;

const CITATIONS: Citation[] = extractCitations(TEXT);

/** What each citation, in order, is and plays: its form, and the video (a YouTube id or the clip) and second. */
const EXPECTED: { form: Citation["form"]; plays: { youtube: string } | "clip"; seconds: number }[] = [
	{ form: "element", plays: { youtube: SEED_ID }, seconds: 26 },
	{ form: "link", plays: { youtube: SEED_ID }, seconds: 40 },
	{ form: "link", plays: { youtube: OTHER_ID }, seconds: 65 },
	{ form: "link", plays: "clip", seconds: 20 },
	{ form: "link", plays: "clip", seconds: 40 },
	{ form: "link", plays: "clip", seconds: 30 },
	{ form: "bare", plays: { youtube: SEED_ID }, seconds: 5 },
	{ form: "element", plays: { youtube: SEED_ID }, seconds: 433 },
	{ form: "element", plays: { youtube: SEED_ID }, seconds: 10320 },
];

/** The reading view's seek links: elements (rendered, or built in place of markup shown as text) and moment links. */
const LINKS = ".markdown-reading-view :is(.yt-timestamp[role=link], .vc-moment-link)";
const PANEL_CHIPS = ".mod-right-split .vc-panel .vc-panel-list .vc-panel-chip";

const clock = (seconds: number) => formatTimestamp(seconds, { style: "m:ss" });

/** The live fake YouTube player showing `id`, its time, or -1. */
async function youtubeTime(page: Page, id: string): Promise<number> {
	const player = (await fakeYouTube(page)).players.find((p) => p.attached && p.id === id);
	return player?.time ?? -1;
}

/** The player's `<video>`: its time once it has metadata (-1 before) and its source. */
function clipState(page: Page): Promise<{ time: number; src: string }> {
	return page.evaluate(() => {
		const v = document.querySelector<HTMLVideoElement>(".workspace video");
		return { time: v && v.readyState >= 1 ? v.currentTime : -1, src: v?.currentSrc ?? "" };
	});
}

/**
 * Every citation form in Chromium: a note holding a standard element, moment links to its own
 * and another YouTube video, a wiki link and markdown links (a time and a range) to the demo
 * clip, an empty-target time link, and two elements whose markup the renderer shows as text.
 * Reading view makes each a seek link that plays the right video at the right moment (the fake
 * YouTube, the clip's real `<video>`); Live Preview gives each a chip, source mode a mark, and the
 * panel lists them all.
 */
describeInBrowser("every citation form", () => {
	const playground = usePlayground();
	let vault = "";
	let server: PlaygroundServer | null = null;

	beforeAll(async () => {
		vault = mkdtempSync(join(tmpdir(), "vc-forms-vault-"));
		mkdirSync(join(vault, "media"));
		copyFileSync(join(DEMO_VAULT, "media", "clip.webm"), join(vault, "media", "clip.webm"));
		writeFileSync(join(vault, NOTE), TEXT);
		server = await startPlayground({ vault });
	});

	afterAll(async () => {
		await server?.close();
		if (vault) rmSync(vault, { recursive: true, force: true });
	});

	it("core reads nine citations of the note, one of each kind", () => {
		expect(CITATIONS.map((c) => ({ form: c.form, seconds: c.seconds }))).toEqual(EXPECTED.map((e) => ({ form: e.form, seconds: e.seconds })));
		expect(CITATIONS.slice(7).map((c) => c.repair)).toEqual(["attribute", "attribute"]);
	});

	it("reading view: each is a seek link that plays its video from its moment", async () => {
		// Four hours, so 02:52:00 lies within the video and reads as written.
		const session = await playground.open({ base: server?.url, note: NOTE, mode: "reading", youtube: { duration: 4 * 3600 } });
		const { page } = session;
		const links = page.locator(LINKS);
		await expect.poll(() => links.count()).toBe(EXPECTED.length);
		const shown: { text: string; cls: string }[] = await links.evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? "", cls: el.getAttribute("class") ?? "" })));
		// The two elements shown as text are links in their place, marked repaired, and their markup is gone.
		expect(shown.slice(7)).toEqual([
			{ text: "[00:07:13]", cls: "yt-timestamp vc-text-citation is-repaired" },
			{ text: "[02:52:00]", cls: "yt-timestamp vc-text-citation is-repaired" },
		]);
		expect(await page.locator(".markdown-reading-view").innerText()).not.toContain("yt-timestamp");
		expect(shown.slice(1, 7).every((l) => l.cls.includes("vc-moment-link"))).toBe(true);

		// The players stay where a link sends them (no playing on), so each time read is the seek's own.
		await page.getByRole("button", { name: "Settings" }).click();
		const dialog = page.getByRole("dialog", { name: "Settings" });
		await dialog.locator(".setting-item", { hasText: "Play after a timestamp is clicked" }).locator(".checkbox-container").click();
		await expect.poll(() => page.evaluate(() => ((window as unknown as PlaygroundWindow).playground.plugin as unknown as { settings: { playOnSeek: boolean } }).settings.playOnSeek)).toBe(false);
		await page.keyboard.press("Escape");

		for (const [i, expected] of EXPECTED.entries()) {
			await links.nth(i).click();
			const { seconds, plays } = expected;
			const time = plays === "clip" ? async () => (await clipState(page)).time : () => youtubeTime(page, plays.youtube);
			const what = `link ${i} (${shown[i]?.text}) plays ${plays === "clip" ? "the clip" : plays.youtube} from ${seconds}`;
			await expect.poll(async () => Math.abs((await time()) - seconds) < 0.5, { timeout: 15_000, message: what }).toBe(true);
			if (plays === "clip") expect((await clipState(page)).src).toMatch(/\/vault\/media\/clip\.webm$/);
		}
		expect(await session.opened(), "no link opened the browser").toEqual([]);
	});

	it("Live Preview shows a chip for each, source mode marks each, and the panel lists them all", async () => {
		const { page } = await playground.open({ base: server?.url, note: NOTE, mode: "live" });
		const chips = await editorElements(page, ".vc-chip");
		expect(chips.map((chip) => citationAt(CITATIONS, chip.pos))).toEqual(CITATIONS.map((_, i) => i));
		// A link in the writer's own words keeps them on its chip; the others show their time.
		const words = (c: (typeof CITATIONS)[number]) => (c.form === "link" && labelTime(c.label) === null ? c.label : clock(c.seconds ?? -1));
		expect(chips.map((chip) => chip.text)).toEqual(CITATIONS.map((c) => `▶${words(c)}`));
		expect(chips.map((chip) => chip.text)).toContain("▶at 0:40");
		// "Play from 1:05", and "in clip.webm" or "in YouTube video …" for a citation of another video than the note's.
		expect(chips.map((chip) => chip.ariaLabel?.split(" (")[0]?.split(" in ")[0])).toEqual(CITATIONS.map((c) => `Play from ${clock(c.seconds ?? -1)}`));
		expect(chips.filter((chip) => chip.ariaLabel?.includes(" in clip.webm"))).toHaveLength(3);
		expect(chips.slice(7).every((chip) => chip.className.includes("is-repaired"))).toBe(true);

		// A range shows as one (issue 20): "0:30–0:45".
		await expect.poll(() => page.locator(PANEL_CHIPS).allInnerTexts()).toEqual(CITATIONS.map((c) => clock(c.seconds ?? -1) + (c.end === undefined ? "" : `–${clock(c.end)}`)));

		await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.setMode("source"));
		const marks = await editorElements(page, ".vc-source-timestamp");
		expect(marks.map((mark) => citationAt(CITATIONS, mark.pos))).toEqual(CITATIONS.map((_, i) => i));
		expect(marks.map((mark) => mark.text)).toEqual(CITATIONS.map((c) => TEXT.slice(c.from, c.to)));
	});

	it("screenshots of the note in reading view and Live Preview (docs/forms-reading.png, docs/forms-live-preview.png)", async () => {
		const { page } = await playground.open({ base: server?.url, note: NOTE, mode: "reading", viewport: { width: 1400, height: 760 } });
		await expect.poll(() => page.locator(LINKS).count()).toBe(EXPECTED.length);
		await expect.poll(() => page.locator(PANEL_CHIPS).count()).toBe(EXPECTED.length);
		await page.screenshot({ path: join(REPO_ROOT, "docs", "forms-reading.png") });
		await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.setMode("live"));
		await expect.poll(() => page.locator(".markdown-source-view .vc-chip").count()).toBe(EXPECTED.length);
		await page.screenshot({ path: join(REPO_ROOT, "docs", "forms-live-preview.png") });
	});
});
