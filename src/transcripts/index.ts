import { normalizePath, requestUrl, type App, type Plugin, type TAbstractFile } from "obsidian";
import type { DataSection } from "../settings/pluginData";
import type { SettingsSource } from "../settings/store";
import { SavedLanguages } from "./languageMemory";
import { Transcripts, type TextFetcher, type TranscriptVault } from "./transcripts";
import type { HttpGet } from "./youtubeCaptions";
import { YouTubeTranscripts, type DataFolder } from "./youtubeTranscripts";

export { Transcripts, NO_TRANSCRIPT_MESSAGE } from "./transcripts";
export type { NoteTranscript, TextFetcher, TranscriptVault, LanguageMemory } from "./transcripts";
export { LANGUAGES_KEY } from "./languageMemory";
export type { TranscriptSource } from "./sources";
export { YouTubeTranscripts } from "./youtubeTranscripts";
export { sourceLabel, languageLabel } from "./sources";

/**
 * The vault, for the transcripts: subtitle files, their text, frontmatter and links. The list of
 * subtitle files is kept until `forgetFiles` (files came, went or moved): panels ask for it per
 * note as they draw, and listing a large vault each time is not free.
 */
export function vaultTranscriptFiles(app: App): TranscriptVault & { forgetFiles(): void } {
	const { vault, metadataCache } = app;
	let subtitles: string[] | null = null;
	return {
		subtitleFiles: () => (subtitles ??= vault.getFiles().filter((f) => Transcripts.isSubtitleFile(f.path)).map((f) => f.path)),
		forgetFiles: () => {
			subtitles = null;
		},
		read: async (path) => {
			const file = vault.getFileByPath(path);
			if (!file) throw new Error(`No file at ${path}`);
			return vault.cachedRead(file);
		},
		frontmatter: (path) => {
			const file = vault.getFileByPath(path);
			return file ? metadataCache.getFileCache(file)?.frontmatter : null;
		},
		resolveLink: (link, sourcePath) => metadataCache.getFirstLinkpathDest(link, sourcePath)?.path ?? null,
	};
}

/** Web transcripts through Obsidian's `requestUrl` (never `fetch`: no CORS, and Obsidian's proxy settings). */
export const requestUrlFetcher: TextFetcher = {
	fetchText: async (url) => {
		const response = await requestUrl({ url, method: "GET", throw: false });
		if (response.status < 200 || response.status >= 300) throw new Error(`the server answered ${response.status}`);
		return response.text;
	},
};

/** GETs through Obsidian's `requestUrl`: any status is answered, never thrown. */
export const requestUrlHttp: HttpGet = {
	get: async (url, headers) => {
		const response = await requestUrl({ url, method: "GET", headers, throw: false });
		return { status: response.status, text: response.text };
	},
};

/** The plugin's own folder in the vault's config folder (`.obsidian/plugins/<id>/`), through the vault's adapter. */
export function pluginDataFolder(plugin: Plugin): DataFolder {
	const { adapter, configDir } = plugin.app.vault;
	const root = plugin.manifest.dir ?? `${configDir}/plugins/${plugin.manifest.id}`;
	return {
		read: async (path) => {
			const full = normalizePath(`${root}/${path}`);
			return (await adapter.exists(full)) ? adapter.read(full) : null;
		},
		write: async (path, text) => {
			const full = normalizePath(`${root}/${path}`);
			const folder = full.slice(0, full.lastIndexOf("/"));
			if (folder && !(await adapter.exists(folder))) await adapter.mkdir(folder);
			await adapter.write(full, text);
		},
	};
}

/**
 * Builds the plugin's transcripts: vault files read on demand and forgotten when they change,
 * the language chosen per video kept under its own key of the data file, and YouTube's captions
 * fetched (only while the setting is on) and kept in the plugin's folder.
 */
export async function registerTranscripts(plugin: Plugin, languages: DataSection, settings: SettingsSource, fetcher: TextFetcher = requestUrlFetcher, http: HttpGet = requestUrlHttp): Promise<Transcripts> {
	const memory = new SavedLanguages({ load: () => languages.load(), save: (data) => languages.save(data) });
	await memory.load();
	const youtube = new YouTubeTranscripts(http, pluginDataFolder(plugin), () => settings.current.fetchYouTubeTranscripts, () => [...activeWindow.navigator.languages]);
	const files = vaultTranscriptFiles(plugin.app);
	const transcripts = new Transcripts(files, fetcher, memory, youtube);
	const forget = (file: TAbstractFile, oldPath?: string) => {
		transcripts.forget(file.path);
		if (oldPath) transcripts.forget(oldPath);
	};
	plugin.registerEvent(plugin.app.vault.on("create", () => files.forgetFiles()));
	plugin.registerEvent(plugin.app.vault.on("modify", (file) => forget(file)));
	plugin.registerEvent(
		plugin.app.vault.on("delete", (file) => {
			files.forgetFiles();
			forget(file);
		}),
	);
	plugin.registerEvent(
		plugin.app.vault.on("rename", (file, oldPath) => {
			files.forgetFiles();
			forget(file, oldPath);
		}),
	);
	return transcripts;
}
