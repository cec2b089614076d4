import { requestUrl, type App, type Plugin, type TAbstractFile } from "obsidian";
import type { DataSection } from "../settings/pluginData";
import { SavedLanguages } from "./languageMemory";
import { Transcripts, type TextFetcher, type TranscriptVault } from "./transcripts";

export { Transcripts, NO_TRANSCRIPT_MESSAGE } from "./transcripts";
export type { NoteTranscript, TextFetcher, TranscriptVault, LanguageMemory } from "./transcripts";
export { LANGUAGES_KEY } from "./languageMemory";
export type { TranscriptSource } from "./sources";
export { sourceLabel, languageLabel } from "./sources";

/** The vault, for the transcripts: subtitle files, their text, frontmatter and links. */
export function vaultTranscriptFiles(app: App): TranscriptVault {
	const { vault, metadataCache } = app;
	return {
		subtitleFiles: () => vault.getFiles().filter((f) => Transcripts.isSubtitleFile(f.path)).map((f) => f.path),
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

/**
 * Builds the plugin's transcripts: vault files read on demand and forgotten when they change,
 * the language chosen per video kept under its own key of the data file.
 */
export async function registerTranscripts(plugin: Plugin, languages: DataSection, fetcher: TextFetcher = requestUrlFetcher): Promise<Transcripts> {
	const memory = new SavedLanguages({ load: () => languages.load(), save: (data) => languages.save(data) });
	await memory.load();
	const transcripts = new Transcripts(vaultTranscriptFiles(plugin.app), fetcher, memory);
	const forget = (file: TAbstractFile, oldPath?: string) => {
		transcripts.forget(file.path);
		if (oldPath) transcripts.forget(oldPath);
	};
	plugin.registerEvent(plugin.app.vault.on("modify", (file) => forget(file)));
	plugin.registerEvent(plugin.app.vault.on("delete", (file) => forget(file)));
	plugin.registerEvent(plugin.app.vault.on("rename", (file, oldPath) => forget(file, oldPath)));
	return transcripts;
}
