import type { Page } from "playwright-core";
import type { Theme } from "../../../playground/src/api";
import { screenshot, type PlaygroundWindow } from "./playground";

/** Lets the page apply a theme switch: fonts loaded and two frames drawn. */
async function settleTheme(page: Page, theme: Theme): Promise<void> {
	await page.evaluate(async (t) => {
		(window as unknown as PlaygroundWindow).playground.setTheme(t);
		await document.fonts.ready;
		await new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)));
	}, theme);
}

/**
 * Saves the page as it is now (or the first match of `selector`) in both themes, as
 * `NAME-light.png` and `NAME-dark.png` under test-results/screenshots/, then puts the page's
 * theme back. One state, two pictures: a view is reviewed in light and dark without being set up twice.
 */
export async function shootThemes(page: Page, name: string, selector?: string): Promise<string[]> {
	const was = await page.evaluate(() => (document.body.classList.contains("theme-dark") ? "dark" : "light"));
	const paths: string[] = [];
	for (const theme of ["light", "dark"] as const) {
		await settleTheme(page, theme);
		paths.push(await screenshot(page, `${name}-${theme}`, selector));
	}
	if (was !== "dark") await settleTheme(page, was);
	return paths;
}
