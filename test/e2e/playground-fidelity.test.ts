import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../playground/server/server";
import { getIconIds } from "../double/ui";
import { FLASH_MS } from "../double/workspace";
import { CLIP_NOTE, DEMO_VAULT, describeInBrowser, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";

/** A demo note with frontmatter, `##` headings, a `**bold**` phrase and links the plugin turns into chips. */
const FORMS_NOTE = "Other plugins' timestamps.md";
const FORMS_LINES = readFileSync(join(DEMO_VAULT, FORMS_NOTE), "utf8").split("\n");
/** 1-based line numbers in that note. */
const HEADING = FORMS_LINES.findIndex((l) => l.startsWith("## Links to a moment")) + 1;
const BOLD = FORMS_LINES.findIndex((l) => l.includes("**Convert timestamps to markdown links**")) + 1;

/** The text of each line CodeMirror draws in the open note, by 1-based line number (lines inside a block widget are not drawn). */
function shownLines(page: Page): Promise<Record<number, string>> {
	return page.evaluate(() => {
		const view = (window as unknown as PlaygroundWindow).playground.noteView()?.editorView;
		if (!view) throw new Error("No editor open.");
		const out: Record<number, string> = {};
		for (const el of Array.from(view.contentDOM.querySelectorAll(".cm-line"))) out[view.state.doc.lineAt(view.posAtDOM(el, 0)).number] = el.textContent ?? "";
		return out;
	});
}

function noteText(page: Page): Promise<{ editor: string; vault: string }> {
	return page.evaluate(() => {
		const { app, noteView } = (window as unknown as PlaygroundWindow).playground;
		const view = noteView();
		if (!view?.file) throw new Error("No note open.");
		return { editor: view.editor.getValue(), vault: app.vault.readSync(view.file) };
	});
}

/**
 * The icon ids the plugin's source hands Obsidian: `setIcon(el, "id")` (with `cond ? "a" : "b"`),
 * `.setIcon("id")`, commands' and tools' `icon: "id"`, `this.icon = "id"`, `getIcon() { return "id" }`,
 * `addRibbonIcon("id", …)` and `addAction("id", …)`.
 */
function pluginIconIds(): string[] {
	const ids = new Set<string>();
	// In `cond ? "a" : "b"` the ids are after the `?` (the condition may hold strings of its own).
	const quoted = (s: string) => Array.from(s.slice(Math.max(0, s.lastIndexOf("?"))).matchAll(/"([^"]+)"/g), (m) => m[1] ?? "");
	const patterns = [
		/setIcon\([^;\n]*?,\s*((?:[^,;\n]*?\?\s*)?"[^"]+"(?:\s*:\s*"[^"]+")?)\s*\)/g,
		/\.setIcon\(\s*((?:[^,;\n]*?\?\s*)?"[^"]+"(?:\s*:\s*"[^"]+")?)\s*\)/g,
		/\bicon:\s*((?:[^,;\n]*?\?\s*)?"[^"]+"(?:\s*:\s*"[^"]+")?)/g,
		/\bthis\.icon\s*=\s*("[^"]+")/g,
		/getIcon\(\)[^{]*\{\s*return\s+("[^"]+")/g,
		/(?:addRibbonIcon|addAction)\(\s*("[^"]+")/g,
	];
	const dir = join(REPO_ROOT, "src");
	for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
		if (!file.endsWith(".ts")) continue;
		const source = readFileSync(join(dir, file), "utf8");
		for (const pattern of patterns) for (const m of source.matchAll(pattern)) for (const id of quoted(m[1] ?? "")) ids.add(id);
	}
	return [...ids].sort();
}

describe("the icons the plugin uses", () => {
	it("all have a glyph in the double's setIcon (none draws blank or as the missing-icon box)", () => {
		const used = pluginIconIds();
		// The scan finds what it should: the panel's layout button, the ribbon, the commands.
		expect(used).toEqual(expect.arrayContaining(["list-tree", "clock", "list-video", "copy", "film", "skip-forward", "skip-back", "wrench", "chevron-up", "pause"]));
		expect(used.filter((id) => !getIconIds().includes(id))).toEqual([]);
	});
});

/** A free port on 127.0.0.1 (closed again, for a server started next). */
async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
	const { port } = probe.address() as AddressInfo;
	await new Promise<void>((done) => probe.close(() => done()));
	return port;
}

/**
 * Runs `npm run <script> -- args` from the repository, as a person would, until it prints its
 * "Open a note:" hint; returns the hint's address and a way to stop it (its whole process group).
 */
