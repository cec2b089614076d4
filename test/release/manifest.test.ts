/**
 * manifest.json meets the rules of Obsidian's community plugin directory (the checks its review
 * bot and reviewers make), and `npm version` keeps manifest.json, versions.json and package.json
 * in step.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, readJson } from "./repo";

interface Manifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	authorUrl?: string;
	fundingUrl?: string | Record<string, string>;
	isDesktopOnly: boolean;
}

const manifest = readJson<Manifest>("manifest.json");
const pkg = readJson<{ version: string; scripts: Record<string, string>; engines?: Record<string, string> }>("package.json");
const versions = readJson<Record<string, string>>("versions.json");
const SEMVER = /^\d+\.\d+\.\d+$/;

describe("manifest.json", () => {
	it("has only the keys Obsidian reads", () => {
		const known = ["id", "name", "version", "minAppVersion", "description", "author", "authorUrl", "fundingUrl", "isDesktopOnly"];
		for (const key of Object.keys(manifest)) expect(known).toContain(key);
	});

	it("id: lowercase words joined by hyphens, without 'obsidian', not ending in 'plugin'", () => {
		expect(manifest.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		expect(manifest.id).not.toMatch(/obsidian/i);
		expect(manifest.id).not.toMatch(/plugin$/i);
	});

	it("the plugin folder the README names is the id", () => {
		expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(`.obsidian/plugins/${manifest.id}/`);
	});

	it("name: without 'Obsidian' or 'Plugin'", () => {
		expect(manifest.name.trim()).toBe(manifest.name);
		expect(manifest.name.length).toBeGreaterThan(0);
		expect(manifest.name).not.toMatch(/obsidian/i);
		expect(manifest.name).not.toMatch(/plugin/i);
	});

	it("description: at most 250 characters, a sentence ending in a period, not 'This plugin…', not naming Obsidian", () => {
		const d = manifest.description;
		expect(d.length).toBeGreaterThan(0);
		expect(d.length).toBeLessThanOrEqual(250);
		expect(d).toMatch(/\.$/);
		expect(d).not.toMatch(/^this plugin/i);
		expect(d).not.toMatch(/obsidian/i);
		expect(d.trim()).toBe(d);
	});

	it("version: x.y.z, the same as package.json's", () => {
		expect(manifest.version).toMatch(SEMVER);
		expect(pkg.version).toBe(manifest.version);
	});

	it("minAppVersion: present, x.y.z, and versions.json's entry for this version", () => {
		expect(manifest.minAppVersion).toMatch(SEMVER);
		expect(versions[manifest.version]).toBe(manifest.minAppVersion);
		for (const [version, app] of Object.entries(versions)) {
			expect(version).toMatch(SEMVER);
			expect(app).toMatch(SEMVER);
		}
	});

	it("author present; authorUrl and fundingUrl only when they lead somewhere", () => {
		expect(manifest.author.trim().length).toBeGreaterThan(0);
		if (manifest.authorUrl !== undefined) expect(manifest.authorUrl).toMatch(/^https:\/\/\S+$/);
		// The project takes no donations: no fundingUrl. Should it ever, each link must be a real https URL.
		if (manifest.fundingUrl !== undefined) {
			const urls = typeof manifest.fundingUrl === "string" ? [manifest.fundingUrl] : Object.values(manifest.fundingUrl);
			expect(urls.length).toBeGreaterThan(0);
			for (const url of urls) expect(url).toMatch(/^https:\/\/\S+$/);
		}
	});

	it("isDesktopOnly: false (main.js uses no Node or Electron API: see build.test.ts)", () => {
		expect(manifest.isDesktopOnly).toBe(false);
	});
});

describe("npm version", () => {
	it("runs version-bump.mjs and stages manifest.json and versions.json; tags without a 'v'", () => {
		expect(pkg.scripts.version).toBe("node version-bump.mjs && git add manifest.json versions.json");
		expect(readFileSync(join(ROOT, ".npmrc"), "utf8")).toMatch(/^tag-version-prefix=""$/m);
	});

	it("version-bump.mjs writes the new version to manifest.json and adds it to versions.json", () => {
		const dir = mkdtempSync(join(tmpdir(), "vc-version-"));
		try {
			for (const file of ["manifest.json", "versions.json", "version-bump.mjs"]) copyFileSync(join(ROOT, file), join(dir, file));
			// The script is ESM: tell Node so without package.json's "type".
			writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
			const [major, minor, patch] = manifest.version.split(".").map(Number);
			const next = `${major}.${minor}.${patch! + 1}`;
			execFileSync(process.execPath, ["version-bump.mjs"], { cwd: dir, env: { ...process.env, npm_package_version: next }, stdio: "pipe" });
			const bumped = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
			expect(bumped).toEqual({ ...manifest, version: next });
			const listed = JSON.parse(readFileSync(join(dir, "versions.json"), "utf8")) as Record<string, string>;
			expect(listed).toEqual({ ...versions, [next]: manifest.minAppVersion });
			// Tab-indented with a final newline, as the files are kept.
			expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(JSON.stringify(bumped, null, "\t") + "\n");
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it("version-bump.mjs refuses to run outside npm version", () => {
		const env = { ...process.env };
		delete env.npm_package_version;
		expect(() => execFileSync(process.execPath, [join(ROOT, "version-bump.mjs")], { cwd: tmpdir(), env, stdio: "pipe" })).toThrow(/npm version/);
	});
});
