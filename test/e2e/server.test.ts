import { request } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parseRange } from "../../playground/server/range";
import type { VaultListing } from "../../playground/server/server";
import { DEMO_VAULT } from "./harness/paths";

/** A raw HTTP request (no URL normalisation, so `..` reaches the server as sent). */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
	const base = new URL(inject("playgroundUrl"));
	return new Promise((resolve, reject) => {
		const req = request({ host: base.hostname, port: base.port, path, method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on("data", (c: Buffer) => chunks.push(c));
			res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on("error", reject);
		req.end();
	});
}

const CLIP = join(DEMO_VAULT, "media", "clip.webm");
const CLIP_SIZE = statSync(CLIP).size;

describe("range parsing", () => {
	it.each([
		["no header", undefined, 1000, null],
		["first 100 bytes", "bytes=0-99", 1000, { start: 0, end: 99 }],
		["open-ended", "bytes=500-", 1000, { start: 500, end: 999 }],
		["end past the file is clipped", "bytes=900-5000", 1000, { start: 900, end: 999 }],
		["suffix", "bytes=-100", 1000, { start: 900, end: 999 }],
		["suffix longer than the file", "bytes=-5000", 1000, { start: 0, end: 999 }],
		["start past the end", "bytes=1000-", 1000, "unsatisfiable"],
		["empty suffix", "bytes=-0", 1000, "unsatisfiable"],
		["several ranges: served whole", "bytes=0-1,5-6", 1000, null],
		["another unit", "items=0-1", 1000, null],
		["reversed", "bytes=10-5", 1000, null],
		["garbage", "bytes=abc", 1000, null],
	])("%s", (_name, header, size, expected) => {
		expect(parseRange(header, size)).toEqual(expected);
	});
});

describe("playground server", () => {
	it("binds 127.0.0.1 only", () => {
		expect(new URL(inject("playgroundUrl")).hostname).toBe("127.0.0.1");
	});

	it("answers a Range request for the clip with 206 and exactly those bytes", async () => {
		const res = await get("/vault/media/clip.webm", { Range: "bytes=100-1099" });
		expect(res.status).toBe(206);
		expect(res.headers["content-range"]).toBe(`bytes 100-1099/${CLIP_SIZE}`);
		expect(res.headers["accept-ranges"]).toBe("bytes");
		expect(res.headers["content-type"]).toBe("video/webm");
		expect(res.body.equals(readFileSync(CLIP).subarray(100, 1100))).toBe(true);
	});

	it("serves the whole clip with 200 and advertises ranges", async () => {
		const res = await get("/vault/media/clip.webm");
		expect(res.status).toBe(200);
		expect(res.headers["accept-ranges"]).toBe("bytes");
		expect(Number(res.headers["content-length"])).toBe(CLIP_SIZE);
		expect(res.body.length).toBe(CLIP_SIZE);
	});

	it("answers 416 with the size for a range past the end", async () => {
		const res = await get("/vault/media/clip.webm", { Range: `bytes=${CLIP_SIZE}-` });
		expect(res.status).toBe(416);
		expect(res.headers["content-range"]).toBe(`bytes */${CLIP_SIZE}`);
	});

	it("answers HEAD without a body", async () => {
		const res = await get("/vault/media/tone.ogg", {}, "HEAD");
		expect(res.status).toBe(200);
		expect(res.headers["content-type"]).toBe("audio/ogg");
		expect(res.body.length).toBe(0);
	});

	it("serves a note with spaces in its name", async () => {
		const res = await get("/vault/Sample%20clip.md");
		expect(res.status).toBe(200);
		expect(res.body.toString("utf8")).toBe(readFileSync(join(DEMO_VAULT, "Sample clip.md"), "utf8"));
	});

	it.each([
		["a parent folder", "/vault/../package.json"],
		["an encoded parent folder", "/vault/%2e%2e/package.json"],
		["an encoded slash", "/vault/corpus%2F..%2F..%2Fpackage.json"],
		["the config folder", "/vault/.obsidian/community-plugins.json"],
		["a NUL byte", "/vault/Welcome.md%00.webm"],
		["a bad escape", "/vault/%E0%A4%A"],
		["a missing file", "/vault/nothing-here.md"],
		["the repository", "/package.json"],
		["the sources", "/src/main.ts"],
	])("refuses %s", async (_name, path) => {
		const res = await get(path);
		expect(res.status).toBe(404);
		expect(res.body.toString("utf8")).not.toContain("devDependencies");
	});

	it("refuses anything but GET and HEAD", async () => {
		expect((await get("/vault/Welcome.md", {}, "POST")).status).toBe(405);
	});

	it("lists the vault: notes with their text, media by path, hidden folders left out", async () => {
		const res = await get("/api/vault");
		const listing = JSON.parse(res.body.toString("utf8")) as VaultListing;
		const byPath = new Map(listing.files.map((f) => [f.path, f]));
		expect(byPath.get("Welcome.md")?.text).toBe(readFileSync(join(DEMO_VAULT, "Welcome.md"), "utf8"));
		expect(byPath.get("media/clip.webm")).toEqual({ path: "media/clip.webm", size: CLIP_SIZE });
		expect(listing.files.some((f) => f.path.startsWith(".obsidian"))).toBe(false);
		expect(listing.files.filter((f) => f.path.endsWith(".md")).length).toBeGreaterThanOrEqual(20);
	});

	it("serves the built plugin and the page", async () => {
		for (const path of ["/", "/main.js", "/styles.css", "/manifest.json", "/dist/host.js", "/obsidian-theme.css", "/playground.css"]) {
			expect((await get(path)).status, path).toBe(200);
		}
	});
});
