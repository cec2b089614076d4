/**
 * Reading and writing moments of a video.
 *
 * Accepted by {@link parseTimestamp}: `hh:mm:ss`, `h:mm:ss`, `mm:ss`, `m:ss`, plain seconds (`90`),
 * unit forms (`1h2m3s`, `2m`, `45s`), each with an optional fraction (`12:34.5`), and four fields
 * `h:mm:ss:ff`, which the corpus writes as hours, minutes, seconds and a fraction of a second
 * (`01:00:17:51` is 3617.51 s). Fields past 59 count the way YouTube counts them: `00:75:12` is
 * 4512 s.
 */

const COLON_FORM = /^(\d{1,3})(?::(\d{1,3})){0,3}(?:[.,](\d{1,3}))?$/;
const UNIT_FORM = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6}(?:\.\d{1,3})?)s)?$/i;
const PLAIN_SECONDS = /^(\d{1,6})(?:\.(\d{1,3}))?$/;

/** Longest moment we accept (a week): anything longer is not a time in a video. */
export const MAX_SECONDS = 7 * 24 * 3600;

/** Parses a time written in any accepted form (see the module comment); `null` when it is not one. */
export function parseTimestamp(text: string): number | null {
	if (typeof text !== "string") return null;
	const t = text.trim();
	if (t.length === 0 || t.length > 24) return null;
	let seconds: number | null = null;
	if (PLAIN_SECONDS.test(t)) seconds = Number(t);
	else if (t.includes(":")) seconds = parseColonForm(t);
	else {
		const m = UNIT_FORM.exec(t);
		if (m && (m[1] || m[2] || m[3])) {
			seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
		}
	}
	if (seconds === null || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) return null;
	return roundMillis(seconds);
}

function parseColonForm(t: string): number | null {
	if (!COLON_FORM.test(t)) return null;
	let fraction = 0;
	let body = t;
	const dot = t.search(/[.,]/);
	if (dot >= 0) {
		fraction = Number(`0.${t.slice(dot + 1)}`);
		body = t.slice(0, dot);
	}
	const fields = body.split(":").map(Number);
	if (fields.length === 4) {
		// h:mm:ss:ff — the last field is a fraction of a second, as its digits read.
		if (dot >= 0) return null;
		const ff = body.slice(body.lastIndexOf(":") + 1);
		fraction = Number(`0.${ff}`);
		fields.pop();
	}
	let seconds = 0;
	for (const f of fields) seconds = seconds * 60 + f;
	return seconds + fraction;
}

function roundMillis(seconds: number): number {
	return Math.round(seconds * 1000) / 1000;
}

/** How {@link formatTimestamp} writes a time. */
export interface FormatOptions {
	/** `hh:mm:ss` (the corpus style, default) or `m:ss` (`46:51`, `1:02:03` past an hour). */
	style?: "hh:mm:ss" | "m:ss";
}

/**
 * Writes `seconds` as `hh:mm:ss` (or `m:ss`), with up to three decimals when it has a fraction.
 * Negative or non-finite input writes 0; input past {@link MAX_SECONDS} writes that limit.
 */
export function formatTimestamp(seconds: number, options: FormatOptions = {}): string {
	const safe = Number.isFinite(seconds) && seconds > 0 ? Math.min(roundMillis(seconds), MAX_SECONDS) : 0;
	const whole = Math.floor(safe);
	const fraction = roundMillis(safe - whole);
	const h = Math.floor(whole / 3600);
	const m = Math.floor((whole % 3600) / 60);
	const s = whole % 60;
	const pad = (n: number) => String(n).padStart(2, "0");
	let out: string;
	if (options.style === "m:ss") out = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
	else out = `${pad(h)}:${pad(m)}:${pad(s)}`;
	if (fraction > 0) out += fraction.toFixed(3).slice(1).replace(/0+$/, "");
	return out;
}

/** Writes seconds for a YouTube `t=` parameter: whole seconds, as youtube.com ignores fractions. */
export function youtubeSeconds(seconds: number): number {
	return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
}
