import { Notice, TFile, type Plugin } from "obsidian";
import { videoKey, type VideoRef } from "../core";
import { readingOptions } from "../notes/videoDurations";
import type { PluginServices } from "../services";
import { markdownViewOf } from "../obsidian/revealInNote";
import { confirmEdit } from "./ConfirmEditModal";
import { EDIT_TOOLS, repairTool, runEditTool, type EditTool, type EditToolRun } from "./editTools";
import { copyCitations, EXPORT_FORMATS, FORMAT_ORDER, noteTextExportRows, type ExportFormat } from "./exportCitations";
import { editorTarget, vaultTarget, type NoteTarget } from "../obsidian/noteTarget";

export { copyCitations, EXPORT_FORMATS, FORMAT_ORDER, type ExportFormat } from "./exportCitations";

/** What other features may ask of the note tools: run "Repair timestamps" on a note (asking first, as the command does). */
export interface NoteRepairer {
	repair(file: TFile): void;
}

/**
 * Adds the note tools (issue 11): "Repair timestamps in this note", the two conversions for
 * publishing, and the three "Copy citations as …" exports, plus "Repair timestamps" in a note's
 * file menu. No default hotkeys. The exports write to `services.clipboard`. Returns the repair,
 * for the citations panel's "Repair timestamps" button.
 */
export function registerTools(plugin: Plugin, services: PluginServices): NoteRepairer {
	const { app } = plugin;
	const notify = (message: string) => {
		new Notice(message);
	};
	const runFor = (video: VideoRef | null): EditToolRun => ({ video, reading: readingOptions(services.durations, video, services.settings.current), confirm: (c) => confirmEdit(app, c), notify });
	const offered = offeredCache();
	const copyNote = async (file: TFile, format: ExportFormat) => {
		const text = await services.noteText.current(file.path);
		const video = services.notes.videoFor(file.path);
		await copyCitations(services.clipboard, format, noteTextExportRows(text, video, readingOptions(services.durations, video, services.settings.current)), notify);
	};

	for (const tool of EDIT_TOOLS) {
		plugin.addCommand({
			id: tool.id,
			name: tool.name,
			icon: tool.icon,
			editorCheckCallback: (checking, editor, ctx) => {
				const path = ctx.file?.path;
				if (!path) return false;
				const video = services.notes.videoFor(path);
				if (checking) return offered(tool, editor.getValue(), video);
				void runEditTool(tool, editorTarget(editor, path), runFor(video));
				return true;
			},
		});
	}

	for (const format of FORMAT_ORDER) {
		plugin.addCommand({
			id: `copy-citations-${format}`,
			name: `Copy citations as ${EXPORT_FORMATS[format].as}`,
			icon: "copy",
			checkCallback: (checking) => {
				const file = app.workspace.getActiveFile();
				if (file?.extension !== "md") return false;
				if (!checking) void copyNote(file, format);
				return true;
			},
		});
	}

	const repair = (file: TFile) => {
		const view = markdownViewOf(app.workspace, file);
		const target: NoteTarget = view ? editorTarget(view.editor, file.path) : vaultTarget(app.vault, file);
		void runEditTool(repairTool, target, runFor(services.notes.videoFor(file.path)));
	};
	// From the file menu the note may not be open, and reading it to check first would be async:
	// the item is always there, and says so when there is nothing to repair.
	plugin.registerEvent(
		app.workspace.on("file-menu", (menu, file) => {
			if (!(file instanceof TFile) || file.extension !== "md") return;
			menu.addItem((item) =>
				item
					.setTitle("Repair timestamps")
					.setIcon(repairTool.icon)
					.onClick(() => repair(file)),
			);
		}),
	);
	return { repair };
}

/**
 * `tool.offered`, remembering the last answer per tool: the palette asks every command on every
 * keystroke of its search, and the note has usually not changed in between.
 */
function offeredCache(): (tool: EditTool, text: string, video: VideoRef | null) => boolean {
	const last = new Map<EditTool, { text: string; video: string; offered: boolean }>();
	return (tool, text, video) => {
		const key = video ? videoKey(video) : "";
		const memo = last.get(tool);
		if (memo && memo.video === key && memo.text === text) return memo.offered;
		const offered = tool.offered(text, video);
		last.set(tool, { text, video: key, offered });
		return offered;
	};
}
