import { describe, expect, it } from "vitest";
import { extractCitations } from "../../src/core";
import { corpusNotes } from "../helpers/corpus";
import { copyInForm, repaired, youtubeOf, type CopiedForm } from "../helpers/formsOf";
import { setUpReading } from "../reading/harness";

/** Every corpus note with a YouTube video and timed citations, copied into each form. */
const notes = corpusNotes().filter((n) => youtubeOf(n.text) && extractCitations(n.text).some((c) => c.seconds !== null));
const FORMS: CopiedForm[] = ["youtube", "wiki", "markdown-file", "bare"];

/** What a reader gets from the note's timed citations: moments and claims, in order. */
const timed = (text: string) => extractCitations(text).filter((c) => c.seconds !== null);
const moments = (text: string) => timed(text).map((c) => `${c.seconds}|${c.text}`);

describe.each(FORMS)("corpus notes written as %s links", (form) => {
	it("read to the same moments and claims as their elements, on every corpus note", () => {
		let count = 0;
		for (const note of notes) {
			const copy = copyInForm(note.text, form);
			const want = moments(repaired(note.text));
			expect(moments(copy), note.path).toEqual(want);
			const forms = new Set(timed(copy).map((c) => c.form));
			expect([...forms], note.path).toEqual([form === "bare" ? "bare" : "link"]);
			count += want.length;
		}
		expect(count).toBeGreaterThan(2000);
	});

	// One case per note, each on a fresh page: notes rendered one after another in one page made
	// jsdom slower with every note (130 s for the set on a loaded machine).
	it.each(notes.map((n) => [n.path, n.text] as const))("become seek links in reading view, one per citation: %s", async (path, text) => {
		activeDocument.body.empty();
		const reading = setUpReading();
		reading.app.vault.seed("talk.mp4", "");
		const copy = copyInForm(text, form);
		const root = await reading.render(copy, "n.md");
		expect(root.querySelectorAll(".vc-moment-link").length, path).toBe(timed(copy).length);
		activeDocument.body.empty();
		// The 215 KB note renders in jsdom in about 10 s of CPU; a loaded machine stretches that.
	}, 120_000);
});
