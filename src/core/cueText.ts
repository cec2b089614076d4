/**
 * A subtitle cue's text as plain words: WebVTT's voice, class, language, ruby and timing tags,
 * SubRip's HTML-ish tags and `{\an8}` positioning codes taken out, character references decoded,
 * runs of spaces made one. Cue text is untrusted, so nothing here is ever read as markup: the
 * result is set as text by the views.
 */

const ENTITIES: Record<string, string> = {
	amp: "&",
	lt: "<",
	gt: ">",
	quot: '"',
	apos: "'",
	nbsp: " ",
	lrm: "",
	rlm: "",
};


// A tag: `<i>`, `</c>`, `<v.loud Roger>`, `<00:00:01.200>`: "<" then a letter, a digit or "/", up
// to the next ">" with no "<" between. Any other "<" is text ("x < y").
const TAG = /<\/?[A-Za-z0-9][^<>]*>/g;
// What a line may need done: markup, a `{\an8}` code, an entity, spaces to tidy.
const NEEDS_WORK = /[<&{\t\u00a0]|\s\s|^\s|\s$/;
const UNTIDY = /\s\s|^\s|\s$|[\t\u00a0]/;

/** One line of cue text as plain text (`""` when nothing is left). */
export function cueLineText(line: string): string {
	// Most lines of most files are plain words: one native scan says so.
	if (!NEEDS_WORK.test(line)) return line;
	let s = line;
	if (s.indexOf("<") >= 0) s = /<rt/i.test(s) ? stripTags(s) : s.replace(TAG, "");
	if (s.indexOf("{\\") >= 0) s = s.replace(/\{\\[^}]*\}/g, "");
	if (s.indexOf("&") >= 0) s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity);
	if (UNTIDY.test(s)) s = s.replace(/\s+/g, " ").trim();
	return s;
}

/**
 * Removes tags (`<i>`, `</c>`, `<v.loud Roger>`, `<00:00:01.200>`: a "<" followed by a letter, a
 * digit or "/", up to the next ">" with no "<" before it), and the text of a ruby annotation
 * (`<rt>…</rt>`), which is not spoken words.
 */
function stripTags(line: string): string {
	const n = line.length;
	let out = "";
	let from = 0;
	let inRubyText = false;
	for (let open = line.indexOf("<"); open >= 0 && open < n; ) {
		if (!tagStart(line.charCodeAt(open + 1))) {
			open = line.indexOf("<", open + 1);
			continue;
		}
		let close = open + 1;
		while (close < n) {
			const c = line.charCodeAt(close);
			if (c === 62 || c === 60) break;
			close++;
		}
		// A "<" with no ">" before the next "<" (or the end) is text ("x <y").
		if (close >= n || line.charCodeAt(close) === 60) {
			open = close < n ? close : -1;
			continue;
		}
		if (!inRubyText) out += line.slice(from, open);
		if (line.charCodeAt(open + 1) === 114 && line.charCodeAt(open + 2) === 116) inRubyText = true;
		else if (line.charCodeAt(open + 1) === 47 && line.charCodeAt(open + 2) === 114 && line.charCodeAt(open + 3) === 116) inRubyText = false;
		from = close + 1;
		open = line.indexOf("<", from);
	}
	if (!inRubyText) out += line.slice(from);
	return out;
}

/** Whether a character after "<" starts a tag: a letter, a digit (a time) or "/". */
function tagStart(c: number): boolean {
	const lower = c | 0x20;
	return (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 47;
}

function decodeEntity(whole: string, name: string): string {
	if (name[0] === "#") {
		const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
		return String.fromCodePoint(code);
	}
	const known = ENTITIES[name.toLowerCase()];
	return known ?? whole;
}
