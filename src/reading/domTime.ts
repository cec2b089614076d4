import { isYouTubeId, labelTime, parseTimestamp, parseYouTubeUrl } from "../core";

/** A time read from a rendered element, or why none could be read. */
export type DomTime = { seconds: number; repaired?: string } | { invalid: string };

const TIME_SHAPE = /\d{1,3}(?::\d{1,3}){1,3}(?:[.,]\d{1,3})?/;

/**
 * Reads a rendered `yt-timestamp` element's moment from the DOM. Used only when the section's
 * source is not available (embeds, hover previews, `MarkdownRenderer.render`) or disagrees with
 * the element: `data-t` first, then a time-shaped `data-t` (stray brackets, a range), a YouTube
 * `href` with a time, and the label. Never guesses 0.
 */
export function readTimeFromDom(el: HTMLElement): DomTime {
	const dataT = el.getAttribute("data-t");
	if (dataT !== null) {
		const clean = parseTimestamp(dataT);
		if (clean !== null) return { seconds: clean };
		const shaped = timeShaped(dataT);
		// As core reads it: a clean label beats a time picked out of junk.
		const label = shaped !== null ? labelTime(el.textContent ?? "") : null;
		if (label !== null && label !== shaped) return { seconds: label, repaired: `data-t "${truncate(dataT)}" is malformed; time read from the label` };
		if (shaped !== null) return { seconds: shaped, repaired: `data-t "${truncate(dataT)}" is malformed; read ${truncate(TIME_SHAPE.exec(dataT)?.[0] ?? "")}` };
	}
	const href = el.getAttribute("href");
	const start = href ? parseYouTubeUrl(href)?.start : undefined;
	if (start !== undefined) return { seconds: start, repaired: "time read from the link" };
	const label = (el.textContent ?? "").trim();
	const fromLabel = parseTimestamp(label.replace(/^[[(\s]+|[\])\s]+$/g, "")) ?? timeShaped(label);
	if (fromLabel !== null) {
		const why = dataT === null ? "no data-t" : dataT.trim() ? `data-t "${truncate(dataT)}" is not a time` : "data-t is empty";
		return { seconds: fromLabel, repaired: `${why}; time read from the label` };
	}
	if (dataT === null) return { invalid: "no data-t attribute and no time in the label" };
	return { invalid: dataT.trim() ? `data-t "${truncate(dataT)}" is not a time` : "data-t is empty and the label holds no time" };
}

/** The YouTube id an element names with `data-v`: `undefined` without one, `null` when it names none. */
export function readVideoIdFromDom(el: HTMLElement): string | null | undefined {
	const v = el.getAttribute("data-v");
	if (v === null) return undefined;
	const t = v.trim();
	return isYouTubeId(t) ? t : (parseYouTubeUrl(t)?.id ?? null);
}

function timeShaped(value: string): number | null {
	const m = TIME_SHAPE.exec(value);
	return m ? parseTimestamp(m[0]) : null;
}

/** Keeps attribute values quoted in tooltips short (they can be anything). */
export function truncate(s: string): string {
	const t = s.trim();
	return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
