/**
 * Inline code spans of one line, as `[from, to)` ranges including their backticks. A run of N
 * backticks opens a span closed by the next run of exactly N; runs without a partner are literal.
 * Linear: each run is visited once, and partners are found through per-length queues.
 */
export function codeSpans(line: string): [number, number][] {
	const runs: [number, number][] = [];
	for (let i = line.indexOf("`"); i >= 0; i = line.indexOf("`", i)) {
		let j = i;
		while (line.charCodeAt(j) === 96) j++;
		runs.push([i, j - i]);
		i = j;
	}
	if (runs.length < 2) return [];
	const byLength = new Map<number, number[]>();
	runs.forEach(([, n], idx) => {
		const list = byLength.get(n);
		if (list) list.push(idx);
		else byLength.set(n, [idx]);
	});
	const heads = new Map<number, number>();
	const spans: [number, number][] = [];
	let idx = 0;
	while (idx < runs.length) {
		const [start, n] = runs[idx] as [number, number];
		const list = byLength.get(n) as number[];
		let h = heads.get(n) ?? 0;
		while (h < list.length && (list[h] as number) <= idx) h++;
		heads.set(n, h);
		const partner = list[h];
		if (partner === undefined) {
			idx++;
			continue;
		}
		const [pStart, pLen] = runs[partner] as [number, number];
		spans.push([start, pStart + pLen]);
		idx = partner + 1;
	}
	return spans;
}
