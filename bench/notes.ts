import { formatTimestamp } from "../src/core";

/** A generated benchmark note and what it holds. */
export interface BenchNote {
	text: string;
	anchors: number;
	/** Each anchor follows its own sentence, so claims = anchors. */
	claims: number;
	/** The plain text of each claim, in order (what the panel shows as rows). */
	claimTexts: string[];
}

/** The corpus's prose as plain sentences (anchors, tags and markdown removed). */
function sentences(corpus: readonly string[]): string[] {
	const out: string[] = [];
	for (const note of corpus) {
		const body = note.replace(/^---[\s\S]*?\n---\n/, "");
		for (const line of body.split("\n")) {
			const plain = line
				.replace(/<a [^>]*>[^<]*<\/a>/g, "")
				.replace(/<[^>]+>/g, "")
				.replace(/\[\[([^\]|]+)\|?([^\]]*)\]\]/g, (_m, a: string, b: string) => b || a)
				.replace(/[*_#>`|[\]]/g, "")
				.trim();
			for (const s of plain.replace(/([.!?])\s+/g, "$1\n").split("\n")) if (s.length > 30 && /^[A-Z]/.test(s) && !s.includes("http")) out.push(s.replace(/[.!?]+$/, ""));
		}
	}
	return out;
}

/**
 * Builds a note with frontmatter `videoId: aXGo1o_baBo` from the corpus's own sentences, each
 * followed by a standard timestamp element. With `bytes`, sentences are cut so the note reaches
 * about that size with `anchors` elements; `oneBlock` writes one list (one rendered section).
 */
export function buildNote(corpus: readonly string[], options: { anchors: number; bytes?: number; oneBlock?: boolean }): BenchNote {
	const pool = sentences(corpus);
	const head = "---\nvideoId: aXGo1o_baBo\n---\n";
	const anchorLength = '<a class="yt-timestamp" data-t="00:00:00">[00:00:00]</a>'.length;
	const budget = options.bytes ? Math.max(12, Math.floor(options.bytes / options.anchors) - anchorLength - 4) : 400;
	const parts: string[] = [head];
	const claimTexts: string[] = [];
	for (let i = 0; i < options.anchors; i++) {
		const raw = pool[i % pool.length] as string;
		const claim = raw.length > budget ? raw.slice(0, raw.lastIndexOf(" ", budget) > 8 ? raw.lastIndexOf(" ", budget) : budget) : raw;
		const t = formatTimestamp((i * 37) % 10_800);
		claimTexts.push(claim);
		const anchor = `<a class="yt-timestamp" data-t="${t}">[${t}]</a>`;
		if (options.oneBlock) parts.push(`- ${claim} ${anchor}\n`);
		else {
			if (i % 250 === 0) parts.push(`\n## Part ${i / 250 + 1}\n\n`);
			parts.push(`${claim} ${anchor}.${i % 5 === 4 ? "\n\n" : " "}`);
		}
	}
	return { text: parts.join(""), anchors: options.anchors, claims: options.anchors, claimTexts };
}
