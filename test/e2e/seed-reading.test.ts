import { expect, it } from "vitest";
import { describeInBrowser, SEED_NOTE, usePlayground } from "./harness/playground";
import { playLabel, SEED_CITATIONS } from "./harness/seed";

/** The seed note in reading view: every rendered `.yt-timestamp` is a seek link (issue 5, in a real browser). */
describeInBrowser("seed note in reading view", () => {
	const playground = usePlayground();

	it("has the 32 citations core finds", () => {
		expect(SEED_CITATIONS).toHaveLength(32);
		expect(SEED_CITATIONS.every((c) => c.seconds !== null)).toBe(true);
	});

	it("shows its 32 timestamps as seek links, in order, with their times", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading" });
		const links = page.locator(".markdown-reading-view .yt-timestamp[role=link]");
		await expect.poll(() => links.count()).toBe(32);
		const seen = await links.evaluateAll((els) =>
			els.map((el) => ({
				// A link writes its tooltip when pointed at, as a reader would.
				label: (el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true })), el.getAttribute("aria-label")),
				role: el.getAttribute("role") ?? el.tagName.toLowerCase(),
				focusable: (el as HTMLElement).tabIndex >= 0,
				muted: el.classList.contains("is-invalid") || el.classList.contains("is-novideo"),
				visible: el.getBoundingClientRect().width > 0,
			})),
		);
		expect(seen.map((s) => s.label)).toEqual(SEED_CITATIONS.map(playLabel));
		expect(seen.every((s) => (s.role === "link" || s.role === "a" || s.role === "button") && s.focusable && !s.muted && s.visible)).toBe(true);
		// The source markup is not left behind next to the links.
		expect(await page.locator(".markdown-reading-view .yt-timestamp:not([role=link])").count()).toBe(0);
	});
});
