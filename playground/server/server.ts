import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { contentType, isTextFile, listVault, resolveInside } from "./files";
import { parseRange } from "./range";

/** The repository root (the playground lives in `<root>/playground`). */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The recorded YouTube answers the playground serves to the page's `requestUrl`. */
const RECORDINGS = join(REPO_ROOT, "test", "fixtures", "youtube");

/** Where the playground's page, styles and host bundle live. */
export const PLAYGROUND_DIR = join(REPO_ROOT, "playground");

/** How to start a playground server. */
export interface PlaygroundOptions {
	/** The vault folder to serve (default: the demo vault). */
	vault?: string;
	/** The port to listen on; 0 (the default) picks a free one. */
	port?: number;
	/** Where the built plugin (`main.js`, `styles.css`, `manifest.json`) is (default: the repository root). */
	pluginDir?: string;
}

/** A running playground server. */
export interface PlaygroundServer {
	/** The page's address, e.g. `http://127.0.0.1:41234/`. */
	url: string;
	port: number;
	vault: string;
	close(): Promise<void>;
}

/** The vault as the page loads it: every file, with the text of notes inline. */
export interface VaultListing {
	name: string;
	files: { path: string; size: number; text?: string }[];
}

/** Fixed routes to the page's own files: nothing else of the repository is reachable. */
function staticRoutes(pluginDir: string): Map<string, string> {
	return new Map([
		["/", join(PLAYGROUND_DIR, "index.html")],
		["/index.html", join(PLAYGROUND_DIR, "index.html")],
		["/obsidian-theme.css", join(PLAYGROUND_DIR, "obsidian-theme.css")],
		["/playground.css", join(PLAYGROUND_DIR, "playground.css")],
		["/dist/host.js", join(PLAYGROUND_DIR, "dist", "host.js")],
		["/dist/host.js.map", join(PLAYGROUND_DIR, "dist", "host.js.map")],
		["/main.js", join(pluginDir, "main.js")],
		["/styles.css", join(pluginDir, "styles.css")],
		["/manifest.json", join(pluginDir, "manifest.json")],
	]);
}

/**
 * Starts the playground server on 127.0.0.1 (never another interface): the page, the built
 * plugin, the vault listing at `/api/vault` and the vault's files under `/vault/`, which answer
 * HTTP Range requests (Chromium only seeks a `<video>` whose server does).
 */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<PlaygroundServer> {
	const vault = resolve(options.vault ?? join(REPO_ROOT, "demo-vault"));
	if (!statSync(vault, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`No vault folder at ${vault}`);
	const routes = staticRoutes(resolve(options.pluginDir ?? REPO_ROOT));

	const server = createServer((req, res) => {
		try {
			handle(req, res, vault, routes);
		} catch (e) {
			fail(res, 500, e instanceof Error ? e.message : String(e));
		}
	});
	await new Promise<void>((done, reject) => {
		server.once("error", reject);
		server.listen(options.port ?? 0, "127.0.0.1", () => done());
	});
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}/`, port, vault, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
	server.closeAllConnections();
	return new Promise((done) => server.close(() => done()));
}

function handle(req: IncomingMessage, res: ServerResponse, vault: string, routes: Map<string, string>): void {
	if (req.method !== "GET" && req.method !== "HEAD") {
		res.setHeader("Allow", "GET, HEAD");
		return fail(res, 405, "Only GET and HEAD are served.");
	}
	const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
	if (pathname === "/api/vault") return sendJson(req, res, vaultListing(vault));
	if (pathname === "/favicon.ico") {
		res.writeHead(204);
		res.end();
		return;
	}
	if (pathname.startsWith("/recorded/youtube/")) {
		// The recorded YouTube answers the page's `requestUrl` serves (there is no network here).
		const file = resolveInside(RECORDINGS, pathname.slice("/recorded/youtube/".length));
		if (!file) return fail(res, 404, "No such recording.");
		return sendFile(req, res, file);
	}
	if (pathname.startsWith("/vault/")) {
		const file = resolveInside(vault, pathname.slice("/vault/".length));
		if (!file) return fail(res, 404, "Not a file of the vault.");
		return sendFile(req, res, file);
	}
	const file = routes.get(pathname);
	if (!file) return fail(res, 404, `Nothing at ${pathname}.`);
	return sendFile(req, res, file);
}

function vaultListing(vault: string): VaultListing {
	return {
		name: basename(vault),
		files: listVault(vault).map((entry) =>
			isTextFile(entry.path) ? { ...entry, text: readFileSync(join(vault, entry.path), "utf8") } : entry,
		),
	};
}

function sendJson(req: IncomingMessage, res: ServerResponse, data: unknown): void {
	const body = Buffer.from(JSON.stringify(data));
	res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": body.length, "Cache-Control": "no-store" });
	res.end(req.method === "HEAD" ? undefined : body);
}

/** Serves one file, honouring a single-range `Range` header with 206 (or 416 when out of bounds). */
function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
	const stat = statSync(file, { throwIfNoEntry: false });
	if (!stat?.isFile()) {
		const hint = basename(file) === "main.js" ? " Build the plugin first: npm run build." : "";
		return fail(res, 404, `Missing ${basename(file)}.${hint}`);
	}
	// Revalidated on every load (a rebuilt main.js shows at once), yet a 304 lets the browser
	// reuse its compiled scripts: pages opened one after another start much faster.
	const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
	const headers: Record<string, string | number> = {
		"Content-Type": contentType(file),
		"Accept-Ranges": "bytes",
		"Cache-Control": "no-cache",
		ETag: etag,
		"X-Content-Type-Options": "nosniff",
	};
	if (req.headers["if-none-match"] === etag && !req.headers.range) {
		res.writeHead(304, headers);
		res.end();
		return;
	}
	const range = parseRange(req.headers.range, stat.size);
	if (range === "unsatisfiable") {
		res.writeHead(416, { ...headers, "Content-Range": `bytes */${stat.size}` });
		res.end();
		return;
	}
	const { start, end } = range ?? { start: 0, end: stat.size - 1 };
	if (range) headers["Content-Range"] = `bytes ${start}-${end}/${stat.size}`;
	headers["Content-Length"] = stat.size === 0 ? 0 : end - start + 1;
	res.writeHead(range ? 206 : 200, headers);
	if (req.method === "HEAD" || stat.size === 0) {
		res.end();
		return;
	}
	const stream = createReadStream(file, { start, end });
	stream.on("error", () => res.destroy());
	stream.pipe(res);
}

function fail(res: ServerResponse, status: number, message: string): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
	res.end(message);
}
