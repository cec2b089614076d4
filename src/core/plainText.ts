/**
 * Turns a stretch of note source (markdown with inline HTML) into the plain text a reader sees:
 * tags, emphasis and link syntax removed, wikilinks by their display text. Callers cut timestamp
 * elements out first (they know exactly where they are); bracketed times left around them go here.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

// Each pattern is linear: character classes exclude their terminator, and quantifiers are bounded.
const TAG = /<\/?[A-Za-z][^<>]{0,2000}>?/g;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const WIKILINK = /!?\[\[([^\]|\n]{0,500})(?:\|([^\]\n]{0,500}))?\]\]/g;
const MD_LINK = /!?\[([^\]\n]{0,500})\]\((?:[^()\n]|\([^()\n]*\)){0,2000}\)/g;
const FOOTNOTE_REF = /\[\^[^\]\s]{1,100}\]/g;
const BRACKETED_TIME = /\[\s*\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,3})?\s*\]/g;
const EMPTY_BRACKETS = /[[(]\s*[\])]/g;
const EMPHASIS = /(\*{1,3}|_{1,3}|~~|==)(?=\S)([^\n]{0,300}?\S)\1/g;
const INLINE_CODE = /(`+)([^`]{1,2000}?)\1/g;
const BLOCK_PREFIX = /^\s{0,12}(?:>\s?)*\s*(?:[*+-]\s+(?:\[[ xX]\]\s+)?|\d{1,9}[.)]\s+|#{1,6}\s+)?/;
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;

/** Plain text of a markdown/HTML fragment, on one line, whitespace collapsed. */
export function toPlainText(source: string): string {
	let t = source
		.replace(HTML_COMMENT, " ")
		.replace(INLINE_CODE, (_m, _ticks: string, code: string) => code.trim())
		.replace(WIKILINK, (_m, target: string, display?: string) => (display ?? target).trim())
		.replace(MD_LINK, (_m, label: string) => label)
		.replace(TAG, " ")
		.replace(FOOTNOTE_REF, "")
		.replace(BRACKETED_TIME, "")
		.replace(/\[\[|\]\]/g, "");
	t = t
		.split("\n")
		.map((line) => line.replace(BLOCK_PREFIX, ""))
		.join(" ");
	for (let i = 0; i < 3; i++) {
		const next = t.replace(EMPHASIS, (_m, _mark: string, inner: string) => inner);
		if (next === t) break;
		t = next;
	}
	t = t.replace(EMPTY_BRACKETS, " ").replace(ENTITY, decodeEntity);
	return tidy(t);
}

function decodeEntity(match: string, body: string): string {
	if (body.startsWith("#x") || body.startsWith("#X")) return safeCodePoint(parseInt(body.slice(2), 16), match);
	if (body.startsWith("#") && body !== "#39") return safeCodePoint(parseInt(body.slice(1), 10), match);
	return ENTITIES[body] ?? match;
}

function safeCodePoint(cp: number, fallback: string): string {
	return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : fallback;
}

/** Collapses whitespace and trims the separators a claim should not start or end with. */
function tidy(text: string): string {
	return text
		.replace(/[\s\u00a0]+/g, " ")
		.replace(/ ([,.;:!?])/g, "$1")
		.replace(/^[\s,;:|*>#-]+/, "")
		.replace(/[\s,;:|([-]+$/, "")
		.trim();
}
