/**
 * vitest setup: Obsidian's DOM helpers in jsdom, plus the layout APIs jsdom lacks that
 * CodeMirror calls (`Range.getClientRects`, `ResizeObserver`, `elementFromPoint`).
 */
import { afterEach } from "vitest";
import fc from "fast-check";
import { installDomHelpers } from "./double/dom";
import { Notice, Menu } from "./double/ui";
import { network } from "./double/util";

installDomHelpers(window);

// Property tests run the same cases every run, so `npm test` passes or fails the same way on every
// machine; `FC_SEED=random npm test` (or any number) explores new cases, and a failure prints the
// seed that reproduces it.
const seed = process.env.FC_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed ? Number(seed) : 20261125 });

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
	network.reset();
	document.body.empty();
});
