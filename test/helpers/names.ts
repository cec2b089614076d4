import { VideoTitles } from "../../src/notes/videoTitles";
import type { NoteMetadata } from "../../src/obsidian/vaultMetadata";
import type { NoteVideoSource } from "../../src/notes/noteVideo";

/** The plugin's names for videos and notes, on frontmatter from `metadata`, with titles kept in memory. */
export function memoryNames(metadata: Pick<NoteMetadata, "frontmatter">, notes: Pick<NoteVideoSource, "videoFor">): VideoTitles {
	return new VideoTitles({ load: () => Promise.resolve(undefined), save: () => Promise.resolve() }, metadata, notes, undefined, 0);
}
