/**
 * `npm run playground -- --vault DIR --port N` (or `npm run demo -- …`, which builds first): builds
 * the host bundle if needed and serves the built plugin on the vault at http://127.0.0.1:N/ until
 * interrupted.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startNote } from "../src/api";
import { buildHost } from "./buildHost";
import { listVault } from "./files";
import { REPO_ROOT, startPlayground } from "./server";

const USAGE = "Usage: npm run playground -- [--vault DIR] [--port N]   (npm run demo -- … builds the plugin first)\nServes the built plugin in a browser playground on 127.0.0.1.\n";

function fail(message: string, code: number): never {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}

let values: { vault?: string; port: string; help: boolean };
try {
	({ values } = parseArgs({
		options: {
			vault: { type: "string" },
			port: { type: "string", default: "0" },
			help: { type: "boolean", short: "h", default: false },
		},
	}));
} catch (e) {
	fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`, 2);
}

if (values.help) {
	process.stdout.write(USAGE);
	process.exit(0);
}

const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port > 65535) fail(`--port must be a port number (0 picks a free one), not "${values.port}".`, 2);
// npm runs scripts from the package folder; a relative --vault means the folder it was typed in.
const vault = values.vault === undefined ? join(REPO_ROOT, "demo-vault") : resolve(process.env.INIT_CWD ?? process.cwd(), values.vault);
if (!existsSync(join(REPO_ROOT, "main.js"))) fail("main.js is missing: run `npm run build` first (or `npm run demo`, which builds and serves).", 1);

if (await buildHost()) process.stdout.write("Built playground/dist/host.js\n");
const server = await startPlayground({ vault, port }).catch((e: unknown) => {
	const code = (e as { code?: string }).code;
	fail(code === "EADDRINUSE" ? `Port ${port} is in use: pick another with --port N, or leave it out for a free one.` : e instanceof Error ? e.message : String(e), 1);
});
process.stdout.write(`Video Citations playground: ${server.url}  (vault: ${server.vault})\n`);
const note = startNote(listVault(server.vault).map((f) => f.path).filter((p) => p.endsWith(".md")));
process.stdout.write(
	note === null
		? `The vault holds no note (*.md) to open.   Stop with Ctrl+C.\n`
		: `Open a note: ${server.url}?note=${encodeURIComponent(note)}&mode=reading&theme=dark   Stop with Ctrl+C.\n`,
);

const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
