/**
 * Where sentences end in note prose: `.`, `!`, `?`, `…`, the Devanagari danda and CJK full stops,
 * except after abbreviations and initials ("Dr.", "e.g.", "U.S.", "No. 5", "J. R. R. Tolkien") and
 * before a lower-case word. Used by the claim reader, which scans backwards from a citation.
 */

/** Abbreviations (lower case, without their final dot) after which a full stop never ends a sentence, in the corpus's languages. */
const ABBREVIATIONS = new Set([
	// English
	"dr", "mr", "mrs", "ms", "mx", "prof", "sr", "jr", "st", "mt", "vs", "fig", "figs", "no", "nos", "vol", "vols",
	"pp", "ca", "approx", "dept", "est", "gen", "gov", "lt", "col", "sgt", "capt", "rev", "hon", "ft", "jan", "feb",
	"mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "cf", "al", "op", "ed", "eds",
	// Spanish and Portuguese
	"sra", "srta", "dra", "lic", "ing", "ud", "uds", "pág", "págs", "núm", "av", "arq", "profa", "dña", "d",
	// German and French
	"bzw", "nr", "ggf", "evtl", "inkl", "mme", "mlle", "env",
	// Turkish
	"vb", "vd", "doç", "yrd", "alb", "bkz",
]);

/** Whether `c` ends a sentence when followed by a space: `.`, `!`, `?`, `…`, `।`, `。`, `！`, `？`. */
export function isSentenceMark(c: number): boolean {
	return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x0964 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/**
 * Whether the sentence mark at `mark` in `text` really ends a sentence, given that the next
 * sentence would start at `next`: not when the next word starts in lower case, nor when a full
 * stop closes an abbreviation, an initial or a dotted acronym.
 */
export function endsSentence(text: string, mark: number, next: number): boolean {
	const following = text.charAt(next);
	if (isLowerLetter(following)) return false;
	if (text.charCodeAt(mark) !== 46) return true;
	let start = mark;
	while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
	const word = text.slice(start, mark);
	if (!word) return true;
	// "e.g", "i.e", "U.S", "a.m": letters joined by dots.
	if (word.includes(".") && /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
	if (word.includes(".")) return true;
	const lower = word.toLowerCase();
	if (lower === "no" || lower === "nr" || lower === "nos") return !/\d/.test(following);
	if (ABBREVIATIONS.has(lower)) return false;
	// An initial: one capital letter after a capitalised word, another initial or the line start ("J. R. R. Tolkien", "George W. Bush").
	if (word.length === 1 && /\p{Lu}/u.test(word)) return !initialContext(text, start);
	return true;
}

function initialContext(text: string, wordStart: number): boolean {
	let i = wordStart - 1;
	while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
	if (i < 0 || text.charCodeAt(i) === 10) return true;
	let start = i;
	while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
	const before = text.slice(start, i + 1);
	return /^\p{Lu}/u.test(before) || /^\p{L}\.$/u.test(before);
}

function isLowerLetter(ch: string): boolean {
	return ch !== "" && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isWordChar(c: number): boolean {
	if (c === 46) return true;
	if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
	return c !== 160 && c !== 0x2026 && c !== 0x201d && c !== 0x2019 && c !== 0x201c && c !== 0x2018 && !(c >= 0x2000 && c <= 0x206f);
}
