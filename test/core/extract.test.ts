import { describe, expect, it } from "vitest";
import { extractCitations, type Citation } from "../../src/core";

const a = (t: string, label = `[${t}]`) => `<a class="yt-timestamp" data-t="${t}">${label}</a>`;

/** The one citation of `md`, asserting there is exactly one. */
function one(md: string): Citation {
	const cs = extractCitations(md);
	expect(cs).toHaveLength(1);
	return cs[0] as Citation;
}

describe("extractCitations: the corpus forms", () => {
	it.each([
		["the standard form", `Claim ${a("00:46:51")}.`, 2811, "[00:46:51]", undefined],
		["minutes and seconds", `Claim ${a("46:51")}.`, 2811, "[46:51]", undefined],
		["a label without brackets", `Claim ${a("00:46:51", "00:46:51")}.`, 2811, "00:46:51", undefined],
		["an empty label", `Claim ${a("00:46:51", "")}.`, 2811, "00:46:51", undefined],
		["four fields", `Claim ${a("01:00:17:51")}.`, 3617.51, "[01:00:17:51]", undefined],
		["one-digit hours", `Claim ${a("1:02:03")}.`, 3723, "[1:02:03]", undefined],
		["one-digit minutes", `Claim ${a("1:2:45")}.`, 3765, "[1:2:45]", undefined],
		["a label written differently", `Claim ${a("00:12:34", "[12:34]")}.`, 754, "[12:34]", undefined],
		["the reverse", `Claim ${a("12:34", "[00:12:34]")}.`, 754, "[00:12:34]", undefined],
		["minutes past 59", `Claim ${a("00:75:12")}.`, 4512, "[00:75:12]", undefined],
	])("reads %s", (_name, md, seconds, label, repaired) => {
		const c = one(md);
		expect(c.seconds).toBe(seconds);
		expect(c.label).toBe(label);
		expect(c.repaired).toBe(repaired);
		expect(c.invalid).toBeUndefined();
	});

	it.each([
		["a stray bracket in data-t", `Claim <a class="yt-timestamp" data-t="00:12:34]">[00:12:34]</a>.`, 754, /stray brackets/],
		["data-NN:NN:NN as the attribute name", `Claim <a class="yt-timestamp" data-00:04:37>[00:04:37]</a>.`, 277, /broken attribute/],
		["data-NN:NN:NN\" with a stray quote", `Claim <a class="yt-timestamp" data-00:12:34">[00:12:34]</a>.`, 754, /broken attribute/],
		["data= instead of data-t=", `Claim <a class="yt-timestamp" data="00:07:49">[00:07:49]</a>.`, 469, /broken attribute/],
		["data=t=", `Claim <a class="yt-timestamp" data=t="00:12:34">[00:12:34]</a>.`, 754, /broken attribute/],
		["an href with a time", `Claim <a class="yt-timestamp" href="https://youtu.be/aXGo1o_baBo?t=754">[12:34]</a>.`, 754, /broken attribute/],
		["no attribute, time in the label", `Claim <a class="yt-timestamp">[00:12:34]</a>.`, 754, /label/],
		["a garbage data-t with a good label", `Claim <a class="yt-timestamp" data-t="soon">[00:12:34]</a>.`, 754, /label/],
	])("recovers %s and flags it", (_name, md, seconds, reason) => {
		const c = one(md);
		expect(c.seconds).toBe(seconds);
		expect(c.repaired).toMatch(reason);
	});

	it("reads a range as its start and keeps its end", () => {
		const c = one(`Claim <a class="yt-timestamp" data-t="00:01:02]-[00:01:30]">[00:01:02]-[00:01:30]</a>.`);
		expect(c.seconds).toBe(62);
		expect(c.end).toBe(90);
		expect(c.repaired).toMatch(/range/);
	});

	it("reads a range whose data-t runs into the closing tag", () => {
		const c = one(`Claim <a class="yt-timestamp" data-t="00:01:02]-[00:01:30]</a>. More text.`);
		expect(c.seconds).toBe(62);
		expect(c.end).toBe(90);
	});

	it.each([
		// No video is 11 hours long: a note's only `11:36:00` is 11 min 36 s (see "in the context of its note").
		["a paragraph element", `<p class="yt-timestamp" data-t="11:36:00">[11:36:00]</p>`, 696],
		["a footnote link", `Claim <a href="#fn:1" class="yt-timestamp" data-t="00:00:14">[00:00:14]</a>.`, 14],
		["a span", `Claim <span class="yt-timestamp" data-t="00:00:14">[00:00:14]</span>.`, 14],
		["attributes in another order", `Claim <a data-t="00:00:14" class="yt-timestamp">[00:00:14]</a>.`, 14],
		["single quotes", `Claim <a class='yt-timestamp' data-t='00:00:14'>[00:00:14]</a>.`, 14],
		["unquoted attributes", `Claim <a class=yt-timestamp data-t=00:00:14>[00:00:14]</a>.`, 14],
		["extra classes and attributes", `Claim <a id="x" class="cite yt-timestamp big" title="t" data-t="00:00:14">[00:00:14]</a>.`, 14],
		["uppercase tag and attribute", `Claim <A CLASS="yt-timestamp" DATA-T="00:00:14">[00:00:14]</A>.`, 14],
		["a tag inside the label", `Claim <a class="yt-timestamp" data-t="00:00:14"><b>[00:00:14]</b></a>.`, 14],
	])("finds %s", (_name, md, seconds) => {
		const c = one(md);
		expect(c.seconds).toBe(seconds);
		expect(md.slice(c.from, c.to)).toMatch(/^<[a-zA-Z]/);
		expect(md.slice(c.from, c.to)).toMatch(/>$/);
	});

	it("gives from/to of the whole element", () => {
		const md = `Before ${a("00:00:14")} after.`;
		const c = one(md);
		expect(md.slice(c.from, c.to)).toBe(a("00:00:14"));
	});

	it.each([
		["an empty data-t and label", `Claim <a class="yt-timestamp" data-t=""></a>.`, /empty/],
		["a data-t that is no time", `Claim <a class="yt-timestamp" data-t="soon"></a>.`, /"soon" is not a time/],
		["no data-t at all", `Claim <a class="yt-timestamp">see</a>.`, /no data-t/],
		["a hostile data-v", `Claim <a class="yt-timestamp" data-t="00:00:14" data-v="javascript:alert(1)">[00:00:14]</a>.`, /data-v/],
	])("reports %s as invalid, never as 0", (_name, md, reason) => {
		const c = one(md);
		expect(c.seconds).toBeNull();
		expect(c.invalid).toMatch(reason);
	});

	it("reports a run of unclosed opening tags as one broken stretch, and keeps the good element after it", () => {
		const broken = '<a class="yt-timestamp" data-t="'.repeat(3);
		const md = `Claim ${broken}${a("00:00:14")}.`;
		const cs = extractCitations(md);
		expect(cs.map((c) => [c.seconds, md.slice(c.from, c.to)])).toEqual([
			[null, broken],
			[14, a("00:00:14")],
		]);
	});

	it("keeps a broken-off element that still carries a time", () => {
		const md = `Claim <a class="yt-timestamp" data-t="00:12<a class="yt-timestamp" data-t="">`;
		expect(extractCitations(md)[0]).toMatchObject({ seconds: 12, repaired: expect.stringMatching(/not closed/) });
	});

	it("takes the element's own video from data-v", () => {
		const c = one(`Claim <a class="yt-timestamp" data-t="00:00:14" data-v="hEzpiDuYFoE">[00:00:14]</a>.`);
		expect(c.video).toEqual({ kind: "youtube", id: "hEzpiDuYFoE" });
	});
});

