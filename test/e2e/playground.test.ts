import { expect, it } from "vitest";
import { editorElements } from "./harness/editor";
import { describeInBrowser, SEED_NOTE, usePlayground, type PlaygroundWindow } from "./harness/playground";

/** The playground itself: it hosts the built plugin like Obsidian and behaves like a workspace. */
describeInBrowser("playground", () => {
	const playground = usePlayground();

	it("loads the built plugin without console errors and opens the Welcome note", async () => {
		const session = await playground.open();
		const state = await session.page.evaluate(() => {
			const { app, plugin } = (window as unknown as PlaygroundWindow).playground;
			return {
				id: plugin.manifest.id,
				loaded: (plugin as unknown as { _loaded: boolean })._loaded,
				settingTabs: app.settingTabs.length,
				note: document.body.dataset.note,
				title: document.querySelector(".mod-root .view-header-title")?.textContent,
				script: Array.from(document.scripts).some((s) => new URL(s.src || "x:", location.href).pathname === "/main.js"),
			};
		});
		expect(state).toEqual({ id: "video-citations", loaded: true, settingTabs: 1, note: "Welcome.md", title: "Welcome", script: true });
		// A note without a video makes no request to YouTube (or anywhere else: see usePlayground).
		expect(session.youtubeRequests).toEqual([]);
	});

	it("switches between reading view, Live Preview and source mode from the toolbar", async () => {
		const { page } = await playground.open({ note: SEED_NOTE, mode: "reading" });
		const shown = () =>
			page.evaluate(() => ({
				reading: !(document.querySelector(".markdown-reading-view") as HTMLElement).hidden,
				editor: !(document.querySelector(".markdown-source-view") as HTMLElement).hidden,
				live: document.querySelector(".markdown-source-view")?.classList.contains("is-live-preview"),
				mode: new URL(location.href).searchParams.get("mode"),
			}));
		expect(await shown()).toEqual({ reading: true, editor: false, live: false, mode: "reading" });
		await page.getByRole("button", { name: "Live Preview" }).click();
		expect(await shown()).toEqual({ reading: false, editor: true, live: true, mode: "live" });
		await page.getByRole("button", { name: "Source" }).click();
		expect(await shown()).toEqual({ reading: false, editor: true, live: false, mode: "source" });
		await page.getByRole("button", { name: "Reading" }).click();
		expect(await shown()).toEqual({ reading: true, editor: false, live: false, mode: "reading" });
	});

	it("switches the theme with Obsidian's body classes and theme colours", async () => {
		const { page } = await playground.open({ theme: "light" });
		const look = () =>
			page.evaluate(() => ({
				dark: document.body.classList.contains("theme-dark"),
				background: getComputedStyle(document.querySelector(".mod-root") as Element).backgroundColor,
			}));
		expect(await look()).toEqual({ dark: false, background: "rgb(255, 255, 255)" });
		await page.getByRole("button", { name: "Dark theme" }).click();
		expect(await look()).toEqual({ dark: true, background: "rgb(30, 30, 30)" });
	});

	it("opens a note from an internal link, keeping the view mode", async () => {
		const { page } = await playground.open({ mode: "reading" });
		await page.locator(".markdown-reading-view a.internal-link", { hasText: "Sample clip" }).click();
		await expect.poll(() => page.evaluate(() => document.body.dataset.note)).toBe("Sample clip.md");
		expect(await page.locator(".mod-root .view-header-title").innerText()).toBe("Sample clip");
		expect(await page.evaluate(() => document.body.dataset.mode)).toBe("reading");
	});

	it("explains an unknown note or mode in a notice and falls back", async () => {
		const session = await playground.open({ note: "No such note.md" });
		const notices = await session.page.locator(".notice").allInnerTexts();
		expect(notices).toContain('No note "No such note.md" in this vault; showing Welcome.md.');
		expect(await session.page.evaluate(() => document.body.dataset.note)).toBe("Welcome.md");
	});

	it("draws the plugin's context menus; items run by click or by keyboard", async () => {
		const { page } = await playground.open();
		const showMenu = () =>
			page.evaluate(() => {
				type Obsidian = typeof import("../double/obsidian");
				const w = window as unknown as { require(id: string): Obsidian; chosen?: string[] };
				const { Menu } = w.require("obsidian");
				w.chosen ??= [];
				new Menu()
					.addItem((item) => item.setTitle("Disabled item").setDisabled(true).onClick(() => w.chosen?.push("disabled")))
					.addItem((item) => item.setTitle("Copy link").setIcon("link").onClick(() => w.chosen?.push("copy")))
					.addItem((item) => item.setTitle("Reveal in note").onClick(() => w.chosen?.push("reveal")))
					.showAtPosition({ x: 300, y: 200 });
			});
		const chosen = () => page.evaluate(() => (window as unknown as { chosen?: string[] }).chosen);
		await showMenu();
		await page.getByRole("menuitem", { name: "Disabled item" }).click({ force: true });
		await page.getByRole("menuitem", { name: "Copy link" }).click();
		expect(await chosen()).toEqual(["copy"]);
		expect(await page.locator(".playground-menu").count()).toBe(0);
		await showMenu();
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("Enter");
		expect(await chosen()).toEqual(["copy", "reveal"]);
		await showMenu();
		await page.keyboard.press("Escape");
		expect(await page.locator(".playground-menu").count()).toBe(0);
	});

	it("opens the plugin's settings, whose controls change the plugin's settings", async () => {
		const { page } = await playground.open();
		const settings = () => page.evaluate(() => JSON.stringify(((window as unknown as PlaygroundWindow).playground.plugin as unknown as { settings: unknown }).settings));
		const before = await settings();
		await page.getByRole("button", { name: "Settings" }).click();
		const dialog = page.getByRole("dialog", { name: "Settings" });
		await dialog.locator(".checkbox-container").first().click();
		await expect.poll(settings).not.toBe(before);
		await page.keyboard.press("Escape");
		expect(await dialog.count()).toBe(0);
	});

	it("gives pop-out leaves a second document with the page's styles and theme", async () => {
		const { page } = await playground.open({ theme: "dark" });
		const popout = await page.evaluate(async (path) => {
			const pg = (window as unknown as PlaygroundWindow).playground;
			const doc = pg.openPopout();
			const leaf = pg.app.workspace.openPopoutLeaf();
			const file = pg.app.vault.getFileByPath(path);
			if (!file) throw new Error("no seed note");
			await leaf.openFile(file);
			const frame = document.querySelector("iframe.playground-popout") as HTMLIFrameElement;
			return {
				sameDoc: frame.contentDocument === doc && leaf.containerEl.ownerDocument === doc,
				inFrame: doc.body.contains(leaf.containerEl),
				dark: doc.body.classList.contains("theme-dark"),
				styles: doc.querySelectorAll("link[rel=stylesheet]").length,
				editor: !!doc.querySelector(".cm-editor"),
			};
		}, SEED_NOTE);
		expect(popout).toEqual({ sameDoc: true, inFrame: true, dark: true, styles: 3, editor: true });
	});

	it("finds decorations across a note CodeMirror only partly draws (harness self-check)", async () => {
		// Source mode: every line of the note is a .cm-line (Live Preview draws the frontmatter as one block).
		const { page } = await playground.open({ note: SEED_NOTE, mode: "source" });
		const drawnAtOnce = await page.locator(".markdown-source-view .cm-line").count();
		const lines = await editorElements(page, ".cm-line");
		const total = await page.evaluate(() => (window as unknown as PlaygroundWindow).playground.noteView()?.editorView?.state.doc.lines);
		expect(drawnAtOnce, "CodeMirror draws only part of the note").toBeLessThan(total ?? 0);
		expect(lines.length).toBe(total);
	});
});
