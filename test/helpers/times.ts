import { readFileSync } from "node:fs";
import { join } from "node:path";
import { notesUnder, type CorpusNote } from "./corpus";

/** Where the notes whose times are easy to read wrong live (real notes from the TubeGraph site, MIT). */
export const TIMES_DIR = join(__dirname, "..", "fixtures", "times");

/** Every note of `test/fixtures/times/` (the 22 named ones and `sample/`), sorted by path. */
export function timesNotes(): CorpusNote[] {
	return notesUnder(TIMES_DIR);
}

/** One note of `test/fixtures/times/` by its path without `.md`. */
export function timesNote(path: string): string {
	return readFileSync(join(TIMES_DIR, `${path}.md`), "utf8");
}
