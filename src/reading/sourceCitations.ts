import { CONTEXT_REPAIRS, extractCitations, type Citation, type ExtractOptions } from "../core";

/** How many notes' citations are kept: a couple of panes plus an embed or a hover preview. */
const KEPT = 4;

/** One note's citations as kept: its text (and a fingerprint of it), and the video length they were read against. */
interface Kept {
	text: string;
	print: string;
	duration: number | undefined;
	citations: Citation[];
	/** See {@link SourceCitations.readingsByValue}; worked out when first asked. */
	byValue?: Map<string, Citation | null> | null;
}

const STANDARD = '<a class="yt-timestamp" data-t="';

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
	private asText: { text: string; print: string; answer: boolean } | null = null;
	private forms: boolean;

	/** @param otherForms whether other plugins' forms are read (the setting); a change empties the cache. */
	constructor(private otherForms: () => boolean = () => true) {
		this.forms = otherForms();
	}

	/** Every citation of `text`, in document order, read against `duration` (the length of the note's video, when known). */
	of(text: string, duration?: number): Citation[] {
		return this.entry(text, duration).citations;
	}

	private entry(text: string, duration: number | undefined): Kept {
		if (this.otherForms() !== this.forms) {
			this.forms = !this.forms;
			this.kept = [];
		}
		const print = fingerprint(text);
		const i = this.kept.findIndex((entry) => entry.print === print && entry.duration === duration && entry.text === text);
		if (i >= 0) {
			const hit = this.kept[i] as Kept;
			if (i > 0) {
				this.kept.splice(i, 1);
				this.kept.unshift(hit);
			}
			return hit;
		}
		const citations = extractCitations(text, readWith(duration, this.forms));
		const kept: Kept = { text, print, duration, citations };
		this.kept.unshift(kept);
		if (this.kept.length > KEPT) this.kept.length = KEPT;
		return kept;
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

	/**
	 * Whether the Markdown renderer may show some element of `text` as text rather than as an
	 * element: whether any `yt-timestamp` in it is written other than as the standard
	 * `<a class="yt-timestamp" data-t="…">` on one line, not escaped. A standard element is always
	 * rendered as one, so a note where this is `false` (nearly every note) holds no element shown
	 * as literal markup, and its sections need not look for one. One scan per note text; `true`
	 * for anything else (another attribute, other quotes, a mention in prose) is only a reason to
	 * look.
	 */
	mayShowAsText(text: string): boolean {
		const print = fingerprint(text);
		if (this.asText && this.asText.print === print && this.asText.text === text) return this.asText.answer;
		const answer = hasNonStandardElement(text);
		this.asText = { text, print, answer };
		return answer;
	}

	/**
	 * How core reads each `data-t` value the note writes in the standard form
	 * (`<a class="yt-timestamp" data-t="…">`): the citation of that value, or `null` when the note
	 * reads one value two ways (`02:10:00` as hours in one place and as minutes:seconds in
	 * another). Lets the reading view take a rendered element's time from its `data-t` without
	 * pairing it with the source, yet play what core plays. `null` when core reads every time of the
	 * note as written (the common case). Extracts the note once, like {@link of}.
	 */
	readingsByValue(text: string, duration?: number): ReadonlyMap<string, Citation | null> | null {
		const kept = this.entry(text, duration);
		if (kept.byValue !== undefined) return kept.byValue;
		// The common case: core weighed no time against the note, so each reads as written.
		if (!kept.citations.some((c) => c.repair !== undefined && CONTEXT_REPAIRS.has(c.repair))) return (kept.byValue = null);
		const byValue = new Map<string, Citation | null>();
		for (const c of kept.citations) {
			if (c.seconds === null || c.video !== undefined || !text.startsWith(STANDARD, c.from)) continue;
			const start = c.from + STANDARD.length;
			const value = text.slice(start, text.indexOf('"', start));
			const known = byValue.get(value);
			if (known === undefined) byValue.set(value, c);
			else if (known !== null && (known.seconds !== c.seconds || known.repaired !== c.repaired)) byValue.set(value, null);
		}
		kept.byValue = byValue;
		return byValue;
	}

	/** Forgets every kept note (the plugin is unloading). */
	clear(): void {
		this.kept = [];
		this.dataV = null;
		this.asText = null;
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

function readWith(duration: number | undefined, otherForms: boolean): ExtractOptions {
	const options: ExtractOptions = duration === undefined ? {} : { duration };
	if (!otherForms) options.otherForms = false;
	return options;
}

const TOKEN = "yt-timestamp";
/** Where `yt-timestamp` sits in {@link STANDARD}. */
const TOKEN_AT = STANDARD.indexOf(TOKEN);

/** Whether a `yt-timestamp` of `text` is not the class of a standard element (see {@link SourceCitations.mayShowAsText}). */
function hasNonStandardElement(text: string): boolean {
	for (let hit = text.indexOf(TOKEN); hit >= 0; hit = text.indexOf(TOKEN, hit + TOKEN.length)) {
		if (!isStandardElementAt(text, hit - TOKEN_AT)) return true;
	}
	return false;
}

/**
 * Whether an element written the standard way starts at `from`: `<a class="yt-timestamp"
 * data-t="…">` with its value closed on the line, and no backslash before it. Markdown always
 * renders such a tag as an element.
 */
export function isStandardElementAt(text: string, from: number): boolean {
	if (from < 0 || !text.startsWith(STANDARD, from) || text.charCodeAt(from - 1) === 92 /* \ */) return false;
	const start = from + STANDARD.length;
	const end = text.indexOf('"', start);
	return end >= 0 && text.charCodeAt(end + 1) === 62 /* > */ && !text.slice(start, end).includes("\n");
}
