import { installDomHelpers } from "../double/dom";

/**
 * A second window standing in for an Obsidian pop-out: an iframe's own window (its own document,
 * globals and `YT`), with Obsidian's DOM helpers installed.
 */
export function popoutWindow(): Window & typeof globalThis {
	const frame = document.createElement("iframe");
	document.body.appendChild(frame);
	const win = frame.contentWindow as (Window & typeof globalThis) | null;
	if (!win) throw new Error("jsdom gave the iframe no window");
	installDomHelpers(win);
	return win;
}