describe("extractCitations: what is not a citation", () => {
	it.each([
		["a fenced code block", "```\n" + a("00:00:01") + "\n```\n"],
		["a tilde fence", "~~~md\n" + a("00:00:01") + "\n~~~\n"],
		["an unclosed fence", "```\n" + a("00:00:01") + "\n"],
		["inline code", "Use `" + a("00:00:01") + "` like this."],
		["double-backtick inline code", "Use ``x ` " + a("00:00:01") + "`` here."],
		["an HTML comment", "Text <!-- " + a("00:00:01") + " --> more."],
		["a multi-line HTML comment", "<!--\n" + a("00:00:01") + "\n-->\n"],
		["frontmatter", "---\nnote: " + a("00:00:01") + "\n---\nBody."],
		["indented code", "Para.\n\n    " + a("00:00:01") + "\n"],
		["a mention of the class in text", "The yt-timestamp class marks anchors."],
		["another attribute naming the class", `<a data-x="yt-timestamp" data-t="00:00:01">[00:00:01]</a>`],
		["a class containing the word", `<a class="not-yt-timestamp" data-t="00:00:01">[00:00:01]</a>`],
	])("skips %s", (_name, md) => {
		expect(extractCitations(md)).toEqual([]);
	});

	it("keeps citations before and after excluded regions", () => {
		const md = `One ${a("00:00:01")}.\n\n\`\`\`\n${a("00:00:02")}\n\`\`\`\n\nTwo ${a("00:00:03")} and \`${a("00:00:04")}\` <!-- ${a("00:00:05")} --> three ${a("00:00:06")}.`;
		expect(extractCitations(md).map((c) => c.seconds)).toEqual([1, 3, 6]);
	});

	it("reads a stray <!-- inside a paragraph as text, as CommonMark does, and one opening a line as a comment to the end", () => {
		const stray = `F<!--rom here\n\nNext ${a("00:00:01")}.`;
		expect(extractCitations(stray).map((c) => c.seconds)).toEqual([1]);
		expect(extractCitations(`!<!--${a("00:00:02")}\n`).map((c) => c.seconds)).toEqual([2]);
		// Closed later in the same paragraph: a comment across lines.
		expect(extractCitations(`A <!-- ${a("00:00:03")}\nstill --> B ${a("00:00:04")}.`).map((c) => c.seconds)).toEqual([4]);
		// Opening a line: an HTML block that runs to its end, across blank lines.
		expect(extractCitations(`<!-- note\n\n${a("00:00:05")}\n\nmore`).map((c) => c.seconds)).toEqual([]);
		expect(extractCitations(`> <!-- quoted\n\n${a("00:00:06")}`).map((c) => c.seconds)).toEqual([]);
	});

	it("reads a quoted attribute value holding < and > as one value, as an HTML parser does", () => {
		const md = `Claim <a class="yt-timestamp" href="data:text/html,<script>x</script>" data-t="00:02:01">[00:02:01]</a>.`;
		expect(extractCitations(md).map((c) => [c.seconds, md.slice(c.from, c.to).endsWith("</a>")])).toEqual([[121, true]]);
	});

	it("does not take indented list continuations for code", () => {
		const md = `*   **Point** ${a("00:00:01")}:\n    continued ${a("00:00:02")}.\n\n    More of the item ${a("00:00:03")}.`;
		expect(extractCitations(md).map((c) => c.seconds)).toEqual([1, 2, 3]);
	});
});

