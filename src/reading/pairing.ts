import type { Citation } from "../core";

/**
 * How far past the expected citation a rendered element may look for its own. The markdown
 * renderer shows some broken anchors as plain text (`data-00:12:34"` is not valid HTML), so the
 * DOM can hold fewer elements than the source; a small window skips those without ever making
 * pairing quadratic on a hostile note.
 */
const LOOKAHEAD = 16;

/** What is compared between an element and a citation: its tag, its `data-t` and its label. */
interface Shape {
	tag: string;
	/** `undefined`: no `data-t`; `null`: a `data-t` whose value the source never closes. */
	dataT: string | null | undefined;
	label: string;
}

/**
 * Pairs each rendered `yt-timestamp` element of a section with the citation core found for it in
 * the section's source, so a seek uses the same seconds as the panel and the editor
 * (docs: DESIGN.md, "one source of truth for times"). Elements are taken in order; each is paired
 * with the first upcoming citation whose source agrees with it (same tag, same `data-t`, or the
 * same label when neither has a `data-t`). An element that agrees with none gets `null`, and its
 * time is read from the DOM instead.
 */
export function pairWithCitations(elements: readonly HTMLElement[], citations: readonly Citation[], text: string): (Citation | null)[] {
	const shapes: (Shape | undefined)[] = [];
	const out: (Citation | null)[] = [];
	let next = 0;
	for (const el of elements) {
		const dom = new DomShape(el);
		let found = -1;
		const stop = Math.min(citations.length, next + LOOKAHEAD);
		for (let k = next; k < stop; k++) {
			const source = (shapes[k] ??= sourceShape(text, citations[k] as Citation));
			if (agrees(dom, source)) {
				found = k;
				break;
			}
		}
		if (found < 0) {
			out.push(null);
			continue;
		}
		out.push(citations[found] as Citation);
		next = found + 1;
	}
	return out;
}

function agrees(dom: Shape, source: Shape): boolean {
	if (dom.tag !== source.tag) return false;
	if (dom.dataT !== undefined || source.dataT !== undefined) return dom.dataT === source.dataT;
	return dom.label === source.label;
}

/** A rendered element's shape; its label is only read when `data-t` cannot decide (it rarely does). */
class DomShape implements Shape {
	readonly tag: string;
	readonly dataT: string | undefined;
	private text: string | undefined;

	constructor(private el: HTMLElement) {
		this.tag = el.localName;
		this.dataT = el.getAttribute("data-t") ?? undefined;
	}

	get label(): string {
		return (this.text ??= normalize(this.el.textContent ?? ""));
	}
}

const STANDARD = '<a class="yt-timestamp" data-t="';

/** Reads the element a citation spans in the source the way an HTML parser would see it (a NUL becomes U+FFFD, as the parser makes it). */
function sourceShape(text: string, citation: Citation): Shape {
	const shape = writtenShape(text, citation);
	if (typeof shape.dataT === "string" && shape.dataT.includes("\u0000")) shape.dataT = shape.dataT.split("\u0000").join("\ufffd");
	return shape;
}

function writtenShape(text: string, citation: Citation): Shape {
	// Nearly every element is written the standard way: read its data-t without parsing the tag.
	if (text.startsWith(STANDARD, citation.from)) {
		const start = citation.from + STANDARD.length;
		const end = text.indexOf('"', start);
		if (end > start && end < citation.to && text.charCodeAt(end + 1) === 62 && !text.slice(start, end).includes("&")) {
			return { tag: "a", dataT: text.slice(start, end), label: "" };
		}
	}
	const raw = text.slice(citation.from, citation.to);
	const tag = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(raw)?.[1]?.toLowerCase() ?? "";
	const tagEnd = openingTagEnd(raw, tag.length + 1);
	const openTag = raw.slice(0, tagEnd);
	let label = "";
	const close = raw.toLowerCase().lastIndexOf(`</${tag}`);
	if (tagEnd < raw.length && close >= tagEnd) label = raw.slice(tagEnd, close).replace(/<[^>]*>/g, "");
	return { tag, dataT: readDataT(openTag), label: normalize(decodeEntities(label)) };
}

/** Offset just past the opening tag's `>` (quotes respected), or the end of `raw` when it breaks off. */
function openingTagEnd(raw: string, from: number): number {
	let quote = "";
	for (let i = from; i < raw.length; i++) {
		const c = raw.charAt(i);
		if (quote) {
			if (c === quote) quote = "";
		} else if (c === '"' || c === "'") quote = c;
		else if (c === ">") return i + 1;
	}
	return raw.length;
}

function readDataT(openTag: string): string | null | undefined {
	const m = /\sdata-t(?=[\s=/>]|$)/i.exec(openTag);
	if (!m) return undefined;
	let i = m.index + m[0].length;
	while (/\s/.test(openTag.charAt(i))) i++;
	if (openTag.charAt(i) !== "=") return "";
	i++;
	while (/\s/.test(openTag.charAt(i))) i++;
	const q = openTag.charAt(i);
	if (q === '"' || q === "'") {
		const close = openTag.indexOf(q, i + 1);
		return close < 0 ? null : decodeEntities(openTag.slice(i + 1, close));
	}
	const end = openTag.slice(i).search(/[\s>]/);
	return decodeEntities(end < 0 ? openTag.slice(i) : openTag.slice(i, i + end));
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the entities an attribute or label in a note realistically holds; others stay as written. */
export function decodeEntities(s: string): string {
	if (!s.includes("&")) return s;
	return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
		if (body.startsWith("#")) {
			const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED[body.toLowerCase()] ?? whole;
	});
}

function normalize(s: string): string {
	return s.replace(/\s+/g, " ").trim();
}
