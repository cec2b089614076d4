/**
 * `npm run playground -- --vault DIR --port N`: builds the host bundle if needed and serves the
 * built plugin on the vault at http://127.0.0.1:N/ until interrupted.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildHost } from "./buildHost";
import { REPO_ROOT, startPlayground } from "./server";

const { values } = parseArgs({
	options: {
		vault: { type: "string", default: join(REPO_ROOT, "demo-vault") },
		port: { type: "string", default: "0" },
		help: { type: "boolean", short: "h", default: false },
	},
});

if (values.help) {
	process.stdout.write("Usage: npm run playground -- [--vault DIR] [--port N]\nServes the built plugin in a browser playground on 127.0.0.1.\n");
	process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	process.stderr.write(`--port must be a port number (0 picks a free one), not "${values.port}".\n`);
	process.exit(2);
}
if (!existsSync(join(REPO_ROOT, "main.js"))) {
	process.stderr.write("main.js is missing: run `npm run build` first (or `npm run demo`, which builds and serves).\n");
	process.exit(1);
}

if (await buildHost()) process.stdout.write("Built playground/dist/host.js\n");
const server = await startPlayground({ vault: values.vault, port }).catch((e: unknown) => {
	const code = (e as { code?: string }).code;
	const message = code === "EADDRINUSE" ? `Port ${port} is in use: pick another with --port N, or leave it out for a free one.` : e instanceof Error ? e.message : String(e);
	process.stderr.write(`${message}\n`);
	process.exit(1);
});
process.stdout.write(`Video Citations playground: ${server.url}  (vault: ${server.vault})\n`);
process.stdout.write(`Open a note: ${server.url}?note=Welcome.md&mode=reading&theme=dark   Stop with Ctrl+C.\n`);

const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
