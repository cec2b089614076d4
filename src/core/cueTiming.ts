/**
 * A subtitle timing line, `start --> end [settings]`, read without regular expressions or
 * allocation: a 3-hour file has thousands of them.
 */

/**
 * The times of the timing line {@link readTiming} read last, in seconds, and whether its arrow had
 * a dash (`->`, `-->`, not a bare `>`). One object, reused.
 */
export const timing = { start: 0, end: 0, dashed: false };
// Where the last `readTime` stopped (a module variable is slow to update in a loop: it is set once per time).
let after = 0;

/**
 * Reads a timing line, `start --> end [settings]` (an arrow of `->` or `>` too), each time
 * `hh:mm:ss.ttt` or `mm:ss.ttt` with a comma or a dot and any number of fraction digits, into
 * {@link timing} (an end before the start is read as the start). The line is `text` from `from` to
 * `to` (the whole of it by default), so a file's lines are read where they are, without copies.
 * False when the line is not one.
 */
export function readTiming(text: string, from = 0, to = text.length): boolean {
	const n = to;
	let pos = skipSpaces(text, from, n);
	const start = readTime(text, pos, n);
	if (start < 0) return false;
	pos = skipSpaces(text, after, n);
	const arrowAt = pos;
	if (pos < n && text.charCodeAt(pos) === 45) pos++;
	if (pos < n && text.charCodeAt(pos) === 45) pos++;
	if (pos >= n || text.charCodeAt(pos) !== 62) return false;
	const dashed = pos > arrowAt;
	pos = skipSpaces(text, pos + 1, n);
	const end = readTime(text, pos, n);
	if (end < 0) return false;
	pos = after;
	if (pos < n) {
		const c = text.charCodeAt(pos);
		if (c !== 32 && c !== 9) return false;
	}
	timing.start = start;
	timing.end = Math.max(start, end);
	timing.dashed = dashed;
	return true;
}

function skipSpaces(line: string, pos: number, n: number): number {
	while (pos < n) {
		const c = line.charCodeAt(pos);
		if (c !== 32 && c !== 9) break;
		pos++;
	}
	return pos;
}

/** Reads `[h:]m:s[.f]` at `pos` (setting `after` to where it stops); -1 when there is none. */
function readTime(line: string, pos: number, n: number): number {
	// Most files write every time as `hh:mm:ss.ttt`: read that form at once (the same value the
	// general reading below gives it).
	if (pos + 12 <= n && line.charCodeAt(pos + 2) === 58 && line.charCodeAt(pos + 5) === 58) {
		const sep = line.charCodeAt(pos + 8);
		const next = pos + 12 < n ? line.charCodeAt(pos + 12) - 48 : -1;
		if ((sep === 46 || sep === 44) && !(next >= 0 && next <= 9)) {
			const h = digitPair(line, pos);
			const m = digitPair(line, pos + 3);
			const s = digitPair(line, pos + 6);
			const f = digitPair(line, pos + 9);
			const f3 = line.charCodeAt(pos + 11) - 48;
			if (h >= 0 && m >= 0 && s >= 0 && f >= 0 && f3 >= 0 && f3 <= 9) {
				after = pos + 12;
				return ((h * 3600 + m * 60 + s) * 1000 + f * 10 + f3) / 1000;
			}
		}
	}
	let count = 0;
	let a = 0;
	let b = 0;
	let c3 = 0;
	for (;;) {
		const from = pos;
		let value = 0;
		while (pos < n) {
			const c = line.charCodeAt(pos);
			if (c < 48 || c > 57) break;
			value = value * 10 + (c - 48);
			pos++;
		}
		const digits = pos - from;
		// Hours may have any number of digits; minutes and seconds one or two.
		if (digits === 0 || (count > 0 && digits > 2) || count === 3) return -1;
		if (count === 0) a = value;
		else if (count === 1) b = value;
		else c3 = value;
		count++;
		if (pos >= n || line.charCodeAt(pos) !== 58) break;
		pos++;
	}
	if (count < 2) return -1;
	let seconds = count === 3 ? a * 3600 + b * 60 + c3 : a * 60 + b;
	const sep = pos < n ? line.charCodeAt(pos) : -1;
	if (sep === 46 || sep === 44) {
		pos++;
		let scale = 0.1;
		let fraction = 0;
		const from = pos;
		while (pos < n) {
			const c = line.charCodeAt(pos);
			if (c < 48 || c > 57) break;
			fraction += (c - 48) * scale;
			scale /= 10;
			pos++;
		}
		if (pos === from) return -1;
		seconds += fraction;
	}
	after = pos;
	return Math.round(seconds * 1000) / 1000;
}

/** The two digits at `pos` as a number, or -1 when they are not two digits. */
function digitPair(line: string, pos: number): number {
	const a = line.charCodeAt(pos) - 48;
	const b = line.charCodeAt(pos + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}
