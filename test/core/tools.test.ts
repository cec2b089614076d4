import { describe, expect, it } from "vitest";
import { applyEdits, extractCitations, planAnchors, planChapters, planPortableLinks, planRepairs, proseExclusions, toChapters, toCsv, toMarkdownList, type Citation } from "../../src/core";
import { corpusNotes } from "../helpers/corpus";
import { chapterCaveat } from "../../src/tools/exportCitations";

const ID = "aXGo1o_baBo";
const std = (t: string) => `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;

describe("planRepairs", () => {
	it.each([
		["a stray bracket", `X <a class="yt-timestamp" data-t="00:12:34]">[00:12:34]</a>.`, `X ${std("00:12:34")}.`, "stray bracket in the time"],
		["data-NN:NN:NN", `X <a class="yt-timestamp" data-00:04:37>[00:04:37]</a>.`, `X ${std("00:04:37")}.`, "broken time attribute"],
		["data-NN:NN:NN\"", `X <a class="yt-timestamp" data-00:12:34">[00:12:34]</a>.`, `X ${std("00:12:34")}.`, "broken time attribute"],
		["data=", `X <a class="yt-timestamp" data="00:07:49">[00:07:49]</a>.`, `X ${std("00:07:49")}.`, "broken time attribute"],
		["data=t=", `X <a class="yt-timestamp" data=t="00:12:34">[00:12:34]</a>.`, `X ${std("00:12:34")}.`, "broken time attribute"],
		["an empty label", `X <a class="yt-timestamp" data-t="00:00:40"></a>.`, `X ${std("00:00:40")}.`, "empty label"],
		["an empty label in mm:ss", `X <a class="yt-timestamp" data-t="01:18"></a>.`, `X ${std("00:01:18")}.`, "empty label"],
		["the time only in the label", `X <a class="yt-timestamp">[00:12:34]</a>.`, `X ${std("00:12:34")}.`, "time only in the label, or the label's time fits the note"],
		["an unclosed element", `X <a class="yt-timestamp" data-t="00:00:12</a> more`, `X ${std("00:00:12")} more`, "unclosed element"],
	])("repairs %s", (_name, before, after, reason) => {
		const plan = planRepairs(before);
		expect(applyEdits(before, plan.edits)).toBe(after);
		expect(plan.counts).toEqual({ [reason]: 1 });
		// Repairing twice changes nothing more.
		expect(planRepairs(after).edits).toEqual([]);
	});

	it("keeps data-v when it repairs", () => {
		const before = `X <a class="yt-timestamp" data-t="00:12:34]" data-v="hEzpiDuYFoE">[00:12:34]</a>`;
		expect(applyEdits(before, planRepairs(before).edits)).toBe(`X <a class="yt-timestamp" data-t="00:12:34" data-v="hEzpiDuYFoE">[00:12:34]</a>`);
	});

	it.each([
		["the standard form", `X ${std("00:46:51")}.`],
		["minutes and seconds", `X <a class="yt-timestamp" data-t="46:51">[46:51]</a>.`],
		["a label without brackets", `X <a class="yt-timestamp" data-t="00:46:51">00:46:51</a>.`],
		["a range", `X <a class="yt-timestamp" data-t="00:01:02]-[00:01:30]">[00:01:02]-[00:01:30]</a>.`],
		["an element without a time", `X <a class="yt-timestamp" data-t="soon"></a>.`],
		["code", "`" + `<a class="yt-timestamp" data-t="00:12:34]">x</a>` + "`"],
	])("leaves %s alone", (_name, md) => {
		expect(planRepairs(md).edits).toEqual([]);
	});

	it("counts what it cannot repair", () => {
		expect(planRepairs(`X <a class="yt-timestamp" data-t="soon"></a>.`).unrepairable).toBe(1);
	});

	it("rewrites minutes:seconds:frames notes into real times", () => {
		const md = ["01:29:00", "20:19:00", "59:47:00", "01:01:13:00"].map((t) => `Claim ${std(t)}.`).join("\n");
		const plan = planRepairs(md);
		expect(plan.counts).toEqual({ "time written as minutes:seconds with a third field": 3 });
		const repaired = applyEdits(md, plan.edits);
		expect(extractCitations(repaired).map((c) => c.seconds)).toEqual([89, 1219, 3587, 3673]);
		expect(repaired).toContain(std("00:20:19"));
	});

	it("repairs every corpus note without changing any time it was sure of", () => {
		let touched = 0;
		// An ambiguous time is left as written and is a guess either way: the repaired note around it may tip it.
		const sure = (cs: Citation[]) => cs.map((c) => (c.repair === "ambiguous" ? "?" : c.seconds));
		for (const note of corpusNotes()) {
			const plan = planRepairs(note.text);
			touched += plan.edits.length;
			const after = applyEdits(note.text, plan.edits);
			const before = extractCitations(note.text);
			expect(sure(extractCitations(after)).filter((_, i) => before[i]?.repair !== "ambiguous")).toEqual(sure(before).filter((s) => s !== "?"));
			expect(planRepairs(after).edits).toEqual([]);
		}
		expect(touched).toBeGreaterThan(20);
	});
});

