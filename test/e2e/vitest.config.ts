import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/**
 * The browser suite: Node drives Debian's Chromium through playwright-core against the playground
 * served from 127.0.0.1. One file at a time (2 cores, one browser), generous timeouts for a busy CI.
 */
export default defineConfig({
	root: fileURLToPath(new URL("../..", import.meta.url)),
	test: {
		name: "browser",
		environment: "node",
		include: ["test/e2e/**/*.test.ts"],
		globalSetup: ["test/e2e/harness/globalSetup.ts"],
		fileParallelism: false,
		maxWorkers: 1,
		testTimeout: 60_000,
		hookTimeout: 120_000,
		teardownTimeout: 30_000,
		reporters: ["default"],
	},
});
