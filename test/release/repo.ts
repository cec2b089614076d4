/** The repository's root and its files, for the release tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The repository's root folder. */
export const ROOT = join(__dirname, "..", "..");

/** A JSON file of the repository, parsed. */
export function readJson<T>(path: string): T {
	return JSON.parse(readFileSync(join(ROOT, path), "utf8")) as T;
}
