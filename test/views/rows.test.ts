import { describe, expect, it } from "vitest";
import { extractCitations, formatTimestamp } from "../../src/core";
import { corpusNote, corpusNotes, SEED_PATH } from "../helpers/corpus";
import { click, groupTitles, makeApp, openNote, openPanel, press, rowEls, rowsOf, typeFilter } from "./harness";

const MCP = "aidotengineer/standardization_and_adoption_of_mcp.md";

async function panelOn(path: string, text = corpusNote(path)) {
	const made = makeApp({ [path]: text });
	const panel = await openPanel(made);
	await openNote(made.app, path);
	return panel;
}

describe("citations panel rows", () => {
	it("lists the seed note's 32 citations as one row per claim, in document order, under its headings", async () => {
		const { el } = await panelOn(SEED_PATH);
		const rows = rowsOf(el);
		expect(rows).toHaveLength(32);
		expect(rows.flatMap((r) => r.chips)).toHaveLength(32);
		expect(rows[0]).toEqual({
			chips: ["46:51"],
			text: "This emerging role is not yet common, but it appears to be rising in prevalence, particularly in later-stage startups and growth companies",
		});
		expect(rows[5]?.text).toBe("Strategic Alignment");
		expect(groupTitles(el)).toEqual([
			"Core Responsibilities and Differences",
			"Why the Role is Emerging",
			"Key Skills and Mindset for a CPTO",
			"Challenges and Growth Opportunities",
		]);
		// The first claim comes before any heading; the H3 group sits inside its H2 group.
		expect(rowEls(el)[0]?.closest(".vc-panel-group")).toBeNull();
		const challenges = [...el.querySelectorAll(".vc-panel-group")].find((g) => g.querySelector(":scope > .vc-panel-group-header")?.textContent === "Challenges and Growth Opportunities");
		expect(challenges?.parentElement?.closest(".vc-panel-group")?.querySelector(".vc-panel-group-title")?.textContent).toBe("Key Skills and Mindset for a CPTO");
		expect(challenges?.querySelectorAll(".vc-panel-row")).toHaveLength(1);
	});

	it("shows a row's full text on hover (title) while the list clamps it", async () => {
		const { el } = await panelOn(SEED_PATH);
		const text = rowEls(el)[3]?.querySelector(".vc-panel-text") as HTMLElement;
		expect(text.title).toBe("");
		text.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(text.title).toBe(text.textContent);
		expect(text.title).toMatch(/^A key philosophy of this combined role .* the entire organization$/);
	});

	it("gives a claim cited by several anchors one row with a chip per anchor", async () => {
		const { el } = await panelOn(MCP);
		const citations = extractCitations(corpusNote(MCP));
		const rows = rowsOf(el);
		expect(rows).toHaveLength(new Set(citations.map((c) => c.claim)).size);
		expect(rows).toHaveLength(38);
		expect(rows.flatMap((r) => r.chips)).toEqual(citations.map((c) => formatTimestamp(c.seconds ?? 0, { style: "m:ss" })));
		const multi = rows.filter((r) => r.chips.length > 1);
		expect(multi.length).toBeGreaterThan(5);
		for (const row of rowEls(el)) {
			for (const chip of row.querySelectorAll(".vc-panel-chip")) expect(chip.getAttribute("aria-label")).toBe(`Play from ${chip.textContent}`);
		}
	});

	const withCitations = corpusNotes().filter((n) => extractCitations(n.text).length > 0);
	it.each(withCitations.map((n) => [n.path, n.text] as const))("%s: a row per claim, a chip per citation, a header per heading", async (path, text) => {
		const { el } = await panelOn(path, text);
		const citations = extractCitations(text);
		const rows = rowsOf(el);
		expect(rows).toHaveLength(new Set(citations.map((c) => c.claim)).size);
		expect(rows.flatMap((r) => r.chips)).toHaveLength(citations.length);
		expect(el.querySelector(".vc-panel-count")?.textContent).toBe(citations.length === 1 ? "1 citation" : `${citations.length} citations`);
		// Every heading path of a citation opens as nested groups: the innermost title of each row's group is its last heading.
		rowEls(el).forEach((row, i) => {
			const first = citations.find((c) => c.claim === [...new Set(citations.map((x) => x.claim))][i]);
			const title = row.closest(".vc-panel-group")?.querySelector(":scope > .vc-panel-group-header .vc-panel-group-title")?.textContent;
			expect(title ?? null).toBe(first?.headings.at(-1) ?? null);
		});
	});

	it("switches to a timeline: one row per citation, sorted by time, no groups, and back", async () => {
		const { el } = await panelOn(SEED_PATH);
		const toggle = el.querySelector(".vc-panel-layout") as HTMLElement;
		expect(toggle.getAttribute("aria-label")).toBe("Sort by time");
		click(toggle);
		expect(toggle.getAttribute("aria-pressed")).toBe("true");
		const rows = rowsOf(el);
		expect(rows).toHaveLength(32);
		expect(groupTitles(el)).toEqual([]);
		const seconds = extractCitations(corpusNote(SEED_PATH)).map((c) => c.seconds ?? 0).sort((a, b) => a - b);
		expect(rows.map((r) => r.chips)).toEqual(seconds.map((s) => [formatTimestamp(s, { style: "m:ss" })]));
		expect(rows[0]?.chips).toEqual(["0:24"]);
		click(toggle);
		expect(rowsOf(el)[0]?.chips).toEqual(["46:51"]);
		expect(groupTitles(el)).toHaveLength(4);
	});

	it("splits multi-anchor claims into one timeline row per citation", async () => {
		const { el } = await panelOn(MCP);
		click(el.querySelector(".vc-panel-layout") as HTMLElement);
		const rows = rowsOf(el);
		expect(rows).toHaveLength(60);
		expect(rows.every((r) => r.chips.length === 1)).toBe(true);
	});

	it("keeps the layout in the view state", async () => {
		const panel = await panelOn(SEED_PATH);
		click(panel.el.querySelector(".vc-panel-layout") as HTMLElement);
		expect(panel.view.getState()).toMatchObject({ layout: "timeline" });
		await panel.view.setState({ layout: "claims" }, { history: false });
		expect(groupTitles(panel.el)).toHaveLength(4);
	});

	it.each([
		["text, any case", "ceo", ["Leverage for the CEO", "Having a single executive accountable for the R&D investment against business objectives provides substantial leverage to the CEO", "While a single leader managing these functions can be beneficial, the optimal organizational structure depends on the specific talent and bandwidth of the CEO and existing leadership"]],
		["a time as m:ss", "46:51", ["This emerging role is not yet common, but it appears to be rising in prevalence, particularly in later-stage startups and growth companies"]],
		["a time as hh:mm", "00:50:", ["…driven by customer and business needs", "…Research and Development (R&D) is a significant and often expensive investment for a company", "Having a single executive accountable for the R&D investment against business objectives provides substantial leverage to the CEO"]],
		["nothing", "zebra", []],
	])("filters rows by %s as you type, saying how many of the note's citations match", async (_name, query, texts) => {
		const { el } = await panelOn(SEED_PATH);
		typeFilter(el, query);
		expect(rowsOf(el).map((r) => r.text)).toEqual(texts);
		const status = el.querySelector(".vc-panel-filter-status") as HTMLElement;
		expect(status.hidden).toBe(false);
		expect(status.textContent).toBe(texts.length === 0 ? `No citations match "${query}".` : `${texts.length} of 32 citations match`);
		typeFilter(el, "");
		expect(status.hidden).toBe(true);
	});

	it("filters within the timeline too, and Escape in the filter box clears it", async () => {
		const { el } = await panelOn(SEED_PATH);
		click(el.querySelector(".vc-panel-layout") as HTMLElement);
		const input = typeFilter(el, "36:58");
		expect(rowsOf(el).map((r) => r.chips)).toEqual([["36:58"], ["36:58"]]);
		const evt = press(input, "Escape");
		expect(evt.defaultPrevented).toBe(true);
		expect(input.value).toBe("");
		expect(rowsOf(el)).toHaveLength(32);
	});

	it("collapses and expands a heading group from its header", async () => {
		const { el } = await panelOn(SEED_PATH);
		const header = el.querySelectorAll<HTMLElement>(".vc-panel-group-header")[1] as HTMLElement;
		const group = header.parentElement as HTMLElement;
		click(header.querySelector(".vc-panel-group-title") as HTMLElement);
		expect(group.classList.contains("is-collapsed")).toBe(true);
		expect(header.getAttribute("aria-expanded")).toBe("false");
		press(header, "Enter");
		expect(group.classList.contains("is-collapsed")).toBe(false);
		expect(header.getAttribute("aria-expanded")).toBe("true");
	});
});
