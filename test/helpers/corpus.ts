import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Where the corpus fixtures live (real notes from the TubeGraph site, MIT, see LICENSE.txt there). */
export const CORPUS_DIR = join(__dirname, "..", "fixtures", "corpus");

/** One corpus note: its path relative to the corpus folder and its text. */
export interface CorpusNote {
	path: string;
	text: string;
}

/** Every note (`.md` file except a README) under `dir`, sorted by path, with paths relative to `root`. */
export function notesUnder(dir: string, root = dir): CorpusNote[] {
	const out: CorpusNote[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith(".md") && name !== "README.md") out.push({ path: relative(root, full), text: readFileSync(full, "utf8") });
		}
	};
	walk(dir);
	return out;
}

/** Every corpus note (`.md` files except the README), sorted by path. */
export function corpusNotes(): CorpusNote[] {
	return notesUnder(CORPUS_DIR);
}

/** One corpus note by its relative path. */
export function corpusNote(path: string): string {
	return readFileSync(join(CORPUS_DIR, path), "utf8");
}

/** The seed note (`lennyspodcast/the_rise_of_the_chief_product_and_technology_officer_role.md`). */
export const SEED_PATH = "lennyspodcast/the_rise_of_the_chief_product_and_technology_officer_role.md";
