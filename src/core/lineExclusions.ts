import { codeSpans } from "./codeSpans";

/**
 * The inline code spans and HTML comments of one line (`[from, to)`), as sorted, disjoint
 * `[from, to)` ranges, read left to right as CommonMark does: whichever starts first wins, so a
 * `<!--` inside a code span is code and backticks inside a comment are comment. A `<!--` with no
 * `-->` after it on the line is a comment from there on (its range ends at -1) when `isComment`
 * says so (see `OpenComments`), and text otherwise. `opens` and `closes` find the next `<!--` and
 * `-->` from an offset (`finder`s, so a line costs what its own text does).
 */
export function lineExclusions(
	text: string,
	from: number,
	to: number,
	opens: (start: number) => number,
	closes: (start: number) => number,
	isComment: (at: number) => boolean,
): [number, number][] {
	const out: [number, number][] = [];
	let spans = spansFrom(text, from, to);
	let next = 0;
	for (let p = from; ; ) {
		const at = opens(p);
		if (at < 0 || at >= to) break;
		let covered = -1;
		while (next < spans.length && (spans[next] as [number, number])[0] < at) {
			const span = spans[next++] as [number, number];
			out.push(span);
			if (span[1] > at) covered = span[1];
		}
		if (covered >= 0) {
			p = covered;
			continue;
		}
		const close = closes(at + 4);
		if (close >= 0 && close + 3 <= to) {
			out.push([at, close + 3]);
			p = close + 3;
			spans = spansFrom(text, p, to);
			next = 0;
			continue;
		}
		if (isComment(at)) {
			out.push([at, -1]);
			return out;
		}
		p = at + 4;
	}
	while (next < spans.length) out.push(spans[next++] as [number, number]);
	return out;
}

/** The inline code spans of `[from, to)`, as absolute ranges. */
export function spansFrom(text: string, from: number, to: number): [number, number][] {
	const line = text.slice(from, to);
	if (!line.includes("`")) return [];
	return codeSpans(line).map(([a, b]) => [from + a, from + b]);
}
