import { describe, expect, it, vi } from "vitest";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { links, setUpReading } from "./harness";

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
	it("renders the seed note's sections with a single extraction of its text", async () => {
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
