import { describe, expect, it, vi } from "vitest";
import { App, Component, Menu } from "../double/obsidian";
import { installDomHelpers } from "../double/dom";
import { CitationList } from "../../src/views/CitationList";
import { CitationsView, VIEW_TYPE_CITATIONS } from "../../src/views/CitationsView";
import { corpusNote, SEED_PATH } from "../helpers/corpus";
import { footprint, loadPlugin, settle } from "../helpers/plugin";
import { anchor, click, fileAt, makeApp, note, openNote, openPanel, rowEls, rowsOf, settlePanels } from "./harness";

/** A note with `n` citations in paragraphs, a heading every 50. */
function bigNote(n: number): string {
	const parts: string[] = [];
	for (let i = 0; i < n; i++) {
		if (i % 50 === 0) parts.push(`## Part ${i / 50 + 1}`);
		const s = i * 3;
		const t = `${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
		parts.push(`Claim number ${i} about something said at this moment ${anchor(t)}.`);
	}
	return note(parts.join("\n\n") + "\n");
}

function counts(app: App, playbackListeners: () => number) {
	return {
		dom: Component.liveDomListeners,
		workspace: app.workspace.listenerCount(),
		vault: app.vault.listenerCount(),
		metadata: app.metadataCache.listenerCount(),
		playback: playbackListeners(),
	};
}

describe("citations panel lifecycle", () => {
	it("leaves no listener, subscription or timer behind when closed", async () => {
		const made = makeApp({ [SEED_PATH]: corpusNote(SEED_PATH) });
		const noteView = await openNote(made.app, SEED_PATH);
		const before = counts(made.app, () => made.playback.listeners.size);
		const { el, leaf, playback, app } = await openPanel(made);
		expect(counts(app, () => playback.listeners.size)).not.toEqual(before);
		click(el.querySelector(".vc-panel-chip") as Element);
		click(el.querySelector(".vc-panel-layout") as Element);
		const show = vi.spyOn(CitationList.prototype, "show");
		// An edit whose debounced re-read would land after the panel closed.
		noteView.editor.replaceRange("x", { line: 6, ch: 0 });
		leaf.detach();
		await settle();
		expect(counts(app, () => playback.listeners.size)).toEqual(before);
		await new Promise((resolve) => window.setTimeout(resolve, 400));
		expect(show).not.toHaveBeenCalled();
	});

	it("stops rendering rows in chunks once closed", async () => {
		const made = makeApp({ "big.md": bigNote(2000) });
		const { leaf, view } = await openPanel(made);
		await made.app.workspace.openNote(fileAt(made.app, "big.md"));
		const rendered = view.citationList.renderedCount;
		expect(rendered).toBeLessThan(2000);
		leaf.detach();
		for (let i = 0; i < 5; i++) await new Promise((resolve) => window.requestAnimationFrame(resolve));
		expect(view.citationList.renderedCount).toBe(rendered);
	});

	it("registers a command and a ribbon icon that open one panel in the right sidebar, and unloads cleanly", async () => {
		const app = new App();
		document.body.appendChild(app.workspace.containerEl);
		app.vault.seed(SEED_PATH, corpusNote(SEED_PATH));
		const before = footprint(app);
		const { plugin } = await loadPlugin(app);
		expect(app.commands.commands.get("video-citations:open-citations-panel")?.name).toBe("Video Citations: Open citations panel");
		expect(app.commands.commands.get("video-citations:open-citations-panel")?.hotkeys).toBeUndefined();
		expect(app.commands.execute("video-citations:open-citations-panel")).toBe(true);
		await settle();
		const ribbon = app.workspace.leftRibbon.containerEl.querySelector('[aria-label="Open citations panel"]') as HTMLElement;
		expect(ribbon.querySelector("[data-icon]")?.getAttribute("data-icon")).toBe("list-video");
		click(ribbon);
		await settle();
		const leaves = app.workspace.getLeavesOfType(VIEW_TYPE_CITATIONS);
		expect(leaves).toHaveLength(1);
		expect(leaves[0]?.side).toBe("right");
		const view = leaves[0]?.view as unknown as CitationsView;
		expect(view).toBeInstanceOf(CitationsView);
		expect(view.getDisplayText()).toBe("Citations");
		expect(view.getIcon()).toBe("list-video");
		const noteView = await openNote(app, SEED_PATH);
		expect(rowsOf(view.containerEl)).toHaveLength(32);
		noteView.leaf.detach();
		plugin.unload();
		await settle();
		// Obsidian keeps the sidebar leaf, emptied, for when the plugin comes back: only its shell stays.
		expect(leaves[0]?.view.getViewType()).toBe("empty");
		expect(view.containerEl.isConnected).toBe(false);
		expect({ ...footprint(app), bodyNodes: 0 }).toEqual({ ...before, bodyNodes: 0 });
	});

	it("renders a note with 2,000 citations in chunks, and at once up to a row that is needed", async () => {
		const made = makeApp({ "big.md": bigNote(2000) });
		const { view, playback } = await openPanel(made);
		await made.app.workspace.openNote(fileAt(made.app, "big.md"));
		const list = view.citationList;
		expect(list.rowCount).toBe(2000);
		expect(list.renderedCount).toBeGreaterThan(0);
		expect(list.renderedCount).toBeLessThan(2000);
		playback.emit({ video: { kind: "youtube", id: "aXGo1o_baBo" }, seconds: 1999 * 3 + 1 });
		expect(list.renderedCount).toBe(2000);
		expect(view.containerEl.querySelector(".vc-panel-row.is-playing .vc-panel-text")?.textContent).toBe("Claim number 1999 about something said at this moment");
		expect(view.containerEl.querySelectorAll(".vc-panel-group")).toHaveLength(40);
	});

	it("renders hostile note content as text only", async () => {
		const hostile = '"><img src=x onerror=alert(1)>';
		const text = note(
			`## ${hostile}\n\nclaim &lt;img src=x onerror=alert(2)&gt; <a class="yt-timestamp" data-t="00:04:00">${hostile}[00:04:00]</a>.\n\n` +
				`bad <a class="yt-timestamp" data-t="${hostile}">x</a>\n`,
			`videoId: aXGo1o_baBo\ntitle: "${hostile}"`,
		);
		const made = makeApp({ "h.md": text });
		const { el, app, clipboard } = await openPanel(made);
		await openNote(app, "h.md");
		expect(el.querySelectorAll("img, script, [onerror]")).toHaveLength(0);
		expect(el.querySelector(".vc-panel-group-title")?.textContent).toContain('">');
		expect(rowsOf(el)[0]?.text).toBe("claim <img src=x onerror=alert(2)>");
		expect(el.querySelector(".vc-panel-invalid-item")?.textContent).toMatch(/^Line 9: /);
		click(rowEls(el)[0] as Element, "contextmenu");
		Menu.lastShown?.click("Copy citation as Markdown");
		await settle();
		expect(clipboard.written).toEqual(["- [4:00](https://youtu.be/aXGo1o_baBo?t=240) claim &lt;img src=x onerror=alert(2)>"]);
	});

	it("works in a pop-out window: rows, chunks and clicks live in that window's document", async () => {
		// An iframe gives jsdom a second window and document, as a pop-out window does in the app.
		const frame = document.createElement("iframe");
		document.body.appendChild(frame);
		const popout = frame.contentWindow as Window & typeof globalThis;
		installDomHelpers(popout);
		const made = makeApp({ "big.md": bigNote(400) });
		made.app.workspace.popoutDocument = popout.document;
		const leaf = made.app.workspace.openPopoutLeaf();
		await leaf.setViewState({ type: VIEW_TYPE_CITATIONS });
		const view = leaf.view as unknown as CitationsView;
		await openNote(made.app, "big.md");
		const first = view.containerEl.querySelector(".vc-panel-row") as HTMLElement;
		expect(first.ownerDocument).toBe(popout.document);
		expect(view.containerEl.ownerDocument).not.toBe(document);
		await settlePanels(made.app);
		expect(view.citationList.renderedCount).toBe(400);
		first.querySelector(".vc-panel-chip")?.dispatchEvent(new popout.MouseEvent("click", { bubbles: true }));
		expect(made.playback.seeks.map((s) => s.seconds)).toEqual([0]);
		leaf.detach();
	});
});
