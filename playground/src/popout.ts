import { installDomHelpers } from "../../test/double/dom";
import type { App, WorkspaceLeaf } from "../../test/double/obsidian";

/**
 * A pop-out-like second document: an iframe on the page with the same styles and theme, handed
 * to the workspace so `openPopoutLeaf()` builds its leaves there. Plugin code that uses
 * `activeDocument`/`el.doc` keeps working; code that reaches for the main `document` shows up.
 */
export function openPopoutDocument(app: App, doc: Document): Document {
	const existing = app.workspace.popoutDocument;
	if (existing) return existing;
	const frame = doc.body.createEl("iframe", { cls: "playground-popout", attr: { title: "Pop-out window" } });
	const win = frame.contentWindow as (Window & typeof globalThis) | null;
	const popout = frame.contentDocument;
	if (!win || !popout) throw new Error("The browser gave the pop-out frame no document.");
	installDomHelpers(win);
	for (const link of Array.from(doc.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]"))) {
		popout.head.appendChild(popout.importNode(link, true));
	}
	popout.body.className = doc.body.className;
	popout.body.addClass("is-popout-window");
	app.workspace.popoutDocument = popout;
	return popout;
}

/**
 * Moves `leaf` into the pop-out document, as a tab dragged out to its own window: its element is
 * adopted there (an iframe inside reloads, as in Obsidian), it becomes a window leaf, its view is
 * told to resize (where Obsidian's views notice a new window) and the layout changes.
 */
export function moveLeafToPopout(app: App, doc: Document, leaf: WorkspaceLeaf): Document {
	const popout = openPopoutDocument(app, doc);
	app.workspace._takeOutOfTabs(leaf);
	popout.body.appendChild(popout.adoptNode(leaf.containerEl));
	leaf.side = "window";
	leaf.onResize();
	app.workspace.trigger("layout-change");
	return popout;
}
