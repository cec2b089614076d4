// `npm run bench`: builds the plugin, bundles the benchmark (plain esbuild, so the functions handed
// to the browser stay free of helper calls) and runs it.
import { execFileSync } from "node:child_process";
import esbuild from "esbuild";

execFileSync(process.execPath, ["esbuild.config.mjs", "production"], { stdio: "inherit" });
await esbuild.build({
	entryPoints: ["bench/main.ts"],
	bundle: true,
	platform: "node",
	format: "esm",
	target: "node20",
	outfile: "bench/.out/main.mjs",
	packages: "external",
	logLevel: "warning",
	// The whole-vault figures drive the plugin's indexer, whose module graph imports `obsidian`.
	alias: { obsidian: "./test/double/obsidian.ts" },
});
try {
	// --expose-gc: the index's heap figure collects garbage before each reading.
	execFileSync(process.execPath, ["--expose-gc", "bench/.out/main.mjs"], { stdio: "inherit" });
} catch (e) {
	// The benchmark printed its table and what it missed; exit as it did, without a stack trace.
	process.exit(typeof e?.status === "number" ? e.status : 1);
}
