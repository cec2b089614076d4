import { describe, expect, it, vi } from "vitest";
import { extractCitations } from "../../src/core";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { anchor, links, note, setUpReading } from "./harness";

const calls = vi.hoisted(() => ({ texts: [] as string[] }));

vi.mock("../../src/core/extract", async (importOriginal) => {
	const real = await importOriginal<typeof import("../../src/core/extract")>();
	return {
		...real,
		extractCitations: (text: string) => {
			calls.texts.push(text);
			return real.extractCitations(text);
		},
	};
});

describe("one extraction per note", () => {
	it("reads sections whose elements are all in the standard form straight from the DOM, and the rest through core", async () => {
		calls.texts = [];
		const reading = setUpReading();
		const standard = note(`One ${anchor("46:51")}.\n\nTwo ${anchor("2:03")}, three ${anchor("12:34")}.`);
		const view = await reading.open(standard, "standard.md");
		expect(links(view.previewEl).map((l) => l.getAttribute("aria-label"))).toEqual(["Play from 46:51", "Play from 2:03", "Play from 12:34"]);
		expect(calls.texts).toEqual([]);
		// A three-field time is read in the context of its note (hours, or minutes:seconds plus a third
		// field), and an element naming its own video may have lost it to the sanitizer: the whole note, once.
		const hours = note(`One ${anchor("00:20:00")}.\n\nTwo ${anchor("1:02:03")}.`);
		await reading.open(hours, "hours.md");
		expect(calls.texts).toEqual([hours]);
	});

	it("reads mm:ss:00 times in standard sections as core reads the note: as written, or as minutes:seconds:frames", async () => {
		const reading = setUpReading();
		const shown = (el: HTMLElement) =>
			links(el).map((l) => {
				l.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
				return [l.getAttribute("aria-label")?.split(" (")[0], l.hasClass("is-repaired")];
			});
		const plain = await reading.open(note(`One ${anchor("00:05:00")}, two ${anchor("00:06:12")}.`), "plain.md");
		expect(shown(plain.previewEl)).toEqual([
			["Play from 5:00", false],
			["Play from 6:12", false],
		]);
		// A note written as mm:ss:ff (with the longest times as hh:mm:ss:ff): "20:19:00" is 20 min 19 s.
		const written = note(`A ${anchor("20:19:00")}. B ${anchor("21:05:00")}. C ${anchor("22:10:00")}. D ${anchor("01:02:03:00")}.`);
		const framed = await reading.open(written, "framed.md");
		// Read as the note is written, and said in the tooltip, but not marked: nothing to act on.
		expect(shown(framed.previewEl)).toEqual([
			["Play from 20:19", false],
			["Play from 21:05", false],
			["Play from 22:10", false],
			["Play from 1:02:03", false],
		]);
		expect(links(framed.previewEl)[0]?.getAttribute("aria-label")).toBe('Play from 20:19 ("20:19:00" read as minutes:seconds (20:19), as the rest of this note is written)');
		const core = extractCitations(written).map((c) => c.seconds);
		expect(core).toEqual([20 * 60 + 19, 21 * 60 + 5, 22 * 60 + 10, 3723]);
	});

	it("renders the seed note's sections with a single extraction of its text", async () => {
		calls.texts = [];
		const reading = setUpReading();
		const view = await reading.open(corpusNote(SEED_PATH), SEED_PATH);
		const sections = view.previewEl.querySelectorAll(".markdown-preview-section-block").length;
		expect(sections).toBeGreaterThan(10);
		expect(links(view.previewEl)).toHaveLength(32);
		expect(calls.texts).toEqual([corpusNote(SEED_PATH)]);
		// Rendering the same text again (a re-render, a second pane) extracts nothing new.
		view.renderPreview();
		await reading.open(corpusNote(SEED_PATH), SEED_PATH);
		expect(calls.texts).toHaveLength(1);
	});
});

describe("three-field times in standard sections", () => {
	it.each([
		// Minutes:seconds throughout, and a note that reads 02:00:00 and 02:10:00 as hours in one place and minutes in another.
		"inteligencialtda/artificial_intelligences_impact_on_employment_and_society.md",
		"artedeinvertir/evaluating_company_valuations_and_market_conditions.md",
	])("play what core reads, link by link, in %s", async (path) => {
		const text = corpusNote(path);
		const reading = setUpReading();
		const view = await reading.open(text, "note.md");
		for (const link of links(view.previewEl)) link.click();
		const core = extractCitations(text).filter((c) => c.seconds !== null);
		expect(reading.playback.seeks.map((s) => s.seconds)).toEqual(core.map((c) => c.seconds));
		expect(core.some((c) => c.repair === "minutes-seconds")).toBe(true);
	});
});
