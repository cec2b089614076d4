/** A replacement of `[from, to)` in a note's text. */
export interface TextEdit {
	from: number;
	to: number;
	insert: string;
}

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const sorted = [...edits].sort((a, b) => a.from - b.from);
	let out = "";
	let at = 0;
	for (const e of sorted) {
		if (e.from < at) throw new Error("overlapping edits");
		out += text.slice(at, e.from) + e.insert;
		at = e.to;
	}
	return out + text.slice(at);
}
