import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GFM, parser } from "@lezer/markdown";
import { describe, expect, it } from "vitest";
import { extractCitations, proseExclusions } from "../../src/core";
import { frontmatterEnd } from "../../src/core/lineScan";
import { structureOf } from "../../src/editor/structure";
import { notesUnder } from "../helpers/corpus";

/**
 * The block structure the plugin reads (extraction, `proseExclusions`, the editor's `structureOf`)
 * checked against `@lezer/markdown`, the CommonMark parser Obsidian's editor is built on, over
 * every real note in the fixtures.
 */

const FIXTURES = join(__dirname, "..", "fixtures");
/** Longer lines make the parser crawl; notes holding one are left out. */
const MAX_LINE = 50_000;
const markdown = parser.configure(GFM);

/** Where lezer says a note is code or a comment, as `[from, to)` ranges. */
interface LezerCode {
	/** Fenced code blocks, whole lines. */
	fenced: [number, number][];
	/** Every place no citation can be: fenced and indented code, comment blocks, inline code and comments. */
	all: [number, number][];
}

function lezerCode(text: string, body: number): LezerCode {
	// Lezer knows no frontmatter: it reads blank lines in its place, offsets unchanged.
	const doc = text.slice(0, body).replace(/[^\n]/g, " ") + text.slice(body);
	const fenced: [number, number][] = [];
	const all: [number, number][] = [];
	markdown.parse(doc).iterate({
		enter(node) {
			switch (node.name) {
				case "FencedCode":
					fenced.push([node.from, node.to]);
					all.push([node.from, node.to]);
					return false;
				case "CodeBlock":
				case "InlineCode":
				case "Comment":
					all.push([node.from, node.to]);
					return false;
				case "CommentBlock": {
					// The block runs to its line's end, but what follows `-->` there is read as HTML (and so by the plugin).
					const close = doc.lastIndexOf("-->", node.to);
					all.push([node.from, close >= node.from ? close + 3 : node.to]);
					return false;
				}
				default:
					return undefined;
			}
		},
	});
	return { fenced, all };
}

