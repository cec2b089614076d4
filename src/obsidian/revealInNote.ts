import { MarkdownView, type Editor, type EditorPosition, type TFile, type Workspace } from "obsidian";

/** Where a citation sits in its note: its element's start and end as editor positions. */
export interface NoteSpot {
	from: EditorPosition;
	to: EditorPosition;
}

/** The editor positions of the text between offsets `from` and `to` of `text`. */
export function spotOf(text: string, from: number, to: number): NoteSpot {
	return { from: positionAt(text, from), to: positionAt(text, to) };
}

function positionAt(text: string, offset: number): EditorPosition {
	const at = Math.max(0, Math.min(offset, text.length));
	let line = 0;
	let lineStart = 0;
	for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, ch: at - lineStart };
}

/**
 * Shows a citation in its note: where the note is open, that leaf becomes active and the editor
 * selects the citation (the selection is the flash) and scrolls it to the middle, or reading view
 * scrolls to its line; elsewhere the note is opened at that line.
 */
export async function revealInNote(workspace: Workspace, file: TFile, spot: NoteSpot): Promise<void> {
	let view = markdownViewOf(workspace, file);
	if (!view) {
		await workspace.getLeaf(false).openFile(file, { active: true, eState: { line: spot.from.line } });
		view = markdownViewOf(workspace, file);
		if (!view) return;
	} else {
		workspace.setActiveLeaf(view.leaf, { focus: true });
	}
	if (view.getMode() === "preview") {
		view.setEphemeralState({ line: spot.from.line });
		return;
	}
	const from = clamp(view.editor, spot.from);
	const to = clamp(view.editor, spot.to);
	view.editor.setSelection(from, to);
	view.editor.scrollIntoView({ from, to }, true);
}

/** The markdown view showing `file` (the most recently active one if several do), or `null` when it is not open. */
export function markdownViewOf(workspace: Workspace, file: TFile): MarkdownView | null {
	const recent = workspace.getMostRecentLeaf();
	if (recent?.view instanceof MarkdownView && recent.view.file?.path === file.path) return recent.view;
	for (const leaf of workspace.getLeavesOfType("markdown")) {
		if (leaf.view instanceof MarkdownView && leaf.view.file?.path === file.path) return leaf.view;
	}
	return null;
}

/** Keeps a position inside the editor's text, which may have changed since the panel read it. */
function clamp(editor: Editor, pos: EditorPosition): EditorPosition {
	const line = Math.max(0, Math.min(pos.line, editor.lastLine()));
	return { line, ch: Math.max(0, Math.min(pos.ch, editor.getLine(line).length)) };
}
