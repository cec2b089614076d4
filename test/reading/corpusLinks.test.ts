/**
 * Every citation core reads in a real note with a time is a seek link in reading view, whatever
 * form it is written in: a rendered element, a moment link, an empty-target time link, or an
 * element whose markup the renderer shows as text (made a link in its place, textCitations.ts).
 */
import { afterAll, describe, expect, it } from "vitest";
import { extractCitations } from "../../src/core";
import { corpusNotes } from "../helpers/corpus";
import { timesNotes } from "../helpers/times";
import { click, setUpReading } from "./harness";

const SEEK_LINKS = ".yt-timestamp[role=link], .vc-moment-link";

/** Text outside code that still holds `yt-timestamp`. */
function markupShownAsText(root: HTMLElement): string[] {
	const out: string[] = [];
	const walker = activeDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		if ((n.nodeValue ?? "").includes("yt-timestamp") && !n.parentElement?.closest("pre, code")) out.push(n.nodeValue ?? "");
	}
	return out;
}

const totals = { notes: 0, timed: 0, links: 0, fromText: 0 };
afterAll(() => {
	process.stdout.write(`[reading] ${totals.notes} notes: ${totals.timed} citations with a time, ${totals.links} seek links, ${totals.fromText} of them built in place of markup shown as text\n`);
});

describe.each([
	["test/fixtures/corpus", corpusNotes()],
	["test/fixtures/times", timesNotes()],
])("%s", (_dir, notes) => {
	it.each(notes.map((n) => [n.path, n.text] as const))("%s: one seek link per citation with a time, playing its time, in order", async (path, text) => {
		const reading = setUpReading();
		const root = await reading.render(text, path);
		const timed = extractCitations(text).filter((c) => c.seconds !== null);
		const seekLinks = Array.from(root.querySelectorAll<HTMLElement>(SEEK_LINKS)).filter((l) => !l.hasClass("is-invalid"));
		expect(seekLinks).toHaveLength(timed.length);
		// Nothing of the markup is left as text outside code.
		expect(markupShownAsText(root)).toEqual([]);
		const video = reading.services.notes.videoFor(path);
		if (video) {
			for (const link of seekLinks) click(link);
			expect(reading.playback.seeks.map((s) => s.seconds)).toEqual(timed.map((c) => c.seconds));
		}
		totals.notes++;
		totals.timed += timed.length;
		totals.links += seekLinks.length;
		totals.fromText += root.querySelectorAll(".vc-text-citation").length;
		reading.plugin.unload();
		expect(root.querySelectorAll(".vc-text-citation")).toHaveLength(0);
	});
});

describe("the whole set", () => {
	it("every citation with a time became a seek link; 10 of them stood as text (all in test/fixtures/times)", () => {
		expect(totals.links).toBe(totals.timed);
		expect(totals.fromText).toBe(10);
	});
});
