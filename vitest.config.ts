import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/** Unit and integration tests run in jsdom with `obsidian` aliased to our test double. */
export default defineConfig({
	resolve: {
		alias: {
			obsidian: fileURLToPath(new URL("./test/double/obsidian.ts", import.meta.url)),
		},
	},
	test: {
		environment: "jsdom",
		setupFiles: ["test/setup.ts"],
		include: ["test/**/*.test.ts"],
		exclude: ["test/e2e/**", "node_modules/**"],
		restoreMocks: true,
		// A timeout catches a hang, not slowness (speed is the bench's job): the suites that read every
		// fixture note run in well under a second alone, and several times that on a shared, loaded machine.
		testTimeout: 30_000,
	},
});
