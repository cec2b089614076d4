import type { SettingsStorage } from "./store";
import type { VideoCitationsSettings } from "./settings";

/** The plugin's own data file: Obsidian's `loadData` and `saveData`. */
export interface DataFile {
	load(): Promise<unknown>;
	save(data: unknown): Promise<void>;
}

/** One part of the data file, kept under its own key. */
export interface DataSection {
	/** The part as saved (`undefined` when there is none); rejects when the file could not be read. */
	load(): Promise<unknown>;
	save(data: unknown): Promise<void>;
}

/**
 * The plugin's data file, shared by what keeps data in it: the settings at its top level (where
 * every version saved them, so saved settings stay readable) and anything else under its own key
 * (see {@link section}). The file is read once; each save writes the whole file with only its own
 * part changed, one save after another, so no part overwrites another's.
 */
export class PluginData {
	private loaded: Promise<unknown> | null = null;
	/** The file's contents as last read or written (an unreadable or non-object file counts as empty). */
	private latest: Record<string, unknown> = {};
	private queue: Promise<void> = Promise.resolve();

	constructor(private readonly file: DataFile) {}

	/** The saved data, read from the file the first time it is asked for; rejects when it could not be read. */
	load(): Promise<unknown> {
		this.loaded ??= this.file.load().then((saved) => {
			if (isRecord(saved)) this.latest = { ...saved };
			return saved;
		});
		return this.loaded;
	}

	/** Writes `patch`'s keys over the saved data, keeping the rest. */
	save(patch: Readonly<Record<string, unknown>>): Promise<void> {
		const run = this.queue.then(async () => {
			// A save before anything was read must not drop what the file holds.
			await this.load().catch(() => undefined);
			this.latest = { ...this.latest, ...patch };
			await this.file.save({ ...this.latest });
		});
		this.queue = run.catch(() => undefined);
		return run;
	}

	/** Where the settings store loads and saves: the top level of the file. */
	get settings(): SettingsStorage {
		return {
			load: () => this.load(),
			save: (settings: VideoCitationsSettings) => this.save({ ...settings }),
		};
	}

	/** The part of the file under `key`. */
	section(key: string): DataSection {
		return {
			load: async () => {
				const saved = await this.load();
				return isRecord(saved) ? saved[key] : undefined;
			},
			save: (data) => this.save({ [key]: data }),
		};
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}
