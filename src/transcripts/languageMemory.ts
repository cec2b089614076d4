import type { LanguageMemory } from "./transcripts";
import { SavedMap, type MapStorage } from "../notes/savedMap";

/** Where the choices are kept: their own key in the plugin's data file. */
export type LanguageStorage = MapStorage<string>;

/** The key of the plugin's data file the language choices are saved under. */
export const LANGUAGES_KEY = "transcriptLanguages";

/** How many videos' choices are kept (the most recent), so the data file stays small. */
const MAX_REMEMBERED = 500;

/**
 * The transcript language the user chose for each video (by `videoKey`), kept in the plugin's
 * data: `""` for the file without a language. Saved on each change.
 */
export class SavedLanguages implements LanguageMemory {
	private choices: SavedMap<string>;

	constructor(storage: LanguageStorage) {
		this.choices = new SavedMap(storage, MAX_REMEMBERED, (value) => (typeof value === "string" && value.length <= 40 ? value : null));
	}

	/** Reads the saved choices; a data file that cannot be read is never written over. */
	load(): Promise<void> {
		return this.choices.load();
	}

	get(videoKey: string): string | null | undefined {
		const value = this.choices.get(videoKey);
		return value === undefined ? undefined : value === "" ? null : value;
	}

	set(videoKey: string, language: string | null): void {
		this.choices.set(videoKey, language ?? "");
		void this.choices.save("the transcript languages");
	}
}
