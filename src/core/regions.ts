import { codeSpans } from "./codeSpans";
import { OpenComments } from "./comments";
import { fenceFloor, itemContentColumn, lineIndent, listMarkerEnd } from "./lineScan";

/**
 * Where a note's text is not prose: frontmatter, fenced and indented code, inline code and HTML
 * comments, as sorted, non-overlapping `[from, to)` ranges. For tools that scan a whole note once
 * (convert, export); `extractCitations` tracks the same regions inline for speed.
 */
export function proseExclusions(markdown: string): [number, number][] {
	const out: [number, number][] = [];
	const text = markdown;
	let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(pos));
	if (fm) {
		out.push([pos, pos + fm[0].length]);
		pos += fm[0].length;
	}
	let fence: { char: string; len: number; floor: number; start: number } | null = null;
	let comment = -1;
	const openComments = new OpenComments(text);
	let prevBlank = true;
	let paragraph = false;
	let list = false;
	let itemContent = 0;
	while (pos <= text.length) {
		const nl = text.indexOf("\n", pos);
		const end = nl < 0 ? text.length : nl;
		const line = text.slice(pos, end).replace(/\r$/, "");
		const lineStart = pos;
		pos = end + 1;
		if (comment >= 0) {
			const close = line.indexOf("-->");
			if (close < 0) continue;
			out.push([comment, lineStart + close + 3]);
			comment = -1;
			scanInline(line.slice(close + 3), lineStart + close + 3, lineStart);
			continue;
		}
		const trimmed = line.replace(/^(?:[ \t]{0,3}>)+/, "").trim();
		const { first, indent: column } = lineIndent(text, lineStart);
		if (fence) {
			if (!trimmed || column >= fence.floor) {
				const m = /^(`{3,}|~{3,})\s*$/.exec(trimmed);
				if (m && m[1]?.startsWith(fence.char) && (m[1]?.length ?? 0) >= fence.len) {
					out.push([fence.start, end]);
					fence = null;
				}
				continue;
			}
			// The line ends the fence's list item (see fenceFloor): the fence ends with the line before.
			out.push([fence.start, lineStart - 1]);
			fence = null;
		}
		if (!trimmed) {
			prevBlank = true;
			paragraph = false;
			continue;
		}
		const open = /^(`{3,}|~{3,})/.exec(trimmed);
		if (open?.[1]) {
			fence = { char: open[1].charAt(0), len: open[1].length, floor: fenceFloor(list, itemContent, column), start: lineStart };
			paragraph = false;
			prevBlank = false;
			continue;
		}
		const indent = /^( {4}|\t)/.test(line);
		if (indent && prevBlank && !paragraph && !list) {
			out.push([lineStart, end]);
			continue;
		}
		const item = listMarkerEnd(text, first, lineStart + line.length, text.charCodeAt(first));
		if (item >= 0) {
			list = true;
			itemContent = itemContentColumn(text, item, column + item - first, lineStart + line.length);
		} else if (!indent && prevBlank) list = false;
		prevBlank = false;
		paragraph = !/^#{1,6}(\s|$)/.test(trimmed);
		scanInline(line, lineStart, lineStart);
	}
	if (fence) out.push([fence.start, text.length]);
	if (comment >= 0) out.push([comment, text.length]);
	return out.sort((a, b) => a[0] - b[0]);

	function scanInline(line: string, base: number, lineStart: number): void {
		const spans = line.includes("`") ? codeSpans(line) : [];
		for (const [a, b] of spans) out.push([base + a, base + b]);
		let at = line.indexOf("<!--");
		while (at >= 0) {
			if (spans.some(([a, b]) => a <= at && at < b)) {
				at = line.indexOf("<!--", at + 4);
				continue;
			}
			const close = line.indexOf("-->", at + 4);
			if (close < 0) {
				const end = openComments.end(base + at, lineStart);
				if (end === null) return; // a stray "<!--" inside a paragraph is text
				comment = base + at;
				return;
			}
			out.push([base + at, base + close + 3]);
			at = line.indexOf("<!--", close + 3);
		}
	}
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
