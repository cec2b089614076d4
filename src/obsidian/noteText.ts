import type { Vault, Workspace } from "obsidian";
import { markdownViewOf } from "./revealInNote";

/** Reads notes' text for feature code. */
export interface NoteTextSource {
	/**
	 * A note's text as the user sees it: its open editor's when the note is open (unsaved typing
	 * included, as the editor is ahead of the saved file), else the saved file's; "" when there is
	 * no such note.
	 */
	current(path: string): Promise<string>;
	/** A note's saved text (Obsidian's `cachedRead`); "" when there is no such note. */
	saved(path: string): Promise<string>;
}

/** {@link NoteTextSource} from the workspace's open editors and the vault. */
export function vaultNoteText(workspace: Workspace, vault: Pick<Vault, "getFileByPath" | "cachedRead">): NoteTextSource {
	const saved = async (path: string): Promise<string> => {
		const file = vault.getFileByPath(path);
		return file ? vault.cachedRead(file) : "";
	};
	return {
		saved,
		current: (path) => {
			const file = vault.getFileByPath(path);
			const view = file && markdownViewOf(workspace, file);
			return view ? Promise.resolve(view.getViewData()) : saved(path);
		},
	};
}
