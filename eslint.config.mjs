// Lint: eslint-plugin-obsidianmd's recommended, type-checked config for everything we ship,
// with Node-side tooling (build, playground server, benchmarks, browser tests) allowed Node APIs.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "demo-vault/", "playground/dist/", "test-results/", "coverage/", "bench/.out/"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "version-bump.mjs", ".ci/*.mjs", "bench/*.mjs"],
				},
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// Tooling that runs in Node, never inside Obsidian.
		files: ["*.mjs", "vitest.config.ts", "scripts/**", "bench/**", "playground/server/**", "test/**"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			"no-restricted-globals": "off",
			"obsidianmd/hardcoded-config-path": "off",
		},
	},
	{
		// Tests and the Obsidian test double: they stand in for the app, so app-only rules do not apply.
		files: ["test/**", "playground/**", "bench/**"],
		rules: {
			"obsidianmd/ui/sentence-case": "off",
			"obsidianmd/no-static-styles-assignment": "off",
			"obsidianmd/prefer-create-el": "off",
			"obsidianmd/no-view-references-in-plugin": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/prefer-instanceof": "off",
			"@typescript-eslint/unbound-method": "off",
			// vitest's asymmetric matchers (expect.stringMatching, expect.any) are typed `any`.
			"@typescript-eslint/no-unsafe-assignment": "off",
			// Tests call display() on purpose: it is the settings tab for apps before 1.13.
			"@typescript-eslint/no-deprecated": "off",
			"import/no-extraneous-dependencies": "off",
			// The playground page is the host app (it fetches its own server), not plugin code.
			"no-restricted-globals": "off",
		},
	},
]);
