import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../../playground/server/server";
import { targetEditorElement } from "./harness/editor";
import { fakeYouTube } from "./harness/fakeYouTube";
import { CLIP_NOTE, describeInBrowser, runCommand, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";
import { SEED_CITATIONS } from "./harness/seed";
import { shootThemes } from "./harness/shots";

/** An iPhone 14's screen in CSS pixels. */
const PHONE = { width: 390, height: 844 };
const PINNED = ".mod-root .vc-pinned-player";
const DRAWER = ".mod-right-split";
/** The smallest target a finger is given (Apple's guideline, WCAG 2.5.5). */
const TAP = 44;

/**
 * Puts `window.__vc` in the page: what a person can see of an element (its box, clipped by every
 * scrolling or clipping ancestor and the window; `null` when nothing of it shows, or something
 * else lies on top of its middle) and the plugin's interactive elements that show.
 */
async function installProbe(page: Page): Promise<void> {
	await page.evaluate(() => {
		const shown = (el: Element): DOMRect | null => {
			const r = el.getBoundingClientRect();
			let [top, bottom, left, right] = [r.top, r.bottom, r.left, r.right];
			for (let a: Element | null = el; a; a = a.parentElement) {
				const s = getComputedStyle(a);
				if (s.display === "none" || s.visibility === "hidden") return null;
				if (a !== el && (s.overflowX !== "visible" || s.overflowY !== "visible")) {
					const c = a.getBoundingClientRect();
					[top, bottom, left, right] = [Math.max(top, c.top), Math.min(bottom, c.bottom), Math.max(left, c.left), Math.min(right, c.right)];
				}
			}
			[top, bottom, left, right] = [Math.max(top, 0), Math.min(bottom, innerHeight), Math.max(left, 0), Math.min(right, innerWidth)];
			if (bottom - top < 1 || right - left < 1) return null;
			const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
			return hit && (el === hit || el.contains(hit) || hit.contains(el)) ? r : null;
		};
		const INTERACTIVE = "button, a[href], input, select, textarea, [role=button], [role=link], [role=option], [role=separator][tabindex], [tabindex]:not([tabindex='-1']), .vc-panel-chip, .vc-chip, .yt-timestamp";
		const PLUGIN = ".vc-pinned-player, .vc-panel, .vc-player-view, .markdown-reading-view, .cm-content";
		const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}"`;
		/** Citations inside a sentence (WCAG 2.5.8's inline exception): an inline box with other text on its line. */
		const inline = (el: Element) =>
			el.matches(".yt-timestamp, .vc-chip, .vc-moment-link") &&
			getComputedStyle(el).display.startsWith("inline") &&
			(el.parentElement?.textContent ?? "").trim().length > (el.textContent ?? "").trim().length + 3;
		const targets = () => {
			const found: { name: string; width: number; height: number; inline: boolean }[] = [];
			for (const root of document.querySelectorAll(PLUGIN)) {
				for (const el of root.querySelectorAll(INTERACTIVE)) {
					// Plugin elements only: the note's other links and Obsidian's own controls are not its to size.
					if (root.matches(".markdown-reading-view, .cm-content") && !el.matches(".yt-timestamp, .vc-chip, .vc-moment-link")) continue;
					const box = shown(el);
					if (box) found.push({ name: name(el), width: box.width, height: box.height, inline: inline(el) });
				}
			}
			return found;
		};
		/** Every plugin element that shows, by name, for comparing what shows before and after a hover. */
		const showing = () => [...document.querySelectorAll(`${PLUGIN} *`)].filter((el) => el.className && String(el.className).includes("vc-") && shown(el)).map(name);
		(window as unknown as { __vc: unknown }).__vc = { shown: (sel: string) => [...document.querySelectorAll(sel)].filter((el) => shown(el)).length, box: (sel: string) => {
			const el = document.querySelector(sel);
			const r = el && shown(el);
			return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height } : null;
		}, targets, showing };
	});
}

interface Box {
	top: number;
	bottom: number;
	left: number;
	right: number;
	width: number;
	height: number;
}
interface Target {
	name: string;
	width: number;
	height: number;
	inline: boolean;
}
type Probe = { shown(sel: string): number; box(sel: string): Box | null; targets(): Target[]; showing(): string[] };

