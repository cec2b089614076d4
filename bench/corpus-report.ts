/**
 * `npm run corpus-report -- [folder…]`: runs the citation reader over every `.md` note under the
 * folders (default: the test fixtures) and prints where the citations land and how they were read.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { corpusReport } from "./corpusReport";

function* notesUnder(dir: string): Generator<string> {
	for (const name of readdirSync(dir).sort()) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) yield* notesUnder(full);
		else if (name.endsWith(".md") && name !== "README.md") yield readFileSync(full, "utf8");
	}
}

const folders = process.argv.slice(2);
for (const folder of folders.length > 0 ? folders : ["test/fixtures/corpus", "test/fixtures/times"]) {
	try {
		process.stdout.write(`${folder} ${JSON.stringify(corpusReport(notesUnder(folder)), null, 2)}\n`);
	} catch (err) {
		console.error(`${folder}: ${err instanceof Error ? err.message : String(err)}`);
		process.exitCode = 1;
	}
}
