import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject } from "vitest";
import type { Device, PlaygroundApi, Theme } from "../../../playground/src/api";
import type { NoteMode } from "../../double/obsidian";
import { launchChrome } from "./chrome";
import { routeFakeYouTube, type FakeYouTubeControl, type FakeYouTubeOptions } from "./fakeYouTube";
import { SCREENSHOT_DIR } from "./paths";

export { CLIP_NOTE, DEMO_VAULT, SCREENSHOT_DIR, SEED_NOTE } from "./paths";

/** `describe` that runs only when Chromium is installed (the global setup says loudly when not). */
export const describeInBrowser = describe.skipIf(!inject("chromePath"));

/** What to open. */
export interface OpenOptions {
	/** Vault path of the note (default: the Welcome note). */
	note?: string;
	mode?: NoteMode;
	theme?: Theme;
	/** Open the player and citations panel in the right sidebar (default true). */
	panels?: boolean;
	viewport?: { width: number; height: number };
	/** How the fake YouTube behaves; `false` leaves YouTube unrouted (then any request is a problem). */
	youtube?: FakeYouTubeOptions | false;
	/** `phone`: the page plays Obsidian on a phone (`Platform.isMobile`, sidebars as drawers the plugin's reveal opens over the note). */
	device?: Device;
	/** `ios`: the page plays Obsidian's iOS app (`Platform.isIosApp`, `is-ios`): an iPad, or an iPhone with `device: "phone"`. */
	platform?: "ios";
	/** Installs Playwright's fake clock before the page loads, so `page.clock.fastForward()` can skip a timeout. */
	clock?: boolean;
	/**
	 * Another playground server's address (`startPlayground({ vault })` in the test file, e.g. a
	 * temporary vault); default: the suite's server on the demo vault. Its origin is then the
	 * page's own: requests to it are not internet requests.
	 */
	base?: string;
}

/** One page on the playground, with everything that went wrong on it. */
export interface Session {
	page: Page;
	/** Console errors, uncaught page errors, dialogs and internet requests, in order. */
	problems: string[];
	/** Requests that reached the fake YouTube (the IFrame API script, embed pages). */
	youtubeRequests: string[];
	/** Every request the page and its frames made, from the page's own load on, in order (routed or not). */
	requests: string[];
	/** Drops the problems matching `pattern` (a case that expects, say, a logged error). */
	allow(pattern: RegExp): void;
	/** Changes how the fake YouTube answers from now on (for example the script starts loading). */
	youtube: FakeYouTubeControl;
	/** The addresses the page asked `window.open` for, in order (the harness opens no window). */
	opened(): Promise<string[]>;
}

/**
 * `window` with the playground's handle. Inside `page.evaluate` callbacks write
 * `(window as unknown as PlaygroundWindow).playground`: the callback runs in the page, so it
 * cannot call helpers imported here.
 */
export type PlaygroundWindow = Window & { playground: PlaygroundApi };

/** The page address for `options`. */
export function playgroundUrl(options: OpenOptions = {}): string {
	const url = new URL(options.base ?? inject("playgroundUrl"));
	if (options.note) url.searchParams.set("note", options.note);
	url.searchParams.set("mode", options.mode ?? "live");
	url.searchParams.set("theme", options.theme ?? "light");
	if (options.panels === false) url.searchParams.set("panels", "0");
	if (options.device) url.searchParams.set("device", options.device);
	if (options.platform) url.searchParams.set("platform", options.platform);
	return url.href;
}

/**
 * Opens the playground in a new page of `context`: collects problems, blocks every request
 * that leaves 127.0.0.1 (recording it as a problem) except the fake YouTube's, loads the page
 * and waits until the plugin is loaded and the note is open.
 */
