import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseTranscript } from "../../src/core";

const DIR = join(__dirname, "..", "fixtures", "transcripts");
const fixture = (name: string) => readFileSync(join(DIR, name), "utf8");
const read = (name: string) => parseTranscript(fixture(name), name);

describe("parseTranscript: WebVTT", () => {
	it("reads a hand-made WebVTT file: header metadata, NOTE and STYLE blocks, identifiers, cue settings, missing hours, tags and entities", () => {
		const t = read("talk.en.vtt");
		expect(t.error).toBeUndefined();
		expect(t.cues).toEqual([
			{ start: 1, end: 4.5, text: "We are in New York City" },
			{ start: 4.5, end: 8.25, text: "And we're actually at the Lucern Hotel, just down the street" },
			{ start: 8.25, end: 11, text: "from the American Museum of Natural History" },
			{ start: 11, end: 14.75, text: "Tom & Jerry said <hello> there" },
			{ start: 3602, end: 3605, text: "Merci and 漢 goodbye" },
		]);
	});

	it("keeps overlapping cues, in document order", () => {
		expect(read("overlap.vtt").cues.map((c) => [c.start, c.end, c.text])).toEqual([
			[1, 6, "Let me finish this thought, because it matters"],
			[3, 5, "(laughs) Go on."],
			[6, 9, "It matters for every claim we make."],
		]);
	});

	it("collapses YouTube's auto-generated captions so each spoken line appears once, at its first time", () => {
		expect(read("talk.auto.en.vtt").cues).toEqual([
			{ start: 0.16, end: 2.869, text: "so today we're going to look at" },
			{ start: 2.879, end: 5.51, text: "how video notes cite their sources" },
			{ start: 5.52, end: 8.15, text: "and why it matters" },
			{ start: 8.16, end: 10, text: "[Music]" },
		]);
	});

	it("reads auto-generated captions the same without their 10 ms cues, or with a finished line that does not match", () => {
		const full = fixture("talk.auto.en.vtt");
		const blocks = full.split("\n\n");
		const withoutShort = blocks.filter((b) => !/\.869 --> 00:00:02\.879|\.510 --> 00:00:05\.520|\.150 --> 00:00:08\.160/.test(b)).join("\n\n");
		expect(withoutShort.split("-->").length).toBe(5);
		const texts = (t: string) => parseTranscript(t).cues.map((c) => c.text);
		expect(texts(withoutShort)).toEqual(texts(full));
		const mismatched = full.replace("00:00:02.879 align:start position:0%\nso today we're going to look at\n \n", "00:00:02.879 align:start position:0%\nso today we are looking at\n \n");
		expect(mismatched).not.toBe(full);
		// A 10 ms cue that is not the line before is a line of its own, and the next cue's top line is then new too.
		expect(texts(mismatched)).toEqual([
			"so today we're going to look at",
			"so today we are looking at",
			"so today we're going to look at how video notes cite their sources",
			"and why it matters",
			"[Music]",
		]);
	});

	it("keeps text after a line with word times in the same cue, in order", () => {
		const t = parseTranscript("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\none<00:00:01.500><c> two</c>\n<i>three</i>\n");
		expect(t.cues).toEqual([{ start: 1, end: 3, text: "one two three" }]);
	});

	it("merges captions that grow word by word into one cue", () => {
		expect(read("progressive.vtt").cues).toEqual([
			{ start: 0, end: 4, text: "the first study found" },
			{ start: 4.5, end: 6, text: "nothing at all" },
		]);
	});

	it("says a WebVTT file with only a header has no cues", () => {
		const t = read("header-only.vtt");
		expect(t.cues).toEqual([]);
		expect(t.error).toMatch(/WebVTT file with no cues/);
	});
});

