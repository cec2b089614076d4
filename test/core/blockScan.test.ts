import { describe, expect, it } from "vitest";
import { extractCitations, proseExclusions } from "../../src/core";

const ID = "aXGo1o_baBo";
const el = (t: string) => `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;
const link = (s: number) => `[0:${String(s).padStart(2, "0")}](https://youtu.be/${ID}?t=${s})`;
const labels = (md: string) => extractCitations(md).map((c) => c.label);

describe("math blocks ($$ … $$) hold no citations", () => {
	it.each([
		["elements and links inside", `$$\n${el("00:00:01")} ${link(2)}\n$$\nAfter ${el("00:00:03")}`, ["[00:00:03]"]],
		["a closing $$ after the formula", `$$ x = 1\n${el("00:00:01")}\ny = 2 $$\nAfter ${el("00:00:03")}`, ["[00:00:03]"]],
		["blank lines inside", `$$\n\n${el("00:00:01")}\n\n$$\n${el("00:00:03")}`, ["[00:00:03]"]],
		["in a blockquote", `> $$\n> ${el("00:00:01")}\n> $$\n${el("00:00:03")}`, ["[00:00:03]"]],
		["interrupting a paragraph", `Text\n$$\n${el("00:00:01")}\n$$\n${el("00:00:03")}`, ["[00:00:03]"]],
		["left open: to the end of the note", `${el("00:00:01")}\n$$\n${el("00:00:02")}\n${link(3)}`, ["[00:00:01]"]],
		["in a list item, ended with the item", `- a\n  $$\n  ${el("00:00:01")}\n- b ${el("00:00:02")}`, ["[00:00:02]"]],
	])("%s", (_name, md, want) => {
		expect(labels(md)).toEqual(want);
	});

	it.each([
		["display math on one line", `$$x$$ ${el("00:00:01")}`, ["[00:00:01]"]],
		["a dollar sum", `It cost $$5 ${el("00:00:01")}`, ["[00:00:01]"]],
		["$$ inside a fence", "```\n$$\n```\n" + el("00:00:01"), ["[00:00:01]"]],
		["$$ in indented code", `Text\n\n    $$\n\n${el("00:00:01")}`, ["[00:00:01]"]],
	])("but %s opens none", (_name, md, want) => {
		expect(labels(md)).toEqual(want);
	});
});

describe("proseExclusions reads blocks as extraction does", () => {
	it("takes in a math block, whole lines", () => {
		const md = `Text\n$$\n${el("00:00:01")}\n$$\nAfter`;
		const slices = proseExclusions(md).map(([a, b]) => md.slice(a, b));
		expect(slices).toEqual([`$$\n${el("00:00:01")}\n$$`]);
	});

	it("ends a list item's fence with the item, and a comment at its -->", () => {
		const md = "- a\n  ```\n  x\n- b <!-- c\nd --> e `f`";
		const slices = proseExclusions(md).map(([a, b]) => md.slice(a, b));
		expect(slices).toEqual(["  ```\n  x", "<!-- c\nd -->", "`f`"]);
	});
});
