import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * How the suite starts Chromium: headless, no sandbox (CI runs as root), and nothing that talks
 * to Google in the background, so the only network traffic is the page's own.
 */
export const CHROME_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--no-first-run",
	"--disable-dev-shm-usage",
	"--autoplay-policy=no-user-gesture-required",
	"--mute-audio",
];

/** Where Chromium is looked for when `CHROME_PATH` is unset (Debian's package first). */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The browser to drive: `CHROME_PATH` when set (it must exist), else the first installed candidate, else `null`. */
export function findChrome(env: Record<string, string | undefined> = process.env): string | null {
	const wanted = env.CHROME_PATH?.trim();
	if (wanted) return existsSync(wanted) ? wanted : null;
	return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Starts Chromium. `E2E_HEADED=1` shows the window when a display exists (and `E2E_SLOWMO=ms`
 * slows every action down), for watching a case run.
 */
export function launchChrome(executablePath: string): Promise<Browser> {
	const headed = process.env.E2E_HEADED === "1" && !!process.env.DISPLAY;
	return chromium.launch({
		executablePath,
		headless: !headed,
		args: CHROME_ARGS,
		slowMo: headed ? Number(process.env.E2E_SLOWMO ?? 0) : 0,
	});
}