describe("extractCitations: claims, lines and headings", () => {
	it("gives each sentence its own claim and several anchors after one sentence the same one", () => {
		const md = `# Talk\n\n## Part one\n\nFirst claim ${a("00:00:01")}. Second claim ${a("00:00:02")}, ${a("00:00:03")}.\n\n- An item ${a("00:00:04")}\n`;
		const cs = extractCitations(md);
		expect(cs.map((c) => [c.seconds, c.claim, c.text, c.line])).toEqual([
			[1, 0, "First claim", 4],
			[2, 1, "Second claim", 4],
			[3, 1, "Second claim", 4],
			[4, 2, "An item", 6],
		]);
		expect(cs[0]?.headings).toEqual(["Talk", "Part one"]);
	});

	it("gives an anchor after a comma the clause it closes, marked as part of a sentence", () => {
		const md = `What is best for the organization ${a("00:00:32")}, driven by customer needs ${a("00:50:33")}.`;
		const cs = extractCitations(md);
		expect(cs[0]?.text).toBe("What is best for the organization");
		expect(cs[1]?.text).toBe("…driven by customer needs");
		expect(cs[0]?.claim).not.toBe(cs[1]?.claim);
	});

	it("writes wikilinks by their display text and drops markdown", () => {
		const c = one(`See **[[the_role_of_product_managers | product organizations]]** and [[growth]] and [a link](https://x.y) with \`code\` ${a("00:00:09")}.`);
		expect(c.text).toBe("See product organizations and growth and a link with code");
		expect(c.text).not.toContain("[[");
		expect(c.text).not.toContain("<a");
	});

	it("takes the sentence before an anchor written after the period", () => {
		const cs = extractCitations(`One thing. The claim. ${a("00:00:05")} Next.`);
		expect(cs[0]?.text).toBe("The claim.");
	});

	it("takes the text after a timestamp-first line", () => {
		expect(one(`- ${a("00:00:05")} The speaker explains recursion.`).text).toBe("The speaker explains recursion.");
	});

	it("uses the table cell in tables", () => {
		const md = `| Topic | Detail |\n|---|---|\n| Growth | Revenue doubled ${a("00:01:00")} |`;
		expect(one(md).text).toBe("Revenue doubled");
	});

	it("tracks setext headings and drops anchors from heading text", () => {
		const md = `Overview\n========\n\nSection ${a("00:00:01")}\n--------\n\nClaim ${a("00:00:02")}.`;
		const cs = extractCitations(md);
		expect(cs[1]?.headings).toEqual(["Overview", "Section"]);
	});

	it("counts lines through CRLF and a BOM", () => {
		const md = `\uFEFF---\r\nvideoId: aXGo1o_baBo\r\n---\r\n\r\nClaim ${a("00:00:01")}.\r\nMore ${a("00:00:02")}.`;
		const cs = extractCitations(md);
		expect(cs.map((c) => c.line)).toEqual([4, 5]);
		expect(cs.map((c) => md.slice(c.from, c.to))).toEqual([a("00:00:01"), a("00:00:02")]);
	});

	it("reads notes written as mm:ss:00 the way they are meant", () => {
		const times = ["01:29:00", "02:32:00", "20:19:00", "59:47:00", "01:01:13:00"];
		const cs = extractCitations(times.map((t) => `Claim ${a(t)}.`).join("\n\n"));
		expect(cs.map((c) => c.seconds)).toEqual([89, 152, 1219, 3587, 3673]);
		expect(cs[0]?.repair).toBe("minutes-seconds");
		expect(cs[0]?.repaired).toBe(`"01:29:00" read as minutes:seconds (1:29), as the rest of this note is written`);
	});

	it("reads mixed notes (mm:ss:00 early, real hours later) value by value", () => {
		const times = ["01:18:00", "02:16:00", "26:36:00", "53:49:00", "57:28:00", "50:30", "01:13:28"];
		const cs = extractCitations(times.map((t) => `Claim ${a(t)}.`).join("\n\n"));
		expect(cs.map((c) => c.seconds)).toEqual([78, 136, 1596, 3229, 3448, 3030, 4408]);
	});

	it("leaves ordinary hh:mm:ss notes alone even when their times end in :00", () => {
		const cs = extractCitations(["00:05:00", "00:10:00", "01:00:00"].map((t) => `Claim ${a(t)}.`).join("\n\n"));
		expect(cs.map((c) => c.seconds)).toEqual([300, 600, 3600]);
	});
});
