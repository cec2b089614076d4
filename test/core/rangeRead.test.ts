import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { extractCitations, type Citation } from "../../src/core";
import { BlockReader, blockState, bodyFrom, copyBlockState, type BlockState } from "../../src/core/blockScan";
import { corpusNotes } from "../helpers/corpus";

/** What a range read promises to give as the whole note's read does (see `extractCitations`). */
function same(c: Citation) {
	return { form: c.form, from: c.from, to: c.to, line: c.line, label: c.label, seconds: c.seconds, end: c.end, repaired: c.repaired, repair: c.repair, invalid: c.invalid, video: c.video, text: c.text };
}

function whole(text: string, from: number, to: number) {
	return extractCitations(text, { inContext: false }).filter((c) => c.from >= from && c.from <= to);
}

/** The block state at the start of every line of the body, by line start. */
function statesByLine(text: string): Map<number, { line: number; state: BlockState }> {
	const out = new Map<number, { line: number; state: BlockState }>();
	const reader = new BlockReader(text);
	const state = blockState();
	let line = text.slice(0, bodyFrom(text)).split("\n").length - 1;
	for (let pos = bodyFrom(text); pos <= text.length; line++) {
		const nl = text.indexOf("\n", pos);
		const end = nl < 0 ? text.length : nl;
		out.set(pos, { line, state: copyBlockState(blockState(), state) });
		reader.step(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end, state);
		pos = end + 1;
	}
	return out;
}

/** A small deterministic generator, so every run checks the same ranges. */
function random(seed: number): () => number {
	let x = seed || 1;
	return () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return (x >>> 0) / 2 ** 32;
	};
}

describe("a range read gives the whole note's citations in the range", () => {
	const notes = corpusNotes().filter((n) => extractCitations(n.text).length > 0);

	it.each(notes.map((n) => [n.path, n.text] as const))("for random ranges of %s", (path, text) => {
		const next = random(path.length * 7919 + text.length);
		const all = extractCitations(text, { inContext: false });
		let seen = 0;
		for (let i = 0; i < 25; i++) {
			const a = Math.floor(next() * (text.length + 1));
			const b = i % 5 === 0 ? a : Math.min(text.length, a + Math.floor(next() * 6000));
			const want = all.filter((c) => c.from >= a && c.from <= b).map(same);
			expect(extractCitations(text, { from: a, to: b }).map(same), `[${a}, ${b}]`).toEqual(want);
			seen += want.length;
		}
		// Ranges that start on a citation, so claims that reach back to their block's start are read too.
		for (const c of all.filter((_, i) => i % 7 === 0)) {
			expect(extractCitations(text, { from: c.from, to: c.from }).map(same)).toEqual([same(c)]);
		}
		expect(seen + all.length).toBeGreaterThan(0);
	});

	it.each(notes.slice(0, 20).map((n) => [n.path, n.text] as const))("resumed from a saved block state in %s", (path, text) => {
		const next = random(path.length * 104729);
		const states = statesByLine(text);
		const starts = [...states.keys()];
		for (let i = 0; i < 25; i++) {
			const k = Math.floor(next() * starts.length);
			const at = starts[k] as number;
			const saved = states.get(at) as { line: number; state: BlockState };
			const from = starts[Math.min(starts.length - 1, k + Math.floor(next() * 40))] as number;
			const to = Math.min(text.length, from + Math.floor(next() * 3000));
			// Resumed mid-block, a claim may start at the resumed line: everything but the claim text is the whole note's.
			const strip = (c: Citation) => ({ ...same(c), text: undefined });
			const got = extractCitations(text, { from, to, resume: { at, line: saved.line, state: saved.state } }).map(strip);
			expect(got, `resume ${at}, [${from}, ${to}]`).toEqual(whole(text, from, to).map(strip));
			// The same from a slice of the note that starts there.
			const slice = text.slice(at);
			const shifted = extractCitations(slice, { from: from - at, to: to - at, resume: { at: 0, line: saved.line, state: saved.state } });
			expect(shifted.map((c) => [c.from + at, c.to + at, c.seconds, c.line])).toEqual(whole(text, from, to).map((c) => [c.from, c.to, c.seconds, c.line]));
		}
	});
});

const ID = "aXGo1o_baBo";
const el = (t: string) => `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;
/** Lines that exercise every structural rule the block reader knows. */
const LINE = fc.constantFrom(
	"",
	"",
	"Plain prose line. Second sentence.",
	`Claim ${el("00:00:01")}.`,
	`Two ${el("00:01:00")}, ${el("00:02:00")} and more.`,
	`- Item ${el("00:00:03")}`,
	`1. Ordered [0:04](https://youtu.be/${ID}?t=4)`,
	`    Indented ${el("00:00:05")}`,
	`        Deeper [[talk.mp4#t=6]]`,
	`    - Nested ${el("00:00:07")}`,
	"```",
	"~~~",
	"  ```",
	"$$",
	`$$ x = [00:09]() $$`,
	`<!-- ${el("00:00:08")}`,
	`--> after ${el("00:00:09")}`,
	`Inline <!-- ${el("00:00:10")} --> ${el("00:00:11")}`,
	`Use \`${el("00:00:12")}\` here`,
	`# Heading ${el("00:00:13")}`,
	"---",
	"===",
	`| Cell ${el("00:00:14")} |`,
	`> Quote ${el("00:00:15")}`,
	`*   Wide item ${el("00:00:16")}`,
	`  In the item [00:17]()`,
	`Math $[0:18]()$ inline.`,
);

describe("a range read on generated notes", () => {
	it("equals the whole read for any note and any range", () => {
		fc.assert(
			fc.property(fc.array(LINE, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), fc.boolean(), (lines, a, b, frontmatter) => {
				const text = (frontmatter ? "---\nvideoId: aXGo1o_baBo\n---\n" : "") + lines.join("\n");
				const from = a % (text.length + 1);
				const to = from + (b % (text.length - from + 1));
				expect(extractCitations(text, { from, to }).map(same)).toEqual(whole(text, from, to).map(same));
			}),
			{ numRuns: 1500 },
		);
	});
});
