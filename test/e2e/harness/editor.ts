import type { Page } from "playwright-core";
import type { PlaygroundWindow } from "./playground";

/**
 * The document positions (`EditorView.posAtDOM`) of every element matching `selector` in the
 * open note's editor, scrolling it from top to bottom: CodeMirror only draws what is near the
 * viewport, so a long note's decorations are never all in the DOM at once.
 */
export async function editorPositionsOf(page: Page, selector: string): Promise<number[]> {
	return page.evaluate(async (sel) => {
		const view = (window as unknown as PlaygroundWindow).playground.noteView()?.editorView;
		if (!view) throw new Error("No editor open.");
		const frame = () => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)));
		const found = new Set<number>();
		const scroller = view.scrollDOM;
		scroller.scrollTop = 0;
		await frame();
		for (;;) {
			for (const el of Array.from(view.contentDOM.querySelectorAll(sel))) found.add(view.posAtDOM(el, 0));
			if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
			scroller.scrollTop += Math.max(100, scroller.clientHeight * 0.8);
			await frame();
		}
		scroller.scrollTop = 0;
		await frame();
		return [...found].sort((a, b) => a - b);
	}, selector);
}
