import type { App } from "../../test/double/obsidian";
import type { VaultListing } from "../server/server";

/**
 * Fills the double's in-memory vault from the served folder: notes with their text, media files
 * by path only, with `getResourcePath` pointing at the server's `/vault/` (which answers Range
 * requests, so videos seek). Returns the vault's folder name.
 */
export async function seedVault(app: App, base: string): Promise<string> {
	const response = await fetch(new URL("/api/vault", base));
	if (!response.ok) throw new Error(`The playground server did not list the vault (${response.status}).`);
	const listing = (await response.json()) as VaultListing;
	for (const file of listing.files) app.vault.seed(file.path, file.text ?? "");
	app.vault.resourceBase = new URL("/vault/", base).href;
	return listing.name;
}
