import type { Page } from "playwright-core";
import type { PlaygroundWindow } from "./playground";

/** An element found in the editor: where it sits in the document and what it says. */
export interface EditorElement {
	/** `EditorView.posAtDOM(el, 0)`: the document offset where the element starts. */
	pos: number;
	ariaLabel: string | null;
	text: string;
	className: string;
}

/**
 * Every element matching `selector` in the open note's editor, one per document position,
 * sorted by position, found by scrolling the editor from top to bottom: CodeMirror only draws
 * what is near the viewport, so a long note's decorations are never all in the DOM at once.
 */
export async function editorElements(page: Page, selector: string): Promise<EditorElement[]> {
	return page.evaluate(async (sel) => {
		const view = (window as unknown as PlaygroundWindow).playground.noteView()?.editorView;
		if (!view) throw new Error("No editor open.");
		const frame = () => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)));
		const found = new Map<number, { pos: number; ariaLabel: string | null; text: string; className: string }>();
		const scroller = view.scrollDOM;
		scroller.scrollTop = 0;
		await frame();
		for (;;) {
			for (const el of Array.from(view.contentDOM.querySelectorAll(sel))) {
				const pos = view.posAtDOM(el, 0);
				if (!found.has(pos)) found.set(pos, { pos, ariaLabel: el.getAttribute("aria-label"), text: el.textContent ?? "", className: el.className });
			}
			if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
			scroller.scrollTop += Math.max(100, scroller.clientHeight * 0.8);
			await frame();
		}
		scroller.scrollTop = 0;
		await frame();
		return [...found.values()].sort((a, b) => a.pos - b.pos);
	}, selector);
}

/**
 * Scrolls the open note's editor until the element matching `selector` that covers document
 * offset `pos` is drawn, and tags it `data-e2e-target` (only it), so the test can click it with
 * a real mouse through `page.locator("[data-e2e-target]")`. Returns whether one was found.
 */
export async function targetEditorElement(page: Page, selector: string, pos: number): Promise<boolean> {
	return page.evaluate(
		async ({ sel, at }) => {
			const view = (window as unknown as PlaygroundWindow).playground.noteView()?.editorView;
			if (!view) throw new Error("No editor open.");
			for (const old of Array.from(document.querySelectorAll("[data-e2e-target]"))) old.removeAttribute("data-e2e-target");
			const frame = () => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)));
			const find = () =>
				Array.from(view.contentDOM.querySelectorAll<HTMLElement>(sel)).find((el) => {
					const from = view.posAtDOM(el, 0);
					const to = view.posAtDOM(el, el.childNodes.length);
					return from <= at && (at < to || from === at);
				});
			let el = find();
			const box = () => el?.getBoundingClientRect();
			const scroller = view.scrollDOM.getBoundingClientRect();
			const inView = () => {
				const b = box();
				return !!b && b.top >= scroller.top && b.bottom <= scroller.bottom;
			};
			if (!el || !inView()) {
				const EditorViewClass = view.constructor as unknown as { scrollIntoView(pos: number, options: { y: string }): unknown };
				view.dispatch({ effects: EditorViewClass.scrollIntoView(at, { y: "center" }) as never });
				await frame();
				el = find();
			}
			if (!el) return false;
			el.setAttribute("data-e2e-target", "");
			return true;
		},
		{ sel: selector, at: pos },
	);
}
