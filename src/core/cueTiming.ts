/**
 * A subtitle timing line, `start --> end [settings]`, read without regular expressions or
 * allocation: a 3-hour file has thousands of them.
 */

/** The times of the timing line {@link readTiming} read last, in seconds (one object, reused). */
export const timing = { start: 0, end: 0 };
let pos = 0;

/**
 * Reads a timing line, `start --> end [settings]` (an arrow of `->` too), each time `hh:mm:ss.ttt`
 * or `mm:ss.ttt` with a comma or a dot and any number of fraction digits, into {@link timing}
 * (an end before the start is read as the start). False when the line is not one.
 */
export function readTiming(line: string): boolean {
	pos = 0;
	skipSpaces(line);
	const start = readTime(line);
	if (start < 0) return false;
	skipSpaces(line);
	if (line.charCodeAt(pos) === 45) pos++;
	if (line.charCodeAt(pos) === 45) pos++;
	if (line.charCodeAt(pos) !== 62) return false;
	pos++;
	skipSpaces(line);
	const end = readTime(line);
	if (end < 0) return false;
	if (pos < line.length) {
		const c = line.charCodeAt(pos);
		if (c !== 32 && c !== 9) return false;
	}
	timing.start = start;
	timing.end = Math.max(start, end);
	return true;
}

function skipSpaces(line: string): void {
	while (pos < line.length && (line.charCodeAt(pos) === 32 || line.charCodeAt(pos) === 9)) pos++;
}

/** Reads `[h:]m:s[.f]` at `pos`; -1 when there is none. */
function readTime(line: string): number {
	let count = 0;
	let a = 0;
	let b = 0;
	let c3 = 0;
	for (;;) {
		const from = pos;
		let value = 0;
		while (pos < line.length) {
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
		if (line.charCodeAt(pos) !== 58) break;
		pos++;
	}
	if (count < 2) return -1;
	let seconds = count === 3 ? a * 3600 + b * 60 + c3 : a * 60 + b;
	const sep = line.charCodeAt(pos);
	if (sep === 46 || sep === 44) {
		pos++;
		let scale = 0.1;
		let fraction = 0;
		const from = pos;
		while (pos < line.length) {
			const c = line.charCodeAt(pos);
			if (c < 48 || c > 57) break;
			fraction += (c - 48) * scale;
			scale /= 10;
			pos++;
		}
		if (pos === from) return -1;
		seconds += fraction;
	}
	return Math.round(seconds * 1000) / 1000;
}

