import type { App } from "obsidian";

/** Where captured frames go: Obsidian's attachment folder, as the user set it. */
export interface AttachmentSaver {
	/**
	 * Saves `data` as a new file named like `name` in the attachment folder for the note at
	 * `sourcePath` (deduped, "name 1.png"), and returns the link text an embed of it uses from there.
	 */
	save(name: string, data: ArrayBuffer, sourcePath: string): Promise<string>;
}

/** The vault's attachments: `getAvailablePathForAttachment`, `createBinary`, and the link text from the note. */
export function vaultAttachments(app: App): AttachmentSaver {
	return {
		async save(name, data, sourcePath) {
			const path = await app.fileManager.getAvailablePathForAttachment(name, sourcePath);
			const file = await app.vault.createBinary(path, data);
			return app.metadataCache.fileToLinktext(file, sourcePath, false);
		},
	};
}
