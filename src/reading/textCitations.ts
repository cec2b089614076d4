import type { Citation, VideoRef } from "../core";
import { decodeEntities } from "./pairing";
import { isStandardElementAt } from "./sourceCitations";
import { linkFromCitation, TEXT_CITATION_CLASS, type TimestampLink } from "./timestampLink";

/**
 * Elements core reads as citations that the Markdown renderer shows as literal text: markup that
 * is no valid HTML tag (`<a class="yt-timestamp" data=t="00:07:13">`, `data-02:52:00"`, a class
 * left as `yt="yt-timestamp"`, `< a`, an escaped `\<a`, a tag that never closes). Live Preview and
 * the panel read them; here each becomes a seek link in place of its markup.
 *
 * The markup is found by what the renderer makes of the citation's source (see {@link shownAs}):
 * backslash escapes and entities resolved, closing tags gone (the HTML parser drops an end tag that
 * closes nothing). A citation is replaced only where that whole string stands in ONE text node.
 * Not handled, so left as text: markup that Markdown splits over several nodes (emphasis or code
 * inside it, `*` or `_` pairs in a label, a URL in it that GFM autolinks, an inline tag such as
 * `<b>` in its label), an entity this does not decode, markup inside a link or a code span, and a
 * closing tag that closes an element opened earlier in the paragraph.
 */
export interface TextCitations {
	links: TimestampLink[];
	/** Puts every text node back as the renderer made it. */
	restore: () => void;
}

/** How many citations past the expected one a piece of text may look for its own (as in pairing). */
const LOOKAHEAD = 16;
const TOKEN = "yt-timestamp";

/** One markup found in a text node: where, and for which citation. */
interface Found {
	start: number;
	end: number;
	citation: Citation;
}

/**
 * Replaces, in the text nodes of `section`, the literal markup of each element citation of
 * `cited` (the section's citations, in order) with a seek link showing its label. `null` when the
 * section shows none.
 */
export function textCitations(
	section: HTMLElement,
	cited: readonly Citation[],
	text: string,
	noteVideo: VideoRef | null,
	skip: (el: HTMLElement) => boolean,
): TextCitations | null {
	// A standard element is always rendered as one; only the others can stand as text.
	const candidates = cited.filter((c) => c.form === "element" && !isStandardElementAt(text, c.from));
	if (candidates.length === 0) return null;
	const shown: (string | undefined)[] = [];
	const nodes = textNodesWithToken(section, skip);
	const found = new Map<Text, Found[]>();
	let next = 0;
	for (const node of nodes) {
		const value = node.data;
		let from = 0;
		for (let hit = value.indexOf(TOKEN); hit >= 0 && next < candidates.length; hit = value.indexOf(TOKEN, Math.max(from, hit + TOKEN.length))) {
			const stop = Math.min(candidates.length, next + LOOKAHEAD);
			for (let k = next; k < stop; k++) {
				const c = candidates[k] as Citation;
				const markup = (shown[k] ??= shownAs(text.slice(c.from, c.to)));
				const start = hit - markup.indexOf(TOKEN);
				if (start < from || !value.startsWith(markup, start)) continue;
				const list = found.get(node) ?? [];
				list.push({ start, end: start + markup.length, citation: c });
				found.set(node, list);
				from = start + markup.length;
				next = k + 1;
				break;
			}
		}
	}
	if (found.size === 0) return null;
	const links: TimestampLink[] = [];
	const undo: (() => void)[] = [];
	for (const [node, list] of found) undo.push(replace(node, list, noteVideo, links));
	return {
		links,
		restore: () => {
			for (const u of undo) u();
		},
	};
}

/**
 * Puts a link in place of each found markup of `node` (splitting it; `node` keeps the text before
 * the first), and returns how to undo that: the inserted nodes go and `node` gets its text back.
 */
function replace(node: Text, list: readonly Found[], noteVideo: VideoRef | null, links: TimestampLink[]): () => void {
	const original = node.data;
	const parent = node.parentNode as Node;
	const inserted: Node[] = [];
	let rest = node;
	let offset = 0;
	for (const { start, end, citation } of list) {
		const markup = rest.splitText(start - offset);
		const after = markup.splitText(end - start);
		const el = parent.createEl("a", { cls: `yt-timestamp ${TEXT_CITATION_CLASS}`, text: citation.label });
		parent.replaceChild(el, markup);
		inserted.push(el, after);
		links.push(linkFromCitation(el, citation, noteVideo));
		rest = after;
		offset = end;
	}
	return () => {
		for (const n of inserted) n.parentNode?.removeChild(n);
		node.data = original;
	};
}

/** The text nodes of `section` that hold `yt-timestamp`, outside code, links and nested embeds. */
function textNodesWithToken(section: HTMLElement, skip: (el: HTMLElement) => boolean): Text[] {
	const out: Text[] = [];
	const walker = section.doc.createTreeWalker(section, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const node = n as Text;
		if (!node.data.includes(TOKEN)) continue;
		const parent = node.parentElement;
		if (!parent || parent.closest("code, pre, a") || skip(parent)) continue;
		out.push(node);
	}
	return out;
}

/**
 * What the renderer shows of an element's markup when it leaves it as text: backslash escapes
 * resolved (`\<a` shows `<a`), the entities a note realistically holds decoded, and closing tags
 * dropped (the HTML parser ignores an end tag that closes nothing).
 */
export function shownAs(markup: string): string {
	return decodeEntities(markup.replace(/<\/[A-Za-z][A-Za-z0-9-]*\s*>/g, "").replace(/\\([!-/:-@[-`{-~])/g, "$1"));
}
