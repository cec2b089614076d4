/**
 * `npm run docs:screenshots`: the README's pictures, taken in the playground with Chromium (the
 * built plugin on the demo vault, offline: the sample clip plays from the vault, YouTube is the
 * browser suite's local fake). Run `npm run build` first. Writes docs/*.png; names given after
 * `--` (`npm run docs:screenshots -- ios-fallback`) retake only those.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { findChrome, launchChrome } from "../../test/e2e/harness/chrome";
import { routeFakeYouTube } from "../../test/e2e/harness/fakeYouTube";
import { startPlayground } from "./server";

const OUT = join(process.cwd(), "docs");
const CLIP = "Sample clip.md";
const SEED = "corpus/lennyspodcast/the_rise_of_the_chief_product_and_technology_officer_role.md";

type Api = { playground: { setMode(m: string): void; openNote(p: string, m?: string): Promise<unknown>; app: { settingTabs: { setControlValue(k: string, v: unknown): Promise<void> }[] } } };

/** Clicks the reading-view link or Live Preview chip for `time` and waits until the clip shows that second, paused. */
async function playClipAt(page: Page, selector: string, seconds: number): Promise<void> {
	await page.locator(selector).first().click();
	await page.waitForFunction(
		(s) => {
			const v = document.querySelector<HTMLVideoElement>("video");
			return !!v && v.readyState >= 2 && v.currentTime >= s;
		},
		seconds,
		{ timeout: 20_000 },
	);
	await page.evaluate(() => document.querySelector<HTMLVideoElement>("video")?.pause());
	await page.waitForTimeout(400);
}

/**
 * The YouTube pictures, on the fake YouTube (its embed page shows the moment it was sent to):
 * `ios-fallback.png`, the seed note on an iPad (`?platform=ios`) after a click on [00:46:51], its
 * player Obsidian's own embed; `youtube-error.png`, the side player's error panel for a video
 * YouTube reports removed or private (error 100), with its "Open in YouTube" button.
 */
async function youtubeShots(browser: Browser, base: string, take: (name: string) => boolean): Promise<void> {
	const shoot = async (name: string, query: string, error: number | undefined, done: (page: Page) => Promise<unknown>) => {
		if (!take(name)) return;
		const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
		await routeFakeYouTube(page, error === undefined ? {} : { error });
		await page.goto(`${base}?note=${encodeURIComponent(SEED)}&mode=reading&theme=light${query}`);
		await page.waitForSelector("body[data-playground=ready]");
		await page.locator('.markdown-reading-view .yt-timestamp[data-t="00:46:51"]').first().click();
		await done(page);
		await page.waitForTimeout(400);
		await page.screenshot({ path: join(OUT, `${name}.png`) });
		await page.close();
	};
	await shoot("ios-fallback", "&platform=ios", undefined, (page) => page.frameLocator(".vc-player-embed iframe").locator("#time", { hasText: "46:51" }).waitFor());
	await shoot("youtube-error", "", 100, (page) => page.locator(".vc-player-error button", { hasText: "Open in YouTube" }).waitFor());
}

async function main(): Promise<void> {
	const chrome = findChrome();
	if (!chrome) throw new Error("No Chromium found (apt install chromium, or set CHROME_PATH).");
	mkdirSync(OUT, { recursive: true });
	const server = await startPlayground({ port: 0 });
	const browser = await launchChrome(chrome);
	try {
		const wanted = process.argv.slice(2);
		const take = (name: string) => wanted.length === 0 || wanted.includes(name);
		const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
		const open = async (note: string, mode: string) => {
			await page.goto(`${server.url}?note=${encodeURIComponent(note)}&mode=${mode}&theme=light`);
			await page.waitForSelector("body[data-playground=ready]");
		};
		if (take("ios-fallback") || take("youtube-error")) await youtubeShots(browser, server.url, take);
		if (!["reading-view", "live-preview", "whole-vault", "pinned-player"].some(take)) return;

		await open(CLIP, "reading");
		await playClipAt(page, '.markdown-reading-view .yt-timestamp[data-t="00:00:46"]', 46);
		// The pointer leaves the link: its "what was said" popover has its own picture (docs/transcript-popover.png).
		await page.mouse.move(5, 700);
		await page.waitForSelector(".vc-citation-popover", { state: "detached", timeout: 5_000 }).catch(() => undefined);
		await page.screenshot({ path: join(OUT, "reading-view.png") });

		await open(CLIP, "live");
		await playClipAt(page, '.vc-chip:has-text("0:30")', 30);
		await page.mouse.move(5, 700);
		await page.waitForSelector(".vc-citation-popover", { state: "detached", timeout: 5_000 }).catch(() => undefined);
		await page.screenshot({ path: join(OUT, "live-preview.png") });

		await open(SEED, "reading");
		await page.locator(".vc-panel-scope[data-scope=vault]").click();
		await page.waitForTimeout(500);
		await page.screenshot({ path: join(OUT, "whole-vault.png") });

		await open(CLIP, "reading");
		await page.evaluate(async () => {
			await (window as unknown as Api).playground.app.settingTabs[0]?.setControlValue("playerPlacement", "top");
		});
		await page.waitForSelector(".vc-pinned-player video");
		await playClipAt(page, '.markdown-reading-view .yt-timestamp[data-t="00:00:15"]', 15);
		await page.evaluate(() => {
			const scroller = document.querySelector(".mod-root .markdown-reading-view") ?? document.querySelector(".mod-root .markdown-preview-view");
			scroller?.scrollBy(0, 260);
		});
		await page.waitForTimeout(400);
		await page.screenshot({ path: join(OUT, "pinned-player.png") });
	} finally {
		await browser.close();
		await server.close();
	}
}

main().then(
	() => process.stdout.write(`Screenshots written to ${OUT}\n`),
	(e: unknown) => {
		process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		process.exit(1);
	},
);
