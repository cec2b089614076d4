import { BlockReader, blockState, bodyFrom, CODE, COMMENT_REST, FENCE_OPEN, FENCED, PARAGRAPH } from "./blockScan";
import { spansFrom } from "./lineExclusions";
import { finder } from "./lineScan";

/**
 * Where a note's text is not prose: frontmatter, fenced and indented code, `$$` math blocks, inline
 * code and HTML comments, as sorted, non-overlapping `[from, to)` ranges. Read line by line by the
 * same {@link BlockReader} as `extractCitations`, so the two agree on every line.
 */
export function proseExclusions(markdown: string): [number, number][] {
	const text = markdown;
	const out: [number, number][] = [];
	const len = text.length;
	const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let pos = bodyFrom(text);
	if (pos > start) out.push([start, pos]);
	const reader = new BlockReader(text);
	const state = blockState();
	const backticks = finder(text, "`");
	let fenceFrom = -1;
	let commentFrom = -1;
	while (pos <= len) {
		const nl = text.indexOf("\n", pos);
		const lineEnd = nl < 0 ? len : nl;
		const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
		const lineStart = pos;
		pos = lineEnd + 1;
		const kind = reader.step(lineStart, contentEnd, state);
		if (reader.commentClosed) {
			out.push([commentFrom, reader.from]);
			commentFrom = -1;
		}
		if (reader.fenceEnded) {
			// The line ends the fence's list item (see fenceFloor): the fence ends with the line before.
			out.push([fenceFrom, lineStart - 1]);
			fenceFrom = -1;
		}
		if (kind === COMMENT_REST) break;
		if (kind === FENCE_OPEN) fenceFrom = lineStart;
		else if (kind === FENCED && reader.closed) {
			out.push([fenceFrom, lineEnd]);
			fenceFrom = -1;
		} else if (kind === CODE) out.push([lineStart, lineEnd]);
		else if (kind >= PARAGRAPH) {
			const tick = backticks(reader.from);
			const inline = reader.excluded ?? (tick >= 0 && tick < contentEnd ? spansFrom(text, reader.from, contentEnd) : []);
			for (const range of inline) if (range[0] !== reader.commentOpen) out.push(range);
			if (reader.commentOpen >= 0) commentFrom = reader.commentOpen;
		}
	}
	if (fenceFrom >= 0) out.push([fenceFrom, len]);
	if (commentFrom >= 0) out.push([commentFrom, len]);
	return out.sort((a, b) => a[0] - b[0]);
}

/** Whether `[from, to)` overlaps any of the sorted `ranges`. */
export function overlaps(ranges: readonly [number, number][], from: number, to: number): boolean {
	let lo = 0;
	let hi = ranges.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((ranges[mid] as [number, number])[1] <= from) lo = mid + 1;
		else hi = mid;
	}
	const r = ranges[lo];
	return r !== undefined && r[0] < to;
}
