import type { LanguageMemory } from "./transcripts";

/** Where the choices are kept: their own key in the plugin's data file. */
export interface LanguageStorage {
	load(): Promise<unknown>;
	save(data: Record<string, string>): Promise<void>;
}

/** The key of the plugin's data file the language choices are saved under. */
export const LANGUAGES_KEY = "transcriptLanguages";

/** How many videos' choices are kept (the most recent), so the data file stays small. */
const MAX_REMEMBERED = 500;

/**
 * The transcript language the user chose for each video (by `videoKey`), kept in the plugin's
 * data: `""` for the file without a language. Saved on each change.
 */
export class SavedLanguages implements LanguageMemory {
	private choices = new Map<string, string>();
	private persist = true;

	constructor(private readonly storage: LanguageStorage) {}

	/** Reads the saved choices; a data file that cannot be read is never written over. */
	async load(): Promise<void> {
		let saved: unknown;
		try {
			saved = await this.storage.load();
		} catch {
			this.persist = false;
			return;
		}
		if (typeof saved !== "object" || saved === null || Array.isArray(saved)) return;
		for (const [key, value] of Object.entries(saved as Record<string, unknown>)) {
			if (key && typeof value === "string" && value.length <= 40) this.choices.set(key, value);
		}
	}

	get(videoKey: string): string | null | undefined {
		const value = this.choices.get(videoKey);
		return value === undefined ? undefined : value === "" ? null : value;
	}

	set(videoKey: string, language: string | null): void {
		this.choices.delete(videoKey);
		this.choices.set(videoKey, language ?? "");
		while (this.choices.size > MAX_REMEMBERED) {
			const oldest = this.choices.keys().next().value;
			if (oldest === undefined) break;
			this.choices.delete(oldest);
		}
		if (this.persist) void this.storage.save(Object.fromEntries(this.choices)).catch(() => undefined);
	}
}
