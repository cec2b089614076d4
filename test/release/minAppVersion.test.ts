/**
 * manifest.json's minAppVersion is the real minimum: no Obsidian API the plugin calls is newer.
 *
 * obsidian.d.ts marks most of its API with `@since x.y.z`. TypeScript's checker resolves every
 * identifier in src/ (value positions only: a type annotation costs nothing at run time) and keeps
 * those whose declaration in obsidian.d.ts carries `@since`. That beats a grep: `process`, `icon`
 * or `run` are names of many things, and only the checker knows which one a line means.
 *
 * Members the plugin overrides (the 1.13 settings API) are listed apart: the app reads or calls
 * them, and an older app simply does not, so they set no floor.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { ROOT, readJson } from "./repo";

/**
 * Every Obsidian API the plugin calls that obsidian.d.ts marks `@since` 1.0.0 or later, with that
 * version. (Those marked earlier are checked too, but a floor below 1.0 is no floor.) The test
 * fails when this table and the source disagree: add a new API here, with its version.
 */
const CALLED_SINCE_1: Record<string, string> = {
	"Vault.process": "1.1.0",
	"View.icon": "1.1.0",
	"Debouncer.run": "1.4.4",
	setTooltip: "1.4.4",
	"Vault.getFileByPath": "1.5.7",
	"FileManager.getAvailablePathForAttachment": "1.5.7",
	"Workspace.ensureSideLeaf": "1.7.2",
	"Workspace.revealLeaf": "1.7.2",
	"WorkspaceLeaf.loadIfDeferred": "1.7.2",
	"App.loadLocalStorage": "1.8.7",
	"App.saveLocalStorage": "1.8.7",
};

/**
 * Members the plugin overrides that only an app that has them reads or calls: the declarative
 * settings of 1.13 (older apps draw the tab with display() and never look at `settings`).
 */
const OVERRIDDEN_HOOKS: Record<string, string> = {
	"Plugin.settings": "1.13.0",
	"PluginSettingTab.getSettingDefinitions": "1.13.0",
	"PluginSettingTab.getControlValue": "1.13.0",
	"PluginSettingTab.setControlValue": "1.13.0",
};

/**
 * Why minAppVersion is above what the API needs: YouTube refuses embeds that send no referrer
 * (error 153), and Obsidian sends one from its plugin iframes from 1.10.3 (desktop and Android).
 */
const YOUTUBE_REFERRER_FLOOR = "1.10.3";

const OBSIDIAN_DTS = /[\\/]node_modules[\\/]obsidian[\\/]obsidian\.d\.ts$/;

function compareVersions(a: string, b: string): number {
	const pa = a.split(".").map(Number);
	const pb = b.split(".").map(Number);
	for (let i = 0; i < 3; i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
	});
}

function sinceOf(decl: ts.Declaration): string | null {
	for (const tag of ts.getJSDocTags(decl)) {
		if (tag.tagName.text !== "since") continue;
		const text = typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
		return text?.trim() ?? null;
	}
	return null;
}

