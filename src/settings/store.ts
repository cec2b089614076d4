import { DEFAULT_SETTINGS, isValid, readSettings, type VideoCitationsSettings } from "./settings";

/** Where settings are loaded from and saved to (the plugin's `loadData`/`saveData`). */
export interface SettingsStorage {
	load(): Promise<unknown>;
	save(data: VideoCitationsSettings): Promise<void>;
}

/** Read access to the current settings, as feature code receives it. */
export interface SettingsSource {
	/** The current settings (do not mutate). */
	readonly current: Readonly<VideoCitationsSettings>;
	/** Calls `listener` after any setting changes; returns the unsubscribe function. */
	onChange(listener: (settings: Readonly<VideoCitationsSettings>) => void): () => void;
}

/**
 * Holds the settings: loads saved data (falling back to defaults for anything unusable, without
 * writing until the user changes a setting), validates every change and saves it.
 */
export class SettingsStore implements SettingsSource {
	current: VideoCitationsSettings = { ...DEFAULT_SETTINGS };
	private listeners = new Set<(settings: Readonly<VideoCitationsSettings>) => void>();

	constructor(private storage: SettingsStorage) {}

	/** Loads saved settings; returns the names of saved values that were unusable. */
	async load(): Promise<string[]> {
		let saved: unknown;
		try {
			saved = await this.storage.load();
		} catch {
			this.current = { ...DEFAULT_SETTINGS };
			return ["(unreadable settings file)"];
		}
		const { settings, rejected } = readSettings(saved);
		this.current = settings;
		return rejected;
	}

	/** Changes one setting (ignored when invalid), saves, and tells listeners. Returns whether it was applied. */
	async set<K extends keyof VideoCitationsSettings>(key: K, value: VideoCitationsSettings[K]): Promise<boolean> {
		if (!isValid(key, value)) return false;
		this.current = { ...this.current, [key]: value };
		await this.storage.save(this.current);
		for (const listener of [...this.listeners]) listener(this.current);
		return true;
	}

	onChange(listener: (settings: Readonly<VideoCitationsSettings>) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}