const box = (page: Page, sel: string) => page.evaluate((s) => (window as unknown as { __vc: Probe }).__vc.box(s), sel);
const shownCount = (page: Page, sel: string) => page.evaluate((s) => (window as unknown as { __vc: Probe }).__vc.shown(s), sel);
const targets = (page: Page) => page.evaluate(() => (window as unknown as { __vc: Probe }).__vc.targets());
const showing = (page: Page) => page.evaluate(() => (window as unknown as { __vc: Probe }).__vc.showing());

/** The targets smaller than a finger that are not citations inside a sentence; and how many of those there were. */
async function smallTargets(page: Page): Promise<{ small: string[]; inline: number; total: number }> {
	const all = await targets(page);
	const small = all.filter((t) => !t.inline && (t.width < TAP - 0.5 || t.height < TAP - 0.5)).map((t) => `${t.name}: ${Math.round(t.width)}×${Math.round(t.height)}`);
	return { small, inline: all.filter((t) => t.inline).length, total: all.length };
}

/** How many play buttons and time readouts show in the pinned player: the bar's, and the <video>'s own controls when it shows. */
async function controlsShown(page: Page): Promise<{ play: number; clock: number }> {
	const bar = { play: await shownCount(page, `${PINNED} .vc-pinned-play`), clock: await shownCount(page, `${PINNED} .vc-pinned-time`) };
	const native = await page.evaluate((sel) => {
		const v = document.querySelector<HTMLVideoElement>(`${sel} video`);
		return v?.controls === true ? (window as unknown as { __vc: Probe }).__vc.shown(`${sel} video`) : 0;
	}, PINNED);
	return { play: bar.play + native, clock: bar.clock + native };
}

const setMode = (page: Page, mode: "reading" | "live") => page.evaluate((m) => (window as unknown as PlaygroundWindow).playground.setMode(m), mode);

/**
 * Obsidian on a phone (issue 17 and issue 18's mobile layout): a 390×844 screen with the
 * platform Obsidian sets there (`?device=phone`: `Platform.isMobile`/`isPhone`, `is-mobile is-phone`).
 * The player pinned on the note is a compact bar until played; a clip shows one set of controls;
 * the citations panel opens as a drawer over the note and plays from a tap; everything the plugin
 * gives a finger is at least 44 px (or a citation inside a sentence); nothing shows on hover only.
 */
