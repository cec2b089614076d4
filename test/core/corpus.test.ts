import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CONTEXT_REPAIRS, extractCitations } from "../../src/core";
import { corpusNote, corpusNotes, SEED_PATH } from "../helpers/corpus";

/** An independent count: `yt-timestamp` class attributes outside fenced code. */
function countOutsideFences(text: string): number {
	let inFence = false;
	let n = 0;
	for (const line of text.split("\n")) {
		if (/^\s*(```|~~~)/.test(line)) {
			inFence = !inFence;
			continue;
		}
		if (!inFence) n += (line.match(/class="yt-timestamp"/g) ?? []).length;
	}
	return n;
}

const notes = corpusNotes();

describe("extractCitations over the real notes", () => {
	it("has the corpus", () => {
		expect(notes.length).toBe(57);
	});

	it("finds the seed note's 32 citations, in order, at the right times", () => {
		const cs = extractCitations(corpusNote(SEED_PATH));
		expect(cs).toHaveLength(32);
		expect(cs[0]).toMatchObject({ seconds: 2811, label: "[00:46:51]", line: 7, headings: [] });
		expect(cs.every((c) => c.invalid === undefined && c.repaired === undefined)).toBe(true);
		const lines = cs.map((c) => c.line);
		expect([...lines].sort((x, y) => x - y)).toEqual(lines);
	});

	it.each(notes.map((n) => [n.path, n.text] as const))("%s: one citation per element outside code, each slice the element", (_path, text) => {
		const cs = extractCitations(text);
		expect(cs.length).toBe(countOutsideFences(text));
		let last = -1;
		for (const c of cs) {
			const slice = text.slice(c.from, c.to);
			expect(slice).toMatch(/^<[a-zA-Z]+\s/);
			expect(slice).toContain("yt-timestamp");
			expect(slice.endsWith(">")).toBe(true);
			expect(c.from).toBeGreaterThan(last);
			last = c.from;
			expect(text.slice(0, c.from).split("\n").length - 1).toBe(c.line);
			expect(c.text).not.toMatch(/<a|\[\[|\]\]|yt-timestamp/);
			if (c.seconds !== null) {
				expect(Number.isFinite(c.seconds)).toBe(true);
				expect(c.seconds).toBeGreaterThanOrEqual(0);
			}
		}
	});

	it("reads every corpus element (none invalid) and flags only the broken ones as repaired", () => {
		const all = notes.flatMap((n) => extractCitations(n.text).map((c) => ({ ...c, path: n.path, raw: n.text.slice(c.from, c.to) })));
		expect(all.filter((c) => c.invalid !== undefined)).toEqual([]);
		const repaired = all.filter((c) => c.repair !== undefined && !CONTEXT_REPAIRS.has(c.repair));
		for (const c of repaired) expect(c.raw).not.toMatch(/^<a class="yt-timestamp" data-t="[\d:]+">\[[\d:]+\]<\/a>$/);
		expect(repaired.map((c) => c.raw).sort()).toEqual([
			'<a class="yt-timestamp" data-00:04:37>[00:04:37]</a>',
			'<a class="yt-timestamp" data-t="00:19:19]">[00:19:19]</a>',
			'<a class="yt-timestamp" data-t="01:00:01]">[01:00:01]</a>',
			'<a class="yt-timestamp" data="00:07:49">[00:07:49]</a>',
		]);
	});

	it("gives most citations some claim text", () => {
		const all = notes.flatMap((n) => extractCitations(n.text));
		const empty = all.filter((c) => c.text.length === 0);
		expect(empty.length / all.length).toBeLessThan(0.01);
	});
});

describe("extractCitations on arbitrary and mutated input", () => {
	const check = (md: string) => {
		const cs = extractCitations(md);
		const bad = cs.filter((c) => !(c.from >= 0 && c.to <= md.length && c.from < c.to && (c.seconds === null || (Number.isFinite(c.seconds) && c.seconds >= 0))));
		expect(bad).toEqual([]);
		return cs;
	};

	it("never throws on arbitrary strings mixed with anchor pieces", () => {
		const piece = fc.constantFrom('<a class="yt-timestamp" data-t="', "00:12:34", '">', "[00:12:34]", "</a>", "`", "```\n", "<!--", "-->", "\n", "\r\n", " ", "[[x|y]]", "\u0000", "\ud800", "\uFEFF", "'", '"', ">", "<", "# h\n", "- ", "|");
		fc.assert(
			fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 60 }), (parts) => {
				check(parts.join(""));
			}),
			{ numRuns: 3000 },
		);
	});

	it("never throws on mutated corpus notes", () => {
		const seed = corpusNote(SEED_PATH);
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(seed.length), fc.nat(40), fc.string({ maxLength: 6 })), { maxLength: 30 }), (edits) => {
				let md = seed;
				for (const [at, del, ins] of edits) md = md.slice(0, at) + ins + md.slice(at + del);
				check(md);
			}),
			{ numRuns: 300 },
		);
	});

	it("stays linear on a 1 MB hostile line", () => {
		const unit = '<a class="yt-timestamp" data-t="';
		const hostile = unit.repeat(Math.ceil(1_000_000 / unit.length));
		const t0 = performance.now();
		const cs = check(hostile);
		const elapsed = performance.now() - t0;
		// One broken stretch, reported (never dropped) with its whole extent.
		expect(cs).toHaveLength(1);
		expect(cs[0]).toMatchObject({ from: 0, to: hostile.length, seconds: null, invalid: expect.stringMatching(/broken/) });
		// Generous: a quadratic scan of this line takes minutes. Speed itself is measured by `npm run bench`.
		expect(elapsed).toBeLessThan(5000);
	});

	it("handles 100,000 anchors on one line", () => {
		const md = Array.from({ length: 100_000 }, (_, i) => `c${i} <a class="yt-timestamp" data-t="${i % 7200}">[${i}]</a>`).join(" ");
		const cs = check(md);
		expect(cs).toHaveLength(100_000);
		expect(cs[99_999]?.seconds).toBe(99_999 % 7200);
	});
});
