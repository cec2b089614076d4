import { CONTEXT_REPAIRS, extractCitations, type Citation } from "../core";

/** How many notes' citations are kept: a couple of panes plus an embed or a hover preview. */
const KEPT = 4;

/** One note's citations as kept: its text (and a fingerprint of it), and the video length they were read against. */
interface Kept {
	text: string;
	print: string;
	duration: number | undefined;
	citations: Citation[];
}

/**
 * The citations of a note's source text, extracted once and shared by all its sections.
 *
 * Obsidian calls the post-processor once per section, and every section of a note hands back the
 * same `getSectionInfo(el).text`; the reading view also renders sections lazily as the reader
 * scrolls. Keeping the last few texts (compared by value, which is a pointer check for the shared
 * string) means a note is extracted once, not once per section or per scroll.
 */
export class SourceCitations {
	/** Most recently used first. */
	private kept: Kept[] = [];
	private dataV: { text: string; print: string; answer: boolean } | null = null;

	/** Every citation of `text`, in document order, read against `duration` (the length of the note's video, when known). */
	of(text: string, duration?: number): Citation[] {
		const print = fingerprint(text);
		const i = this.kept.findIndex((entry) => entry.print === print && entry.duration === duration && entry.text === text);
		if (i >= 0) {
			const hit = this.kept[i] as Kept;
			if (i > 0) {
				this.kept.splice(i, 1);
				this.kept.unshift(hit);
			}
			return hit.citations;
		}
		const citations = extractCitations(text, duration === undefined ? {} : { duration });
		this.kept.unshift({ text, print, duration, citations });
		if (this.kept.length > KEPT) this.kept.length = KEPT;
		return citations;
	}

	/**
	 * Whether `text` writes `data-v` anywhere (any case). The HTML sanitizer can drop an attribute
	 * whose value it dislikes, so a rendered element without `data-v` proves nothing about its
	 * source; only a note that never writes one lets the DOM be read on its own.
	 */
	writesDataV(text: string): boolean {
		const print = fingerprint(text);
		if (this.dataV && this.dataV.print === print && this.dataV.text === text) return this.dataV.answer;
		const answer = /data-v/i.test(text);
		this.dataV = { text, print, answer };
		return answer;
	}

	/** Whether core reads every time of `text` as written, weighing none against the note (extracts it once, like {@link of}). */
	readsAsWritten(text: string, duration?: number): boolean {
		return !this.of(text, duration).some((c) => c.repair !== undefined && CONTEXT_REPAIRS.has(c.repair));
	}

	/** Forgets every kept note (the plugin is unloading). */
	clear(): void {
		this.kept = [];
		this.dataV = null;
	}
}

/**
 * A cheap summary of a text (its length and a few dozen characters spread over it), compared before
 * the texts themselves: V8 compares two long strings character by character (it does not hash
 * strings past 16 K characters), so two different notes of the same length would otherwise cost a
 * full comparison. The same string object compares in constant time either way.
 */
function fingerprint(text: string): string {
	const n = text.length;
	let out = String(n);
	for (let k = 1; k <= 24; k++) out += text.charAt(Math.floor((n * k) / 25));
	return out + text.slice(-24);
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
