import { applyEdits, type TextEdit } from "../core";
import type { Editor, TFile, Vault } from "obsidian";

/** The note a tool edits: read its text, then apply edits planned from its text at that moment. */
export interface NoteTarget {
	readonly path: string;
	/** The note's current text. */
	read(): Promise<string>;
	/**
	 * Plans from the note's text as it is now (it may have changed since `read`) and applies the
	 * edits as one undoable change. Returns how many edits were applied.
	 */
	apply(plan: (text: string) => readonly TextEdit[]): Promise<number>;
}

/**
 * A note open in an editor: edits go through `editor.transaction`, one transaction, so a single
 * undo restores the note (and the editor, which is ahead of the saved file, is the text to plan from).
 */
export function editorTarget(editor: Editor, path: string): NoteTarget {
	return {
		path,
		read: () => Promise.resolve(editor.getValue()),
		apply(plan) {
			const edits = [...plan(editor.getValue())].sort((a, b) => a.from - b.from);
			if (edits.length > 0) {
				editor.transaction({
					changes: edits.map((e) => ({ from: editor.offsetToPos(e.from), to: editor.offsetToPos(e.to), text: e.insert })),
				});
			}
			return Promise.resolve(edits.length);
		},
	};
}

/** A note that is not open: one `vault.process` call, which reads and writes it atomically. */
export function vaultTarget(vault: Pick<Vault, "cachedRead" | "process">, file: TFile): NoteTarget {
	return {
		path: file.path,
		read: () => vault.cachedRead(file),
		async apply(plan) {
			let applied = 0;
			await vault.process(file, (text) => {
				const edits = plan(text);
				applied = edits.length;
				return applied > 0 ? applyEdits(text, edits) : text;
			});
			return applied;
		},
	};
}
