/**
 * vitest setup: Obsidian's DOM helpers in jsdom, plus the layout APIs jsdom lacks that
 * CodeMirror calls (`Range.getClientRects`, `ResizeObserver`, `elementFromPoint`).
 */
import { afterEach } from "vitest";
import { installDomHelpers } from "./double/dom";
import { Notice, Menu } from "./double/ui";

installDomHelpers(window);

const emptyRects = (): DOMRectList => Object.assign([] as DOMRect[], { item: () => null });
const zeroRect = (): DOMRect => new DOMRect(0, 0, 0, 0);
Range.prototype.getClientRects = emptyRects;
Range.prototype.getBoundingClientRect = zeroRect;
if (!("ResizeObserver" in window)) {
	(window as unknown as Record<string, unknown>).ResizeObserver = class {
		observe(): void {}
		unobserve(): void {}
		disconnect(): void {}
	};
}
if (!document.elementFromPoint) document.elementFromPoint = () => null;

afterEach(() => {
	Notice.reset();
	Menu.lastShown = null;
	document.body.empty();
});