describeInBrowser("on a phone", () => {
	const playground = usePlayground();

	it("the pinned player is a compact bar until played, then opens to the player", async () => {
		const { page, youtubeRequests } = await playground.open({ note: SEED_NOTE, mode: "reading", device: "phone", viewport: PHONE });
		await installProbe(page);
		// As the page first shows the note: the bar alone, the note below it.
		await expect.poll(() => box(page, PINNED)).not.toBeNull();
		const first = (await box(page, PINNED))!;
		expect(first.height, "the bar, not a third of the screen").toBeLessThanOrEqual(64);
		// Named by the note's title, not a bare id.
		expect(await page.locator(`${PINNED} .vc-pinned-title`).innerText()).toBe("The rise of the Chief Product and Technology Officer role");
		expect(await page.locator(`${PINNED} .vc-pinned-note`).innerText()).toBe("Loads from YouTube when you play");
		expect(await page.locator(`${PINNED} .vc-pinned-time`).innerText()).toBe("0:00");
		expect(await shownCount(page, `${PINNED} .vc-pinned-play`)).toBe(1);
		expect(await shownCount(page, `${PINNED} .vc-player-poster, ${PINNED} .vc-pinned-collapse, ${PINNED} .vc-pinned-resize`), "no poster, collapse or resize yet").toBe(0);
		const note = (await box(page, ".mod-root .markdown-reading-view"))!;
		expect(note.top).toBeGreaterThanOrEqual(first.bottom - 1);
		expect(note.bottom - note.top, "the note keeps the rest of the screen").toBeGreaterThan(PHONE.height - 260);
		await shootThemes(page, "phone-poster-bar");
		await page.screenshot({ path: join(REPO_ROOT, "docs", "phone-note.png") });
		await setMode(page, "live");
		expect((await box(page, PINNED))!.height, "Live Preview: the same bar").toBe(first.height);
		expect(youtubeRequests, "opening the note fetched nothing").toEqual([]);

		// Play from the bar: it opens to the player, which plays.
		await page.locator(`${PINNED} .vc-pinned-play`).click();
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.state, { timeout: 15_000 }).toBe(1);
		expect((await fakeYouTube(page)).players).toMatchObject([{ place: "pinned", note: SEED_NOTE }]);
		const [open, frame, pane] = [await box(page, PINNED), await box(page, `${PINNED} iframe`), await box(page, ".mod-root .view-content")];
		expect(frame!.height, "the video has room").toBeGreaterThan(150);
		expect(open!.height, "at least half of the note's pane is left to the note").toBeLessThan(pane!.height / 2);
		expect(await shownCount(page, `${PINNED} .vc-pinned-collapse, ${PINNED} .vc-pinned-resize`)).toBe(2);
		await shootThemes(page, "phone-playing");
	});

	it("a citation opens the bar to the player at its moment, even with play after a click off", async () => {
		// The clip: a paused <video> reports no play (YouTube's seek on a cued video does), so only the seek can open it.
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading", device: "phone", viewport: PHONE });
		await installProbe(page);
		await page.evaluate(async () => {
			const tab = (window as unknown as PlaygroundWindow).playground.app.settingTabs[0] as { setControlValue(key: string, value: unknown): Promise<void> };
			await tab.setControlValue("playOnSeek", false);
		});
		await expect.poll(() => page.locator(`${PINNED} .vc-pinned-time`).innerText(), { timeout: 15_000 }).toBe("0:00 / 1:00");
		expect((await box(page, PINNED))!.height).toBeLessThanOrEqual(64);
		await page.locator(".markdown-reading-view .yt-timestamp[role=link]", { hasText: "00:00:30" }).click();
		const video = page.locator(`${PINNED} video`);
		await expect.poll(() => video.evaluate((v: HTMLVideoElement) => Math.floor(v.currentTime)), { timeout: 15_000 }).toBe(30);
		expect(await video.evaluate((v: HTMLVideoElement) => v.paused), "paused, as the setting asks").toBe(true);
		await expect.poll(async () => (await box(page, `${PINNED} video`))?.height ?? 0).toBeGreaterThan(150);
		expect(await controlsShown(page)).toEqual({ play: 1, clock: 1 });
	});

	it("a clip shows one play button and one clock: the bar's until played, then the video's own", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading", device: "phone", viewport: PHONE });
		await installProbe(page);
		await expect.poll(() => page.locator(`${PINNED} .vc-pinned-time`).innerText(), { timeout: 15_000 }).toBe("0:00 / 1:00");
		expect((await box(page, PINNED))!.height).toBeLessThanOrEqual(64);
		expect(await controlsShown(page), "unplayed: the bar's").toEqual({ play: 1, clock: 1 });
		expect(await shownCount(page, `${PINNED} video`), "the <video> waits out of sight").toBe(0);

		await page.locator(`${PINNED} .vc-pinned-play`).click();
		const video = page.locator(`${PINNED} video`);
		await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0.5), { timeout: 15_000 }).toBe(true);
		expect(await controlsShown(page), "playing: the video's own controls").toEqual({ play: 1, clock: 1 });
		expect(await shownCount(page, `${PINNED} .vc-pinned-play, ${PINNED} .vc-pinned-time`), "not the bar's").toBe(0);
		expect(await page.locator(`${PINNED} .vc-pinned-title`).isVisible(), "the bar keeps the clip's name").toBe(true);
		await video.evaluate((v: HTMLVideoElement) => v.pause());
		await shootThemes(page, "phone-clip");

		// Collapsed, the video's controls are out of sight and the bar's are back.
		await page.getByRole("button", { name: "Collapse player" }).click();
		expect(await controlsShown(page), "collapsed: the bar's").toEqual({ play: 1, clock: 1 });
		expect(await shownCount(page, `${PINNED} video`)).toBe(0);
	});

	it("the citations panel opens as a drawer over the note; a tap on a row's time plays it and shows the row's whole text", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading", device: "phone", viewport: PHONE });
		await installProbe(page);
		expect(await box(page, DRAWER), "closed at start").toBeNull();
		await runCommand(page, "Open citations panel");
		await expect.poll(() => box(page, `${DRAWER} .vc-panel-row`)).not.toBeNull();
		const drawer = (await box(page, DRAWER))!;
		expect(drawer.right, "from the right edge").toBe(PHONE.width);
		expect(drawer.left, "over the note, which shows dimmed beside it").toBeGreaterThan(0);
		expect([drawer.top, drawer.bottom], "the whole height").toEqual([0, PHONE.height]);
		expect(await page.evaluate(() => document.elementFromPoint(10, 400)?.className), "a tap beside it lands on the backdrop").toBe("workspace-drawer-backdrop");

		const row = page.locator(`${DRAWER} .vc-panel-row`).first();
		const text = row.locator(".vc-panel-text");
		const clamped = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
		expect(await clamped(), "a long claim is cut to two lines (a mouse reads it whole in a tooltip)").toBe(true);
		await row.locator(".vc-panel-chip").click();
		await expect.poll(async () => Math.floor((await fakeYouTube(page)).players[0]?.time ?? -1), { timeout: 15_000 }).toBe(SEED_CITATIONS[0]!.seconds);
		expect((await fakeYouTube(page)).players).toMatchObject([{ place: "pinned", note: SEED_NOTE }]);
		expect(await clamped(), "the tapped row shows its whole text").toBe(false);
		await shootThemes(page, "phone-panel-drawer");
		// A phone has no pointer left hovering on what was tapped.
		await page.mouse.move(0, PHONE.height - 1);
		await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.setTheme("light"));
		await page.screenshot({ path: join(REPO_ROOT, "docs", "phone-panel.png") });

		await page.mouse.click(10, 400);
		await expect.poll(() => box(page, DRAWER)).toBeNull();
		expect((await box(page, `${PINNED} iframe`))!.height, "the note's player opened at the moment").toBeGreaterThan(150);
	});

	it("everything the plugin gives a finger is at least 44 px, except citations inside a sentence", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading", device: "phone", viewport: PHONE });
		await installProbe(page);
		await expect.poll(() => box(page, PINNED)).not.toBeNull();
		const seen: Record<string, { small: string[]; inline: number; total: number }> = {};
		seen["reading, unplayed"] = await smallTargets(page);

		await runCommand(page, "Open citations panel");
		await expect.poll(() => box(page, `${DRAWER} .vc-panel-row`)).not.toBeNull();
		seen["panel: this note"] = await smallTargets(page);
		await page.getByRole("button", { name: "Whole vault" }).click();
		await expect.poll(() => box(page, `${DRAWER} .vc-panel-list.is-vault .vc-panel-row`), { timeout: 20_000 }).not.toBeNull();
		seen["panel: whole vault"] = await smallTargets(page);
		await page.locator(`${DRAWER} .vc-panel-chip`).nth(2).click();
		await expect.poll(async () => (await fakeYouTube(page)).players.length, { timeout: 15_000 }).toBe(1);
		await page.mouse.click(10, 400);
		await expect.poll(() => box(page, DRAWER)).toBeNull();
		seen["reading, playing"] = await smallTargets(page);

		await setMode(page, "live");
		expect(await targetEditorElement(page, ".vc-chip", SEED_CITATIONS[3]!.from)).toBe(true);
		seen["Live Preview"] = await smallTargets(page);

		await page.evaluate((path) => (window as unknown as PlaygroundWindow).playground.openNote(path, "reading"), CLIP_NOTE);
		await expect.poll(() => page.locator(`${PINNED} .vc-pinned-time`).innerText(), { timeout: 15_000 }).toBe("0:00 / 1:00");
		seen["clip, unplayed"] = await smallTargets(page);

		for (const [state, found] of Object.entries(seen)) {
			expect(found.small, `${state}: targets under 44 px`).toEqual([]);
			expect(found.total, `${state}: targets measured`).toBeGreaterThan(0);
		}
		// Exempt only as citations inside sentences; the panel's and the player's targets are all full size.
		expect(seen["reading, unplayed"].inline).toBeGreaterThan(1);
		expect(seen["Live Preview"].inline).toBeGreaterThan(0);
		expect(seen["panel: this note"].total - seen["panel: this note"].inline).toBeGreaterThan(10);
	});

	it("shows nothing on hover only: hovering changes no element that shows, and no hover rule of styles.css shows or hides one", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading", device: "phone", viewport: PHONE });
		await installProbe(page);
		await runCommand(page, "Open citations panel");
		await expect.poll(() => box(page, `${DRAWER} .vc-panel-row`)).not.toBeNull();
		const hovered: string[] = [];
		for (const sel of [`${DRAWER} .vc-panel-row`, `${DRAWER} .vc-panel-chip`, `${DRAWER} .vc-panel-group-header`, `${DRAWER} .vc-panel-scope`, `${DRAWER} .vc-panel-copy`]) {
			const before = await showing(page);
			await page.locator(sel).first().hover();
			expect(await showing(page), `hovering ${sel}`).toEqual(before);
			hovered.push(sel);
		}
		await page.mouse.click(10, 400);
		await expect.poll(() => box(page, DRAWER)).toBeNull();
		for (const sel of [`${PINNED} .vc-pinned-bar`, `${PINNED} .vc-pinned-play`, ".markdown-reading-view .yt-timestamp[role=link]"]) {
			const before = await showing(page);
			await page.locator(sel).first().hover();
			expect(await showing(page), `hovering ${sel}`).toEqual(before);
			hovered.push(sel);
		}
		expect(hovered).toHaveLength(8);

		// Every :hover rule of the plugin's stylesheet changes colours and lines only.
		const rules = await page.evaluate(() => {
			const out: { selector: string; properties: string[] }[] = [];
			for (const sheet of document.styleSheets) {
				let list: CSSRuleList;
				try {
					list = sheet.cssRules;
				} catch {
					continue;
				}
				for (const rule of list) {
					if (rule instanceof CSSStyleRule && rule.selectorText.includes(":hover") && /\.vc-|yt-timestamp/.test(rule.selectorText)) {
						out.push({ selector: rule.selectorText, properties: [...rule.style] });
					}
				}
			}
			return out;
		});
		expect(rules.length, "the plugin's hover rules were read").toBeGreaterThan(5);
		const COSMETIC = /^(color|background-color|text-decoration(-.+)?|box-shadow|outline(-.+)?|border(-.+)?-color|cursor)$/;
		expect(rules.filter((r) => r.properties.some((p) => !COSMETIC.test(p)))).toEqual([]);
	});
});

/** A desktop shows one set of a clip's controls too: the pinned bar leaves out its own while the video's are in view. */
describeInBrowser("a clip on a desktop", () => {
	const playground = usePlayground();

	it("shows one play button and one clock in the pinned player, open or collapsed", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading", panels: false });
		await page.evaluate(async () => {
			const tab = (window as unknown as PlaygroundWindow).playground.app.settingTabs[0] as { setControlValue(key: string, value: unknown): Promise<void> };
			await tab.setControlValue("playerPlacement", "top");
		});
		await installProbe(page);
		await expect.poll(() => page.locator(`${PINNED} video`).evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
		expect(await shownCount(page, `${PINNED} video`), "a desktop shows the clip at once").toBe(1);
		expect(await controlsShown(page), "open: the video's own").toEqual({ play: 1, clock: 1 });
		expect(await shownCount(page, `${PINNED} .vc-pinned-play, ${PINNED} .vc-pinned-time`)).toBe(0);
		await page.getByRole("button", { name: "Collapse player" }).click();
		expect(await controlsShown(page), "collapsed: the bar's").toEqual({ play: 1, clock: 1 });
		expect(await page.locator(`${PINNED} .vc-pinned-time`).innerText()).toBe("0:00 / 1:00");
	});
});
