import { describe, expect, it, vi } from "vitest";
import { LEX_LENGTH, LEX_TEXT, LEX_UNDECIDED, LEX_VIDEO, optionsFor, THREE_MINUTES, type ExtractionCall } from "../helpers/videoLength";
import { anchor, click, makeApp, note, openNote, openPanel, rowEls, settleIndex, settlePanels } from "./harness";

const calls = vi.hoisted(() => ({ list: [] as ExtractionCall[] }));

vi.mock("../../src/core/extract", async (importOriginal) => (await import("../helpers/videoLength")).recordingExtraction(await importOriginal(), calls));

const LEX_ID = "yEou104m_P0";
/** A note of the seed video naming the lexfridman video on one element (`data-v`): its length is not this note's. */
const MENTIONS = note(`Seed ${anchor("03:00:39")}.\n\nCites the other talk ${anchor("03:00:39", ` data-v="${LEX_ID}"`)}.\n`);
const SEED_NOTE = note(`Seed only ${anchor("03:00:39")}.\n`);

/** The panel over the lexfridman notes and two others, the index built, `lex.md` shown. */
async function lexPanel() {
	const made = makeApp({ "lex.md": LEX_UNDECIDED, "lex-full.md": LEX_TEXT, "mentions.md": MENTIONS, "seed.md": SEED_NOTE }, { vault: true });
	await settleIndex(made.app);
	const panel = await openPanel(made);
	await openNote(made.app, "lex.md");
	return panel;
}

/** The seconds each row's chip plays, clicked in order. */
function rowSeconds(panel: Awaited<ReturnType<typeof lexPanel>>): number[] {
	panel.playback.seeks = [];
	for (const row of rowEls(panel.el)) click(row.querySelector(".vc-panel-chip") as HTMLElement);
	return panel.playback.seeks.map((s) => s.seconds);
}

describe("panel and index: notes read against their video's length", () => {
	it("the citation index re-reads the notes of that video only, and keeps the length it read them with", async () => {
		const panel = await lexPanel();
		const index = panel.index;
		if (!index) throw new Error("no index");
		const reads = vi.spyOn(panel.app.vault, "cachedRead");
		const changed: string[][] = [];
		index.onChange((keys) => changed.push([...keys]));
		calls.list = [];
		panel.durations.record(LEX_VIDEO, LEX_LENGTH);
		await settleIndex(panel.app);
		// The index read the two notes of the video again, not the seed note, nor the one citing it by data-v.
		expect(reads.mock.calls.map(([file]) => file.path).filter((p) => p !== "lex.md").sort()).toEqual(["lex-full.md"]);
		expect(optionsFor(calls.list, LEX_TEXT)).toContainEqual({ duration: LEX_LENGTH });
		expect(optionsFor(calls.list, MENTIONS)).toEqual([]);
		expect(optionsFor(calls.list, SEED_NOTE)).toEqual([]);
		expect(changed.flat()).toContain(`youtube:${LEX_ID}`);
		const records = index.notesFor(LEX_VIDEO);
		expect(records.map((r) => [r.path, r.duration]).sort()).toEqual([
			["lex-full.md", LEX_LENGTH],
			["lex.md", LEX_LENGTH],
			["mentions.md", undefined],
		]);
	});

	it("the panel reads the shown note again with the length, and its whole-vault timeline reads each note as the index did", async () => {
		const panel = await lexPanel();
		calls.list = [];
		panel.durations.record(LEX_VIDEO, LEX_LENGTH);
		await settleIndex(panel.app);
		expect(optionsFor(calls.list, LEX_UNDECIDED)).toContainEqual({ duration: LEX_LENGTH });

		// Another video's length leaves the shown note alone.
		calls.list = [];
		panel.durations.record({ kind: "youtube", id: "aXGo1o_baBo" }, 100);
		await settleIndex(panel.app);
		expect(optionsFor(calls.list, LEX_UNDECIDED)).toEqual([]);

		calls.list = [];
		click(panel.el.querySelector('.vc-panel-scope[data-scope="vault"]') as HTMLElement);
		await settleIndex(panel.app);
		expect(optionsFor(calls.list, LEX_UNDECIDED)).toEqual([{ duration: LEX_LENGTH }]);
		expect(optionsFor(calls.list, LEX_TEXT)).toEqual([{ duration: LEX_LENGTH }]);
		// The note naming the video on one element is read against its own video's length, not this one's.
		expect(optionsFor(calls.list, MENTIONS)).toEqual([{ duration: 100 }]);
	});

	it("a timeline already shown follows the index's re-read", async () => {
		const panel = await lexPanel();
		click(panel.el.querySelector('.vc-panel-scope[data-scope="vault"]') as HTMLElement);
		await settleIndex(panel.app);
		calls.list = [];
		panel.durations.record(LEX_VIDEO, LEX_LENGTH);
		await settleIndex(panel.app);
		await settlePanels(panel.app);
		expect(optionsFor(calls.list, LEX_TEXT)).toContainEqual({ duration: LEX_LENGTH });
		expect(optionsFor(calls.list, LEX_UNDECIDED)).toContainEqual({ duration: LEX_LENGTH });
	});

	// Waits on core reading times against the duration (src/core/extract.ts): the plumbing above does not.
	it("the lexfridman note: the panel and the whole-vault timeline play 03:00:39 from 3:00 once the video is known to be 40 minutes long (waits on core using the duration)", async () => {
		const panel = await lexPanel();
		panel.durations.record(LEX_VIDEO, LEX_LENGTH);
		await settleIndex(panel.app);
		const shown = rowSeconds(panel);
		expect(shown).toContain(THREE_MINUTES);
		expect(shown.every((s) => s <= LEX_LENGTH), `this note's moments: ${shown.join(", ")}`).toBe(true);

		click(panel.el.querySelector('.vc-panel-scope[data-scope="vault"]') as HTMLElement);
		await settleIndex(panel.app);
		const timeline = rowSeconds(panel);
		// Both notes of the video, and the one element of another note that names it: that one has no length to go by.
		expect(timeline.filter((s) => s === THREE_MINUTES)).toHaveLength(2);
		expect(timeline.filter((s) => s > LEX_LENGTH)).toEqual([10839]);
		expect(panel.index?.timeline(LEX_VIDEO).filter((e) => e.seconds === THREE_MINUTES).map((e) => e.path).sort()).toEqual(["lex-full.md", "lex.md"]);
	});
});
