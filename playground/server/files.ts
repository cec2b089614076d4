import { readdirSync, statSync } from "node:fs";
import { extname, join, relative, resolve, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".json": "application/json; charset=utf-8",
	".map": "application/json; charset=utf-8",
	".md": "text/markdown; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
	".csv": "text/csv; charset=utf-8",
	".canvas": "application/json; charset=utf-8",
	".vtt": "text/vtt; charset=utf-8",
	".srt": "text/plain; charset=utf-8",
	".webm": "video/webm",
	".mp4": "video/mp4",
	".m4v": "video/mp4",
	".ogv": "video/ogg",
	".mov": "video/quicktime",
	".mkv": "video/x-matroska",
	".ogg": "audio/ogg",
	".oga": "audio/ogg",
	".opus": "audio/ogg",
	".mp3": "audio/mpeg",
	".m4a": "audio/mp4",
	".aac": "audio/aac",
	".wav": "audio/wav",
	".flac": "audio/flac",
	".png": "image/png",
	".jpg": "image/jpeg",
	".jpeg": "image/jpeg",
	".gif": "image/gif",
	".webp": "image/webp",
	".svg": "image/svg+xml",
};

/** Files the page reads as text and seeds into the vault with their content. */
const TEXT_EXTENSIONS = new Set([".md", ".txt", ".csv", ".canvas", ".json", ".vtt", ".srt"]);

/** The `Content-Type` to serve a file with, from its extension. */
export function contentType(path: string): string {
	return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** Whether the page should receive the file's text (notes) rather than only its URL (media). */
export function isTextFile(path: string): boolean {
	return TEXT_EXTENSIONS.has(extname(path).toLowerCase());
}

/** One file of the served vault, by its vault path (forward slashes, relative to the vault). */
export interface VaultEntry {
	path: string;
	size: number;
}

/**
 * Every file of the vault folder, sorted by path. Hidden files and folders (`.obsidian`, `.git`,
 * `.trash`) are left out, as Obsidian leaves them out of the vault.
 */
export function listVault(root: string): VaultEntry[] {
	const out: VaultEntry[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			if (name.startsWith(".")) continue;
			const full = join(dir, name);
			const stat = statSync(full);
			if (stat.isDirectory()) walk(full);
			else if (stat.isFile()) out.push({ path: relative(root, full).split(sep).join("/"), size: stat.size });
		}
	};
	walk(root);
	return out;
}

/**
 * The file a URL path names inside `root`, or `null` when it would leave the folder or reach a
 * hidden file: `..`, `.obsidian`, encoded slashes and NUL bytes never get through.
 */
export function resolveInside(root: string, urlPath: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	if (decoded.includes("\0") || decoded.includes("\\")) return null;
	const segments = decoded.split("/").filter((s) => s !== "");
	if (segments.length === 0 || segments.some((s) => s.startsWith("."))) return null;
	const base = resolve(root);
	const full = resolve(base, ...segments);
	return full.startsWith(base + sep) ? full : null;
}