async function runCli(script: string, args: string[]): Promise<{ hint: URL; output: string; stop(): Promise<void> }> {
	const child = spawn("npm", ["run", "--silent", script, "--", ...args], { cwd: REPO_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
	let output = "";
	const exited = new Promise<void>((done) => child.once("exit", () => done()));
	const stop = async () => {
		if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
		await exited;
	};
	try {
		const hint = await new Promise<URL>((resolve, reject) => {
			const read = (chunk: Buffer) => {
				output += chunk.toString();
				const m = /^Open a note: (\S+)/m.exec(output);
				if (m?.[1]) resolve(new URL(m[1]));
			};
			child.stdout.on("data", read);
			child.stderr.on("data", read);
			child.once("exit", (code) => reject(new Error(`npm run ${script} exited (${code}) before serving:\n${output}`)));
		});
		return { hint, output, stop };
	} catch (e) {
		await stop();
		throw e;
	}
}

/**
 * The playground as a stand-in for Obsidian (issue 18): Live Preview renders markdown as Obsidian
 * does away from the cursor, the command palette leaves the note alone, reading view flashes the
 * line a panel row reveals, every icon draws, the CLI takes its options and names a note that exists.
 */
describeInBrowser("playground fidelity", () => {
	const playground = usePlayground();
	let vault = "";

	beforeAll(() => {
		// A vault without Welcome.md, its only note in a folder.
		vault = mkdtempSync(join(tmpdir(), "vc-cli-vault-"));
		mkdirSync(join(vault, "content"));
		writeFileSync(join(vault, "content", "x.md"), "---\nvideoId: aXGo1o_baBo\n---\n\n# A note in a folder\n\nA claim <a class=\"yt-timestamp\" data-t=\"00:00:24\">[00:00:24]</a>.\n");
	});
	afterAll(() => {
		if (vault) rmSync(vault, { recursive: true, force: true });
	});

	it("Live Preview hides ## and ** and shows the frontmatter as properties away from the cursor, and the markdown on the cursor's line", async () => {
		const { page } = await playground.open({ note: FORMS_NOTE, mode: "live" });
		const before = await noteText(page);
		const heading = "Links to a moment of a file in this vault";

		let lines = await shownLines(page);
		expect(lines[HEADING]).toBe(heading);
		expect(lines[BOLD]).toContain("The form Convert timestamps to markdown links writes");
		expect(lines[BOLD]).not.toContain("**");
		expect([1, 2, 3, 4].map((n) => lines[n]), "the frontmatter is one block, not lines").toEqual([undefined, undefined, undefined, undefined]);
		expect(await page.locator(".metadata-container .metadata-property-key").allInnerTexts()).toEqual(["title", "video"]);
		expect(await page.locator(".cm-line.HyperMD-header-2 .cm-header-2").first().innerText()).toBe(heading);
		expect(await page.locator(".cm-strong").first().innerText()).toBe("Convert timestamps to markdown links");
		// The plugin's chips draw over the links they replace.
		expect(await page.locator(".markdown-source-view .vc-chip").count()).toBeGreaterThan(4);

		// The heading's line under the cursor shows its markup; the bold line still hides its own.
		await page.locator(".cm-line.HyperMD-header-2", { hasText: heading }).click();
		lines = await shownLines(page);
		expect(lines[HEADING]).toBe(`## ${heading}`);
		expect(lines[BOLD]).not.toContain("**");

		await page.locator(".cm-strong", { hasText: "Convert timestamps" }).click();
		lines = await shownLines(page);
		expect(lines[BOLD]).toContain("**Convert timestamps to markdown links**");
		expect(lines[HEADING]).toBe(heading);

		// A click on the properties puts the cursor in the frontmatter, which shows as YAML.
		await page.locator(".metadata-container").click();
		lines = await shownLines(page);
		expect([1, 2, 3, 4].map((n) => lines[n])).toEqual(["---", "title: Other plugins' timestamps", 'video: "[[clip.webm]]"', "---"]);
		expect(await page.locator(".metadata-container").count()).toBe(0);
		expect(lines[HEADING]).toBe(heading);

		// Source mode shows the markdown as written wherever the cursor is.
		await page.getByRole("button", { name: "Source" }).click();
		await page.evaluate((line) => (window as unknown as PlaygroundWindow).playground.noteView()?.editor.setCursor({ line, ch: 0 }), FORMS_LINES.length - 1);
		lines = await shownLines(page);
		expect(lines[1]).toBe("---");
		expect(lines[HEADING]).toBe(`## ${heading}`);
		expect(lines[BOLD]).toContain("**Convert timestamps to markdown links**");
		expect(await noteText(page), "looking changes nothing").toEqual(before);
	});

	it("runs a command from Ctrl+P with Enter and leaves the note as it was, the cursor where it was; offers only commands that can run", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "live" });
		const cursor = () => page.evaluate(() => (window as unknown as PlaygroundWindow).playground.noteView()?.editor.getCursor());
		/** Ctrl+P, `query`, Enter, from the line that starts "Try the playback commands". */
		const run = async (query: string, name: string) => {
			await page.locator(".cm-line", { hasText: "Try the playback commands" }).click();
			const before = { text: await noteText(page), at: await cursor() };
			await page.keyboard.press("Control+p");
			// As in Obsidian, only what can run now is offered (this note has no markdown links to convert).
			expect(await page.locator(".playground-palette .suggestion-item").allInnerTexts()).not.toContain("Video Citations: Convert markdown links to timestamps");
			await page.keyboard.type(query);
			expect(await page.locator(".playground-palette .suggestion-item.is-selected").innerText()).toBe(`Video Citations: ${name}`);
			await page.keyboard.press("Enter");
			expect(await page.locator(".playground-palette").count()).toBe(0);
			// Past the editor's save delay: the Enter that ran the command is not a new line in the note.
			await page.waitForTimeout(600);
			expect(await noteText(page), `"${name}" leaves the note alone`).toEqual(before.text);
			expect(await cursor()).toEqual(before.at);
			expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content")), "focus is back in the note").toBe(true);
		};

		await run("open player", "Open player for this note");
		await page.locator(".vc-player-view video").waitFor();
		await page.getByRole("button", { name: "Source" }).click();
		await run("copy citations csv", "Copy citations as CSV");
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain("The counter reads 46 here");
	});

	it("shows the right sidebar as Obsidian's tab groups: the player in its own group above, the panel and the transcript as two tabs of one, and a panel row plays the video with the panel still in view", async () => {
		const { page } = await playground.open({ note: CLIP_NOTE, mode: "reading" });
		await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.app.commands.execute("video-citations:show-transcript"));
		const groups = page.locator(".mod-right-split > .workspace-tabs");
		const headers = (n: number) => groups.nth(n).locator(".workspace-tab-header");
		await expect.poll(() => headers(1).count()).toBe(2);
		expect(await groups.count()).toBe(2);
		expect(await headers(0).evaluateAll((els) => els.map((el) => el.getAttribute("data-type")))).toEqual(["video-citations-player"]);
		expect(await headers(1).evaluateAll((els) => els.map((el) => [el.getAttribute("data-type"), el.getAttribute("aria-label"), el.classList.contains("is-active")]))).toEqual([
			["video-citations-panel", "Citations", false],
			["video-citations-transcript", "Transcript", true],
		]);
		// The player's group is above the other, and each group shows one leaf: the transcript's tab is in front.
		const top = async (selector: string) => (await page.locator(selector).boundingBox())?.y ?? NaN;
		expect(await top(".mod-right-split .vc-player-view")).toBeLessThan(await top(".mod-right-split .vc-transcript"));
		expect(await page.locator(".mod-right-split .vc-transcript").isVisible()).toBe(true);
		expect(await page.locator(".mod-right-split .vc-panel").isVisible()).toBe(false);

		await headers(1).first().click();
		expect(await page.locator(".mod-right-split .vc-panel").isVisible()).toBe(true);
		expect(await page.locator(".mod-right-split .vc-transcript").isVisible()).toBe(false);
		expect(await headers(1).evaluateAll((els) => els.map((el) => el.classList.contains("is-active")))).toEqual([true, false]);

		await page.locator(".mod-right-split .vc-panel .vc-panel-row", { hasText: "The counter reads 46 here" }).locator(".vc-panel-chip").first().click();
		await page.waitForFunction(() => {
			const v = document.querySelector<HTMLVideoElement>(".vc-player-view video");
			return !!v && v.currentTime >= 46 && !v.paused;
		}, undefined, { timeout: 20_000 });
		expect(await page.locator(".mod-right-split .vc-player-view video").isVisible(), "the player is in view").toBe(true);
		expect(await page.locator(".mod-right-split .vc-panel").isVisible(), "the panel is still in view").toBe(true);
		expect(await page.locator(".mod-right-split .vc-panel .vc-panel-row.is-playing", { hasText: "The counter reads 46 here" }).isVisible()).toBe(true);
	});

	it("scrolls reading view to the line a citations-panel row's text reveals, and flashes it", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading" });
		const scroller = ".mod-root .markdown-reading-view";
		expect(await page.locator(scroller).evaluate((el) => el.scrollTop)).toBe(0);
		const rows = page.locator(".mod-right-split .vc-panel .vc-panel-list .vc-panel-row");
		const row = rows.nth((await rows.count()) - 1);
		const claim = (await row.locator(".vc-panel-text").innerText()).trim();
		await row.locator(".vc-panel-text").click();

		const flashing = page.locator(`${scroller} .is-flashing`);
		await expect.poll(() => flashing.count()).toBe(1);
		expect((await flashing.innerText()).replace(/\s+/g, " ")).toContain(claim.replace(/…$/, "").slice(0, 40));
		const seen = await page.evaluate((sel) => {
			const el = document.querySelector(`${sel} .is-flashing`) as HTMLElement;
			const box = document.querySelector(sel) as HTMLElement;
			const a = el.getBoundingClientRect();
			const b = box.getBoundingClientRect();
			return { scrolled: box.scrollTop > 0, inView: a.top >= b.top - 1 && a.bottom <= b.bottom + 1 };
		}, scroller);
		expect(seen.scrolled, "the reading view scrolled down to it").toBe(true);
		expect(seen.inView, "the flashed line is in view").toBe(true);
		await expect.poll(() => flashing.evaluate((el) => getComputedStyle(el).backgroundColor), { message: "the flash shows" }).not.toBe("rgba(0, 0, 0, 0)");
		// A flash, not a highlight that stays.
		await expect.poll(() => flashing.count(), { timeout: FLASH_MS + 3000 }).toBe(0);
	});

	it("draws every icon the plugin puts on the page, the panel's Group by heading button included", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "live" });
		const icons = () =>
			page.evaluate(() =>
				// Icons on screen: a control hidden until it applies (the bar's loop button, say) draws nothing yet.
				Array.from(document.querySelectorAll<SVGSVGElement>("svg.svg-icon")).filter((svg) => svg.getClientRects().length > 0).map((svg) => {
					const box = svg.querySelector("path")?.getBBox();
					return { id: svg.dataset.icon ?? "", missing: svg.hasAttribute("data-icon-missing"), drawn: !!box && box.width + box.height > 0, in: svg.parentElement?.className ?? "" };
				}),
			);
		const seen = await icons();
		const layout = page.locator(".vc-panel .vc-panel-layout");
		expect(await layout.getAttribute("aria-label")).toBe("Sort by time");
		await layout.click();
		expect(await layout.getAttribute("aria-label")).toBe("Group by heading");
		expect(await layout.locator("svg").getAttribute("data-icon")).toBe("list-tree");
		// The citation menu's icons too.
		await page.locator(".vc-panel .vc-panel-row .vc-panel-text").first().click({ button: "right" });
		await page.locator(".playground-menu").waitFor();
		seen.push(...(await icons()));

		expect(seen.filter((i) => i.missing || !i.drawn)).toEqual([]);
		expect([...new Set(seen.map((i) => i.id))]).toEqual(expect.arrayContaining(["list-video", "film", "copy", "clock", "list-tree", "chevron-down", "link", "crosshair"]));
	});

	it("opens a note named with a leading ./ in the address", async () => {
		const { page } = await playground.open({ note: `./${SEED_NOTE}`, mode: "reading" });
		expect(await page.evaluate(() => document.body.dataset.note)).toBe(SEED_NOTE);
		expect(await page.locator(".notice").allInnerTexts()).toEqual([]);
	});

	it("npm run demo takes --port N and --vault DIR, and its hint names a note of that vault, which opens", { timeout: 180_000 }, async () => {
		const port = await freePort();
		const cli = await runCli("demo", ["--port", String(port), "--vault", vault]);
		try {
			expect(cli.hint.origin).toBe(`http://127.0.0.1:${port}`);
			expect(cli.output).toContain(`(vault: ${vault})`);
			expect(cli.hint.searchParams.get("note")).toBe("content/x.md");
			const { page } = await playground.open({ base: cli.hint.origin + "/", note: cli.hint.searchParams.get("note") ?? "", mode: "reading" });
			expect(await page.evaluate(() => document.body.dataset.note)).toBe("content/x.md");
			expect(await page.locator(".notice").allInnerTexts()).toEqual([]);
			expect(await page.locator(".markdown-reading-view h1").innerText()).toBe("A note in a folder");
		} finally {
			await cli.stop();
		}
	});

	it("npm run playground names Welcome.md in the demo vault, which exists", async () => {
		const port = await freePort();
		const cli = await runCli("playground", ["--port", String(port)]);
		try {
			expect(cli.hint.origin).toBe(`http://127.0.0.1:${port}`);
			expect(cli.hint.searchParams.get("note")).toBe("Welcome.md");
			const { page } = await playground.open({ base: cli.hint.origin + "/", note: "Welcome.md" });
			expect(await page.locator(".notice").allInnerTexts()).toEqual([]);
		} finally {
			await cli.stop();
		}
	});
});
