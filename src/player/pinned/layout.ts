/** The pinned player's heights: `vc-pinned-size-1` (shortest) to `-7`, each a class in styles.css. */
export const PINNED_SIZES = { min: 1, max: 7, initial: 3 } as const;

/** How far a drag on the resize handle goes for one size; the heights in styles.css are this far apart. */
export const SIZE_STEP_PX = 60;

/** Where the layout is kept in the vault's local storage. */
export const LAYOUT_KEY = "video-citations-pinned-player";

/** How the pinned player is laid out: collapsed to its bar or not, and how tall. */
export interface PinnedLayout {
	collapsed: boolean;
	/** From {@link PINNED_SIZES}.min to .max. */
	size: number;
}

/** The app's per-vault local storage (`app.loadLocalStorage`/`saveLocalStorage`); tests pass the double's. */
export interface LocalStore {
	load(key: string): unknown;
	save(key: string, data: unknown): void;
}

const INITIAL: Readonly<PinnedLayout> = Object.freeze({ collapsed: false, size: PINNED_SIZES.initial });

/** Keeps a size within the presets (a whole number from min to max). */
export function clampSize(size: number): number {
	if (!Number.isFinite(size)) return PINNED_SIZES.initial;
	return Math.min(PINNED_SIZES.max, Math.max(PINNED_SIZES.min, Math.round(size)));
}

/** Reads a saved layout; anything unusable (another version's data, hand edits) falls back to the initial one. */
export function readLayout(saved: unknown): PinnedLayout {
	if (typeof saved !== "object" || saved === null) return { ...INITIAL };
	const data = saved as Record<string, unknown>;
	return {
		collapsed: typeof data.collapsed === "boolean" ? data.collapsed : INITIAL.collapsed,
		size: typeof data.size === "number" ? clampSize(data.size) : INITIAL.size,
	};
}

/**
 * The last layout chosen for a pinned player, remembered per vault (Obsidian keeps local storage
 * per vault): a note opened later starts collapsed or expanded, and as tall, as the last one was left.
 */
export class PinnedLayoutStore {
	private cached: PinnedLayout | null = null;

	constructor(private readonly storage: LocalStore) {}

	get current(): Readonly<PinnedLayout> {
		this.cached ??= readLayout(this.storage.load(LAYOUT_KEY));
		return this.cached;
	}

	update(patch: Partial<PinnedLayout>): void {
		const next = { ...this.current, ...patch };
		next.size = clampSize(next.size);
		this.cached = next;
		this.storage.save(LAYOUT_KEY, { ...next });
	}
}
