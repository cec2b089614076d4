import { extractCitations, type Citation } from "../core";

/** How many notes' citations are kept: a couple of panes plus an embed or a hover preview. */
const KEPT = 4;

/**
 * The citations of a note's source text, extracted once and shared by all its sections.
 *
 * Obsidian calls the post-processor once per section, and every section of a note hands back the
 * same `getSectionInfo(el).text`; the reading view also renders sections lazily as the reader
 * scrolls. Keeping the last few texts (compared by value, which is a pointer check for the shared
 * string) means a note is extracted once, not once per section or per scroll.
 */
export class SourceCitations {
	private kept: { text: string; citations: Citation[] }[] = [];

	/** Every citation of `text`, in document order. */
	of(text: string): Citation[] {
		const i = this.kept.findIndex((entry) => entry.text === text);
		if (i >= 0) {
			const hit = this.kept[i] as { text: string; citations: Citation[] };
			if (i > 0) {
				this.kept.splice(i, 1);
				this.kept.unshift(hit);
			}
			return hit.citations;
		}
		const citations = extractCitations(text);
		this.kept.unshift({ text, citations });
		if (this.kept.length > KEPT) this.kept.length = KEPT;
		return citations;
	}

	/** Forgets every kept note (the plugin is unloading). */
	clear(): void {
		this.kept = [];
	}
}

/** The citations on lines `lineStart`..`lineEnd` (inclusive) of a sorted list, found by binary search. */
export function citationsInLines(citations: readonly Citation[], lineStart: number, lineEnd: number): Citation[] {
	let lo = 0;
	let hi = citations.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((citations[mid] as Citation).line < lineStart) lo = mid + 1;
		else hi = mid;
	}
	const out: Citation[] = [];
	for (let i = lo; i < citations.length; i++) {
		const c = citations[i] as Citation;
		if (c.line > lineEnd) break;
		out.push(c);
	}
	return out;
}