/** The `<`s of the opening tags lezer reads as HTML outside code with `yt-timestamp` in their class. */
function lezerElements(text: string, body: number): number[] {
	const doc = text.slice(0, body).replace(/[^\n]/g, " ") + text.slice(body);
	const out: number[] = [];
	markdown.parse(doc).iterate({
		enter(node) {
			if (node.name === "FencedCode" || node.name === "CodeBlock" || node.name === "InlineCode" || node.name === "Comment" || node.name === "CommentBlock") return false;
			if (node.name === "HTMLTag" && /^<[a-zA-Z][^>]*\sclass\s*=\s*(["'])(?:[^"']*\s)?yt-timestamp[\s"']/.test(doc.slice(node.from, node.to))) out.push(node.from);
			return undefined;
		},
	});
	return out;
}

const inside = (ranges: [number, number][], at: number) => ranges.some(([a, b]) => a <= at && at < b);

const all = [...notesUnder(join(FIXTURES, "corpus"), FIXTURES), ...notesUnder(join(FIXTURES, "times"), FIXTURES)];
const checked = all.filter((n) => n.text.split("\n").every((line) => line.length <= MAX_LINE));

/** Every `yt-timestamp` in the text past the frontmatter, by where it starts. */
function tokens(text: string, body: number): number[] {
	const out: number[] = [];
	for (let i = text.indexOf("yt-timestamp", body); i >= 0; i = text.indexOf("yt-timestamp", i + 1)) out.push(i);
	return out;
}

/** Whether the citation whose element holds `token` was extracted. */
function extractedAt(cs: { from: number; to: number }[], token: number): boolean {
	return cs.some((c) => c.from <= token && token < c.to);
}

/**
 * Where the plugin's three block readers part from lezer on `text`, one line of words each:
 * lezer's elements outside code that extraction misses, `yt-timestamp`s (mangled tags and prose
 * mentions too) that extraction takes from lezer's code or `proseExclusions` places otherwise, and
 * non-blank lines that `structureOf` puts in or out of a fence against lezer.
 */
function disagreements(text: string): string[] {
	const body = frontmatterEnd(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
	const code = lezerCode(text, body);
	const cs = extractCitations(text);
	const prose = proseExclusions(text);
	const fences = structureOf(text).regions.filter(([, , kind]) => kind === "fence");
	const inFence = (at: number) => fences.some(([a, b]) => a <= at && at < b);
	const wrong: string[] = [];
	const where = (at: number) => `line ${text.slice(0, at).split("\n").length}`;
	for (const at of lezerElements(text, body)) if (!cs.some((c) => c.from === at)) wrong.push(`${where(at)}: lezer's element not extracted`);
	for (const at of tokens(text, body)) {
		const inCode = inside(code.all, at);
		if (inCode && extractedAt(cs, at)) wrong.push(`${where(at)}: extracted inside lezer's code`);
		if (inCode !== inside(prose, at)) wrong.push(`${where(at)}: proseExclusions says ${inCode ? "prose" : "code"}`);
	}
	for (let at = body; at < text.length; ) {
		const nl = text.indexOf("\n", at);
		const end = nl < 0 ? text.length : nl;
		let first = at;
		while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
		if (first < end && inside(code.fenced, first) !== inFence(first)) wrong.push(`${where(first)}: structureOf says ${inFence(first) ? "fence" : "no fence"}`);
		at = end + 1;
	}
	return wrong;
}

const a = (t: string) => `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;

describe("a fenced code block in a list item ends with the item", () => {
	it.each([
		["a closing fence with text after it closes nothing; the next item ends the fence", `- Run:\n  \`\`\`bash\n  nvm use\n  \`\`\` ${a("00:01")}\n- Then ${a("00:02")}`, ["[00:02]"]],
		["the wide marker of generated notes", `*   Run:\n    \`\`\`bash\n    nvm use\n    \`\`\` ${a("00:01")}\n*   Then ${a("00:02")}`, ["[00:02]"]],
		["a heading after the item", `1.  Run:\n    \`\`\`\n    x\n    \`\`\` ${a("00:01")}\n\n## Next\nProse ${a("00:02")}`, ["[00:02]"]],
		["a line at the item's content goes on inside the fence", `- Run:\n  \`\`\`\n  x \`\`\`\n  ${a("00:01")}\n- Then ${a("00:02")}`, ["[00:02]"]],
		["a nested item's fence, ended by the outer list", `- A\n    - B:\n        \`\`\`\n        x\n        \`\`\` ${a("00:01")}\n- C ${a("00:02")}`, ["[00:02]"]],
		["a fence less deep than the latest item, in the outer item", `- A\n  - B ${a("00:01")}\n  \`\`\`\n  ${a("00:02")}\n- C ${a("00:03")}`, ["[00:01]", "[00:03]"]],
		["an ordered item's content column, three wide", `1. Run:\n   \`\`\`\n   ${a("00:01")}\n  ${a("00:02")}`, ["[00:02]"]],
		["blank lines keep the fence open", `- Run:\n  \`\`\`\n\n  ${a("00:01")}\n\n- Then ${a("00:02")}`, ["[00:02]"]],
		["a closing fence at the margin ends the item, then opens a fence of its own", `- Run:\n  \`\`\`\n  x\n\`\`\`\n${a("00:01")}`, []],
		["outside a list, only a closing fence ends a fence", `\`\`\`\nx\n\`\`\` ${a("00:01")}\n${a("00:02")}\n\`\`\`\n${a("00:03")}`, ["[00:03]"]],
	])("%s", (_name, md, labels) => {
		expect(extractCitations(md).map((c) => c.label)).toEqual(labels);
		expect(disagreements(md)).toEqual([]);
	});

	it.each([
		// Seven anchors stand on or under a closing fence with text after it, inside the block as CommonMark (and Obsidian) reads it.
		["colemedin/how_to_use_n8n_for_web_scraping_without_code.md", 54, [30]],
		["fireship/installing_and_managing_nodejs_versions.md", 15, [29, 33, 42, 50, 54, 55]],
	])("reads the note that hid them: %s", (path, count, codeLines) => {
		const text = readFileSync(join(FIXTURES, "times", path), "utf8");
		const cs = extractCitations(text);
		expect(cs).toHaveLength(count);
		const lines = new Set(cs.map((c) => c.line + 1));
		const missed = text.split("\n").flatMap((line, i) => (line.includes("yt-timestamp") && !lines.has(i + 1) ? [i + 1] : []));
		expect(missed).toEqual(codeLines);
		expect(disagreements(text)).toEqual([]);
	});
});

describe("block structure as CommonMark reads it, over every real note", () => {
	it("checks all but the notes with lines too long for lezer", () => {
		expect(all.length - checked.length).toBe(2);
		expect(checked.length).toBe(227);
		// The elements lezer reads as tags, so the check below cannot pass by finding none.
		const elements = checked.reduce((n, note) => n + lezerElements(note.text, frontmatterEnd(note.text, 0)).length, 0);
		expect(elements).toBe(10_649);
	});

	it.each(checked.map((n) => [n.path, n.text] as const))("%s", (_path, text) => {
		expect(disagreements(text)).toEqual([]);
	});
});
