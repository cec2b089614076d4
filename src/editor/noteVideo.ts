import type { EditorState } from "@codemirror/state";
import { editorInfoField, parseYaml } from "obsidian";
import { videoKey, type VideoRef } from "../core";
import type { NoteVideoSource } from "../notes/noteVideo";
import type { NoteStructure } from "./structure";

/**
 * The video of the note in one editor: its file comes from `editorInfoField` (missing, or holding
 * no file, in canvases and bare editors), its frontmatter from the editor's own text, so a
 * `videoId:` typed a moment ago counts before the metadata cache catches up. Worked out again only
 * when the file or the frontmatter text changes.
 */
export class EditorNoteVideo {
	/** The note's path, or `null` when the editor shows no file. */
	path: string | null = null;
	/** The note's video, or `null` when it names none usable. */
	video: VideoRef | null = null;
	/** `videoKey(video)`, for comparing with the loaded video. */
	key: string | null = null;
	private frontmatter: string | null = null;

	constructor(private notes: NoteVideoSource) {}

	/**
	 * Reads the video again if the file or its frontmatter changed. `frontmatterMayHaveChanged`
	 * says an edit touched the frontmatter, so its text is compared; otherwise only the path is.
	 * Returns whether the video changed.
	 */
	sync(state: EditorState, structure: NoteStructure, frontmatterMayHaveChanged: boolean): boolean {
		const path = fileOf(state);
		if (path === this.path && !frontmatterMayHaveChanged && this.frontmatter !== null) return false;
		const frontmatter = structure.bodyFrom > 0 ? state.doc.sliceString(0, structure.bodyFrom) : "";
		if (path === this.path && frontmatter === this.frontmatter) return false;
		this.path = path;
		this.frontmatter = frontmatter;
		const video = this.resolve(frontmatter, path);
		const key = video ? videoKey(video) : null;
		const changed = key !== this.key;
		this.video = video;
		this.key = key;
		return changed;
	}

	private resolve(frontmatter: string, path: string | null): VideoRef | null {
		if (!frontmatter) return path === null ? null : this.notes.videoFor(path);
		const yaml = frontmatter.replace(/^\uFEFF?---[^\n]*\n/, "").replace(/\n(?:---|\.\.\.)[ \t]*\n?$/, "");
		let data: unknown;
		try {
			data = parseYaml(yaml);
		} catch {
			// Frontmatter that does not parse: fall back to what the metadata cache made of it.
			return path === null ? null : this.notes.videoFor(path);
		}
		const fields = data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
		return this.notes.videoFromFrontmatter(fields, path ?? "");
	}
}

/** The path of the file an editor shows, or `null` (no `editorInfoField`, or no file in it). */
export function fileOf(state: EditorState): string | null {
	const info = state.field(editorInfoField, false) as { file?: { path?: unknown } | null } | undefined;
	const path = info?.file?.path;
	return typeof path === "string" ? path : null;
}
