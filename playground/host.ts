/**
 * The playground page's script (bundled to `playground/dist/host.js`): Obsidian's DOM helpers
 * on the real window, then the boot sequence. A failure is shown on the page, not just logged.
 */
import { installDomHelpers } from "../test/double/dom";
import { bootPlayground } from "./src/boot";

installDomHelpers(window);
bootPlayground(window).catch((e: unknown) => {
	console.error(e);
	document.body.dataset.playground = "error";
	const box = document.body.createDiv({ cls: "playground-fatal", attr: { role: "alert" } });
	box.createEl("strong", { text: "The playground could not start." });
	box.createEl("pre", { text: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});
