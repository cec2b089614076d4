import { Notice, TFile, type Plugin } from "obsidian";
import type { PluginServices } from "../services";
import { CitationIndex } from "./citationIndex";
import { CitationIndexer, type IndexProgress } from "./indexer";

/** Vaults with more notes than this show indexing progress. */
const PROGRESS_THRESHOLD = 500;

/**
 * Registers the vault-wide citation index: built in chunks once the layout is ready, then kept
 * current from metadata changes, renames and deletions, one note at a time, and from the videos'
 * lengths (`durations`): a video's new length re-reads the notes of that video.
 */
export function registerCitationIndex(plugin: Plugin, services: Pick<PluginServices, "notes" | "noteText"> & Partial<Pick<PluginServices, "durations" | "settings">>): CitationIndex {
	const { notes, noteText, durations, settings } = services;
	const { vault, metadataCache, workspace } = plugin.app;
	const index = new CitationIndex();
	// Incomplete until the first build, which waits for the layout: the panel says so meanwhile.
	index.setBuilding({ done: 0, total: 0 });
	const indexer = new CitationIndexer(
		index,
		{
			markdownPaths: () => vault.getMarkdownFiles().map((f) => f.path),
			read: (path) => noteText.saved(path),
		},
		notes,
		() => new Promise((resolve) => window.setTimeout(resolve, 0)),
		progressNotice(),
		durations,
		settings,
	);
	let loaded = true;
	plugin.register(() => {
		loaded = false;
		indexer.cancel();
	});
	// A plugin unloaded before the layout was ready must not build later.
	workspace.onLayoutReady(() => {
		if (loaded) void indexer.build();
	});
	plugin.registerEvent(metadataCache.on("changed", (file, data) => indexer.noteChanged(file.path, data)));
	plugin.registerEvent(
		vault.on("rename", (file, oldPath) => {
			if (file instanceof TFile && file.extension === "md") indexer.noteRenamed(oldPath, file.path);
		}),
	);
	plugin.registerEvent(vault.on("delete", (file) => indexer.noteDeleted(file.path)));
	if (durations) plugin.register(durations.onChange((key) => void indexer.videoLengthChanged(key)));
	if (settings) {
		// Reading other plugins' forms or not changes what every note cites: the index is built again.
		let otherForms = settings.current.otherForms;
		plugin.register(
			settings.onChange((current) => {
				if (current.otherForms === otherForms) return;
				otherForms = current.otherForms;
				if (loaded) void indexer.build();
			}),
		);
	}
	return index;
}

function progressNotice(): IndexProgress {
	let notice: Notice | null = null;
	return {
		update(done, total) {
			if (total < PROGRESS_THRESHOLD) return;
			const message = `Indexing video citations: ${done.toLocaleString()} of ${total.toLocaleString()} notes`;
			if (notice) notice.setMessage(message);
			else notice = new Notice(message, 0);
		},
		finish() {
			notice?.hide();
			notice = null;
		},
	};
}
