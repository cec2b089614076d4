import { describe, expect, it, vi } from "vitest";
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
		const standard = note(`One ${anchor("00:46:51")}.\n\nTwo ${anchor("1:02:03")}, three ${anchor("12:34")}.`);
		const view = await reading.open(standard, "standard.md");
		expect(links(view.previewEl).map((l) => l.getAttribute("aria-label"))).toEqual(["Play from 46:51", "Play from 1:02:03", "Play from 12:34"]);
		expect(calls.texts).toEqual([]);
		// A time that may be minutes:seconds:frames, or an element naming its own video, needs the whole note.
		const frames = note(`One ${anchor("00:20:00")}.`);
		await reading.open(frames, "frames.md");
		expect(calls.texts).toEqual([frames]);
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