/** `Class.member` or `function` for a declaration in obsidian.d.ts. */
function apiName(decl: ts.Declaration): string {
	const name = ts.getNameOfDeclaration(decl)?.getText() ?? "?";
	const owner = decl.parent;
	if ((ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name) return `${owner.name.text}.${name}`;
	return name;
}

/** Whether `node` only names a type (annotation, import, `implements`): nothing runs there. */
function inTypePosition(node: ts.Node): boolean {
	for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
		if (ts.isTypeNode(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isJSDoc(n)) return true;
		if (ts.isHeritageClause(n)) return n.token === ts.SyntaxKind.ImplementsKeyword;
		if (ts.isStatement(n)) return false;
	}
	return false;
}

interface ApiUse {
	since: string;
	files: Set<string>;
}

/** The `@since` APIs src/ uses, and the `@since` methods its classes override. */
function obsidianApiUse(): { called: Map<string, ApiUse>; overridden: Map<string, ApiUse> } {
	const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), (path) => ts.sys.readFile(path));
	const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
	const program = ts.createProgram(tsFiles(join(ROOT, "src")), { ...options, noEmit: true });
	const checker = program.getTypeChecker();
	const called = new Map<string, ApiUse>();
	const overridden = new Map<string, ApiUse>();
	const note = (map: Map<string, ApiUse>, decl: ts.Declaration, file: string) => {
		if (!OBSIDIAN_DTS.test(decl.getSourceFile().fileName)) return;
		const since = sinceOf(decl);
		if (!since) return;
		const key = apiName(decl);
		const use = map.get(key) ?? { since, files: new Set<string>() };
		use.files.add(file);
		map.set(key, use);
	};
	for (const source of program.getSourceFiles()) {
		if (source.isDeclarationFile || !source.fileName.startsWith(join(ROOT, "src"))) continue;
		const file = source.fileName.slice(ROOT.length + 1);
		const visit = (node: ts.Node): void => {
			if (ts.isIdentifier(node) && !inTypePosition(node)) {
				let symbol = checker.getSymbolAtLocation(node);
				if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
				for (const decl of symbol?.declarations ?? []) note(called, decl, file);
			}
			if (ts.isClassDeclaration(node)) {
				const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
				const baseType = base ? checker.getTypeAtLocation(base) : null;
				for (const member of node.members) {
					const name = member.name && ts.isIdentifier(member.name) ? member.name.text : null;
					if (!baseType || !name || !(ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Override)) continue;
					for (const decl of checker.getPropertyOfType(baseType, name)?.declarations ?? []) note(overridden, decl, file);
				}
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return { called, overridden };
}

describe("minAppVersion", () => {
	const { minAppVersion } = readJson<{ minAppVersion: string }>("manifest.json");
	let called: Map<string, ApiUse>;
	let overridden: Map<string, ApiUse>;

	beforeAll(() => {
		({ called, overridden } = obsidianApiUse());
	}, 120_000);

	it("the table lists every Obsidian API since 1.0 the plugin calls, with obsidian.d.ts's version", () => {
		const found = Object.fromEntries([...called].filter(([, use]) => compareVersions(use.since, "1.0.0") >= 0).map(([api, use]) => [api, use.since]));
		expect(found).toEqual(CALLED_SINCE_1);
		// And each is named in the source, as a grep would find it.
		const source = tsFiles(join(ROOT, "src")).map((path) => readFileSync(path, "utf8")).join("\n");
		for (const api of Object.keys(CALLED_SINCE_1)) expect(source).toMatch(new RegExp(`\\b${api.split(".").pop()}\\b`));
	});

	it("is at least the newest of them: the API sets no higher floor", () => {
		expect(called.size).toBeGreaterThan(20);
		const [floorApi, floor] = [...called].reduce((a, b) => (compareVersions(b[1].since, a[1].since) > 0 ? b : a));
		const sameFloor = [...called].filter(([, use]) => use.since === floor.since).map(([api]) => api);
		process.stdout.write(
			`[release] minAppVersion ${minAppVersion}: the API floor is ${floor.since}, set by ${sameFloor.join(", ")} (${[...floor.files].join(", ")}); ` +
				`${called.size} @since APIs called in all\n`,
		);
		expect(floorApi).toBeTruthy();
		for (const [api, use] of called) expect(compareVersions(use.since, minAppVersion), `${api} is @since ${use.since}`).toBeLessThanOrEqual(0);
	});

	it("is the API floor or, above it, 1.10.3: the first Obsidian whose plugin iframes send YouTube a referrer", () => {
		const floor = [...called.values()].map((use) => use.since).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
		const expected = compareVersions(floor, YOUTUBE_REFERRER_FLOOR) > 0 ? floor : YOUTUBE_REFERRER_FLOOR;
		expect(minAppVersion).toBe(expected);
		// The README says why, and the player's error 153 message names the same version.
		expect(readFileSync(join(ROOT, "README.md"), "utf8")).toMatch(new RegExp(`Obsidian \\*\\*${minAppVersion.replace(/\./g, "\\.")} or later\\*\\*`));
		expect(readFileSync(join(ROOT, "src/player/youtubeEmbed.ts"), "utf8")).toContain(YOUTUBE_REFERRER_FLOOR);
	});

	it("overridden members newer than minAppVersion are ones older apps never read or call", () => {
		const found = Object.fromEntries([...overridden].filter(([, use]) => compareVersions(use.since, minAppVersion) > 0).map(([api, use]) => [api, use.since]));
		expect(found).toEqual(OVERRIDDEN_HOOKS);
		// The plugin calls none of them as Obsidian's API itself.
		for (const api of Object.keys(OVERRIDDEN_HOOKS)) expect(called.has(api)).toBe(false);
	});
});
