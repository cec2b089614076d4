import type { MetadataCache, Vault } from "obsidian";

/** The slice of `MetadataCache` and `Vault` needed to find a note's video (`NoteVideos` reads it). */
export interface NoteMetadata {
	/** The note's frontmatter, or `null` when it has none (or the path is not a note). */
	frontmatter(path: string): Record<string, unknown> | null | undefined;
	/** The vault path a link resolves to from `sourcePath`, or `null` when nothing matches. */
	resolveLink(link: string, sourcePath: string): string | null;
}

/** What {@link vaultMetadata} reads: a note by path, its cached frontmatter, and link resolution. */
export interface VaultServices {
	vault: Pick<Vault, "getFileByPath">;
	metadataCache: Pick<MetadataCache, "getFileCache" | "getFirstLinkpathDest">;
}

/** {@link NoteMetadata} from the vault and Obsidian's metadata cache. */
export function vaultMetadata({ vault, metadataCache }: VaultServices): NoteMetadata {
	return {
		frontmatter: (path) => {
			const file = vault.getFileByPath(path);
			return file ? metadataCache.getFileCache(file)?.frontmatter : null;
		},
		resolveLink: (link, sourcePath) => metadataCache.getFirstLinkpathDest(link, sourcePath)?.path ?? null,
	};
}
