import { describe, expect, it } from "vitest";
import { readingShown } from "../../src/core";

describe("readingShown: one rule for the mark and the tooltip in every view", () => {
	it.each([
		["a time read as written", undefined, undefined, { marked: false }],
		["minutes:seconds, as its note is written", "minutes-seconds", `"05:03:02" read as minutes:seconds (5:03)`, { marked: false, note: `"05:03:02" read as minutes:seconds (5:03)` }],
		["ambiguous", "ambiguous", "may be 1:16:01 or 1:16", { marked: true, note: "repaired: may be 1:16:01 or 1:16" }],
		["past the end", "past-end", "past the end of the video (40:00)", { marked: true, note: "repaired: past the end of the video (40:00)" }],
		["a label's time", "label", "the label's time fits the note", { marked: true, note: "repaired: the label's time fits the note" }],
		["stray brackets", "brackets", "data-t has stray brackets", { marked: true, note: "repaired: data-t has stray brackets" }],
		["words without a kind (read from the page alone)", undefined, "time read from the label", { marked: true, note: "repaired: time read from the label" }],
	] as const)("%s", (_name, repair, repaired, expected) => {
		expect(readingShown({ repair, repaired })).toEqual(expected);
	});
});
