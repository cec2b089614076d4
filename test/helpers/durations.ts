import { VideoDurations } from "../../src/notes/videoDurations";

/** A duration memory over an in-memory store: `saved` is what the last save wrote, `saves` how many saves there were. */
export function memoryDurations(saved: unknown = undefined, limit?: number, delayMs?: number) {
	const store = { saved, saves: 0 };
	const durations = new VideoDurations(
		{
			load: async () => store.saved,
			save: async (data) => {
				store.saved = structuredClone(data);
				store.saves++;
			},
		},
		limit,
		delayMs,
	);
	return { durations, store };
}
