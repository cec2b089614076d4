/**
 * The ways notes break, as the hostile suites apply them to real corpus notes: each takes a note
 * and two numbers (where, and which variant) and returns the broken note. Generators, imports,
 * sync conflicts and hand edits produce all of these.
 */
import fc from "fast-check";
import { corpusNotes } from "../helpers/corpus";

/** Each mutation by name. */
export const MUTATIONS: Record<string, (text: string, at: number, pick: number) => string> = {
	deleteQuote: (t, at) => {
		const i = t.indexOf('"', at % (t.length + 1));
		return i < 0 ? t : t.slice(0, i) + t.slice(i + 1);
	},
	cutElement: (t, at, pick) => {
		const i = t.indexOf("<a", at % (t.length + 1));
		return i < 0 ? t : t.slice(0, i + 2 + (pick % 50)) + t.slice(t.indexOf("\n", i + 2) < 0 ? t.length : t.indexOf("\n", i + 2));
	},
	nestAnchor: (t, at) => {
		const i = t.indexOf(">[", at % (t.length + 1));
		return i < 0 ? t : `${t.slice(0, i + 1)}<a class="yt-timestamp" data-t="00:00:07">${t.slice(i + 1)}`;
	},
	dropClosingTag: (t, at) => {
		const i = t.indexOf("</a>", at % (t.length + 1));
		return i < 0 ? t : t.slice(0, i) + t.slice(i + 4);
	},
	crlf: (t) => t.replace(/\n/g, "\r\n"),
	bom: (t) => `\ufeff${t}`,
	nul: (t, at) => t.slice(0, at % (t.length + 1)) + "\u0000" + t.slice(at % (t.length + 1)),
	loneSurrogate: (t, at, pick) => t.slice(0, at % (t.length + 1)) + (pick % 2 ? "\ud83c" : "\udfac") + t.slice(at % (t.length + 1)),
	splitSurrogatePair: (t, at) => {
		const s = "\ud83c\udfac";
		const i = at % (t.length + 1);
		return t.slice(0, i) + s.slice(0, 1) + "<a class=\"yt-timestamp\" data-t=\"1\">" + s.slice(1) + t.slice(i);
	},
	hostileValue: (t, at, pick) => {
		const i = t.indexOf('data-t="', at % (t.length + 1));
		const values = ['"><img src=x onerror=alert(1)>', "javascript:alert(1)", "99999999:00:00", "-1", "NaN", "&quot;&gt;", "\u202e00:00:01"];
		return i < 0 ? t : t.slice(0, i + 8) + values[pick % values.length] + t.slice(i + 8);
	},
	duplicateLine: (t, at) => {
		const lines = t.split("\n");
		const k = at % lines.length;
		lines.splice(k, 0, lines[k] ?? "");
		return lines.join("\n");
	},
	openFence: (t, at) => {
		const i = at % (t.length + 1);
		return `${t.slice(0, i)}\n\`\`\`\n${t.slice(i)}`;
	},
	openComment: (t, at) => {
		const i = at % (t.length + 1);
		return `${t.slice(0, i)}<!--${t.slice(i)}`;
	},
	manyAnchorsOnOneLine: (t, at, pick) => {
		const i = t.indexOf("\n", at % (t.length + 1));
		const run = Array.from({ length: 200 + (pick % 800) }, (_, k) => `<a class="yt-timestamp" data-t="${k % 3600}">[${k}]</a>`).join("");
		return i < 0 ? t + run : t.slice(0, i) + run + t.slice(i);
	},
};

/** One mutation step: its name, where, and which variant. */
export const mutationStep = fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(), fc.nat());

/** Applies `steps` to `text` in order. */
export function mutate(text: string, steps: readonly (readonly [string, number, number])[]): string {
	let md = text;
	for (const [name, at, pick] of steps) md = (MUTATIONS[name] as (t: string, a: number, p: number) => string)(md, at, pick);
	return md;
}

const notes = corpusNotes();

/**
 * A window of a real corpus note (its frontmatter kept, then up to `maxLines` lines from anywhere
 * in its body), so a case renders in milliseconds while still carrying real citations.
 */
export function corpusWindow(maxLines = 30): fc.Arbitrary<string> {
	return fc.tuple(fc.nat(notes.length - 1), fc.nat(), fc.integer({ min: 1, max: maxLines })).map(([i, start, count]) => {
		const text = (notes[i] as { text: string }).text;
		const fm = /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? "";
		const lines = text.slice(fm.length).split("\n");
		const from = start % Math.max(1, lines.length);
		return fm + lines.slice(from, from + count).join("\n");
	});
}
