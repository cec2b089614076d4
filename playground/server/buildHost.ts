import { build } from "esbuild";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { PLAYGROUND_DIR, REPO_ROOT } from "./server";

/** The page's script: the Obsidian stand-in (the test double) and the host, for the browser. */
export const HOST_BUNDLE = join(PLAYGROUND_DIR, "dist", "host.js");

/** What the bundle is made from: when any of these is newer than the bundle, it is rebuilt. */
const SOURCES = [join(PLAYGROUND_DIR, "host.ts"), join(PLAYGROUND_DIR, "src"), join(REPO_ROOT, "test", "double")];

function newestChange(path: string): number {
	const stat = statSync(path, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Whether the host bundle is missing or older than its sources. */
export function hostBundleIsStale(): boolean {
	const built = statSync(HOST_BUNDLE, { throwIfNoEntry: false });
	return !built || Math.max(...SOURCES.map(newestChange)) > built.mtimeMs;
}

/**
 * Bundles `playground/host.ts` into `playground/dist/host.js` (one browser script, with a source
 * map beside it so stack traces point at the double's TypeScript), unless it is up to date and
 * `force` is unset.
 * Returns whether it built.
 */
export async function buildHost(options: { force?: boolean } = {}): Promise<boolean> {
	if (!options.force && !hostBundleIsStale()) return false;
	await build({
		entryPoints: [join(PLAYGROUND_DIR, "host.ts")],
		outfile: HOST_BUNDLE,
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "chrome120",
		sourcemap: "linked",
		legalComments: "none",
		logLevel: "warning",
	});
	return true;
}
