import { describe, expect, it } from "vitest";
import type { TFile } from "obsidian";
import { corpusNote } from "../helpers/corpus";
import { timesNote } from "../helpers/times";
import { anchor, makeApp, note, openNote, openPanel, rowEls, rowsOf } from "./harness";

const SYNCHRON = note(
	`An example discussed is the Synchron Stentrode, a brain implant ${anchor("00:01:00")}, which lets a patient send text messages ${anchor("00:02:00")}, and it was approved for human trials in 2021 ${anchor("00:03:00")}.`,
	"videoId: aXGo1o_baBo\ntitle: Brain-computer interfaces",
);

describe("what a reader sees in the panel", () => {
	it("gives each citation of one sentence its own clause, continuing rows hung under the first", async () => {
		const made = makeApp({ "bci.md": SYNCHRON });
		const { el } = await openPanel(made);
		await openNote(made.app, "bci.md");
		expect(rowsOf(el)).toEqual([
			{ chips: ["1:00"], text: "An example discussed is the Synchron Stentrode, a brain implant" },
			{ chips: ["2:00"], text: "…which lets a patient send text messages" },
			{ chips: ["3:00"], text: "…it was approved for human trials in 2021" },
		]);
		expect(rowEls(el).map((r) => r.hasClass("is-continuation"))).toEqual([false, true, true]);
		expect(el.querySelector(".vc-panel-note")?.textContent).toBe("Brain-computer interfaces");
	});

	it("says once, in the header, that a note's times are read as minutes:seconds, and offers the repair", async () => {
		const path = "times/alexhormozi/advertising_and_customer_awareness.md";
		const repaired: string[] = [];
		const made = makeApp({ [path]: timesNote("alexhormozi/advertising_and_customer_awareness") }, { tools: { repair: (file: TFile) => repaired.push(file.path) } });
		const { el } = await openPanel(made);
		await openNote(made.app, path);
		const readings = el.querySelector(".vc-panel-readings") as HTMLElement;
		expect(readings.hidden).toBe(false);
		expect(readings.textContent).toContain("54 times are read as minutes:seconds, as this note writes them");
		// Not one underline per link: only the one ambiguous time is marked.
		expect(el.querySelectorAll(".vc-panel-chip.is-repaired")).toHaveLength(1);
		(readings.querySelector(".vc-panel-repair") as HTMLElement).click();
		expect(repaired).toEqual([path]);
	});

	it("says nothing about readings for an ordinary note", async () => {
		const path = "lennyspodcast/the_rise_of_the_chief_product_and_technology_officer_role.md";
		const made = makeApp({ [path]: corpusNote(path) });
		const { el } = await openPanel(made);
		await openNote(made.app, path);
		expect((el.querySelector(".vc-panel-readings") as HTMLElement).hidden).toBe(true);
	});

	it("marks no row as playing while the player has not loaded the video or failed to", async () => {
		const made = makeApp({ "bci.md": SYNCHRON });
		const { el, playback } = await openPanel(made);
		await openNote(made.app, "bci.md");
		const video = { kind: "youtube" as const, id: "aXGo1o_baBo" };
		playback.emit({ video, seconds: 125, loaded: false });
		expect(el.querySelectorAll(".vc-panel-row.is-playing")).toHaveLength(0);
		playback.emit({ loaded: true });
		expect(rowEls(el).map((r) => r.hasClass("is-playing"))).toEqual([false, true, false]);
		playback.emit({ loaded: false });
		expect(el.querySelectorAll(".vc-panel-row.is-playing")).toHaveLength(0);
	});
});
