import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildHost } from "../../../playground/server/buildHost";
import { REPO_ROOT, startPlayground } from "../../../playground/server/server";
import { findChrome } from "./chrome";
import { SCREENSHOT_DIR } from "./paths";

declare module "vitest" {
	export interface ProvidedContext {
		/** The playground the suite serves on 127.0.0.1, e.g. `http://127.0.0.1:41234/`. */
		playgroundUrl: string;
		/** The Chromium executable, or `null` when none is installed (the browser cases skip). */
		chromePath: string | null;
	}
}

function newest(path: string): number {
	const stat = statSync(path);
	return stat.isDirectory() ? Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n)))) : stat.mtimeMs;
}

function shout(lines: string[]): void {
	const bar = "!".repeat(78);
	process.stderr.write(`\n${bar}\n${lines.map((l) => `!!  ${l}`).join("\n")}\n${bar}\n\n`);
}

/**
 * Once per run: checks the built plugin, bundles the playground host if its sources changed,
 * finds Chromium (without one the browser cases skip loudly; with `CI` set the run fails) and
 * serves the demo vault from 127.0.0.1 on a free port for every test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const mainJs = join(REPO_ROOT, "main.js");
	if (!existsSync(mainJs)) throw new Error("main.js is missing: the browser suite tests the built plugin, so run `npm run build` first.");
	if (newest(join(REPO_ROOT, "src")) > statSync(mainJs).mtimeMs) {
		shout(["main.js is older than src/: these browser tests run the OLD build.", "Run `npm run build` (npm test does) to test your changes."]);
	}

	const chromePath = findChrome();
	const why = () => (process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist.` : "No Chromium found (looked for /usr/bin/chromium and friends).");
	if (!chromePath && process.env.CI) throw new Error(`${why()} CI is set, so the browser suite must run: install Debian's chromium (.ci/run does).`);
	const skipped = chromePath ? null : [why(), "THE BROWSER SUITE IS SKIPPED: nothing was tested in a real browser.", "Install it with `sudo apt-get install chromium`, or set CHROME_PATH."];
	if (skipped) shout(skipped);

	// Failure screenshots describe the last run only.
	for (const name of existsSync(SCREENSHOT_DIR) ? readdirSync(SCREENSHOT_DIR) : []) {
		if (name.startsWith("failed-")) rmSync(join(SCREENSHOT_DIR, name));
	}
	await buildHost();
	const server = await startPlayground({ vault: join(REPO_ROOT, "demo-vault") });
	project.provide("playgroundUrl", server.url);
	project.provide("chromePath", chromePath);
	return async () => {
		await server.close();
		// Said again at the end, where the summary is read.
		if (skipped) shout(skipped);
	};
}
