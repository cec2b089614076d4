import { describe, expect, it } from "vitest";
import { extractCitations, type TimedCitation, type VideoRef } from "../../src/core";
import { citationMarkdown, momentLink } from "../../src/views/citationMenu";
import { NoteCitations } from "../../src/views/panelModel";
import { spotOf } from "../../src/obsidian/revealInNote";
import { anchor } from "./harness";

const NOTE_VIDEO: VideoRef = { kind: "youtube", id: "aXGo1o_baBo" };
const OTHER: VideoRef = { kind: "youtube", id: "dQw4w9WgXcQ" };
const FILE: VideoRef = { kind: "file", path: "media/clips/talk.webm" };
const URL_VIDEO: VideoRef = { kind: "url", url: "https://e.com/a.mp3" };

const TEXT = [
	`First ${anchor("00:02:00")}.`,
	`Second ${anchor("00:01:00")}, ${anchor("00:03:00")}.`,
	`Elsewhere ${anchor("00:01:30", ' data-v="dQw4w9WgXcQ"')}.`,
	`Broken ${anchor("later")}.`,
	`Again ${anchor("00:02:00")}.`,
].join("\n\n");

function model(video: VideoRef | null = NOTE_VIDEO) {
	return new NoteCitations(extractCitations(TEXT), video);
}

describe("NoteCitations", () => {
	it("makes a row per claim and a timeline row per citation with unplayable ones last", () => {
		const m = model();
		expect(m.rows("claims").map((r) => r.citations)).toEqual([[0], [1, 2], [3], [4], [5]]);
		expect(m.rows("timeline").map((r) => r.citations)).toEqual([[1], [3], [0], [5], [2], [4]]);
	});

	it.each([
		[NOTE_VIDEO, 59, -1],
		[NOTE_VIDEO, 60, 1],
		[NOTE_VIDEO, 119.9, 1],
		// The moment cited twice highlights its first citation.
		[NOTE_VIDEO, 120, 0],
		[NOTE_VIDEO, 9999, 2],
		[OTHER, 89, -1],
		[OTHER, 95, 3],
		[FILE, 120, -1],
		[null, 120, -1],
	])("while %j plays at %i s, citation %i is playing", (video, seconds, expected) => {
		expect(model().playing({ video, seconds, playing: true, duration: null, rate: 1 })).toBe(expected);
	});

	it.each([
		["second", [[1, 2]]],
		["SECOND", [[1, 2]]],
		["3:00", [[1, 2]]],
		["00:01:30", [[3]]],
		["later", [[4]]],
		["  ", [[0], [1, 2], [3], [4], [5]]],
		["nothing", []],
	])("filters %j", (query, rows) => {
		const m = model();
		expect(m.filter(m.rows("claims"), query).map((r) => r.citations)).toEqual(rows);
	});

	it("knows which citations can play: a time and a video (the note's or their own)", () => {
		expect([0, 1, 2, 3, 4, 5].map((i) => model().playable(i))).toEqual([true, true, true, true, false, true]);
		expect([0, 1, 2, 3, 4, 5].map((i) => model(null).playable(i))).toEqual([false, false, false, true, false, false]);
		expect(model().invalid().map((x) => x.citation.line)).toEqual([6]);
	});
});

describe("copying and naming", () => {
	const citation = extractCitations(`Claim   with\ttabs <b>bold</b> ${anchor("01:02:03.5")}.`)[0] as TimedCitation;

	it.each([
		[NOTE_VIDEO, "https://www.youtube.com/watch?v=aXGo1o_baBo&t=3723s", "- [1:02:03.5](https://youtu.be/aXGo1o_baBo?t=3723) Claim with tabs bold"],
		[FILE, null, '- <a class="yt-timestamp" data-t="01:02:03.5">[01:02:03.5]</a> Claim with tabs bold'],
		[URL_VIDEO, null, '- <a class="yt-timestamp" data-t="01:02:03.5">[01:02:03.5]</a> Claim with tabs bold'],
	])("for %j: link %j, markdown %j", (video, link, markdown) => {
		expect(momentLink(citation, video)).toBe(link);
		expect(citationMarkdown(citation, video)).toBe(markdown);
	});


	it.each([
		["ab\ncd <x>", 3, 8, { from: { line: 1, ch: 0 }, to: { line: 1, ch: 5 } }],
		["abc", 0, 3, { from: { line: 0, ch: 0 }, to: { line: 0, ch: 3 } }],
		["a\n\nb", 3, 99, { from: { line: 2, ch: 0 }, to: { line: 2, ch: 1 } }],
	])("finds editor positions in %j", (text, from, to, spot) => {
		expect(spotOf(text, from, to)).toEqual(spot);
	});
});
