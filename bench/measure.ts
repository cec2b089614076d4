/** One figure of `npm run bench`, as written to bench/results.json. */
export interface Figure {
	name: string;
	value: number;
	unit: string;
	/** The bound the value must stay at or under; `null` for figures that are only reported. */
	target: number | null;
	pass: boolean;
	/** How the figure was measured, for the printed table. */
	note?: string;
}

/** Builds a figure that passes when `value <= target` (always, for report-only figures). */
export function figure(name: string, value: number, unit: string, target: number | null, note?: string): Figure {
	const rounded = Math.round(value * 1000) / 1000;
	return { name, value: rounded, unit, target, pass: target === null || value <= target, note };
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Times `subject` against `baseline` on the same input, alternating them so machine noise hits
 * both alike, and returns both medians in milliseconds (after a warm-up).
 */
export function timePair(baseline: () => unknown, subject: () => unknown, runs: number, warmup = 5): { baseline: number; subject: number } {
	for (let i = 0; i < warmup; i++) {
		baseline();
		subject();
	}
	const b: number[] = [];
	const s: number[] = [];
	for (let i = 0; i < runs; i++) {
		let t = performance.now();
		baseline();
		b.push(performance.now() - t);
		t = performance.now();
		subject();
		s.push(performance.now() - t);
	}
	return { baseline: median(b), subject: median(s) };
}

/**
 * {@link timePair} for a subject that resolves when done (the plugin's index build yields between
 * chunks). `between` runs untimed before each timed run (say, a garbage collection, so one run's
 * leftovers are not collected inside the next).
 */
export async function timePairAsync(
	baseline: () => unknown,
	subject: () => Promise<unknown>,
	runs: number,
	warmup = 2,
	between: () => void = () => {},
): Promise<{ baseline: number; subject: number }> {
	for (let i = 0; i < warmup; i++) {
		baseline();
		await subject();
	}
	const b: number[] = [];
	const s: number[] = [];
	for (let i = 0; i < runs; i++) {
		between();
		let t = performance.now();
		baseline();
		b.push(performance.now() - t);
		between();
		t = performance.now();
		await subject();
		s.push(performance.now() - t);
	}
	return { baseline: median(b), subject: median(s) };
}
