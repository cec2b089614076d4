import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { extractCitations, formatTimestamp, type Citation } from "../../src/core";
import { fakeYouTube, playFakeTo } from "./harness/fakeYouTube";
import { DEMO_VAULT, describeInBrowser, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";
import { shootThemes } from "./harness/shots";
import { playLabel, SEED_CITATIONS } from "./harness/seed";

const PANEL = ".mod-right-split .vc-panel";
const ROWS = `${PANEL} .vc-panel-list .vc-panel-row`;

/** The seed note's claims: consecutive citations of one sentence share a row. */
const CLAIMS: number[][] = [];
SEED_CITATIONS.forEach((c, i) => {
	const last = CLAIMS[CLAIMS.length - 1];
	if (last && SEED_CITATIONS[last[0]!]!.claim === c.claim) last.push(i);
	else CLAIMS.push([i]);
});

/** The demo vault's notes citing the seed note's video, with their citations. */
const VIDEO_NOTES = [
	"challenges_and_opportunities_for_women_in_tech_leadership",
	"balancing_startup_agility_and_big_company_operations",
	"the_role_of_ai_in_transforming_product_management",
	"the_rise_of_the_chief_product_and_technology_officer_role",
	"empowering_women_in_tech_leadership",
].map((name) => ({ name, citations: extractCitations(readFileSync(join(DEMO_VAULT, "corpus/lennyspodcast", `${name}.md`), "utf8")) }));
/** The demo note of other plugins' forms, whose one YouTube link cites the seed video at 46:51. */
const FORMS_NOTE = extractCitations(readFileSync(join(DEMO_VAULT, "Other plugins' timestamps.md"), "utf8")).filter((c) => c.video?.kind === "youtube" && c.video.id === "aXGo1o_baBo");
const VAULT_TIMES = VIDEO_NOTES.flatMap((n) => n.citations.map((c) => c.seconds!))
	.concat(FORMS_NOTE.map((c) => c.seconds!))
	.sort((a, b) => a - b);

const clock = (c: Citation) => formatTimestamp(c.seconds!, { style: "m:ss" });

/** Whether the panel's search (text, label or either time form, any case) matches citation `c` for `query`. */
function matches(c: Citation, query: string): boolean {
	const q = query.toLowerCase();
	return [c.text, c.label, formatTimestamp(c.seconds!), clock(c)].some((s) => s.toLowerCase().includes(q));
}

/** What the panel's rows show: each row's chip times and its text. */
function shownRows(page: Page): Promise<{ chips: string[]; text: string; source: string | null; playing: boolean }[]> {
	return page.locator(ROWS).evaluateAll((rows) =>
		rows.map((row) => ({
			chips: Array.from(row.querySelectorAll(".vc-panel-chip")).map((c) => c.textContent ?? ""),
			text: row.querySelector(".vc-panel-text")?.textContent ?? "",
			source: row.querySelector(".vc-panel-source")?.textContent ?? null,
			playing: row.classList.contains("is-playing"),
		})),
	);
}

/** Whether `selector`'s first match lies wholly inside the visible part of its scroller `within`. */
function inView(page: Page, selector: string, within: string): Promise<boolean> {
	return page.evaluate(
		([sel, box]) => {
			const el = document.querySelector(sel);
			const scroller = document.querySelector(box);
			if (!el || !scroller) return false;
			const a = el.getBoundingClientRect();
			const b = scroller.getBoundingClientRect();
			return a.height > 0 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
		},
		[selector, within] as const,
	);
}

/**
 * The citations panel in the browser (issues 7 and 11): the seed note's 32 citations as rows per
 * claim, filtering as you type, the timeline, seeking from a chip, revealing a line in the editor,
 * following the video while the editor keeps the focus, and the whole-vault timeline of the video.
 */
describeInBrowser("the citations panel", () => {
	const playground = usePlayground();

	it("lists, filters, sorts by time, seeks, reveals lines and follows playback for the seed note", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "live" });
		await expect.poll(() => page.locator(ROWS).count()).toBe(CLAIMS.length);
		expect(await page.locator(`${PANEL} .vc-panel-count`).innerText()).toBe("32 citations");
		let rows = await shownRows(page);
		expect(rows.map((r) => r.chips)).toEqual(CLAIMS.map((claim) => claim.map((i) => clock(SEED_CITATIONS[i]!))));
		expect(rows.map((r) => r.text)).toEqual(CLAIMS.map((claim) => SEED_CITATIONS[claim[0]!]!.text));
		const labels = await page.locator(`${ROWS} .vc-panel-chip`).evaluateAll((chips) => chips.map((c) => c.getAttribute("aria-label")));
		expect(labels).toEqual(SEED_CITATIONS.map(playLabel));
		await shootThemes(page, "panel-note", ".mod-right-split");

		// Filtering as you type, key by key; Escape clears it.
		const filter = page.getByRole("searchbox", { name: "Filter citations" });
		await filter.pressSequentially("product", { delay: 20 });
		const wanted = CLAIMS.filter((claim) => claim.some((i) => matches(SEED_CITATIONS[i]!, "product")));
		expect(wanted.length).toBeGreaterThan(0);
		expect(wanted.length).toBeLessThan(CLAIMS.length);
		await expect.poll(() => page.locator(ROWS).count()).toBe(wanted.length);
		expect((await shownRows(page)).map((r) => r.text)).toEqual(wanted.map((claim) => SEED_CITATIONS[claim[0]!]!.text));
		await filter.fill("zzzz no such claim");
		await expect.poll(() => page.locator(`${PANEL} .vc-panel-filter-status`).innerText()).toBe('No citations match "zzzz no such claim".');
		expect(await page.locator(ROWS).count()).toBe(0);
		await filter.press("Escape");
		await expect.poll(() => page.locator(ROWS).count()).toBe(CLAIMS.length);

		// The timeline: one row per citation, by time, no headings; and back.
		await page.getByRole("button", { name: "Sort by time" }).click();
		await expect.poll(() => page.locator(ROWS).count()).toBe(32);
		const timeline = (await shownRows(page)).map((r) => r.chips);
		expect(timeline.every((chips) => chips.length === 1)).toBe(true);
		const byTime = [...SEED_CITATIONS].sort((a, b) => a.seconds! - b.seconds!).map(clock);
		expect(timeline.flat()).toEqual(byTime);
		expect(await page.locator(`${PANEL} .vc-panel-group-header`).count()).toBe(0);
		await page.getByRole("button", { name: "Group by heading" }).click();
		await expect.poll(() => page.locator(ROWS).count()).toBe(CLAIMS.length);

		// A chip plays its moment.
		const target = CLAIMS.length - 3;
		const citation = SEED_CITATIONS[CLAIMS[target]![0]!]!;
		await page.locator(ROWS).nth(target).locator(".vc-panel-chip").first().click();
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.time ?? -1, { timeout: 15_000 }).toBeGreaterThanOrEqual(citation.seconds!);
		expect((await fakeYouTube(page)).players[0]!.time).toBeLessThan(citation.seconds! + 3);

		// The text shows the citation in the note: selected in the editor, scrolled into view.
		await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.noteView()!.editorView!.scrollDOM.scrollTo(0, 0));
		await page.locator(ROWS).nth(target).locator(".vc-panel-text").click();
		const editor = () =>
			page.evaluate(() => {
				const view = (window as unknown as PlaygroundWindow).playground.noteView()!.editorView!;
				const { from, to } = view.state.selection.main;
				const at = view.coordsAtPos(from);
				const box = view.scrollDOM.getBoundingClientRect();
				return { from, to, line: view.state.doc.lineAt(from).number - 1, visible: !!at && at.top >= box.top && at.bottom <= box.bottom };
			});
		await expect.poll(async () => (await editor()).visible).toBe(true);
		expect(await editor()).toEqual({ from: citation.from, to: citation.to, line: citation.line, visible: true });

		// Following the video: the playing row is marked and scrolled into view; the editor keeps the focus.
		await page.locator(`${PANEL} .vc-panel-list`).evaluate((list) => list.scrollTo(0, 0));
		await page.evaluate(() => {
			const view = (window as unknown as PlaygroundWindow).playground.noteView()!.editorView!;
			view.focus();
			view.dispatch({ selection: { anchor: 0 } });
		});
		for (const claim of [CLAIMS.length - 1, 2, CLAIMS.length - 8]) {
			const c = SEED_CITATIONS[CLAIMS[claim]![0]!]!;
			// Play on to just after the claim's first citation.
			await playFakeTo(page, c.seconds! + 1);
			await expect.poll(async () => (await shownRows(page)).findIndex((r) => r.playing), { message: `claim ${claim} plays` }).toBe(claim);
			await expect.poll(() => inView(page, `${ROWS}.is-playing`, `${PANEL} .vc-panel-list`)).toBe(true);
			expect(await page.evaluate(() => !!document.activeElement?.closest(".cm-editor")), "focus stays in the editor").toBe(true);
			expect(await page.locator(`${ROWS}.is-playing .vc-panel-chip.is-playing`).first().innerText()).toBe(clock(c));
		}
		rows = await shownRows(page);
		expect(rows.filter((r) => r.playing)).toHaveLength(1);

		// The right-click menu copies the moment's link.
		await page.locator(ROWS).nth(2).click({ button: "right" });
		await page.getByRole("menuitem", { name: "Copy link to this moment" }).click();
		const c2 = SEED_CITATIONS[CLAIMS[2]![0]!]!;
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`https://www.youtube.com/watch?v=aXGo1o_baBo&t=${c2.seconds}s`);
	});

	it("lists the video's citations across the vault in time order and walks through them as it plays", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "live" });
		await page.getByRole("button", { name: "Whole vault" }).click();
		await expect.poll(() => page.locator(ROWS).count(), { timeout: 10_000 }).toBe(VAULT_TIMES.length);
		expect(VAULT_TIMES.length).toBe(32 + 37 + 28 + 35 + 23 + 1);
		expect(await page.locator(`${PANEL} .vc-panel-count`).innerText()).toBe(`${VAULT_TIMES.length} citations in 6 notes`);
		const rows = await shownRows(page);
		expect(rows.map((r) => r.chips.join())).toEqual(VAULT_TIMES.map((s) => formatTimestamp(s, { style: "m:ss" })));
		expect(new Set(rows.map((r) => r.source))).toEqual(new Set([...VIDEO_NOTES.map((n) => n.name), "Other plugins' timestamps"]));
		await shootThemes(page, "panel-vault", ".mod-right-split");

		// Start the video from the first row, then let it "play" through the timeline.
		await page.locator(ROWS).first().locator(".vc-panel-chip").click();
		await expect.poll(async () => (await fakeYouTube(page)).players[0]?.time ?? -1, { timeout: 15_000 }).toBeGreaterThanOrEqual(VAULT_TIMES[0]!);
		for (const at of [0.1, 0.3, 0.5, 0.7, 0.95]) {
			const t = VAULT_TIMES[Math.floor(at * (VAULT_TIMES.length - 1))]! + 1;
			await playFakeTo(page, t);
			// The latest citation at or before the playing time, in whichever note it is.
			const expected = formatTimestamp(VAULT_TIMES.filter((s) => s <= t).pop()!, { style: "m:ss" });
			await expect.poll(async () => (await shownRows(page)).find((r) => r.playing)?.chips[0], { message: `at ${t} s` }).toBe(expected);
			await expect.poll(() => inView(page, `${ROWS}.is-playing`, `${PANEL} .vc-panel-list`)).toBe(true);
		}
	});
});
