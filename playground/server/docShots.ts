/**
 * `npm run docs:screenshots`: the README's pictures, taken in the playground with Chromium (the
 * built plugin on the demo vault, offline: the sample clip plays from the vault). Run
 * `npm run build` first. Writes docs/*.png.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { findChrome, launchChrome } from "../../test/e2e/harness/chrome";
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

async function main(): Promise<void> {
	const chrome = findChrome();
	if (!chrome) throw new Error("No Chromium found (apt install chromium, or set CHROME_PATH).");
	mkdirSync(OUT, { recursive: true });
	const server = await startPlayground({ port: 0 });
	const browser = await launchChrome(chrome);
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
		const open = async (note: string, mode: string) => {
			await page.goto(`${server.url}?note=${encodeURIComponent(note)}&mode=${mode}&theme=light`);
			await page.waitForSelector("body[data-playground=ready]");
		};

		await open(CLIP, "reading");
		await playClipAt(page, '.markdown-reading-view .yt-timestamp[data-t="00:00:46"]', 46);
		await page.locator('.markdown-reading-view .yt-timestamp[data-t="00:00:46"]').hover();
		await page.screenshot({ path: join(OUT, "reading-view.png") });

		await open(CLIP, "live");
		await playClipAt(page, '.vc-chip:has-text("0:30")', 30);
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
