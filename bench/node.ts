/**
 * The figures measured in Node: citation extraction and the vault index against a bare regex scan
 * of the same text, in the same process, alternating runs and taking medians.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { extractCitations, resolveVideo } from "../src/core";
import { CitationIndex } from "../src/vault/citationIndex";
import { figure, timePair, type Figure } from "./measure";

const ANCHOR = /<a class="yt-timestamp" data-t="([^"]*)">([^<]*)<\/a>/g;

/** Every corpus note's text. */
export function corpusTexts(root: string): { path: string; text: string }[] {
	const out: { path: string; text: string }[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith(".md") && name !== "README.md") out.push({ path: full.slice(root.length + 1), text: readFileSync(full, "utf8") });
		}
	};
	walk(root);
	return out;
}

let sink = 0;

/** The baseline of the extraction and index figures: a bare regex scan for timestamp elements. */
export function bareScan(texts: readonly string[]): void {
	for (const t of texts) for (const m of t.matchAll(ANCHOR)) sink += (m[1] ?? "").length;
}

/** A note's frontmatter as flat `key: value` pairs (enough for the corpus's `videoId:`). */
export function frontmatterOf(text: string): Record<string, unknown> {
	const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	const out: Record<string, unknown> = {};
	for (const line of (m?.[1] ?? "").split(/\r?\n/)) {
		const kv = /^(\w+):\s*(.*)$/.exec(line);
		if (kv?.[1]) out[kv[1]] = (kv[2] ?? "").replace(/^["']|["']$/g, "");
	}
	return out;
}

/** Measures the Node-side figures. */
export function nodeFigures(corpusRoot: string): Figure[] {
	const notes = corpusTexts(corpusRoot);
	const texts = notes.map((n) => n.text);
	const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
	const figures: Figure[] = [];

	const extract = timePair(
		() => bareScan(texts),
		() => {
			for (const t of texts) sink += extractCitations(t).length;
		},
		60,
	);
	figures.push(figure("extract.ratio_vs_scan", extract.subject / extract.baseline, "×", 2.5, `extractCitations over ${(bytes / 1e6).toFixed(2)} MB of corpus notes vs a bare matchAll`));
	figures.push(figure("extract.mb_per_s", bytes / 1e6 / (extract.subject / 1000), "MB/s", null, `bare scan: ${(bytes / 1e6 / (extract.baseline / 1000)).toFixed(0)} MB/s`));

	const unit = '<a class="yt-timestamp" data-t="';
	const hostile = unit.repeat(Math.ceil(1_000_000 / unit.length));
	const hostileTimes = timePair(
		() => bareScan([hostile]),
		() => (sink += extractCitations(hostile).length),
		15,
	);
	figures.push(figure("extract.hostile_ms", hostileTimes.subject, "ms", hostileTimes.baseline * 10, `1 MB line of unterminated anchors; bare scan ${hostileTimes.baseline.toFixed(2)} ms, target 10× that`));

	const videos = notes.map((n) => resolveVideo(frontmatterOf(n.text)));
	const index = timePair(
		() => bareScan(texts),
		() => {
			const idx = new CitationIndex();
			notes.forEach((n, i) => idx.setNote(n.path, n.text, videos[i] ?? null));
			sink += idx.noteCount;
		},
		40,
	);
	figures.push(figure("index.ratio_vs_scan", index.subject / index.baseline, "×", 3, "indexing every corpus note vs a bare matchAll of the same text"));

	if (sink === -1) console.debug(sink);
	return figures;
}
