/**
 * Which citation is "being played": the latest one at or before the playing time. Callers keep
 * their citations' seconds sorted once and ask on every time update, so this is a binary search.
 */
export function playingIndex(sortedSeconds: readonly number[], seconds: number): number {
	if (!Number.isFinite(seconds)) return -1;
	let lo = 0;
	let hi = sortedSeconds.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((sortedSeconds[mid] as number) <= seconds) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}
