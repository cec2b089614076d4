// Bundles src/main.ts into main.js the way Obsidian loads plugins (CommonJS, obsidian and CodeMirror external).
// `node esbuild.config.mjs production` builds once and copies the plugin into the demo vault;
// without an argument it watches and rebuilds with inline source maps.
// `--outfile=PATH` (after `production`) writes the bundle there instead and leaves the demo vault
// alone: the release tests build twice into temporary folders to check the build is reproducible.
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { copyFileSync, mkdirSync } from "node:fs";

const production = process.argv[2] === "production";
const outfileArg = process.argv.slice(2).find((arg) => arg.startsWith("--outfile="));
const outfile = outfileArg ? outfileArg.slice("--outfile=".length) : "main.js";
const DEMO_PLUGIN_DIR = "demo-vault/.obsidian/plugins/video-citations";

/** Copies the built plugin into the demo vault after every successful build. */
const copyToDemoVault = {
	name: "copy-to-demo-vault",
	setup(build) {
		build.onEnd((result) => {
			if (result.errors.length > 0) return;
			mkdirSync(DEMO_PLUGIN_DIR, { recursive: true });
			for (const file of ["main.js", "manifest.json", "styles.css"]) {
				copyFileSync(file, `${DEMO_PLUGIN_DIR}/${file}`);
			}
		});
	},
};

const context = await esbuild.context({
	entryPoints: ["src/main.ts"],
	bundle: true,
	external: [
		"obsidian",
		"electron",
		"@codemirror/*",
		"@lezer/*",
		...builtinModules,
		...builtinModules.map((m) => `node:${m}`),
	],
	format: "cjs",
	target: "es2022",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
	legalComments: "none",
	outfile,
	plugins: outfileArg ? [] : [copyToDemoVault],
});

if (production) {
	await context.rebuild();
	await context.dispose();
} else {
	await context.watch();
}
