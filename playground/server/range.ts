/** A byte range of a file, both ends inclusive, as HTTP `Range` and `Content-Range` count them. */
export interface ByteRange {
	start: number;
	end: number;
}

/**
 * Reads a `Range` header for a file of `size` bytes: the one range asked for, `"unsatisfiable"`
 * (answer 416), or `null` when there is no usable single range (answer 200 with the whole file;
 * RFC 9110 lets a server ignore a Range it does not support, such as several ranges at once).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | null {
	if (!header) return null;
	const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header.trim());
	if (!m) return null;
	const [, first = "", last = ""] = m;
	if (first === "" && last === "") return null;
	if (first === "") {
		// A suffix range: the last N bytes.
		const suffix = Number(last);
		if (suffix === 0 || size === 0) return "unsatisfiable";
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(first);
	if (start >= size) return "unsatisfiable";
	const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
	if (end < start) return null;
	return { start, end };
}