export async function openSession(context: BrowserContext, options: OpenOptions = {}): Promise<Session> {
	const page = await context.newPage();
	await page.setViewportSize(options.viewport ?? { width: 1400, height: 900 });
	if (options.clock) await page.clock.install();
	// "Open on YouTube" and external links would open a real browser window: record them instead.
	await page.addInitScript(() => {
		const w = window as unknown as { __opened: string[] };
		w.__opened = [];
		window.open = (url?: string | URL) => {
			w.__opened.push(String(url));
			return null;
		};
	});
	const session: Session = {
		page,
		problems: [],
		youtubeRequests: [],
		requests: [],
		allow(pattern) {
			session.problems = session.problems.filter((p) => !pattern.test(p));
		},
		youtube: { set: () => undefined },
		opened: () => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened.slice()),
	};
	page.on("request", (request) => session.requests.push(request.url()));
	page.on("console", (msg) => {
		if (msg.type() === "error") session.problems.push(`console error: ${msg.text()} (${msg.location().url})`);
	});
	page.on("pageerror", (error) => session.problems.push(`uncaught page error: ${error.stack ?? error.message}`));
	page.on("dialog", (dialog) => {
		session.problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
		void dialog.dismiss();
	});
	const local = new URL(options.base ?? inject("playgroundUrl")).origin;
	await page.route(
		(url) => url.origin !== local && url.protocol.startsWith("http"),
		(route) => {
			session.problems.push(`internet request: ${route.request().url()}`);
			return route.abort("blockedbyclient");
		},
	);
	if (options.youtube !== false) session.youtube = await routeFakeYouTube(page, options.youtube ?? {}, session.youtubeRequests);
	await page.goto(playgroundUrl(options));
	await page.waitForSelector("body[data-playground=ready], body[data-playground=error]", { timeout: 30_000 });
	const state = await page.evaluate(() => document.body.dataset.playground);
	if (state !== "ready") {
		const reason = await page.locator(".playground-fatal").innerText().catch(() => "(no message)");
		throw new Error(`The playground did not start: ${reason}\nProblems: ${session.problems.join("\n")}`);
	}
	return session;
}

/** Saves a screenshot of the page (or of `selector`) as test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, "-")}.png`);
	if (selector) await page.locator(selector).first().screenshot({ path });
	else await page.screenshot({ path });
	return path;
}

/**
 * One browser for the enclosing `describe`, and a fresh page per `open()` (in one browser context,
 * so pages share the HTTP cache and compiled scripts and start fast; the plugin's state lives in
 * the page, so nothing carries over). After each test every page opened in it must be free of
 * problems (console errors, page errors, dialogs, internet requests); a failed test leaves a
 * `failed-<test>.png` screenshot.
 */
export function usePlayground(): { open(options?: OpenOptions): Promise<Session> } {
	let browser: Browser | null = null;
	let context: BrowserContext | null = null;
	let sessions: Session[] = [];
	beforeAll(async () => {
		const path = inject("chromePath");
		if (!path) return;
		browser = await launchChrome(path);
		// The plugin copies links and citations: let the page use the clipboard, as Obsidian can.
		context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
	});
	afterEach(async (ctx) => {
		const open = sessions;
		sessions = [];
		if (ctx.task.result?.state === "fail" && open[0]) {
			await screenshot(open[0].page, `failed-${ctx.task.name}`).catch(() => undefined);
		}
		const problems = open.flatMap((s) => s.problems);
		await Promise.all(open.map((s) => s.page.close()));
		expect(problems, "console errors, page errors, dialogs or internet requests on the page").toEqual([]);
	});
	afterAll(async () => {
		await browser?.close();
	});
	return {
		async open(options) {
			if (!context) throw new Error("No browser: run inside describeInBrowser.");
			const session = await openSession(context, options);
			sessions.push(session);
			return session;
		},
	};
}

/**
 * Runs one of the plugin's commands by its name ("Play or pause") from the playground's command runner (the
 * toolbar's "Run a command…" list, what Obsidian's command palette does), as a person would pick
 * it. Fails when the command is not available now (the page says so in a notice).
 */
export async function runCommand(page: Page, name: string): Promise<void> {
	const runner = page.getByRole("combobox", { name: "Run a command" });
	await runner.focus();
	const before = await page.locator(".notice").count();
	// Obsidian lists a plugin's commands under the plugin's name.
	await runner.selectOption({ label: `Video Citations: ${name}` }, { timeout: 5_000 });
	const notices = await page.locator(".notice").allInnerTexts();
	const refused = notices.slice(before).find((n) => n.includes("is not available here"));
	if (refused) throw new Error(`Command "${name}": ${refused}`);
}
