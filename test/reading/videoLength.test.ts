import { describe, expect, it, vi } from "vitest";
import { SourceCitations } from "../../src/reading/sourceCitations";
import type { MarkdownView } from "../double/obsidian";
import { LEX_LENGTH, LEX_TEXT, LEX_UNDECIDED, LEX_VIDEO, optionsFor, THREE_MINUTES, type ExtractionCall } from "../helpers/videoLength";
import { anchor, click, links, note, SEED, setUpReading } from "./harness";

const calls = vi.hoisted(() => ({ list: [] as ExtractionCall[] }));

vi.mock("../../src/core/extract", async (importOriginal) => (await import("../helpers/videoLength")).recordingExtraction(await importOriginal(), calls));

/** The seconds each link of `view` plays, clicked in order. */
function playedBy(reading: ReturnType<typeof setUpReading>, view: MarkdownView): number[] {
	reading.playback.seeks = [];
	for (const link of links(view.previewEl)) click(link);
	return reading.playback.seeks.map((s) => s.seconds);
}

describe("reading view: a note read against its video's length", () => {
	it("renders the open notes of a video again when its length becomes known (only those), extracting them with the length", async () => {
		const reading = setUpReading();
		const lex = await reading.open(LEX_TEXT, "lex.md");
		const other = await reading.open(note(`Elsewhere ${anchor("03:00:39")}.`), "other.md");
		const edited = await reading.open(LEX_UNDECIDED, "lex-draft.md");
		edited.setMode("live");
		const views = [lex, other, edited];
		const before = views.map((v) => v.previewMode.rerenders);
		const rerenders = () => views.map((v, i) => v.previewMode.rerenders - (before[i] ?? 0));
		calls.list = [];

		reading.durations.record(LEX_VIDEO, LEX_LENGTH);
		expect(rerenders()).toEqual([1, 0, 1]);
		// The note in reading view was read again, with the length; the other video's note was not read.
		expect(optionsFor(calls.list, LEX_TEXT)).toContainEqual({ duration: LEX_LENGTH });
		expect(optionsFor(calls.list, LEX_TEXT).every((o) => o?.duration === LEX_LENGTH)).toBe(true);
		expect(calls.list.some((c) => c.text.includes("Elsewhere"))).toBe(false);

		// Its links were rendered anew: a second length of the same video that reads them otherwise
		// (six hours: its times fit as hours) renders them again; one that changes no reading does not.
		reading.durations.record(LEX_VIDEO, 6 * 3600);
		expect(rerenders()).toEqual([2, 0, 2]);
		expect(optionsFor(calls.list, LEX_TEXT)).toContainEqual({ duration: 6 * 3600 });
		reading.durations.record(LEX_VIDEO, 6 * 3600 + 300);
		expect(rerenders()).toEqual([2, 0, 2]);
	});

	it("a note opened after the length is known is read with it at once", async () => {
		const reading = setUpReading();
		reading.durations.record(LEX_VIDEO, LEX_LENGTH);
		calls.list = [];
		await reading.open(LEX_TEXT, "lex.md");
		expect(optionsFor(calls.list, LEX_TEXT)).toEqual([{ duration: LEX_LENGTH }]);
		await reading.open(note(`Seed ${anchor("01:02:03")}.`), "seed.md");
		// Another video's note, whether read from the page or by core, is not read against this length.
		expect(calls.list.filter((c) => c.text.includes("Seed")).every((c) => c.options?.duration === undefined)).toBe(true);
	});

	it("stops following lengths once the plugin unloads", async () => {
		const reading = setUpReading();
		const lex = await reading.open(LEX_TEXT, "lex.md");
		const before = lex.previewMode.rerenders;
		reading.plugin.unload();
		reading.durations.record(LEX_VIDEO, LEX_LENGTH);
		expect(lex.previewMode.rerenders).toBe(before);
	});

	it("SourceCitations keeps one extraction per note text and length", () => {
		const cache = new SourceCitations();
		calls.list = [];
		cache.of(LEX_TEXT);
		cache.of(LEX_TEXT);
		cache.of(LEX_TEXT, LEX_LENGTH);
		cache.of(LEX_TEXT, LEX_LENGTH);
		cache.of(LEX_TEXT);
		expect(calls.list.map((c) => c.options)).toEqual([{}, { duration: LEX_LENGTH }]);
	});

	// Waits on core reading times against the duration (src/core/extract.ts): the plumbing above does not.
	it("the lexfridman note: with its video 40 minutes long, 03:00:39 plays 3:00, not 3 hours (waits on core using the duration)", async () => {
		const reading = setUpReading();
		const lex = await reading.open(LEX_TEXT, "lex.md");
		const undecided = await reading.open(LEX_UNDECIDED, "lex-undecided.md");
		reading.durations.record(LEX_VIDEO, LEX_LENGTH);
		for (const view of [lex, undecided]) {
			const played = playedBy(reading, view);
			expect(played[1]).toBe(THREE_MINUTES);
			expect(played.every((s) => s <= LEX_LENGTH), `every moment of ${view.file?.path} within the video: ${played.join(", ")}`).toBe(true);
		}
		// The seed video's notes are not the lexfridman video's: nothing of theirs changes.
		const seed = await reading.open(note(`One ${anchor("01:02:03")}.`), "seed.md");
		expect(playedBy(reading, seed)).toEqual([3723]);
		expect(reading.playback.seeks[0]?.video).toEqual(SEED);
	});
});
