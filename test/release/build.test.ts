/**
 * The release's main.js is reproducible: two clean production builds (one from a copy of the
 * sources at another path) are byte for byte the same, and nothing of the machine that built it
 * (paths, time) is in it. It also touches no Node or Electron API, so `isDesktopOnly` can be false.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./repo";

/** Builds main.js with `node esbuild.config.mjs production` run in `cwd`, into a fresh folder. */
function build(cwd: string, out: string): Buffer {
	const outfile = join(out, "main.js");
	execFileSync(process.execPath, ["esbuild.config.mjs", "production", `--outfile=${outfile}`], { cwd, stdio: "pipe" });
	return readFileSync(outfile);
}

describe("main.js", () => {
	const temp: string[] = [];
	let first: Buffer;
	let second: Buffer;
	let copy: string;

	beforeAll(() => {
		const dir = () => {
			const d = mkdtempSync(join(tmpdir(), "vc-release-"));
			temp.push(d);
			return d;
		};
		first = build(ROOT, dir());
		// The same sources at another path, as a CI runner would check them out.
		copy = join(dir(), "elsewhere");
		for (const entry of ["src", "esbuild.config.mjs", "package.json", "tsconfig.json"]) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
		symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
		second = build(copy, dir());
		return () => {
			for (const d of temp) rmSync(d, { recursive: true, force: true });
		};
	}, 120_000);

	it("is byte-identical across two clean builds from different folders", () => {
		expect(first.length).toBeGreaterThan(10_000);
		expect(Buffer.compare(first, second)).toBe(0);
	});

	it("holds no path of the machine that built it, and no build time", () => {
		const text = first.toString("utf8");
		for (const path of [ROOT, copy, tmpdir(), process.env.HOME ?? "/nonexistent-home"]) expect(text).not.toContain(path);
		expect(text).not.toMatch(/\/(?:home|Users|tmp|work|runner)\/[\w.-]+\//);
		expect(text).not.toMatch(/[A-Z]:\\\\/);
		expect(text).not.toContain("node_modules");
		expect(text).not.toContain("sourceMappingURL");
		// An ISO date-time or a year-month-day of a build stamp.
		expect(text).not.toMatch(/\b20\d\d-[01]\d-[0-3]\dT?/);
	});

	it("requires only obsidian and CodeMirror: no Node or Electron API", () => {
		const text = first.toString("utf8");
		const required = [...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
		expect(new Set(required)).toEqual(new Set(["obsidian", "@codemirror/state", "@codemirror/view"]));
		for (const api of ['require("fs")', 'require("electron")', "child_process", "node:", "process.versions", "__dirname"]) expect(text).not.toContain(api);
		// No dynamic require that could reach one either.
		expect(text).not.toMatch(/\brequire\(\s*[^"'`\s)]/);
	});
});
