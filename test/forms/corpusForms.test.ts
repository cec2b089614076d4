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

	it("become seek links in reading view, one per citation, on every corpus note", async () => {
		const reading = setUpReading();
		reading.app.vault.seed("talk.mp4", "");
		let total = 0;
		for (const [i, note] of notes.entries()) {
			const copy = copyInForm(note.text, form);
			const root = await reading.render(copy, `n${i}.md`);
			const seek = root.querySelectorAll(".vc-moment-link");
			expect(seek.length, note.path).toBe(timed(copy).length);
			total += seek.length;
		}
		expect(total).toBeGreaterThan(2000);
	}, 120_000);
});