describe("planPortableLinks and planAnchors", () => {
	const note = `---\nvideoId: ${ID}\n---\nClaim ${std("00:46:51")}, other ${std("01:02:03")}.\n\`${std("00:00:01")}\``;

	it("turns elements into youtu.be links with m:ss text and whole seconds", () => {
		const plan = planPortableLinks(note, { kind: "youtube", id: ID });
		expect(applyEdits(note, plan.edits)).toBe(
			`---\nvideoId: ${ID}\n---\nClaim [46:51](https://youtu.be/${ID}?t=2811), other [1:02:03](https://youtu.be/${ID}?t=3723).\n\`${std("00:00:01")}\``,
		);
	});

	it("round-trips back to the standard elements", () => {
		const links = applyEdits(note, planPortableLinks(note, { kind: "youtube", id: ID }).edits);
		expect(applyEdits(links, planAnchors(links, { kind: "youtube", id: ID }).edits)).toBe(note);
	});

	it("keeps the element's own video as data-v", () => {
		const md = `X <a class="yt-timestamp" data-t="00:00:10" data-v="hEzpiDuYFoE">[00:00:10]</a>`;
		const links = applyEdits(md, planPortableLinks(md, { kind: "youtube", id: ID }).edits);
		expect(links).toBe("X [0:10](https://youtu.be/hEzpiDuYFoE?t=10)");
		expect(applyEdits(links, planAnchors(links, { kind: "youtube", id: ID }).edits)).toBe(md);
	});

	it("skips everything for a note whose video is not on YouTube", () => {
		const plan = planPortableLinks(`X ${std("00:00:10")}`, { kind: "file", path: "clip.webm" });
		expect(plan.edits).toEqual([]);
		expect(plan.skipped).toBe(1);
	});

	it.each([
		["a link with words", `[see this](https://youtu.be/${ID}?t=120)`],
		["a link without a time", `[2:00](https://youtu.be/${ID})`],
		["a link to another site", `[2:00](https://example.com/?t=120)`],
		["an image", `![2:00](https://youtu.be/${ID}?t=120)`],
		["a link in code", "`[2:00](https://youtu.be/" + ID + "?t=120)`"],
	])("planAnchors leaves %s alone", (_name, md) => {
		expect(planAnchors(md, { kind: "youtube", id: ID }).edits).toEqual([]);
	});
});

describe("export formats", () => {
	const rows = [
		{ seconds: 2811, text: "The CPTO role is rising", videoId: ID, note: "cpto", line: 7 },
		{ seconds: 24, text: 'Runs product, "engineering"\nand design', videoId: ID, note: "cpto", line: 11 },
		{ seconds: 24.6, text: "=HYPERLINK(\"x\")", videoId: ID },
	];

	it("writes a markdown list with links and note names", () => {
		expect(toMarkdownList(rows.slice(0, 2))).toBe(
			`- [46:51](https://youtu.be/${ID}?t=2811) The CPTO role is rising ([[cpto]])\n- [0:24](https://youtu.be/${ID}?t=24) Runs product, "engineering" and design ([[cpto]])`,
		);
		expect(toMarkdownList([{ seconds: 5, text: "local" }])).toBe("- 0:05 local");
	});

	it("writes YouTube chapters sorted by time, one per second, starting at 0:00", () => {
		expect(toChapters(rows)).toBe(`00:00:00 Start\n00:00:24 Runs product, "engineering" and design\n00:46:51 The CPTO role is rising`);
		expect(toChapters([{ seconds: 0, text: "Intro" }])).toBe("00:00:00 Intro");
	});

	it("follows YouTube's chapter rules: first at 0:00, each at least 10 s, saying what it left out", () => {
		const plan = planChapters([
			{ seconds: 4, text: "Welcome" },
			{ seconds: 12, text: "Too soon after the welcome" },
			{ seconds: 30, text: "The problem" },
			{ seconds: 30.4, text: "The same second" },
			{ seconds: 39.9, text: "Nine seconds later" },
			{ seconds: 95, text: "…which the talk then answers" },
		]);
		expect(plan.lines).toEqual(["00:00:00 Welcome", "00:00:12 Too soon after the welcome", "00:00:30 The problem", "00:01:35 which the talk then answers"]);
		expect(plan.leftOut).toBe(2);
		expect(plan.tooFew).toBe(false);
		const two = planChapters([{ seconds: 60, text: "Only one" }]);
		expect(two.lines).toEqual(["00:00:00 Start", "00:01:00 Only one"]);
		expect(two.tooFew).toBe(true);
		expect(chapterCaveat([{ seconds: 60, text: "Only one" }])).toBe("Only 2 chapters: YouTube shows chapters only when there are at least three.");
	});

	it("writes CSV with quoting and formula protection", () => {
		expect(toCsv(rows)).toBe(
			[
				"time,seconds,note,line,text,link",
				`00:46:51,2811,cpto,8,The CPTO role is rising,https://youtu.be/${ID}?t=2811`,
				`00:00:24,24,cpto,12,"Runs product, ""engineering"" and design",https://youtu.be/${ID}?t=24`,
				`00:00:24.6,24.6,,,"'=HYPERLINK(""x"")",https://youtu.be/${ID}?t=24`,
				"",
			].join("\r\n"),
		);
	});
});

describe("proseExclusions", () => {
	it("finds frontmatter, fences, inline code and comments", () => {
		const md = "---\na: 1\n---\ntext `code` more <!-- c --> end\n```\nfenced\n```\nafter";
		const slices = proseExclusions(md).map(([a, b]) => md.slice(a, b));
		expect(slices).toEqual(["---\na: 1\n---\n", "`code`", "<!-- c -->", "```\nfenced\n```"]);
	});

	it("leaves a stray <!-- inside a paragraph as prose, and takes one opening a line to the end", () => {
		const stray = "F<!--rom\n\nnext";
		expect(proseExclusions(stray)).toEqual([]);
		const block = "<!-- open\n\nhidden";
		expect(proseExclusions(block)).toEqual([[0, block.length]]);
	});
});