describe("parseTranscript: SubRip", () => {
	it("reads a numbered file with a BOM, CRLF, comma decimals, short fractions, <i>, <font> and {\\an8}", () => {
		const text = fixture("keynote.srt");
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text).toContain("\r\n");
		expect(parseTranscript(text, "keynote.srt").cues).toEqual([
			{ start: 1, end: 3.2, text: "[Applause]" },
			{ start: 3.2, end: 7.85, text: "- Thank you all for coming. - Please, sit down." },
			{ start: 8, end: 12.4, text: "Today I want to talk about how we check a claim." },
			{ start: 62.5, end: 65.25, text: "Short fractions are read as fractions." },
		]);
	});

	it("reads unnumbered cues with dot decimals and a missing blank line before a numbered cue", () => {
		expect(read("converted.srt").cues).toEqual([
			{ start: 0.5, end: 2, text: "Converted by a tool that writes dots" },
			{ start: 2, end: 4, text: "and drops the cue numbers." },
			{ start: 4, end: 6.5, text: "A missing blank line before this cue." },
		]);
	});

	it("collapses rolling two-line captions without word times", () => {
		expect(read("rolling.srt").cues.map((c) => [c.start, c.text])).toEqual([
			[1, "welcome back to the channel"],
			[4, "today we read a paper"],
			[7, "about sleep and memory"],
			[10, "and what it found"],
		]);
	});

	it("keeps a line said twice in ordinary subtitles", () => {
		expect(read("repeated.srt").cues.map((c) => c.text)).toEqual(["Yes.", "Yes.", "Are you sure?"]);
	});

	it("reads old Mac line ends (CR alone)", () => {
		const t = parseTranscript("1\r00:00:01,000 --> 00:00:02,000\rHello\r\r2\r00:00:02,000 --> 00:00:03,000\rWorld\r");
		expect(t.cues.map((c) => c.text)).toEqual(["Hello", "World"]);
	});
});

describe("parseTranscript: files it cannot read", () => {
	it.each([
		["empty.vtt", /is empty/],
		["notes.txt", /holds no subtitle cues: expected WebVTT or SubRip/],
		["styles.ass", /SSA\/ASS subtitle file, which is not read/],
	])("gives no cues and a reason for %s", (name, message) => {
		const t = read(name);
		expect(t.cues).toEqual([]);
		expect(t.error).toMatch(message);
		expect(t.error).toContain(`"${name}"`);
	});

	it("names no file when none is given", () => {
		expect(parseTranscript("").error).toBe("The file is empty.");
	});

	it("refuses binary data", () => {
		expect(parseTranscript("\u0000\u0001WEBVTT\n\n00:01.000 --> 00:02.000\nx").error).toMatch(/not a text file/);
	});

	it("treats markup in cue text as text to strip, never as markup to keep", () => {
		const t = parseTranscript('WEBVTT\n\n00:01.000 --> 00:02.000\n<script>alert(1)</script><img src=x onerror="alert(2)">Hi &lt;b&gt;\n');
		expect(t.cues).toEqual([{ start: 1, end: 2, text: "alert(1)Hi <b>" }]);
	});

	it("keeps a lone < and unknown entities as text, and fixes an end before the start", () => {
		const t = parseTranscript("00:00:05,000 --> 00:00:04,000\nx < y &bogus; &#65;\n");
		expect(t.cues).toEqual([{ start: 5, end: 5, text: "x < y &bogus; A" }]);
	});

	it("never throws, whatever the text", () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom("0", "1", ":", ".", ",", "-->", " ", "\n", "\r", "<", ">", "v", "&", "WEBVTT", "NOTE", "a", "\uFEFF") }), (s) => {
				const t = parseTranscript(s);
				expect(Array.isArray(t.cues)).toBe(true);
				for (const c of t.cues) {
					expect(Number.isFinite(c.start) && c.end >= c.start).toBe(true);
					expect(typeof c.text).toBe("string");
				}
				if (t.cues.length === 0) expect(typeof t.error).toBe("string");
			}),
			{ numRuns: 500 },
		);
		expect(parseTranscript(undefined as unknown as string).error).toBeDefined();
	});
});
