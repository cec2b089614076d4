import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { CorpusNote } from "./corpus";

/** Where the notes whose times are easy to read wrong live (real notes from the TubeGraph site, MIT). */
export const TIMES_DIR = join(__dirname, "..", "fixtures", "times");

/** Every note of `test/fixtures/times/` (the 22 named ones and `sample/`), sorted by path. */
export function timesNotes(): CorpusNote[] {
	const out: CorpusNote[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (name.endsWith(".md") && name !== "README.md") out.push({ path: relative(TIMES_DIR, full), text: readFileSync(full, "utf8") });
		}
	};
	walk(TIMES_DIR);
	return out;
}

/** One note of `test/fixtures/times/` by its path without `.md`. */
export function timesNote(path: string): string {
	return readFileSync(join(TIMES_DIR, `${path}.md`), "utf8");
}
