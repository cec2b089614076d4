import { resolveVideo, type VideoRef } from "../core";
import type { NoteMetadata } from "../obsidian/vaultMetadata";

/** Answers "which video does this note cite?" for feature code. */
export interface NoteVideoSource {
	/** The video of the note at `path` (from its frontmatter), or `null`. */
	videoFor(path: string): VideoRef | null;
	/** The video named by frontmatter given directly (reading view passes `ctx.frontmatter`). */
	videoFromFrontmatter(frontmatter: Record<string, unknown> | null | undefined, sourcePath: string): VideoRef | null;
	/** A video a citation names, as it plays from the note at `sourcePath` (a linked file's path resolved in the vault). */
	linkedVideo(ref: VideoRef, sourcePath: string): VideoRef;
}

/**
 * Resolves notes' videos with `resolveVideo`, turning a vault path or `[[wikilink]]` into the file
 * it names (a link to `clip.webm` from anywhere in the vault finds `media/clip.webm`).
 */
export class NoteVideos implements NoteVideoSource {
	constructor(private metadata: NoteMetadata) {}

	videoFor(path: string): VideoRef | null {
		return this.videoFromFrontmatter(this.metadata.frontmatter(path), path);
	}

	videoFromFrontmatter(frontmatter: Record<string, unknown> | null | undefined, sourcePath: string): VideoRef | null {
		const ref = resolveVideo(frontmatter);
		return ref ? this.linkedVideo(ref, sourcePath) : null;
	}

	linkedVideo(ref: VideoRef, sourcePath: string): VideoRef {
		if (ref.kind !== "file") return ref;
		const resolved = this.metadata.resolveLink(ref.path, sourcePath);
		return resolved ? { kind: "file", path: resolved } : ref;
	}
}
