import { describe, expect, it, vi } from "vitest";
import { App, Component, debounce, Events, MarkdownRenderer, MarkdownView, Notice } from "./obsidian";
import { editorInfoField, editorLivePreviewField } from "./obsidian";
import { settle } from "../helpers/plugin";
import { installDomHelpers } from "./dom";

describe("the obsidian test double", () => {
	it("Component releases listeners, intervals and children on unload", () => {
		const parent = new Component();
		const child = new Component();
		const onunload = vi.spyOn(child, "onunload");
		parent.load();
		parent.addChild(child);
		const el = createDiv();
		const clicks = vi.fn();
		parent.registerDomEvent(el, "click", clicks);
		parent.registerInterval(window.setInterval(() => {}, 1000));
		expect(Component.liveDomListeners).toBe(1);
		expect(Component.liveIntervals).toBe(1);
		parent.unload();
		el.click();
		expect(clicks).not.toHaveBeenCalled();
		expect(onunload).toHaveBeenCalled();
		expect(Component.liveDomListeners).toBe(0);
		expect(Component.liveIntervals).toBe(0);
	});

	it("opening a pop-out window fires window-open with its WorkspaceWindow (win, doc) and the window; closing it, window-close", () => {
		const app = new App();
		const frame = document.body.createEl("iframe");
		const win = frame.contentWindow as Window & typeof globalThis;
		installDomHelpers(win);
		const seen: string[] = [];
		app.workspace.on("window-open", (w: { win: Window; doc: Document }, window: Window) => seen.push(`open ${String(w.doc === win.document && w.win === win && window === win)}`));
		app.workspace.on("window-close", (w: { doc: Document }) => seen.push(`close ${String(w.doc === win.document)}`));
		app.workspace.popoutDocument = win.document;
		app.workspace.popoutDocument = win.document;
		expect(app.workspace.openPopoutLeaf().containerEl.ownerDocument).toBe(win.document);
		app.workspace.popoutDocument = null;
		expect(seen).toEqual(["open true", "close true"]);
		frame.remove();
	});

	it("Events counts and removes handlers", () => {
		const events = new Events();
		const ref = events.on("x", () => {});
		expect(events.listenerCount("x")).toBe(1);
		events.offref(ref);
		expect(events.listenerCount()).toBe(0);
	});

	it("debounce fires once after the last call", async () => {
		const fn = vi.fn();
		const d = debounce(fn, 5, true);
		d(1);
		d(2);
		await new Promise((r) => window.setTimeout(r, 20));
		expect(fn).toHaveBeenCalledTimes(1);
		expect(fn).toHaveBeenCalledWith(2);
	});

	it("DOM helpers build elements like Obsidian's", () => {
		const el = createDiv({ cls: "a b", text: "hi", attr: { "data-x": "1" } });
		const span = el.createSpan({ cls: "c" });
		expect(el.outerHTML).toBe('<div class="a b" data-x="1">hi<span class="c"></span></div>');
		el.toggleClass("a", false);
		expect(el.hasClass("a")).toBe(false);
		span.setText("t");
		el.empty();
		expect(el.childNodes.length).toBe(0);
	});

	it("opens a note in a MarkdownView with a real editor carrying Obsidian's fields", async () => {
		const app = new App();
		const file = app.vault.seed("n.md", "---\nvideoId: aXGo1o_baBo\n---\nText");
		const view = await app.workspace.openNote(file, "live");
		const cm = view.editorView;
		expect(cm?.state.field(editorInfoField)?.file?.path).toBe("n.md");
		expect(cm?.state.field(editorLivePreviewField)).toBe(true);
		view.setMode("source");
		expect(cm?.state.field(editorLivePreviewField)).toBe(false);
		expect(app.workspace.getActiveViewOfType(MarkdownView)).toBe(view);
		expect(app.metadataCache.getFileCache(file)?.frontmatter).toEqual({ videoId: "aXGo1o_baBo" });
	});

	it("undoes an editor change as one step and saves typing without counting it as a plugin write", async () => {
		const app = new App();
		const file = app.vault.seed("n.md", "abc");
		const view = await app.workspace.openNote(file);
		view.editor.setCursor({ line: 0, ch: 3 });
		view.editor.replaceSelection("def");
		// Saved once typing pauses, as in Obsidian, not on every keystroke.
		expect(app.vault.readSync(file)).toBe("abc");
		view.save();
		expect(app.vault.readSync(file)).toBe("abcdef");
		view.editor.undo();
		expect(view.editor.getValue()).toBe("abc");
		expect(app.vault.writes).toEqual([]);
	});

	it("renders reading view in sections and runs post-processors with section info", async () => {
		const app = new App();
		const file = app.vault.seed("n.md", "---\nvideoId: x\n---\n# Title\n\nPara <b>one</b>.\n\n- item\n");
		const seen: { text: string; lines: [number, number] | null }[] = [];
		app.markdownPostProcessors.push((el, ctx) => {
			const info = ctx.getSectionInfo(el);
			seen.push({ text: el.textContent ?? "", lines: info ? [info.lineStart, info.lineEnd] : null });
			expect(ctx.frontmatter).toEqual({ videoId: "x" });
		});
		await app.workspace.openNote(file, "reading");
		await settle();
		expect(seen.map((s) => s.lines)).toEqual([
			[3, 3],
			[5, 5],
			[7, 7],
		]);
		expect(seen[1]?.text.trim()).toBe("Para one.");
		expect(Notice.shown).toEqual([]);
	});

	it("MarkdownRenderer.render embeds a YouTube image as Obsidian's own iframe, starting at t", async () => {
		const app = new App();
		const owner = new Component();
		owner.load();
		const render = async (markdown: string) => {
			const el = createDiv();
			await MarkdownRenderer.render(app, markdown, el, "", owner);
			return el;
		};
		const el = await render("![](https://www.youtube.com/watch?v=aXGo1o_baBo&t=2811)");
		const frame = el.querySelector("iframe");
		expect(el.querySelector("img")).toBeNull();
		expect(frame?.getAttribute("src")).toBe("https://www.youtube.com/embed/aXGo1o_baBo?start=2811");
		expect(frame?.className).toBe("external-embed mod-receives-events");
		expect(frame?.getAttribute("allow")).toBe("fullscreen");
		expect(frame?.getAttribute("sandbox")).toContain("allow-scripts");
		const src = async (markdown: string) => (await render(markdown)).querySelector("iframe")?.getAttribute("src") ?? null;
		expect(await src("![](https://youtu.be/aXGo1o_baBo?t=1m30s)")).toBe("https://www.youtube.com/embed/aXGo1o_baBo?start=90");
		expect(await src("![](https://www.youtube.com/watch?v=aXGo1o_baBo)")).toBe("https://www.youtube.com/embed/aXGo1o_baBo");
		// Not a YouTube video: an image, as before.
		expect(await src("![](https://example.org/a.png)")).toBeNull();
		expect(await src("![](https://www.youtube.com/watch?v=short)")).toBeNull();
		expect(await src("![](https://www.youtube.com.evil.example/watch?v=aXGo1o_baBo)")).toBeNull();
		// A link is not an embed.
		expect(await src("[x](https://www.youtube.com/watch?v=aXGo1o_baBo)")).toBeNull();
		owner.unload();
	});
	it("a sidebar is a split of tab groups: getRightLeaf(false) adds a tab to the last group, getRightLeaf(true) a group below; a header click, revealLeaf and detach pick the shown tab", async () => {
		const app = new App();
		const ws = app.workspace;
		const first = ws.getRightLeaf(false);
		const second = ws.getRightLeaf(false);
		const third = ws.getRightLeaf(true);
		expect(ws.rightSplit.children.map((tabs) => tabs.children)).toEqual([[first, second], [third]]);
		const [group, below] = ws.rightSplit.children;
		expect(group?.containerEl.parentElement).toBe(ws.rightSplit.containerEl);
		expect(group?.containerEl.nextElementSibling).toBe(below?.containerEl);
		expect([first, second, third].map((l) => l.containerEl.hidden)).toEqual([false, true, false]);
		const headers = [...(group?.tabHeaderContainerEl.querySelectorAll<HTMLElement>(".workspace-tab-header") ?? [])];
		expect(headers.map((h) => [h.getAttribute("aria-label"), h.hasClass("is-active"), h.querySelector("svg") !== null])).toEqual([
			["New tab", true, true],
			["New tab", false, true],
		]);
		headers[1]?.click();
		expect([first.containerEl.hidden, second.containerEl.hidden, headers[0]?.hasClass("is-active"), headers[1]?.hasClass("is-active")]).toEqual([true, false, false, true]);
		ws.rightSplit.collapse();
		await ws.revealLeaf(first);
		expect([ws.rightSplit.collapsed, first.containerEl.hidden, second.containerEl.hidden]).toEqual([false, false, true]);
		first.detach();
		expect(second.containerEl.hidden).toBe(false);
		expect(group?.tabHeaderContainerEl.childElementCount).toBe(1);
		second.detach();
		expect(ws.rightSplit.children).toEqual([below]);
		expect(group?.containerEl.isConnected).toBe(false);
		expect(ws.getRightLeaf(false).parent).toBe(below);
	});
});
