/** Where a remembered map is kept: its own key in the plugin's data file. */
export interface MapStorage<V> {
	/** What was saved (`undefined` when nothing was); rejects when the data file could not be read. */
	load(): Promise<unknown>;
	save(data: Record<string, V>): Promise<void>;
}

/**
 * A map by video key kept in the plugin's data file: the `limit` most recently set entries, read
 * back on load (unusable entries skipped, entries set meanwhile winning), and never written when
 * the data file could not be read (writing it would lose what it holds). The owner decides when to
 * save ({@link save}); the lengths, titles and transcript languages all keep theirs this way.
 */
export class SavedMap<V> {
	private entries = new Map<string, V>();
	/** False when the data file could not be read. */
	private persist = true;

	constructor(
		private readonly storage: MapStorage<V>,
		private readonly limit: number,
		/** The saved value as a usable entry, or `null` to skip it. */
		private readonly usable: (value: unknown) => V | null,
	) {}

	/** Reads what was saved; entries set before it finished stay the most recent. */
	async load(): Promise<void> {
		let saved: unknown;
		try {
			saved = await this.storage.load();
		} catch {
			this.persist = false;
			return;
		}
		if (typeof saved !== "object" || saved === null || Array.isArray(saved)) return;
		const merged = new Map<string, V>();
		for (const [key, value] of Object.entries(saved as Record<string, unknown>)) {
			const entry = this.usable(value);
			if (key && entry !== null) merged.set(key, entry);
		}
		for (const [key, value] of this.entries) {
			merged.delete(key);
			merged.set(key, value);
		}
		this.entries = merged;
		this.trim();
	}

	get(key: string): V | undefined {
		return this.entries.get(key);
	}

	/** Sets `key` as the most recent entry (the oldest go once the map is full); returns the value it had. */
	set(key: string, value: V): V | undefined {
		const previous = this.entries.get(key);
		this.entries.delete(key);
		this.entries.set(key, value);
		this.trim();
		return previous;
	}

	/** Writes the map to the data file, unless the file could not be read; a failed write is logged. */
	async save(what: string): Promise<void> {
		if (!this.persist) return;
		try {
			await this.storage.save(Object.fromEntries(this.entries));
		} catch (e) {
			console.error(`Video Citations: could not save ${what}`, e);
		}
	}

	/** Whether saving is allowed (the data file was readable). */
	get persists(): boolean {
		return this.persist;
	}

	private trim(): void {
		for (const key of this.entries.keys()) {
			if (this.entries.size <= this.limit) break;
			this.entries.delete(key);
		}
	}
}
